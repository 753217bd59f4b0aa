import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {ErrorCodes} from '../../core/codes.js';
import type {Config} from '../../core/config.js';
import {emit} from '../../core/events.js';
import {sendPasswordlessQuietly, verifyPasswordlessLink} from '../../core/passwordless.js';
import {getSession} from '../../core/session.js';
import {localeOf, msg} from '../../i18n/index.js';
import type {ActionController, RunOptions} from '../../internal/controllers/action.js';
import type {Msg} from '../../internal/controllers/errors.js';
import {challengeAddress, firstFactor, handOverChallenge} from '../../internal/steps/hand-over.js';
import type {SecondFactorStep} from '../../internal/steps/second-factor/index.js';
import '../../i18n/en/link.js'; // its texts (issue 14: messages per chunk)

let nextId = 0;

/**
 * `<lr-email-link>` with `vtype=oneclicksignin` (issue 13): the passwordless link signs the user in (P2); on an MFA
 * site it answers with a challenge and the shared second-factor step shows in the element (`step()`) until the user
 * is signed in. A used or expired link, and "start again" in that step (the link is used up by then), offer "Send a
 * new link" when the address is known.
 */
export class PasswordlessLink {
  readonly #el: ReactiveControllerHost & HTMLElement;
  readonly #act: ActionController;
  #step: SecondFactorStep | undefined;
  /** The address the challenge named (the link's own page may not know it). */
  #address = '';
  readonly #id = `lr-pwlink${++nextId}`;

  constructor(el: ReactiveControllerHost & HTMLElement, act: ActionController) {
    this.#el = el;
    this.#act = act;
  }

  /** Whether the second-factor step shows (the element's `view` is then `second-factor`). */
  get showing(): boolean {
    return !!this.#step;
  }

  /** The second-factor step while it shows (the element renders it instead of its current view). */
  step(): TemplateResult | undefined {
    return this.#step?.render();
  }

  /** Verifies the link; resolves with the result text, or undefined when it failed (shown by `onError`). */
  async signIn(cfg: Config, token: string, onError: RunOptions['onError']): Promise<Msg | undefined> {
    const r = await this.#act.run((signal) => verifyPasswordlessLink(cfg, token, {signal}).then(firstFactor), {
      slot: 'link',
      progress: 'link.passwordless.busy',
      shown: true,
      onError,
    });
    if (!r.ok) return undefined;
    this.#address = challengeAddress(r.value);
    const login = await handOverChallenge(r.value, {
      host: this.#el,
      act: this.#act,
      config: cfg,
      account: this.#address,
      msg: (key, params) => msg(key, params, localeOf(this.#el)),
      uid: (name) => `${this.#id}-${name}`,
      show: (step) => ((this.#step = step), this.#el.requestUpdate()),
      restartFocus: '.lr-link__message',
      restartSlot: 'link',
    });
    // "Start again" (or an expired step): the link was used by the first factor; the user needs a new one.
    if (!login) return void onError?.({kind: 'api', code: ErrorCodes.PasswordlessLinkUsed, key: 'link.passwordless.used'}, undefined);
    const profile = await getSession(cfg).adopt(login);
    emit(this.#el, 'lr-logged-in', {profile});
    return {key: 'link.passwordless.done'};
  }

  /** "Send a new link" to `email` (back to this page) when `show` and the address is known; unknown accounts look sent. */
  offer(show: boolean, cfg: Config, email: string): TemplateResult | typeof nothing {
    email ||= this.#address;
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
