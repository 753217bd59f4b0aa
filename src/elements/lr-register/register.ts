import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {emit} from '../../core/events.js';
import {displayName} from '../../core/profile.js';
import {getSession} from '../../core/session.js';
import {fromHost, getSott, HostSourceError} from '../../core/sott.js';
import type {StoredProfile} from '../../core/store.js';
import {ActionController} from '../../internal/controllers/action.js';
import type {ErrorOutcome} from '../../internal/controllers/errors.js';
import {emailField, field, passwordField} from '../../internal/field.js';
import {LrElement} from '../../internal/lr-element.js';
import {LazyResend} from '../../internal/steps/lazy-resend.js';
import {TakenCheck} from '../../internal/taken-check.js';
import {nextStep} from '../../internal/templates.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {registerStyles} from './register.styles.js';
import '../../i18n/en/register.js'; // its texts (issue 14: messages per chunk)

/** Optional profile fields the element can ask for, with their autocomplete tokens. */
const NAME_FIELDS = {
  FirstName: 'given-name',
  MiddleName: 'additional-name',
  LastName: 'family-name',
  NickName: 'nickname',
  /** Issue 11: shown before the email, not among the names; the account name for password managers. */
  UserName: 'username',
} as const;
type NameField = keyof typeof NAME_FIELDS;

const PASSWORD_MAX = 128;

/** What the form turned into after a successful registration. */
type Outcome = 'verify' | 'signed-in' | '';

/** A value or a promise of it. */
type Awaitable<T> = T | Promise<T>;

/**
 * Registration form in light DOM: email, new password, optional name fields.
 *
 * Authorisation: LoginRadius registration needs a SOTT (made server-side with the API secret) or a CAPTCHA.
 * The element never makes a SOTT itself; before each submit it takes one from `sottProvider` (a callback),
 * else from `sott-url` (GET, JSON `{"Sott": "…"}` or plain text), else the `sott` attribute. With `captcha`,
 * it calls `captchaProvider` for a token and posts to `/auth/register/captcha` instead.
 *
 * Outcome follows the site's email-verification flow: when verification is required the API returns no
 * token, and the form is replaced by "check your email" (no session); when it is optional or disabled the
 * API returns a token and the user is signed in on this page (and the other tabs).
 *
 * Errors: "already registered" (936) and invalid email show on the email field, password policy errors on
 * the password field, other field errors (`Errors[]` of a 1134) on their fields; a missing or invalid SOTT
 * (1048/1049) says "registration is not available right now". Nothing the user typed is lost on a failure.
 * With `check-availability`, the email is checked when the field loses focus after a change (never per
 * keystroke); note that this tells anyone whether an address has an account. With `UserName` in `fields`, the
 * username is always checked that way (`GET /auth/username`, as a username must be free to be chosen), and a
 * taken one (1017) shows on its field; the email is then `autocomplete="email"`.
 *
 * Class hooks: `.lr-form`, `.lr-register__form`, `.lr-register__names`, `.lr-field`, `.lr-field__label`,
 * `.lr-field__optional`, `.lr-field__control`, `.lr-field__input`, `.lr-field__hint`, `.lr-field__error`,
 * `.lr-field__toggle`, `.lr-form__actions`, `.lr-form__submit`, `.lr-register__done`, `.lr-notice`,
 * `.lr-message` (the submit row's message, `data-tone`), `.lr-form__alert` (role=alert), `.lr-form__status` (role=status).
 * Reflects `session-state` and the custom state `:state(<state>)`.
 *
 * @summary Sign-up form (email + password, optional names) with SOTT or CAPTCHA and all verification flows.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{email: string, verificationRequired: boolean}>} lr-registered - The account was created. `verificationRequired` is true when the user must open the emailed link before signing in.
 * @event {CustomEvent<{email: string}>} lr-verification-sent - "Send a new link" on the sent step sent another verification email.
 * @event {CustomEvent<{profile: StoredProfile}>} lr-logged-in - The API signed the new user in (verification optional or disabled).
 * @event {CustomEvent<{reason: 'expired' | 'other-tab'}>} lr-logged-out - The session expired or another tab signed out.
 * @event {CustomEvent<{state: SessionState, profile?: StoredProfile, source: 'load' | 'self' | 'other-tab'}>} lr-session-changed - Whenever the page's session state or profile changes.
 * @event {CustomEvent<null>} lr-session-expired - The stored token was rejected by the API.
 * @event {CustomEvent<{reason: string}>} lr-storage-unavailable - IndexedDB failed; the session lives in memory for this page.
 * @event {CustomEvent<{kind: string, code?: number, message: string}>} lr-error - Registration failed; `message` is the text shown.
 * @event {CustomEvent<{retryAfterSeconds: number}>} lr-rate-limited - The API answered 429; the form re-enables after the countdown.
 *
 * @cssprop [--lr-form-gap=var(--lr-space-l)] - Gap between fields and rows.
 * @cssprop [--lr-form-max-width=24rem] - Maximum width of the element.
 * @cssprop [--lr-field-background=var(--lr-color-field)] - Input background.
 * @cssprop [--lr-field-border-color=var(--lr-color-border)] - Input border colour.
 * @cssprop [--lr-field-border-color-invalid=var(--lr-color-danger)] - Input border colour while an error shows.
 * @cssprop [--lr-field-radius=var(--lr-radius-m)] - Input corner radius.
 * @cssprop [--lr-button-background=var(--lr-color-accent)] - Submit button background.
 * @cssprop [--lr-button-color=var(--lr-color-on-accent)] - Submit button text colour.
 * @cssprop [--lr-button-radius=var(--lr-radius-m)] - Button corner radius.
 * @cssprop [--lr-register-name-min-width=10rem] - Minimum width of a name field before the names wrap.
 * @cssstate authenticated - Signed in (also `loading`, `anonymous`, `unknown`).
 */
export class LrRegister extends LrElement {
  static override lightStyles = [...LrElement.lightStyles, formStyles, registerStyles];

  /** A SOTT to send (`X-LoginRadius-Sott`). SOTTs expire: prefer `sott-url` or `sottProvider` on long-lived pages. */
  @property() sott = '';

  /** URL the element GETs for a fresh SOTT before each submit; answers JSON `{"Sott": "…"}` or plain text. */
  @property({attribute: 'sott-url'}) sottUrl = '';

  /** Callback returning a fresh SOTT before each submit (wins over `sott-url` and `sott`). */
  @property({attribute: false}) sottProvider: (() => Awaitable<string>) | undefined = undefined;

  /** Register through `/auth/register/captcha` with a token from `captchaProvider` instead of a SOTT. */
  @property({type: Boolean, reflect: true}) captcha = false;

  /** Callback returning the CAPTCHA response token (captcha mode). */
  @property({attribute: false}) captchaProvider: (() => Awaitable<string>) | undefined = undefined;

  /** Page that handles the link of the verification email (sent as `verificationurl`). */
  @property({attribute: 'verification-url'}) verificationUrl = '';

  /** Extra profile fields, comma-separated, in order: `FirstName`, `MiddleName`, `LastName`, `NickName`, `UserName`. */
  @property() fields = '';

  /** Which of `fields` are required (comma-separated); the others are marked optional. */
  @property({attribute: 'required-fields'}) requiredFields = '';

  /** Check whether the email is already registered when the field loses focus after a change. Off by default. */
  @property({type: Boolean, attribute: 'check-availability'}) checkAvailability = false;

  /** Minimum password length checked before submitting (keep in line with the site's policy). */
  @property({type: Number, attribute: 'password-min-length'}) passwordMinLength = 8;

  /** Hide the element while signed in, instead of saying who is signed in. */
  @property({type: Boolean, reflect: true, attribute: 'hide-when-signed-in'}) hideWhenSignedIn = false;

  /** Initial value of the email field (not reflected; what the user types wins). */
  @property() email = '';

  @state() private _showPassword = false;
  @state() private _outcome: Outcome = '';
  @state() private _registeredEmail = '';

  private readonly _v = new FormValidator(this, (input) => this.describeInvalid(input));
  private readonly _act = new ActionController(this);
  private readonly _taken = new TakenCheck();
  /** "Send a new link" on the sent step (after a cooldown: the API has just sent one). */
  private readonly _resend = new LazyResend(this, this._act, { // loaded for the sent step
    slot: 'sent',
    className: 'lr-register__resend',
    label: 'resend.button',
    cooldown: 30,
    config: () => this._session.config,
    verificationUrl: () => this.verificationUrl,
  });

  /** The name fields to render, parsed from `fields` in `willUpdate`. */
  private _nameFields: NameField[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('fields')) {
      const out: NameField[] = [];
      for (const raw of this.fields.split(',')) {
        const name = raw.trim();
        if (!name) continue;
        const known = (Object.keys(NAME_FIELDS) as NameField[]).find((k) => k.toLowerCase() === name.toLowerCase());
        if (!known) console.warn(`lr-register: unsupported field "${name}" ignored.`);
        else if (!out.includes(known)) out.push(known);
      }
      this._nameFields = out;
    }
  }

  override render(): TemplateResult {
    const state = this.sessionState;
    let body: TemplateResult | typeof nothing;
    if (this._outcome === 'verify') {
      const email = this._registeredEmail;
      body = nextStep({
        className: 'lr-register__done lr-register__sent',
        title: this.msg('register.sentTitle'),
        text: this.msg('register.checkEmail', {email}),
        actions: [this._resend.render(email), this._act.message('sent')],
      });
    } else if (state === 'authenticated' || (state === 'unknown' && this._session.session?.profile)) {
      const name = displayName(this._session.session?.profile);
      const notice = this._outcome === 'signed-in' ? this.msg('register.done', {name}) : this.msg('register.signedInAs', {name});
      body = this.hideWhenSignedIn ? nothing : this._renderNotice(notice);
    } else {
      body = this._renderForm();
    }
    return html`${body}${this._act.regions()}`;
  }

  private _renderNotice(text: string): TemplateResult {
    return html`<div class="lr-panel lr-register__done"><p class="lr-notice" tabindex="-1">${text}</p></div>`;
  }

  private _renderForm(): TemplateResult {
    const required = new Set(
      this.requiredFields
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    );
    const names = this._nameFields.filter((n) => n !== 'UserName');
    const nameField = (name: NameField) => {
      const isRequired = required.has(name.toLowerCase());
      return field({
        id: this.uid(name),
        name,
        type: 'text',
        label: this.msg(`field.${name}`),
        labelSuffix: isRequired ? undefined : this.msg('field.optional'),
        autocomplete: NAME_FIELDS[name],
        required: isRequired,
        maxlength: 100,
        error: this._v.error(name),
      });
    };
    const min = Math.max(0, Math.min(PASSWORD_MAX, Number(this.passwordMinLength) || 0));
    return html`
      <form
        class="lr-form lr-register__form"
        novalidate
        aria-busy=${this._act.busy ? 'true' : 'false'}
        @submit=${this._onSubmit}
        @input=${this._v.onInput}
        @change=${this._onChange}
      >
        ${names.length
          ? html`<div class="lr-register__names">
              ${names.map(nameField)}
            </div>`
          : nothing}
        ${this._nameFields.includes('UserName') ? nameField('UserName') : nothing}
        ${emailField({
          id: this.uid('email'),
          label: this.msg('field.email'),
          autocomplete: this._nameFields.includes('UserName') ? 'email' : 'username',
          value: this.email,
          error: this._v.error('email'),
        })}
        ${passwordField({
          id: this.uid('password'),
          name: 'password',
          label: this.msg('field.newPassword'),
          autocomplete: 'new-password',
          required: true,
          minlength: min || undefined,
          maxlength: PASSWORD_MAX,
          hint: min ? this.msg('register.passwordHint', {count: min}) : undefined,
          error: this._v.error('password'),
          shown: this._showPassword,
          host: this,
          onToggle: () => (this._showPassword = !this._showPassword),
        })}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit" ?disabled=${this._act.blocked}>
            ${this.msg('register.submit')}
          </button>
          ${this._act.message('form')}
        </div>
      </form>
    `;
  }

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────────────

  /** Availability checks on blur-with-change: the email when `check-availability` is set, a username always. */
  private _onChange = (e: Event): void => {
    this._v.onChange(e);
    const input = e.target;
    const cfg = this._session.config;
    if (!(input instanceof HTMLInputElement) || !cfg.apiKey) return;
    const taken = (code: 'code.936' | 'code.1017') => (form: HTMLFormElement) => this._v.setError(form, input.name, this.msg(code));
    if (this.checkAvailability && input.name === 'email') void this._taken.run(input, (v) => api.checkEmail(cfg, v), taken('code.936'));
    if (input.name === 'UserName') void this._taken.run(input, (v) => api.checkUserName(cfg, v.trim()), taken('code.1017'));
  };

  private async _onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._act.blocked) return; // one request per submit
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const value = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';
    const email = value('email');
    const data: api.RegistrationData = {Email: [{Type: 'Primary', Value: email}], Password: value('password')};
    for (const name of this._nameFields) {
      const v = value(name).trim();
      if (v) data[name] = v;
    }
    const cfg = this._session.config;
    if (!cfg.apiKey) return this._act.fail({key: 'error.config'}, {form});
    this._showPassword = false;
    const opts: {verificationUrl?: string; signal?: AbortSignal} = {};
    if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
    const source = {provider: this.sottProvider, url: this.sottUrl, sott: this.sott};
    const r = await this._act.run(
      async (signal) =>
        this.captcha
          ? api.registerWithCaptcha(cfg, data, await fromHost(this.captchaProvider), {...opts, signal})
          : api.register(cfg, data, await getSott(source, cfg.timeoutMs), {...opts, signal}),
      {
        progress: 'register.busy',
        form,
        onError: (err, raw) => {
          // A failing SOTT/CAPTCHA source on the host's side means the same to the user as a missing SOTT.
          if (raw instanceof HostSourceError) return {key: 'error.registrationUnavailable'};
          const first = this._fieldErrors(form, err);
          if (!first) return;
          first.focus();
          return {key: 'code.1134', report: err};
        },
      },
    );
    if (!r.ok) return;
    const login = r.value.Data?.access_token ? r.value.Data : null;
    let profile: StoredProfile | undefined;
    if (login) profile = await (this._session.session ?? getSession(cfg)).adopt(login).catch(() => undefined);
    this._registeredEmail = email;
    this._outcome = login ? 'signed-in' : 'verify';
    if (!login) this._resend.wait(email);
    // The outcome is the focused notice that replaces the form; the live region only announces it.
    if (login) this._act.notify('register.done', {name: displayName(profile) || email}, {shown: true});
    else this._act.notify('register.checkEmail', {email}, {shown: true});
    await this._act.focus('.lr-register__done .lr-notice'); // the password form has left the DOM
    emit(this, 'lr-registered', {email, verificationRequired: !login});
    if (profile) emit(this, 'lr-logged-in', {profile});
  }

  /** Puts field-attributable API errors on their inputs; returns the first input marked. */
  private _fieldErrors(form: HTMLFormElement, info: ErrorOutcome): HTMLInputElement | undefined {
    if (info.kind !== 'api') return undefined;
    const put = (name: string, message: string) => this._v.setError(form, name, message);
    switch (info.code) {
      case ErrorCodes.EmailExists:
      case ErrorCodes.EmailInvalid:
      case ErrorCodes.EmailFormatInvalid:
        return put('email', this.msg(info.key));
      case ErrorCodes.UserNameTaken:
        return put('UserName', this.msg(info.key));
      case ErrorCodes.WeakPassword:
      case ErrorCodes.PasswordMissing:
        return put('password', this.msg(info.key));
      case ErrorCodes.ValidationFailed: {
        let first: HTMLInputElement | undefined;
        for (const fe of info.fieldErrors ?? []) {
          const name = this._inputName(fe.field);
          if (!name) continue;
          const marked = put(name, this._fieldMessage(form, name));
          first ??= marked;
        }
        return first;
      }
      default:
        return undefined;
    }
  }

  /** Maps an API `FieldName` to one of our inputs. */
  private _inputName(fieldName: string): string | undefined {
    const f = fieldName.toLowerCase();
    if (f === 'email' || f.startsWith('email')) return 'email';
    if (f === 'password') return 'password';
    return this._nameFields.find((n) => n.toLowerCase() === f);
  }

  /** Our own text for a field the API rejected (the API's English text is not shown). */
  private _fieldMessage(form: HTMLFormElement, name: string): string {
    if (name === 'email') return this.msg('validation.email.invalid');
    if (name === 'password') {
      const len = [...(form.querySelector<HTMLInputElement>('input[name="password"]')?.value ?? '')].length;
      if (this.passwordMinLength && len < this.passwordMinLength)
        return this.msg('validation.tooShort', {count: this.passwordMinLength});
      if (len > PASSWORD_MAX) return this.msg('validation.tooLong', {count: PASSWORD_MAX});
      return this.msg('code.1216');
    }
    return this.msg('error.fieldRejected');
  }

  protected override sessionEvent(type: string): void {
    // Signed out elsewhere after registering here: show the form again.
    if ((type === 'logged-out' || type === 'expired') && this._outcome === 'signed-in') this._outcome = '';
  }
}
