import {html, nothing, type TemplateResult} from 'lit';
import type {Config} from '../../core/config.js';
import {emit} from '../../core/events.js';
import {isSession, sendPasswordlessQuietly, verifyPasswordlessLink} from '../../core/passwordless.js';
import {getSession} from '../../core/session.js';
import {localeOf, msg} from '../../i18n/index.js';
import type {ActionController, RunOptions} from '../../internal/controllers/action.js';
import type {Msg} from '../../internal/controllers/errors.js';
import {handOverChallenge} from '../../internal/steps/hand-over.js';
import '../../i18n/en/link.js'; // its texts (issue 14: messages per chunk)

/**
 * `<lr-email-link>` with `vtype=oneclicksignin` (issue 13): the passwordless link signs the user in (P2), or hands a
 * second-factor challenge over; a used or expired link offers "Send a new link" when the address is known.
 */
export class PasswordlessLink {
  readonly #el: HTMLElement;
  readonly #act: ActionController;

  constructor(el: HTMLElement, act: ActionController) {
    this.#el = el;
    this.#act = act;
  }

  /** Verifies the link; resolves with the result text, or undefined when it failed (shown by `onError`). */
  async signIn(cfg: Config, token: string, onError: RunOptions['onError']): Promise<Msg | undefined> {
    const r = await this.#act.run((signal) => verifyPasswordlessLink(cfg, token, {signal}), {
      slot: 'link',
      progress: 'link.passwordless.busy',
      shown: true,
      onError,
    });
    if (!r.ok) return undefined;
    const answer = r.value;
    const next = isSession(answer) ? {session: answer} : await handOverChallenge(this.#el, answer);
    if (!('session' in next)) return next.message;
    const profile = await getSession(cfg).adopt(next.session);
    emit(this.#el, 'lr-logged-in', {profile});
    return {key: 'link.passwordless.done'};
  }

  /** "Send a new link" to `email` (back to this page) when `show` and the address is known; unknown accounts look sent. */
  offer(show: boolean, cfg: Config, email: string): TemplateResult | typeof nothing {
    if (!show || !email) return nothing;
    const send = async () => {
      if (this.#act.blocked) return;
      const url = location.href.split(/[?#]/)[0]!;
      const request = (signal: AbortSignal) => sendPasswordlessQuietly(cfg, email, {signal, verificationUrl: url});
      const r = await this.#act.run(request, {slot: 'resend', progress: 'link.passwordless.resending', minMs: 600});
      if (!r.ok) return;
      this.#act.notify('link.passwordless.resent', {email}, {slot: 'resend'});
      emit(this.#el, 'lr-passwordless-sent', {email});
    };
    // Rendered in the next step's actions row (`next-step.ts`).
    return html`<button type="button" class="lr-button lr-link__send-new" ?disabled=${this.#act.blocked} @click=${send}>
        ${msg('link.passwordless.resend', undefined, localeOf(this.#el))}
      </button>
      ${this.#act.message('resend')}`;
  }
}
