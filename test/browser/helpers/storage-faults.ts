/**
 * Simulated storage failures. These stub the browser's IndexedDB APIs (the storage layer a browser may
 * refuse), never `fetch`. Every stub is undone by `restoreIndexedDB()` (which `resetPage()` calls).
 * Call `_resetSessionsForTests()` (or `resetPage({keepStorage: true})`) before, so the core opens anew.
 */
const restores: (() => void)[] = [];

function patch<T extends object>(obj: T, key: PropertyKey, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(obj, key);
  Object.defineProperty(obj, key, { value, configurable: true, writable: true });
  restores.push(() => (own ? Object.defineProperty(obj, key, own) : delete (obj as any)[key]));
}

/** Undoes every stub, newest first. */
export function restoreIndexedDB(): void {
  while (restores.length) restores.pop()!();
}

/** `indexedDB` is gone (as with `dom.indexedDB.enabled=false`): idb-keyval then throws synchronously. */
export function removeIndexedDB(): void {
  patch(globalThis, 'indexedDB', undefined);
}

/** A fake open request that fails with `name` (or never settles when `name` is null). */
function fakeOpen(name: string | null): IDBOpenDBRequest {
  const req: any = { result: undefined, error: name && new DOMException('simulated', name), readyState: 'pending' };
  if (name) setTimeout(() => req.onerror?.(new Event('error')));
  return req;
}

/** `indexedDB.open` fails (Firefox private mode style, `InvalidStateError`); returns a call counter. */
export function failIndexedDBOpen(name = 'InvalidStateError'): { calls: number } {
  const counter = { calls: 0 };
  patch(indexedDB, 'open', () => (counter.calls++, fakeOpen(name)));
  return counter;
}

/** `indexedDB.open` never answers. */
export function hangIndexedDBOpen(): void {
  patch(indexedDB, 'open', () => fakeOpen(null));
}

/** Every write fails with `QuotaExceededError` (reads still work). */
export function quotaExceededOnWrite(): void {
  patch(IDBObjectStore.prototype, 'put', () => {
    throw new DOMException('simulated', 'QuotaExceededError');
  });
}

/** Records the connections the page opens, so a test can close them "behind the core's back". */
export function trackConnections(): IDBDatabase[] {
  const dbs: IDBDatabase[] = [];
  const open = indexedDB.open;
  patch(indexedDB, 'open', function (this: IDBFactory, ...args: [string, number?]) {
    const req = open.apply(this, args);
    req.addEventListener('success', () => dbs.push(req.result));
    return req;
  });
  return dbs;
}
