import { keepAliveConfigured } from './config.js';
import type { KeepAlive, KeepAliveHost } from './keep-alive.js';

/** What a `Session` calls on its keep-alive (keep-alive.ts has the policy). */
export type KeepAliveHandle = Pick<KeepAlive, 'schedule' | 'stop' | 'disable'> & { dispose(): void };

/** The user input that counts as "in use", and the visibility changes that end a wait for it. */
const EVENTS = ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart', 'visibilitychange'];

/**
 * A `Session`'s keep-alive (issue 13), loaded the first time the session is authenticated (issue 14): a page that
 * is never signed in does not download `keep-alive.ts`. The input listeners start with the session, as before, so
 * input made before the sign-in (typing the password) counts as use; the `KeepAlive` reads the last one from here
 * and is told of each. A failed download is tried again at the next change of the signed-in record.
 */
export function lazyKeepAlive(host: Omit<KeepAliveHost, 'lastInput'>): KeepAliveHandle {
  let alive: KeepAlive | undefined;
  let loading: Promise<void> | undefined;
  let lastInput = 0;
  let want = false;
  let off = false;
  let dead = false;
  const onInput = (e: Event): void => {
    if (e.type != 'visibilitychange') {
      if (!e.isTrusted) return; // only the user's own input keeps a session alive
      lastInput = Date.now();
    }
    alive?.input();
  };
  const listen = (on: boolean) => {
    const doc = globalThis.document;
    for (const type of EVENTS) doc?.[on ? 'addEventListener' : 'removeEventListener'](type, onInput, { capture: true, passive: true });
  };
  listen(true);
  return {
    schedule() {
      want = true;
      if (alive) return alive.schedule();
      if (off || dead || !keepAliveConfigured()) return; // nothing to extend: nothing to download
      loading ??= import('./keep-alive.js').then(
        ({ KeepAlive }) => {
          if (dead) return;
          alive = new KeepAlive({ ...host, lastInput: () => lastInput });
          off ? alive.disable() : want && alive.schedule();
        },
        () => (loading = undefined),
      );
    },
    stop() {
      want = false;
      alive?.stop();
    },
    disable() {
      off = true;
      alive?.disable();
    },
    dispose() {
      dead = true;
      alive?.stop();
      listen(false);
    },
  };
}
