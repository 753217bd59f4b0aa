import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {Config} from '../../core/config.js';
import {requestPasswordReset} from '../../core/forgot.js';
import {localeOf, msg, type MessageKey} from '../../i18n/index.js';
import type {ActionController} from '../../internal/controllers/action.js';
import {emailField} from '../../internal/field.js';
import {LazyResend} from '../../internal/steps/lazy-resend.js';
import type {FormValidator} from '../../internal/validation.js';
import type {LinkType} from './link.js';
import '../../i18n/en/link.js'; // its texts (issue 14: messages per chunk)

const SLOT = 'next';

export interface NextHost extends HTMLElement, ReactiveControllerHost {
  /** Where "Continue" / "Sign in" lead ('' → no such link). */
  nextUrl: string;
}

/** What the step shows: its text, the flow, whether the user is signed in now, whether a new link helps. */
export interface NextState {
  text: string;
  type: LinkType | undefined;
  /** The link completed: "Continue" (signed in) or "Sign in". */
  done?: 'continue' | 'sign-in' | undefined;
  /** A used, expired or invalid verification / reset link: offer a new one. */
  renew?: boolean;
  /** The address the link was for ('' when unknown: the user types it). */
  email: string;
  /** Rendered in the actions row too (e.g. the retry button). */
  extra?: TemplateResult | typeof nothing;
}

/** This page without its query: the link of a new email comes back here (this element completes it). */
const thisPage = () => `${location.origin}${location.pathname}`;

/**
 * The next step after every `<lr-email-link>` outcome, so no page ends without an action:
 * - verified / new password set / account deleted or kept: a "Continue" (signed in) or "Sign in" link to
 *   `next-url`;
 * - a used, expired or invalid verification or reset link: "Send a new link" (verification: Resend Verification
 *   Email; reset: Forgot Password, answered alike whether or not the address has an account). The address is the
 *   link's when it carried one (`email` attribute or query parameter, or the account's only address), else the
 *   user types it. The new email links back to this page.
 */
export class LinkNextStep {
  readonly #host: NextHost;
  readonly #act: ActionController;
  readonly #v: FormValidator;
  readonly #config: () => Config;
  readonly #resend: LazyResend;
  /** The address typed in the "send a new link" form, once sent (then the button replaces the form). */
  #typed = '';
  /** The flow of the link on screen (set by `render`). */
  #kind: LinkType | undefined;

  constructor(host: NextHost, act: ActionController, v: FormValidator, config: () => Config) {
    this.#host = host;
    this.#act = act;
    this.#v = v;
    this.#config = config;
    this.#resend = new LazyResend(host, act, { // loaded when a link failed
      slot: SLOT,
      className: 'lr-link__resend',
      label: 'resend.to',
      cooldown: 30,
      config,
      verificationUrl: thisPage,
    });
  }

  /** A new link: forget the typed address. */
  reset(): void {
    this.#typed = '';
  }

  render(s: NextState, uid: (name: string) => string): TemplateResult {
    const t = (key: MessageKey, params?: Record<string, string>) => msg(key, params, localeOf(this.#host));
    const email = s.email || this.#typed;
    this.#kind = s.type;
    const href = this.#host.nextUrl;
    // Only where the host said where to go (`next-url`): a guessed address could lead nowhere.
    const next = (key: MessageKey, primary: boolean) =>
      href ? html`<a class="lr-button ${primary ? 'lr-button--primary' : ''} lr-link__next" href=${href}>${t(key)}</a>` : nothing;
    let actions: unknown = nothing;
    let form: TemplateResult | typeof nothing = nothing;
    if (s.done) {
      actions = next(s.done === 'continue' ? 'link.next.continue' : 'link.next.signIn', true);
    } else if (s.renew && email) {
      const renew =
        s.type === 'reset'
          ? html`<button type="button" class="lr-button lr-link__resend" ?disabled=${this.#act.blocked} @click=${() => void this.#reset(email)}>
              ${t('resend.to', {email})}
            </button>`
          : this.#resend.render(email);
      actions = [renew, next('link.next.signIn', false)];
    } else if (s.renew) {
      actions = next('link.next.signIn', false);
      // A new reset link for an address the link did not carry: the sign-in form's "Forgot your password?".
      if (s.type !== 'reset') form = this.#renderForm(uid, t);
    }
    const row = [actions].flat().some((a) => a !== nothing) || (s.extra && s.extra !== nothing);
    return html`<div class="lr-panel lr-next">
      <p class="lr-notice lr-link__message" tabindex="-1">${s.text}</p>
      ${row ? html`<div class="lr-form__actions lr-next__actions">${actions}${s.extra ?? nothing}${this.#act.message(SLOT)}</div>` : nothing}
      ${form}
    </div>`;
  }

  #renderForm(uid: (name: string) => string, t: (key: MessageKey) => string): TemplateResult {
    return html`<form
      class="lr-form lr-link__renew"
      novalidate
      aria-labelledby=${uid('renew-intro')}
      aria-busy=${this.#act.running === SLOT ? 'true' : 'false'}
      @submit=${this.#onSubmit}
      @input=${this.#v.onInput}
      @change=${this.#v.onChange}
    >
      <p class="lr-form__intro" id=${uid('renew-intro')}>${t('link.resend.intro')}</p>
      ${emailField({id: uid('renew-email'), label: t('field.email'), autocomplete: 'email', error: this.#v.error('email')})}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit lr-link__renew-submit" ?disabled=${this.#act.blocked}>${t('resend.button')}</button>
        ${this.#act.message(SLOT)}
      </div>
    </form>`;
  }

  readonly #onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    if (this.#act.blocked || !this.#v.validate(form)) return;
    const email = form.querySelector<HTMLInputElement>('input[name=email]')!.value.trim();
    const ok = this.#kind === 'reset' ? await this.#reset(email) : (await this.#resend.send(email)) !== 'failed';
    if (!ok) return;
    this.#typed = email; // the form leaves: the button (with its cooldown) and the message stay
    this.#host.requestUpdate();
    await this.#act.focus('.lr-link__message');
  };

  /** Forgot Password for `email`: a new reset link to this page. */
  async #reset(email: string): Promise<boolean> {
    const r = await this.#act.run((signal) => requestPasswordReset(this.#config(), email, thisPage(), {signal}), {
      slot: SLOT,
      progress: 'forgot.busy',
      minMs: 600,
    });
    if (r.ok) this.#act.notify('forgot.sent', {email}, {slot: SLOT});
    return r.ok;
  }
}
