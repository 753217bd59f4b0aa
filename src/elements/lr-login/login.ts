import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {emit} from '../../core/events.js';
import {requestPasswordReset} from '../../core/forgot.js';
import {displayName} from '../../core/profile.js';
import {getSession} from '../../core/session.js';
import type {StoredProfile} from '../../core/store.js';
import {ActionController} from '../../internal/controllers/action.js';
import {field} from '../../internal/field.js';
import {LrElement} from '../../internal/lr-element.js';
import {ResendVerification} from '../../internal/resend-verification.js';
import {passwordToggle} from '../../internal/templates.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {loginStyles} from './login.styles.js';

type View = 'login' | 'forgot' | 'forgot-sent';

/** Unknown account and wrong password must look the same (message, code, behaviour). */
const SAME_AS_WRONG_PASSWORD = {
  [ErrorCodes.UserNotFound]: ErrorCodes.InvalidCredentials,
  [ErrorCodes.UserNotExist]: ErrorCodes.InvalidCredentials,
};
/** Shortest time the forgot-password request appears to take, so timing does not tell accounts apart. */
const FORGOT_MIN_MS = 600;

/**
 * Email + password sign-in form in light DOM (visible to password managers), with a forgot-password view and
 * a signed-in view.
 *
 * Behaviour: one request per submit (double submit impossible); unknown email and wrong password give the same
 * message; on 970 (email not verified) it offers to send the verification email again; on a 429 it counts
 * down `Retry-After` at the submit row and re-enables the button; offline, timeouts and 5xx are said
 * plainly. Every message shows next to the control that caused it (a form's at its submit row), is announced
 * once through the live regions, follows a language switch, and is cleared when the user edits that form, starts
 * another action, or the session changes. The email is never lost; the password is kept on every failure except "email or password is
 * incorrect" (966), where it is cleared and focused so the user types it again. On success the password
 * form leaves the DOM and the signed-in view (or nothing, with `hide-when-signed-in`) replaces it.
 *
 * Class hooks: `.lr-form`, `.lr-field`, `.lr-field__label`, `.lr-field__control`, `.lr-field__input`,
 * `.lr-field__error`, `.lr-field__toggle` (show password), `.lr-form__actions`, `.lr-form__submit`,
 * `.lr-form__link`, `.lr-login__forgot`, `.lr-login__resend`, `.lr-login__signed-in`, `.lr-login__who`,
 * `.lr-login__sign-out`, `.lr-notice`, `.lr-message` (an action's message, `data-tone`), `.lr-form__alert`
 * (role=alert), `.lr-form__status` (role=status).
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
  @state() private _showPassword = false;
  /** Set after a 970: the address to send the verification email to again. */
  @state() private _unverified = '';
  /** The email carried between the sign-in and forgot-password views. */
  private _draft = '';
  /** The session said `expired`; its state change follows. */
  private _expired = false;

  private readonly _v = new FormValidator(this, (input) => this.describeInvalid(input));
  private readonly _act = new ActionController(this);
  /** Resend after 970: only when the user asks (the API itself sent a new link with the 970 answer). */
  private readonly _resend = new ResendVerification(this, this._act, {
    slot: 'form',
    className: 'lr-login__resend',
    label: 'login.resend',
    config: () => this._session.config,
    verificationUrl: () => this.verificationUrl,
    form: () => this.querySelector('form'),
    onDone: () => {
      this._unverified = '';
      void this._act.focus('.lr-login__form .lr-form__submit'); // the resend button has gone
    },
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
    return html`${body}${this._act.regions()}`;
  }

  private _renderLogin(): TemplateResult {
    const blocked = this._act.blocked;
    return html`
      <form
        class="lr-form lr-login__form"
        novalidate
        aria-busy=${this._act.running === 'form' ? 'true' : 'false'}
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
          trailing: passwordToggle({
            controls: this.uid('password'),
            pressed: this._showPassword,
            host: this,
            onToggle: () => (this._showPassword = !this._showPassword),
          }),
        })}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit" ?disabled=${blocked}>${this.msg('login.submit')}</button>
          ${this._resend.render(this._unverified)}
          ${this._act.message('form')}
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
    return html`
      <form
        class="lr-form lr-login__forgot-form"
        novalidate
        aria-busy=${this._act.running === 'forgot' ? 'true' : 'false'}
        @submit=${this._onForgot}
        @input=${this._v.onInput}
        @change=${this._v.onChange}
      >
        <p class="lr-form__intro">${this.msg('forgot.intro')}</p>
        ${this._emailField('forgot-email')}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit" ?disabled=${this._act.blocked}>${this.msg('forgot.submit')}</button>
          <button type="button" class="lr-form__link lr-login__back" @click=${this._toLogin}>
            ${this.msg('forgot.back')}
          </button>
          ${this._act.message('forgot')}
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
          <button type="button" class="lr-button lr-login__sign-out" ?disabled=${this._act.busy} @click=${this._onSignOut}>
            ${this.msg('login.signOut')}
          </button>
          ${this._act.message('signed-in')}
        </div>
      </div>
    `;
  }

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────────────

  private async _onLogin(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._act.blocked) return; // one request per submit, none while rate limited
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const email = inputOf(form, 'email').value;
    const password = inputOf(form, 'password');
    const cfg = this._session.config;
    if (!cfg.apiKey) return this._act.fail({key: 'error.config'}, {form});
    this._showPassword = false; // password managers save what was a password field
    this._unverified = '';
    const opts: Parameters<typeof api.login>[3] = {};
    if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
    const r = await this._act.run((signal) => api.login(cfg, email, password.value, {...opts, signal}), {
      progress: 'login.busy',
      form,
      alias: SAME_AS_WRONG_PASSWORD,
      onError: (err) => {
        if (err.code === ErrorCodes.InvalidCredentials) {
          password.value = '';
          password.focus();
        } else if (err.code === ErrorCodes.EmailNotVerified) {
          // LoginRadius sent a new verification link with this answer: say so, send none ourselves.
          this._unverified = email;
          return {key: 'login.unverified', params: {email}};
        }
        return undefined;
      },
    });
    if (!r.ok) return;
    const profile = await (this._session.session ?? getSession(cfg)).adopt(r.value);
    this._draft = '';
    // "Signed in as …" is on screen: the live region only announces the outcome.
    this._act.notify('login.success', undefined, {slot: 'signed-in', shown: true});
    await this._act.focus('.lr-login__who'); // the password form has left the DOM
    emit(this, 'lr-logged-in', {profile});
  }

  private async _onForgot(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._act.blocked) return;
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const email = inputOf(form, 'email').value;
    const cfg = this._session.config;
    if (!cfg.apiKey) return this._act.fail({key: 'error.config'}, {slot: 'forgot', form});
    this._draft = email;
    // "No such account" is answered exactly like success.
    const request = (signal: AbortSignal) => requestPasswordReset(cfg, email, this.resetPasswordUrl, {signal});
    const r = await this._act.run(request, {slot: 'forgot', progress: 'forgot.busy', form, minMs: FORGOT_MIN_MS});
    if (!r.ok) return;
    this._show('forgot-sent');
    // The confirmation is the focused text of the next step; the live region only announces it.
    this._act.notify('forgot.sent', {email}, {slot: 'forgot-sent', shown: true});
    await this._act.focus('.lr-login__forgot-sent .lr-notice');
    emit(this, 'lr-password-reset-requested', null);
  }

  private async _onSignOut(): Promise<void> {
    const session = this._session.session;
    if (this._act.busy || !session) return;
    // Local state is cleared at once inside logout() (the server call finishes in the background); the message
    // comes after that state change, which clears the messages of the signed-in state.
    const done = session.logout();
    if (session.state !== 'anonymous') await done.catch(() => undefined);
    this._show('login');
    this._act.notify('login.signedOut', undefined, {form: null});
    await this._act.focus('.lr-login__form input[name=email]');
    emit(this, 'lr-logged-out', {reason: 'user'});
    await done.catch(() => undefined);
  }

  private _toForgot(): void {
    this._draft = this.querySelector<HTMLInputElement>('.lr-login__form input[name=email]')?.value ?? this._draft;
    this._unverified = '';
    this._showAndFocus('forgot', '.lr-login__forgot-form input[name=email]');
  }

  private _toLogin(): void {
    const typed = this.querySelector<HTMLInputElement>('.lr-login__forgot-form input[name=email]')?.value;
    if (typed) this._draft = typed;
    this._showAndFocus('login', '.lr-login__form input[name=email]');
  }

  /** A step change: the messages of the old step go, focus moves to the new one. */
  private _showAndFocus(view: View, selector: string): void {
    this._act.clear();
    this._show(view);
    void this._act.focus(selector);
  }

  private _show(view: View): void {
    if (this._view !== view) this._v.reset();
    this._view = view;
    this._showPassword = false;
  }

  protected override sessionEvent(type: string, e: CustomEvent): void {
    // Each notice is set after the state change it explains (a state change clears the element's messages).
    if (type === 'expired') this._expired = true;
    else if (type === 'change' && this._expired && e.detail?.state === 'anonymous') {
      this._expired = false;
      this._act.notify('session.expired', undefined, {tone: 'info'});
    } else if (type === 'logged-out' && e.detail?.reason === 'other-tab') {
      this._act.notify('session.otherTab', undefined, {tone: 'info'});
    }
    if (type === 'logged-out' || type === 'expired') this._show('login');
  }
}

function inputOf(form: HTMLFormElement, name: string): HTMLInputElement {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
}
