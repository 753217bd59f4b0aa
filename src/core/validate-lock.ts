/**
 * The cross-tab validation lock of one session (Web Locks, name `lr-validate:<session id>`): a stored token is
 * validated, and extended, by one tab at a time.
 *
 * `fn` learns whether it had to wait: a lock that was free when asked for (`ifAvailable`) means no other tab of
 * this origin was validating or extending, so what the caller read from storage just before asking is still what
 * another tab would have left (a session's first restore uses that read and skips a second one, issue 14). A lock
 * that was held elsewhere is waited for, and `fn(true)` should re-read storage. Without Web Locks, or when the
 * wait fails (the holder is stuck past `3 × timeoutMs`: two timed-out attempts plus backoff), `fn(true)` runs
 * unlocked. `fn` runs at most once; its own rejection is passed on.
 */
export async function validateLock(id: string, timeoutMs: number, fn: (waited: boolean) => Promise<void>): Promise<void> {
  const name = 'lr-validate:' + id;
  let ran = false;
  const run = (waited: boolean) => ((ran = true), fn(waited));
  try {
    await navigator.locks.request(name, { ifAvailable: true }, (lock) => (lock ? run(false) : undefined));
    if (!ran) await navigator.locks.request(name, { signal: AbortSignal.timeout(3 * timeoutMs) }, () => run(true));
  } catch (e) {
    if (ran) throw e;
    await fn(true);
  }
}
