import { LrError } from '../../../src/core/errors.js';
/** Small test utilities shared by core and element tests. */

/** Waits until `check()` is truthy (polling every 20 ms) or throws after `timeoutMs`. */
export async function until(check: () => unknown, what = 'condition', timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Recorded {
  type: string;
  detail: unknown;
  bubbles: boolean;
  composed: boolean;
}

/** Records events of the given types on `target` (all `lr-*` / session events by default). */
export function recordEvents(target: EventTarget, types: string[]) {
  const events: Recorded[] = [];
  const on = (e: Event) =>
    events.push({ type: e.type, detail: (e as CustomEvent).detail, bubbles: e.bubbles, composed: e.composed });
  for (const t of types) target.addEventListener(t, on);
  return {
    events,
    of: (type: string) => events.filter((e) => e.type === type),
    types: () => events.map((e) => e.type),
    stop: () => types.forEach((t) => target.removeEventListener(t, on)),
  };
}

export const SESSION_EVENTS = ['change', 'logged-in', 'logged-out', 'expired', 'storage-unavailable'];

/** Throws when any recorded detail contains one of the secrets (tokens, passwords). */
export function assertNoSecrets(events: { detail: unknown }[], ...secrets: (string | undefined)[]): void {
  const text = JSON.stringify(events.map((e) => e.detail));
  for (const s of secrets) if (s && text.includes(s)) throw new Error('an event detail contains a secret');
}

/** Resolves with the LrError a call rejects with (fails the test when it resolves, or rejects otherwise). */
export async function failure(p: Promise<unknown>): Promise<LrError> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof LrError)) throw new Error(`expected an LrError, got ${String(e)}`);
    return e;
  }
  throw new Error('expected the call to fail');
}
