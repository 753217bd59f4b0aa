import {nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {ActionController} from '../controllers/action.js';
import type {ResendOptions, ResendResult, ResendVerification} from '../resend-verification.js';

/**
 * `ResendVerification` for an element that offers it only after something happened (`<lr-login>` after a 970,
 * `<lr-register>` on its "sent" step, `<lr-email-link>` for a used or expired link): the module is imported the first
 * time there is an address to offer it for (or a cooldown to start, or a send), so the element's first screen does not download it. Until it is there, `render()`
 * renders nothing (the step's own text already says what happened) and asks for an update once it has loaded; a
 * failed download is tried again at the next render, never an unhandled rejection.
 */
export class LazyResend {
  readonly #host: HTMLElement & ReactiveControllerHost;
  readonly #act: ActionController;
  readonly #o: ResendOptions;
  #resend: ResendVerification | undefined;
  #loading: Promise<void> | undefined;
  /** Cooldowns asked for before the module was there. */
  readonly #waits: string[] = [];

  constructor(host: HTMLElement & ReactiveControllerHost, act: ActionController, o: ResendOptions) {
    this.#host = host;
    this.#act = act;
    this.#o = o;
  }

  #load(): void {
    this.#loading ??= import('../resend-verification.js').then(
      ({ResendVerification}) => {
        const r = (this.#resend ??= new ResendVerification(this.#host, this.#act, this.#o));
        for (const email of this.#waits.splice(0)) r.wait(email);
        this.#host.requestUpdate();
      },
      () => void (this.#loading = undefined), // offline: the next render tries again
    );
  }

  /** Starts the cooldown of `email` (loading the module first when needed). */
  wait(email: string): void {
    if (this.#resend) return this.#resend.wait(email);
    this.#waits.push(email);
    this.#load();
  }

  /** Sends a new link to `email`, loading the module first (a failed download is said at the slot). */
  async send(email: string): Promise<ResendResult> {
    this.#load();
    await this.#loading;
    if (this.#resend) return this.#resend.send(email);
    this.#act.fail({key: 'error.generic', kind: 'network'}, {slot: this.#o.slot, form: this.#o.form?.() ?? null});
    return 'failed';
  }

  /** The button for `email` once the module is there; nothing without an address or before. */
  render(email: string): TemplateResult | typeof nothing {
    if (this.#resend || !email) return this.#resend?.render(email) ?? nothing;
    this.#load();
    return nothing;
  }
}
