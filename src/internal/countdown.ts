import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * A seconds countdown for rate limiting (429 + `Retry-After`). Counts against a deadline (no drift), asks the
 * host to re-render when the shown second changes, and calls `onDone` once when it reaches zero. The timer
 * pauses while the host is disconnected and resumes (or finishes) on reconnect.
 */
export class CountdownController implements ReactiveController {
  #deadline = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #last = -1;
  readonly #host: ReactiveControllerHost;
  readonly #onDone: () => void;

  constructor(host: ReactiveControllerHost, onDone: () => void) {
    this.#host = host;
    this.#onDone = onDone;
    host.addController(this);
  }

  /** Whole seconds left (0 when idle). */
  get remaining(): number {
    return this.#deadline ? Math.max(0, Math.ceil((this.#deadline - Date.now()) / 1000)) : 0;
  }

  /** True while counting down. */
  get active(): boolean {
    return this.#deadline > 0;
  }

  start(seconds: number): void {
    this.#deadline = Date.now() + Math.max(1, seconds) * 1000;
    this.#last = -1;
    this.#run();
    this.#host.requestUpdate();
  }

  stop(): void {
    this.#deadline = 0;
    this.#pause();
  }

  hostConnected(): void {
    if (this.#deadline) this.#run();
  }

  hostDisconnected(): void {
    this.#pause();
  }

  #run(): void {
    this.#pause();
    this.#timer = setInterval(() => this.#tick(), 200);
  }

  #pause(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    const left = this.remaining;
    if (left <= 0) {
      this.stop();
      this.#onDone();
      this.#host.requestUpdate();
    } else if (left !== this.#last) {
      this.#last = left;
      this.#host.requestUpdate();
    }
  }
}
