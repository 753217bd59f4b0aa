import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {LoginResult} from '../../core/client.js';
import type {MfaLoginResult} from '../../core/mfa.js';
import {resolveConfig} from '../../core/config.js';
import {emit} from '../../core/events.js';
import {sendPasswordlessQuietly, verifyPasswordlessCode} from '../../core/passwordless.js';
import {localeOf, msg, type MessageKey, type MessageParams} from '../../i18n/index.js';
import type {ActionController} from '../../internal/controllers/action.js';
import {CountdownController} from '../../internal/countdown.js';
import {emailField, field} from '../../internal/field.js';
import {firstFactor, handOverChallenge} from '../../internal/steps/hand-over.js';
import type {SecondFactorStep} from '../../internal/steps/second-factor/index.js';
import {FormValidator} from '../../internal/validation.js';
import '../../i18n/en/passwordless.js'; // its texts (issue 14: messages per chunk)

/** `passwordless` attribute values: off, a link, a code, or both in one email. */
export type PasswordlessMode = 'off' | 'link' | 'code' | 'both';

/** The `<lr-login>` attributes the step reads. */
export interface PasswordlessHost extends ReactiveControllerHost, HTMLElement {
  apikey: string;
  apiBase: string;
  passwordless: PasswordlessMode;
  /** `no-password`: this step is the whole sign-in (no way back to a password form). */
  noPassword: boolean;
  /** The page with `<lr-email-link>` that completes the link (`verificationurl`). */
  passwordlessUrl: string;
  verificationUrl: string;
  /** Seconds before "Send a new email" is enabled again. */
  resendCooldown: number;
}

let nextId = 0;

/** What the step needs from `<lr-login>` (it renders inside the element and shares its actions and regions). */
export interface PasswordlessHooks {
  act: ActionController;
  /** The address typed in the element's other forms (carried over both ways). */
  draft(value?: string): string;
  describeInvalid(input: HTMLInputElement): string;
  /** A session answer: the element signs in (adopt, focus, `lr-logged-in`). */
  signedIn(result: LoginResult): Promise<void>;
  /** Back to the password form. */
  back(): void;
}

/** Shortest time a send appears to take, so timing does not tell accounts apart. */
const SEND_MIN_MS = 600;

/**
 * `<lr-login passwordless>`: "Email me a sign-in link" (or code) next to the password form, or instead of it with
 * `no-password`. Loaded only when the attribute is on. After sending: a confirmation naming the address (worded
 * as forgot-password: sent if an account exists), a resend button with a cooldown and, with codes, a code field
 * (`autocomplete="one-time-code"`). `lr-passwordless-sent` carries the address only.
 */
export class PasswordlessStep {
  view: 'idle' | 'form' | 'sent' | 'mfa' = 'idle';
  #email = '';
  /** The second-factor step (`view === 'mfa'`) when the code's answer was a challenge. */
  #step: SecondFactorStep | undefined;
  readonly #host: PasswordlessHost;
  readonly #h: PasswordlessHooks;
  readonly #v: FormValidator;
  readonly #cooldown: CountdownController;
  readonly #id = `lr-pwl${++nextId}`;

  constructor(host: PasswordlessHost, hooks: PasswordlessHooks) {
    this.#host = host;
    this.#h = hooks;
    this.#v = new FormValidator(host, (input) =>
      input.name === 'otp' && input.validity.valueMissing ? this.#msg('passwordless.codeRequired') : hooks.describeInvalid(input),
    );
    this.#cooldown = new CountdownController(host, () => undefined);
    host.requestUpdate();
  }

  /** True when this step is what the element shows (instead of the password form). */
  get active(): boolean {
    return this.view !== 'idle' || this.#host.noPassword;
  }

  #config = () => resolveConfig({apiKey: this.#host.apikey, apiBase: this.#host.apiBase});
  #mode = () => this.#host.passwordless;
  #codes = () => this.#mode() === 'code' || this.#mode() === 'both';
  #msg = (key: MessageKey, params?: MessageParams) => msg(key, params, localeOf(this.#host));
  #uid = (name: string) => `${this.#id}-${name}`;

  /** Back to the start (sign-out, expiry, another address). */
  reset(): void {
    this.view = 'idle';
    this.#step = undefined;
    this.#v.reset();
    this.#cooldown.stop();
  }

  /** The button in the password form that opens this step. */
  entry(): TemplateResult {
    const label = this.#mode() === 'code' ? 'passwordless.codeButton' : 'passwordless.linkButton';
    return html`<button type="button" class="lr-button lr-login__passwordless" @click=${this.#open}>${this.#msg(label)}</button>`;
  }

  render(): TemplateResult {
    if (this.view === 'mfa' && this.#step) return this.#step.render();
    return this.view === 'sent' ? this.#renderSent() : this.#renderForm();
  }

  #renderForm(): TemplateResult {
    const {act} = this.#h;
    const msg = this.#msg;
    const uid = this.#uid;
    const kind = this.#mode() === 'code' ? 'code' : 'link';
    return html`<form
      class="lr-form lr-login__passwordless-form"
      novalidate
      aria-labelledby=${uid('pwl-intro')}
      aria-busy=${act.running === 'passwordless' ? 'true' : 'false'}
      @submit=${this.#onSend}
      @input=${this.#v.onInput}
      @change=${this.#v.onChange}
    >
      <p class="lr-form__intro" id=${uid('pwl-intro')}>${msg(`passwordless.intro.${kind}`)}</p>
      ${emailField({id: uid('pwl-email'), label: msg('field.email'), autocomplete: 'username', value: this.#h.draft(), error: this.#v.error('email')})}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit" ?disabled=${act.blocked}>${msg(`passwordless.submit.${kind}`)}</button>
        ${this.#host.noPassword
          ? nothing
          : html`<button type="button" class="lr-form__link lr-login__back" @click=${this.#toPassword}>${msg('passwordless.back')}</button>`}
        ${act.message('passwordless')}
      </div>
    </form>`;
  }

  #renderSent(): TemplateResult {
    const {act} = this.#h;
    const msg = this.#msg;
    const uid = this.#uid;
    const mode = this.#mode();
    const sent = mode === 'both' ? 'passwordless.sent.both' : mode === 'code' ? 'passwordless.sent.code' : 'passwordless.sent.link';
    const left = this.#cooldown.remaining;
    return html`<div class="lr-panel lr-login__passwordless-sent">
      <p class="lr-notice" tabindex="-1">${msg(sent, {email: this.#email})}</p>
      ${this.#codes() ? this.#renderCode() : nothing}
      <div class="lr-form__actions">
        <button
          type="button"
          class="lr-button lr-login__passwordless-resend"
          aria-describedby=${left ? uid('pwl-cooldown') : nothing}
          ?disabled=${act.blocked || left > 0}
          @click=${this.#onResend}
        >
          ${msg('passwordless.resend')}
        </button>
        ${left ? html`<p class="lr-field__hint" id=${uid('pwl-cooldown')}>${msg('passwordless.resendIn', {count: left})}</p>` : nothing}
        <button type="button" class="lr-form__link lr-login__passwordless-other" @click=${this.#open}>
          ${msg('passwordless.otherEmail')}
        </button>
        ${act.message('passwordless-sent')}
      </div>
    </div>`;
  }

  #renderCode(): TemplateResult {
    const {act} = this.#h;
    const msg = this.#msg;
    const uid = this.#uid;
    return html`<form
      class="lr-form lr-login__code-form"
      novalidate
      aria-busy=${act.running === 'passwordless-code' ? 'true' : 'false'}
      @submit=${this.#onCode}
      @input=${this.#v.onInput}
      @change=${this.#v.onChange}
    >
      ${field({
        id: uid('pwl-code'),
        name: 'otp',
        type: 'text',
        label: msg('passwordless.code'),
        autocomplete: 'one-time-code',
        inputmode: 'numeric',
        required: true,
        maxlength: 64,
        error: this.#v.error('otp'),
        spellcheck: false,
        autocapitalize: 'none',
      })}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit" ?disabled=${act.blocked}>${msg('passwordless.verify')}</button>
        ${act.message('passwordless-code')}
      </div>
    </form>`;
  }

  #open = (): void => {
    this.#h.act.clear();
    this.#v.reset();
    this.view = 'form';
    this.#host.requestUpdate();
    void this.#h.act.focus('.lr-login__passwordless-form input[name=email]');
  };

  #toPassword = (): void => {
    const typed = this.#host.querySelector<HTMLInputElement>('.lr-login__passwordless-form input[name=email]')?.value;
    if (typed) this.#h.draft(typed);
    this.reset();
    this.#h.back();
  };

  /** P1 for `email`; unknown addresses are answered like success. Resolves true when "sent" may be shown. */
  async #send(email: string, slot: string, form: HTMLFormElement | null): Promise<boolean> {
    const cfg = this.#config();
    if (!cfg.apiKey) return this.#h.act.fail({key: 'error.config'}, {slot, form}), false;
    const h = this.#host;
    const url = h.passwordlessUrl || h.verificationUrl || location.href.split(/[?#]/)[0]!;
    const request = (signal: AbortSignal) => sendPasswordlessQuietly(cfg, email, {signal, verificationUrl: url});
    const r = await this.#h.act.run(request, {slot, progress: 'passwordless.busy', form, minMs: SEND_MIN_MS});
    if (!r.ok) return false;
    this.#cooldown.start(h.resendCooldown);
    emit(this.#host, 'lr-passwordless-sent', {email});
    return true;
  }

  #onSend = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (this.#h.act.blocked) return;
    const form = e.currentTarget as HTMLFormElement;
    if (!this.#v.validate(form)) return;
    const email = form.querySelector<HTMLInputElement>('input[name=email]')!.value;
    this.#h.draft(email);
    if (!(await this.#send(email, 'passwordless', form))) return;
    this.#email = email;
    this.#v.reset();
    this.view = 'sent';
    this.#host.requestUpdate();
    this.#h.act.notify(this.#sentKey(), {email}, {slot: 'passwordless-sent', shown: true});
    await this.#h.act.focus(this.#codes() ? '.lr-login__code-form input[name=otp]' : '.lr-login__passwordless-sent .lr-notice');
  };

  #sentKey(): MessageKey {
    const mode = this.#mode();
    return mode === 'both' ? 'passwordless.sent.both' : mode === 'code' ? 'passwordless.sent.code' : 'passwordless.sent.link';
  }

  #onResend = async (): Promise<void> => {
    if (this.#h.act.blocked || this.#cooldown.active) return;
    const email = this.#email;
    if (!(await this.#send(email, 'passwordless-sent', null))) return;
    this.#h.act.notify('passwordless.resent', {email}, {slot: 'passwordless-sent', tone: 'success'});
  };

  #onCode = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (this.#h.act.blocked) return;
    const form = e.currentTarget as HTMLFormElement;
    if (!this.#v.validate(form)) return;
    const input = form.querySelector<HTMLInputElement>('input[name=otp]')!;
    const cfg = this.#config();
    const email = this.#email;
    const r = await this.#h.act.run(
      (signal) => verifyPasswordlessCode(cfg, email, input.value.trim(), {signal}).then(firstFactor),
      {
        slot: 'passwordless-code',
        progress: 'passwordless.verifying',
        form,
        onError: (err) => {
          if (err.kind !== 'api') return;
          // The code was refused: keep it visible, mark the field (said there once) and let the user correct it.
          this.#v.setError(form, 'otp', this.#msg(err.key, err.params));
          input.focus();
          return {key: err.key, params: err.params, shown: true};
        },
      },
    );
    if (!r.ok) return;
    await this.#finish(r.value);
  };

  /**
   * A session signs in; a second-factor challenge (MFA site) shows the shared second step in place of this one and
   * signs in after it. "Start again" there (or its expiry) comes back to the email form with the address kept: the
   * code is used up, so the user asks for a new email.
   */
  async #finish(answer: LoginResult | MfaLoginResult): Promise<void> {
    const login = await handOverChallenge(answer, {
      host: this.#host,
      act: this.#h.act,
      config: this.#config(),
      account: this.#email,
      msg: this.#msg,
      uid: this.#uid,
      show: (step) => {
        this.#step = step;
        this.view = step ? 'mfa' : 'form';
        this.#host.requestUpdate();
      },
      restartFocus: '.lr-login__passwordless-form input[name=email]',
      restartSlot: 'passwordless',
    });
    if (!login || this.view === 'idle') return; // back at the email form, or reset meanwhile (signed out, expired)
    this.reset();
    return this.#h.signedIn(login);
  }
}
