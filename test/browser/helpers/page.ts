/**
 * Per-test page reset. IndexedDB is shared by every test file of a run, and the core keeps per-page
 * singletons, so call `resetAll()` (or `resetPage()` when the emulator state must stay) in `beforeEach`.
 */
import { clear, createStore } from 'idb-keyval';
import { configure } from '../../../src/core/config.js';
import { _resetSessionsForTests } from '../../../src/core/session.js';
import * as emulator from './emulator.js';
import { env } from './env.js';
import { restoreIndexedDB } from './storage-faults.js';

/** Removes the core's stored sessions (its own IndexedDB store, not idb-keyval's default one). */
export async function clearStoredSessions(): Promise<void> {
  try {
    await Promise.race([clear(createStore('lr-elements', 'session')), new Promise((r) => setTimeout(r, 3000))]);
  } catch {}
}

/**
 * As if the page had been reloaded: storage stubs undone, every Session dropped (timers, channels),
 * stored sessions removed (unless `keepStorage`), page-wide config pointing at the emulator.
 */
export async function resetPage({ keepStorage = false } = {}): Promise<void> {
  restoreIndexedDB();
  _resetSessionsForTests();
  if (!keepStorage) await clearStoredSessions();
  configure({ apiKey: env.apiKey, apiBase: env.apiBase, timeoutMs: 15000 });
}

/** `resetPage()` plus an emulator reset (users, tokens, outbox, faults, config, request log). */
export async function resetAll(): Promise<void> {
  await resetPage();
  await emulator.reset();
}
