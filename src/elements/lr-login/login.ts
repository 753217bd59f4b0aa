import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {isApiError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {getSession} from '../../core/session.js';
import {displayName} from '../../core/profile.js';
import type {StoredProfile} from '../../core/store.js';
import {CountdownController} from '../../internal/countdown.js';
import {field} from '../../internal/field.js';
import {LrElement, type ErrorInfo} from '../../internal/lr-element.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {loginStyles} from './login.styles.js';

type View = 'login' | 'forgot' | 'forgot-sent';

/** Unknown account and wrong password must look the same (message, code, behaviour). */
const SAME_AS_WRONG_PASSWORD = {[ErrorCodes.UserNotFound]: ErrorCodes.InvalidCredentials, [ErrorCodes.UserNotExist]: ErrorCodes.InvalidCredentials};
/** The forgot-password answer must not reveal whether the address exists. */
const UNKNOWN_ACCOUNT = [ErrorCodes.UserNotFound, ErrorCodes.UserNotExist, ErrorCodes.InvalidCredentials];
/** Shortest time the forgot-password request appears to take, so timing does not tell accounts apart. */
const FORGOT_MIN_MS = 600;

/**
 * Email + password sign-in form in light DOM (visible to password managers), with a forgot-password view and
 * a signed-in view.
 *
 * Behaviour: one request per submit (double submit impossible); unknown email and wrong password give the same
 * message; on 970 (email not verified) it offers to send the verification email again; on a 429 it counts
 * down `Retry-After` in the status region and re-enables the button; offline, timeouts and 5xx are said
 * plainly. The email is never lost; the password is kept on every failure except "email or password is
 * incorrect" (966), where it is cleared and focused so the user types it again. On success the password
 * form leaves the DOM and the signed-in view (or nothing, with `hide-when-signed-in`) replaces it.
 *
 * Class hooks: `.lr-form`, `.lr-field`, `.lr-field__label`, `.lr-field__control`, `.lr-field__input`,
 * `.lr-field__error`, `.lr-field__toggle` (show password), `.lr-form__actions`, `.lr-form__submit`,
 * `.lr-form__link`, `.lr-login__forgot`, `.lr-login__resend`, `.lr-login__signed-in`, `.lr-login__who`,
 * `.lr-login__sign-out`, `.lr-notice`, `.lr-form__alert` (role=alert), `.lr-form__status` (role=status).
 * Reflects `session-state="loading|authenticated|anonymous|unknown"` and the custom state `:state(<state>)`.
 *
 * @summary Sign-in form (email + password) with forgot password, resend verification and sign out.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{profile: StoredProfile}>} lr-logged-in - After a successful sign-in with this element. Carries the minimal profile, never a token.
 * @event {CustomEvent<{reason: 'user' | 'expired' | 'other-tab'}>} lr-logged-out - After sign-out with this element (`user`), or when the session expired or another tab signed out.
 * @event {CustomEvent<{state: SessionState, profile?: StoredProfile, source: 'load' | 'self' | 'other-tab'}>} lr-session-changed - Whenever the page's session state or profile changes.
 * @event {CustomEvent<null>} lr-session-expired - The stored token was rejected by the API (905/906).
 * @event {CustomEvent<{reason: string}>} lr-storage-unavailable - IndexedDB failed; the session lives in memory for this page.
 * @event {CustomEvent<{kind: string, code?: number, message: string}>} lr-error - A request failed; `message` is the text shown to the user.
 * @event {CustomEvent<{retryAfterSeconds: number}>} lr-rate-limited - The API answered 429; the form re-enables after the countdown.
 * @event {CustomEvent<{email: string}>} lr-verification-sent - The verification email was sent again (after 970).
 * @event {CustomEvent<null>} lr-password-reset-requested - The forgot-password request was accepted (sent whether or not the address exists).
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
 * @cssprop [--lr-login-signed-in-gap=var(--lr-space-m)] - Gap inside the signed-in view.
 * @cssprop [--lr-color-accent=light-dark(#1a56c4, #8fb4ff)] - Global accent colour (links, buttons, focus).
 * @cssprop [--lr-color-danger=light-dark(#b3261e, #ffb4ab)] - Global error colour.
 * @cssstate authenticated - Signed in (also `loading`, `anonymous`, `unknown`).
 */
export class LrLogin extends LrElement {
  static override lightStyles = [...LrElement.lightStyles, formStyles, loginStyles];

  /** Page that handles the link of the verification email (sent as `verificationurl` on login and resend). */
  @property({attribute: 'verification-url'}) verificationUrl = '';

  /** Page that handles the link of the reset-password email (sent as `resetpasswordurl`). */
  @property({attribute: 'reset-password-url'}) resetPasswordUrl = '';

  /** Hide the element while signed in, instead of showing who is signed in and a sign-out button. */
  @property({type: Boolean, reflect: true, attribute: 'hide-when-signed-in'}) hideWhenSignedIn = false;

  /** Initial value of the email field (not reflected; what the user types wins). */
  @property() email = '';

  @state() private _view: View = 'login';
  @state() private _busy = false;
  @state() private _alert = '';
  @state() private _status = '';
  @state() private _showPassword = false;
  /** Set after a 970: the address to send the verification email to again. */
  @state() private _unverified = '';
  /** The email carried between the sign-in and forgot-password views. */
  private _draft = '';

  private readonly _v = new FormValidator(this, (input) => this.describeInvalid(input));
  private readonly _countdown = new CountdownController(this, () => {
    this._alert = '';
    this._status = this.msg('error.retryNow');
  });

  override render(): TemplateResult {
    const state = this.sessionState;
    const profile = this._session.session?.profile;
    let body: TemplateResult | typeof nothing;
    if (state === 'authenticated' || (state === 'unknown' && profile)) {
      body = this.hideWhenSignedIn ? nothing : this._renderSignedIn(profile);
    } else if (state === 'loading') {
      body = html`<p class="lr-notice lr-login__checking">${this.msg('login.checking')}</p>`;
    } else if (this._view === 'forgot') {
      body = this._renderForgot();
    } else if (this._view === 'forgot-sent') {
      body = this._renderForgotSent();
    } else {
      body = this._renderLogin();
    }
    const status = this._countdown.active
      ? this.msg('error.retryIn', {count: this._countdown.remaining})
      : this._status;
    return html`${body}${this.liveRegions(this._alert, status)}`;
  }

  private _renderLogin(): TemplateResult {
    const blocked = this._busy || this._countdown.active;
    const toggle = html`<button
      type="button"
      class="lr-field__toggle"
      aria-pressed=${this._showPassword ? 'true' : 'false'}
      aria-controls=${this.uid('password')}
      @click=${this._onTogglePassword}
    >
      ${this.msg('password.toggle')}
    </button>`;
    return html`
      <form
        class="lr-form lr-login__form"
        novalidate
        aria-busy=${this._busy ? 'true' : 'false'}
        @submit=${this._onLogin}
        @input=${this._v.onInput}
        @change=${this._v.onChange}
      >
        ${this._emailField('email')}
        ${field({
          id: this.uid('password'),
          name: 'password',
          type: this._showPassword ? 'text' : 'password',
          label: this.msg('field.password'),
          autocomplete: 'current-password',
          required: true,
          error: this._v.error('password'),
          spellcheck: false,
          autocapitalize: 'none',
          trailing: toggle,
        })}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit" ?disabled=${blocked}>${this.msg('login.submit')}</button>
          ${this._unverified
            ? html`<button type="button" class="lr-button lr-login__resend" ?disabled=${blocked} @click=${this._onResend}>
                ${this.msg('login.resend')}
              </button>`
            : nothing}
        </div>
        <button type="button" class="lr-form__link lr-login__forgot" @click=${this._toForgot}>
          ${this.msg('login.forgot')}
        </button>
      </form>
    `;
  }

  /** The email field of the sign-in and forgot-password forms (the typed address carries over between them). */
  private _emailField(id: string): TemplateResult {
    return field({
      id: this.uid(id),
      name: 'email',
      type: 'email',
      label: this.msg('field.email'),
      autocomplete: 'username',
      required: true,
      value: this._draft || this.email,
      error: this._v.error('email'),
      spellcheck: false,
      autocapitalize: 'none',
    });
  }

  private _renderForgot(): TemplateResult {
    const blocked = this._busy || this._countdown.active;
    return html`
      <form
        class="lr-form lr-login__forgot-form"
        novalidate
        aria-busy=${this._busy ? 'true' : 'false'}
        @submit=${this._onForgot}
        @input=${this._v.onInput}
        @change=${this._v.onChange}
      >
        <p class="lr-form__intro">${this.msg('forgot.intro')}</p>
        ${this._emailField('forgot-email')}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit" ?disabled=${blocked}>${this.msg('forgot.submit')}</button>
          <button type="button" class="lr-form__link lr-login__back" @click=${this._toLogin}>
            ${this.msg('forgot.back')}
          </button>
        </div>
      </form>
    `;
  }

  private _renderForgotSent(): TemplateResult {
    return html`
      <div class="lr-panel lr-login__forgot-sent">
        <p class="lr-notice" tabindex="-1">${this.msg('forgot.sent', {email: this._draft})}</p>
        <div class="lr-form__actions">
          <button type="button" class="lr-button lr-login__back" @click=${this._toLogin}>
            ${this.msg('forgot.back')}
          </button>
        </div>
      </div>
    `;
  }

  private _renderSignedIn(profile: StoredProfile | undefined): TemplateResult {
    return html`
      <div class="lr-panel lr-login__signed-in">
        <p class="lr-notice lr-login__who" tabindex="-1">
          ${this.msg('login.signedInAs', {name: displayName(profile)})}
        </p>
        <div class="lr-form__actions">
          <button type="button" class="lr-button lr-login__sign-out" ?disabled=${this._busy} @click=${this._onSignOut}>
            ${this.msg('login.signOut')}
          </button>
        </div>
      </div>
    `;
  }

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────────────

  private _onTogglePassword(): void {
    this._showPassword = !this._showPassword;
  }

  private async _onLogin(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._busy || this._countdown.active) return; // one request per submit, none while rate limited
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const email = inputOf(form, 'email').value;
    const password = inputOf(form, 'password');
    const cfg = this._session.config;
    if (!cfg.apiKey) return this._fail({kind: 'api', message: this.msg('error.config')});
    this._busy = true; // synchronously: a second submit in the same tick is ignored
    this._showPassword = false; // password managers save what was a password field
    this._alert = '';
    this._unverified = '';
    this._status = this.msg('login.busy');
    try {
      const opts: Parameters<typeof api.login>[3] = {};
      if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
      const result = await api.login(cfg, email, password.value, opts);
      const profile = await (this._session.session ?? getSession(cfg)).adopt(result);
      this._draft = '';
      this._status = this.msg('login.success');
      this._busy = false;
      await this.updateComplete; // the password form has left the DOM
      this.querySelector<HTMLElement>('.lr-login__who')?.focus();
      emit(this, 'lr-logged-in', {profile});
    } catch (err) {
      this._busy = false;
      this._status = '';
      const info = this.errorInfo(err, SAME_AS_WRONG_PASSWORD);
      if (info.code === ErrorCodes.InvalidCredentials) {
        password.value = '';
        password.focus();
      } else if (info.code === ErrorCodes.EmailNotVerified) {
        this._unverified = email;
      }
      this._fail(info);
    }
  }

  private async _onResend(): Promise<void> {
    if (this._busy || !this._unverified) return;
    const email = this._unverified;
    const cfg = this._session.config;
    this._busy = true;
    this._alert = '';
    this._status = this.msg('login.resending');
    try {
      const opts: Parameters<typeof api.resendVerification>[2] = {};
      if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
      await api.resendVerification(cfg, email, opts);
      this._unverified = '';
      this._status = this.msg('login.resent', {email});
      emit(this, 'lr-verification-sent', {email});
    } catch (err) {
      this._status = '';
      if (isApiError(err, ErrorCodes.AlreadyVerified, ErrorCodes.EmailAlreadyVerified)) this._unverified = '';
      this._fail(this.errorInfo(err));
    } finally {
      this._busy = false;
    }
  }

  private async _onForgot(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._busy || this._countdown.active) return;
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const email = inputOf(form, 'email').value;
    const cfg = this._session.config;
    if (!cfg.apiKey) return this._fail({kind: 'api', message: this.msg('error.config')});
    this._busy = true;
    this._alert = '';
    this._status = this.msg('forgot.busy');
    this._draft = email;
    const started = Date.now();
    let failure: ErrorInfo | undefined;
    try {
      await api.forgotPassword(cfg, email, this.resetPasswordUrl);
    } catch (err) {
      // "No such account" is answered exactly like success.
      if (!isApiError(err, ...UNKNOWN_ACCOUNT)) failure = this.errorInfo(err);
    }
    const wait = FORGOT_MIN_MS - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    this._busy = false;
    if (failure) {
      this._status = '';
      this._fail(failure);
      return;
    }
    this._status = this.msg('forgot.sent', {email});
    this._show('forgot-sent');
    await this.updateComplete;
    this.querySelector<HTMLElement>('.lr-login__forgot-sent .lr-notice')?.focus();
    emit(this, 'lr-password-reset-requested', null);
  }

  private async _onSignOut(): Promise<void> {
    const session = this._session.session;
    if (this._busy || !session) return;
    this._alert = '';
    // Local state is cleared synchronously inside logout(); the server call finishes in the background.
    const done = session.logout();
    this._show('login');
    this._status = this.msg('login.signedOut');
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('.lr-login__form input[name=email]')?.focus();
    emit(this, 'lr-logged-out', {reason: 'user'});
    await done.catch(() => undefined);
  }

  private _toForgot(): void {
    this._draft = this.querySelector<HTMLInputElement>('.lr-login__form input[name=email]')?.value ?? this._draft;
    this._status = '';
    this._alert = '';
    this._unverified = '';
    void this._showAndFocus('forgot', '.lr-login__forgot-form input[name=email]');
  }

  private _toLogin(): void {
    const typed = this.querySelector<HTMLInputElement>('.lr-login__forgot-form input[name=email]')?.value;
    if (typed) this._draft = typed;
    this._status = '';
    this._alert = '';
    void this._showAndFocus('login', '.lr-login__form input[name=email]');
  }

  private async _showAndFocus(view: View, selector: string): Promise<void> {
    this._show(view);
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  private _show(view: View): void {
    if (this._view !== view) this._v.reset();
    this._view = view;
    this._showPassword = false;
  }

  private _fail(info: ErrorInfo): void {
    this._alert = info.message;
    if (info.kind === 'rate-limited') this._countdown.start(info.retryAfter ?? 30);
    this.reportError(info);
  }

  protected override sessionEvent(type: string, e: CustomEvent): void {
    if (type === 'expired') {
      this._status = this.msg('session.expired');
    } else if (type === 'logged-out' && e.detail?.reason === 'other-tab') {
      this._status = this.msg('session.otherTab');
    }
    if (type === 'logged-out' || type === 'expired') this._show('login');
  }
}

function inputOf(form: HTMLFormElement, name: string): HTMLInputElement {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
}
