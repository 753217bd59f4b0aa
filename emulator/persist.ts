/**
 * Durability of `--data FILE`: the snapshot `FILE` (JSON, written atomically: temp file, fsync, rename, fsync of
 * the folder) plus the journal `FILE.journal` next to it (one JSON line per commit, fsync'd before the answer).
 *
 * - `commit()` resolves once every change made so far is on disk; the router awaits it before answering, so a 2xx
 *   is never lost to `kill -9` or a power cut. Commits that arrive together share one write and one fsync.
 * - Nothing changed, nothing written (GETs that change nothing, refused requests).
 * - The journal is folded into a new snapshot at start-up, on close, and when it passes `COMPACT_BYTES`.
 * - A write that fails is cut back off the journal (no torn line stays), and its requests get a 500; the next
 *   successful write is a full snapshot, so the disk catches up with memory.
 * - A torn last line (a crash mid-write, never acknowledged) is ignored on load; anything else that does not parse
 *   is a `DataFileError` with a one-line message, and the files are left as they are.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Store, type Op, type Snapshot } from './store.js';

/** Compact once the journal is larger than this. */
const COMPACT_BYTES = 8 * 1024 * 1024;

export class DataFileError extends Error {
  constructor(readonly file: string, problem: string, fix: string) {
    super(`${file} ${problem}. ${fix}.`);
    this.name = 'DataFileError';
  }
}

export interface Persistence {
  /**
   * Resolves when every change so far is on disk (at once when there is no data file or nothing changed). With
   * `since` (a `mark()` taken when the request started): when a write failed meanwhile, the request's own changes
   * may have been in it, so it resolves only after a later write of the whole state succeeds.
   */
  commit(since?: number): Promise<void>;
  /** How many writes have failed so far. */
  mark(): number;
  /** Writes what is pending, folds the journal into the snapshot, closes the journal. Throws when that fails. */
  close(): void;
}

interface JournalRecord { s: number; ops: Op[] }

const journalOf = (file: string) => `${file}.journal`;

/** Reads the snapshot and the journal records after it. Throws `DataFileError` for anything it cannot use. */
export function readDataFile(file: string): { snapshot: Snapshot | null; records: JournalRecord[] } {
  const move = `Move it away (or fix it) to start with an empty state; the emulator has not changed it`;
  let snapshot: Snapshot | null = null;
  if (existsSync(file)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new DataFileError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'Check that it is a file this user can read');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new DataFileError(file, text.trim() === '' ? 'is empty, not an emulator data file' : 'is not valid JSON (corrupt or not an emulator data file)', move);
    }
    const s = parsed as Partial<Snapshot> | null;
    if (!s || typeof s !== 'object' || !('version' in s)) throw new DataFileError(file, 'is not an emulator data file (no version)', move);
    if (s.version !== 1) throw new DataFileError(file, `has data file version ${JSON.stringify(s.version)}, this emulator reads version 1`, `Use the emulator version that wrote it, or ${move.toLowerCase()}`);
    if (!Array.isArray(s.users) || !Array.isArray(s.tokens) || !Array.isArray(s.oneTime) || !Array.isArray(s.outbox)) {
      throw new DataFileError(file, 'is missing users, tokens, oneTime or outbox', move);
    }
    snapshot = s as Snapshot;
  }
  const journal = journalOf(file);
  const records: JournalRecord[] = [];
  if (existsSync(journal)) {
    const buf = readFileSync(journal);
    const seq = snapshot?.seq ?? 0;
    let start = 0;
    let line = 0;
    while (start < buf.length) {
      line++;
      const end = buf.indexOf(0x0a, start);
      if (end < 0) break; // a torn last line: the crash came before its fsync, nobody was answered
      let rec: JournalRecord;
      try {
        rec = JSON.parse(buf.subarray(start, end).toString('utf8')) as JournalRecord;
        if (!Number.isInteger(rec.s) || !Array.isArray(rec.ops)) throw new Error('shape');
      } catch {
        if (buf.indexOf(0x0a, end + 1) < 0) break; // the last line, torn inside
        throw new DataFileError(journal, `line ${line} is corrupt`, move);
      }
      if (rec.s > seq) records.push(rec);
      start = end + 1;
    }
  }
  return { snapshot, records };
}

/** The state a data file holds (snapshot plus journal), in a store of its own: for tests and tools. */
export function readState(file: string): Store {
  const { snapshot, records } = readDataFile(file);
  const store = new Store();
  if (snapshot) store.load(snapshot);
  for (const r of records) store.apply(r.ops);
  return store;
}

/** Removes `FILE.tmp-*` left by a crash during an earlier snapshot write. */
function removeLeftovers(file: string): void {
  const dir = dirname(file), prefix = `${basename(file)}.tmp-`;
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { return; }
  for (const n of names) if (n.startsWith(prefix)) rmSync(join(dir, n), { force: true });
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch { /* not supported on every platform (Windows); the rename itself is atomic */ }
}

/** Loads the data file into the store and opens the journal. Without a data file: nothing is written, ever. */
export function openPersistence(store: Store, file: string | undefined): Persistence {
  if (!file) return { commit: () => Promise.resolve(), mark: () => 0, close() { /* nothing to write */ } };
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new DataFileError(file, 'is a folder, not a data file', 'Give --data a file name, e.g. .emulator-data.json');
  }
  const { snapshot, records } = readDataFile(file);
  removeLeftovers(file);
  if (snapshot) store.load(snapshot);
  for (const r of records) store.apply(r.ops);
  let seq = records.at(-1)?.s ?? snapshot?.seq ?? 0;
  store.trackChanges();
  store.takeChanges(); // what was just loaded is on disk already

  let fd = -1;
  let size = 0;
  let needSnapshot = false;
  let failures = 0;
  /** `failures` as of the last successful write of the whole state. */
  let recovered = 0;
  let waiting: { resolve(): void; reject(e: unknown): void }[] = [];
  let scheduled = false;

  function writeSnapshot(): void {
    const tmp = `${file}.tmp-${process.pid}`;
    const out = openSync(tmp, 'w', 0o600);
    try {
      writeSync(out, JSON.stringify(store.snapshot(seq)));
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    renameSync(tmp, file!);
    fsyncDir(dirname(file!));
  }

  /** A new snapshot, then an empty journal (a crash in between replays nothing twice: records carry `s`). */
  function compact(): void {
    store.takeChanges();
    writeSnapshot();
    if (fd < 0) fd = openSync(journalOf(file!), 'a', 0o600);
    ftruncateSync(fd, 0);
    fsyncSync(fd);
    size = 0;
    needSnapshot = false;
    recovered = failures;
  }

  function flush(): void {
    scheduled = false;
    if (fd < 0) return; // closed: close() wrote everything and answered the waiting commits
    const batch = waiting;
    waiting = [];
    try {
      if (needSnapshot || size > COMPACT_BYTES) {
        seq++;
        compact();
      } else {
        const ops = store.takeChanges();
        if (ops.length) {
          const line = Buffer.from(`${JSON.stringify({ s: seq + 1, ops })}\n`);
          try {
            writeSync(fd, line);
            fsyncSync(fd);
          } catch (e) {
            // Cut the partial line off so the journal stays readable; the next write is a full snapshot.
            needSnapshot = true;
            try { ftruncateSync(fd, size); } catch { /* the snapshot write will report the disk */ }
            throw e;
          }
          seq++;
          size += line.length;
        }
      }
      for (const w of batch) w.resolve();
    } catch (e) {
      needSnapshot = true;
      failures++;
      console.error(`[emulator] could not write ${file}: ${(e as Error).message}`);
      for (const w of batch) w.reject(e);
    }
  }

  compact();
  return {
    mark: () => failures,
    commit(since) {
      const unsure = since !== undefined && failures > since && recovered < failures;
      // Reads never write (nor fail while the disk does, unless they overlapped a failed write).
      if (!store.mayHaveChanges && !unsure) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (!scheduled) { scheduled = true; setImmediate(flush); }
      });
    },
    close() {
      if (fd < 0) return;
      const batch = waiting.splice(0);
      try {
        seq++;
        compact();
        for (const w of batch) w.resolve();
      } catch (e) {
        for (const w of batch) w.reject(e);
        throw e;
      } finally {
        closeSync(fd);
        fd = -1;
      }
    },
  };
}
