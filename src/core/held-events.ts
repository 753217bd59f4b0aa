/**
 * An `EventTarget` that can hold back what it dispatches (issue 14, early session restore). A `Session` started
 * ahead of its first `getSession()` (the CDN loader starts it while the elements' chunks download) holds its
 * events; the first `getSession()` releases them one microtask later, after the caller's synchronous
 * `addEventListener` calls, in order. So the first element sees its page's `change` (source `load`) as it did when
 * the restore began at its own upgrade, only sooner.
 */
const MAX_HELD = 16;

export class HeldEvents extends EventTarget {
  #held?: Event[];
  #claimed = false;
  #releasing = false;

  /** @internal From now on, events wait for `_release()` (no-op once released). */
  _hold(): void {
    if (!this.#claimed) this.#held ??= [];
  }

  /** @internal Delivers the held events one microtask from now, in order, and stops holding for good. */
  _release(): void {
    this.#claimed = true;
    const held = this.#held;
    if (!held || this.#releasing) return;
    this.#releasing = true;
    queueMicrotask(() => {
      // Events dispatched meanwhile (also by a listener of a held event) join the queue, so the order stays.
      for (let ev; (ev = held.shift()); ) this.dispatchEvent(ev);
      this.#held = undefined;
    });
  }

  /** Dispatches `ev` now, or holds it (the oldest are dropped beyond 16: a session nobody asked for for long). */
  protected _deliver(ev: Event): void {
    if (!this.#held) return void this.dispatchEvent(ev);
    this.#held.push(ev);
    if (this.#held.length > MAX_HELD) this.#held.shift();
  }
}
