import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import * as api from '../core/client.js';
import {ErrorCodes} from '../core/codes.js';
import type {Config} from '../core/config.js';
import {isApiError} from '../core/errors.js';
import {emit} from '../core/events.js';
import {localeOf, msg, type MessageKey} from '../i18n/index.js';
import type {ActionController} from './controllers/action.js';
import {Cooldowns} from './cooldowns.js';

export interface ResendOptions {
  /** The message slot of the button (its outcome shows there). */
  slot: string;
  /** Class of the button (e.g. `lr-login__resend`), next to `lr-button`. */
  className: string;
  /** The button's text (`{email}`: the address). */
  label: MessageKey;
  config: () => Config;
  /** The page that handles the link (`verificationurl`); '' for the site's default. */
  verificationUrl: () => string;
  /** Seconds before the same address can be sent another link (its countdown shows beside the button). */
  cooldown?: number;
  /** The form whose edits clear the outcome message. */
  form?: () => HTMLFormElement | null;
  /** After a send that did not fail (the host may hide the button, move focus). */
  onDone?: (result: Exclude<ResendResult, 'failed'>) => void;
}

/** What `send()` did: sent, already verified (nothing sent), or failed / refused (the message says so). */
export type ResendResult = 'sent' | 'verified' | 'failed';

/**
 * "Send a new verification link" for one address, shared by the sign-in (after 970), the register card (after
 * registering) and the email-link page (a used or expired verification link). Only ever sends when the user
 * presses the button; a cooldown (per address) keeps the user from sending several links at once, and its
 * countdown is rendered beside the button. "Already verified" (1025 / 1126) is not a failure: nothing was sent
 * and the user can sign in. On success: the `…sent` message at the slot and `lr-verification-sent` on the host.
 */
export class ResendVerification {
  readonly #host: HTMLElement & ReactiveControllerHost;
  readonly #act: ActionController;
  readonly #o: ResendOptions;
  readonly #cooldowns: Cooldowns;

  constructor(host: HTMLElement & ReactiveControllerHost, act: ActionController, o: ResendOptions) {
    this.#host = host;
    this.#act = act;
    this.#o = o;
    this.#cooldowns = new Cooldowns(host);
  }

  /** Starts the cooldown of `email` (e.g. the API has just sent it a link by itself). */
  wait(email: string): void {
    this.#cooldowns.start(email.trim().toLowerCase(), this.#o.cooldown ?? 0);
  }

  /** The button (for `email`) with its countdown beside it; nothing without an address. */
  render(email: string): TemplateResult | typeof nothing {
    if (!email) return nothing;
    const act = this.#act;
    const left = this.#cooldowns.left(email.trim().toLowerCase());
    const t = (key: MessageKey, params?: Record<string, string | number>) => msg(key, params, localeOf(this.#host));
    const waitId = `${act.idOf(this.#o.slot)}-wait`;
    return html`<span class="lr-resend">
      <button
        type="button"
        class="lr-button ${this.#o.className}"
        aria-describedby=${left > 0 ? waitId : nothing}
        ?disabled=${act.blocked || left > 0}
        @click=${() => void this.send(email)}
      >
        ${t(this.#o.label, {email})}
      </button>
      ${left > 0 ? html`<span class="lr-resend__wait" id=${waitId}>${t('resend.wait', {count: left})}</span>` : nothing}
    </span>`;
  }

  /** Sends a new link to `email` (refused while one runs or the cooldown counts). */
  async send(email: string): Promise<ResendResult> {
    const key = email.trim().toLowerCase();
    const form = this.#o.form?.() ?? null;
    if (!email || this.#act.blocked || this.#cooldowns.left(key) > 0) return 'failed';
    const {slot} = this.#o;
    const opts: Parameters<typeof api.resendVerification>[2] = {};
    const url = this.#o.verificationUrl();
    if (url) opts.verificationUrl = url;
    const r = await this.#act.run(
      (signal) =>
        api.resendVerification(this.#o.config(), email, {...opts, signal}).then(
          () => 'sent' as const,
          // Verified meanwhile (e.g. in another tab): nothing to send, the user can sign in.
          (err: unknown) => (isApiError(err, ErrorCodes.AlreadyVerified, ErrorCodes.EmailAlreadyVerified) ? ('verified' as const) : Promise.reject(err)),
        ),
      {slot, progress: 'resend.busy', form},
    );
    if (!r.ok) return 'failed';
    if (r.value === 'verified') {
      this.#act.notify('resend.verified', {email}, {slot, tone: 'info', form});
    } else {
      this.wait(email);
      this.#act.notify('resend.sent', {email}, {slot, form});
      emit(this.#host, 'lr-verification-sent', {email});
    }
    this.#o.onDone?.(r.value);
    return r.value;
  }
}
