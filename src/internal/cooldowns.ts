import type {ReactiveControllerHost} from 'lit';
import {CountdownController} from './countdown.js';

/** Resend cooldowns by address: one `CountdownController` per address while it counts down. */
export class Cooldowns {
  readonly #host: ReactiveControllerHost;
  readonly #running = new Map<string, CountdownController>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Whole seconds left for `key` (0 when none runs). */
  left(key: string): number {
    return this.#running.get(key)?.remaining ?? 0;
  }

  start(key: string, seconds: number): void {
    if (!(seconds > 0)) return;
    this.delete(key);
    const c = new CountdownController(this.#host, () => this.delete(key));
    this.#running.set(key, c);
    c.start(seconds);
  }

  delete(key: string): void {
    const c = this.#running.get(key);
    if (!c) return;
    c.stop();
    this.#host.removeController(c);
    this.#running.delete(key);
    this.#host.requestUpdate();
  }

  clear(): void {
    for (const key of [...this.#running.keys()]) this.delete(key);
  }
}
