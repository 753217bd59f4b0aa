import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/** The only profile fields kept on disk. */
export interface StoredProfile {
  Uid: string;
  Email?: string;
  FirstName?: string | null;
  LastName?: string | null;
  FullName?: string | null;
  EmailVerified?: boolean;
}

export interface StoredSession {
  token: string;
  /** Token expiry as the API sent it (ISO date), informational only. */
  expiresAt?: string;
  profile: StoredProfile;
  /** When the token was last validated with the API (ms epoch), so other tabs can skip a re-validation. */
  validatedAt?: number;
  /** When `expiresAt` was last set by a sign-in or an extension (ms epoch): the keep-alive times from it. */
  since?: number;
}

export type StorageFailure = 'unsupported' | 'quota' | 'timeout' | 'error';

let idb: UseStore | undefined;
/** Set once IndexedDB failed; from then on the page uses `memory`. */
export let storageFailure: StorageFailure | undefined;
const memory = new Map<string, StoredSession>();

const reasonOf = (e: any): StorageFailure =>
  e == 'timeout' ? 'timeout' : e?.name == 'QuotaExceededError' ? 'quota' : typeof indexedDB == 'undefined' ? 'unsupported' : 'error';

/** Runs an idb-keyval call guarded: sync throws, rejections and hangs (2 s) all become a rejection. */
async function guarded<T>(fn: (s: UseStore) => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    let t: ReturnType<typeof setTimeout> | undefined;
    try {
      idb ??= createStore('lr-elements', 'session');
      return await Promise.race([
        fn(idb),
        new Promise<never>((_, reject) => (t = setTimeout(reject, 2000, 'timeout'))),
      ]);
    } catch (e) {
      // idb-keyval may keep a dead connection or a failed open: use a fresh store next time.
      idb = undefined;
      const reason = reasonOf(e);
      if (retry || reason != 'error') throw reason;
    } finally {
      clearTimeout(t);
    }
  }
}

/**
 * Opens the database now, so that the first `load()` does not wait for it (issue 14: the core session module calls
 * it when it is evaluated). Reads nothing: a session's first read still sees what other tabs stored until then.
 * Never throws; a failure here is found again, and reported, by that first read.
 */
export function openEarly(): void {
  if (typeof indexedDB != 'undefined') guarded((s) => s('readonly', () => undefined)).catch(() => {});
}

/** Reads the session stored for `key`; never throws (falls back to memory). */
export async function load(key: string): Promise<StoredSession | undefined> {
  if (!storageFailure) {
    try {
      return await guarded((s) => get<StoredSession>(key, s));
    } catch (reason) {
      storageFailure = reason as StorageFailure;
    }
  }
  return memory.get(key);
}

/** Stores (or with `undefined` removes) the session for `key`; never throws (falls back to memory). */
export async function save(key: string, value: StoredSession | undefined): Promise<void> {
  value ? memory.set(key, value) : memory.delete(key);
  // After a quota failure, still try to remove a stale token from disk (best effort).
  if (storageFailure && (value || storageFailure != 'quota')) return;
  try {
    await guarded((s) => (value ? set(key, value, s) : del(key, s)));
  } catch (reason) {
    storageFailure ??= reason as StorageFailure;
  }
}

/** TEST ONLY: forget the fallback state and the cached IndexedDB connection. */
export function _resetStoreForTests(): void {
  idb = undefined;
  storageFailure = undefined;
  memory.clear();
}
