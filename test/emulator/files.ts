/** Temporary folders for tests that use a data file; all removed once the file's tests (and their emulators) are done. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lr-emu-'));
  dirs.push(dir);
  return dir;
}

/** A data file path (`state.json`) in a new temporary folder; the file does not exist yet. */
export const tempDataFile = (): string => join(tempDir(), 'state.json');
