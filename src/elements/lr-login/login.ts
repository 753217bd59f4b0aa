import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {emit} from '../../core/events.js';
import {displayName} from '../../core/profile.js';
import {getSession} from '../../core/session.js';
import type {StoredProfile} from '../../core/store.js';
import {ensureLocale, localeOf} from '../../i18n/index.js';
import {ActionController} from '../../internal/controllers/action.js';
import {passwordField} from '../../internal/field.js';
import {LrElement} from '../../internal/lr-element.js';
import {LazyStep} from '../../internal/steps/lazy.js';
import {LazyResend} from '../../internal/steps/lazy-resend.js';
import {passwordStep, secondFactor, type SecondFactorStep} from '../../internal/steps/second-factor/index.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {LockSlot} from './lock-slot.js';
import {describeLoginInput, incorrectKey, loginIdField, loginIdKey, loginIdMode, loginIdOf, typedLoginKey} from './login-id.js';
import {loginStyles} from './login.styles.js';
import {signedInView} from './views.js';
import type {PasswordlessMode, PasswordlessStep} from './passwordless.js';
import '../../i18n/en/login.js'; // its texts (issue 14: messages per chunk)
import type {ForgotStep} from './forgot.js';

type View = 'login' | 'forgot' | 'forgot-sent';

/** Unknown account and wrong password must look the same (message, code, behaviour). */
const SAME_AS_WRONG_PASSWORD = {
  [ErrorCodes.UserNotFound]: ErrorCodes.InvalidCredentials,
  [ErrorCodes.UserNotExist]: ErrorCodes.InvalidCredentials,
  [ErrorCodes.UserNameNotFound]: ErrorCodes.InvalidCredentials,
};

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
 * `login-id="username|either"` signs in by username, or by either in one field. The service's lockout
 * (`lockout.ts`): 1198 says when to try again (counted down), 1132 sends a `captchaProvider` token with the next
 * sign-in, 1148 shows the security question and sends its answer, 991 says to contact the site.
 *
 * Class hooks: `.lr-form`, `.lr-field`, `.lr-field__label`, `.lr-field__control`, `.lr-field__input`,
 * `.lr-field__error`, `.lr-field__toggle` (show password), `.lr-form__actions`, `.lr-form__submit`,
 * `.lr-form__link`, `.lr-login__forgot`, `.lr-login__resend`, `.lr-login__signed-in`, `.lr-login__who`,
 * `.lr-login__sign-out`, `.lr-login__lock` (a lockout step, `data-lock`), `.lr-login__passwordless` (`-form`, `-sent`,
 * `-resend`, `-other`), `.lr-login__code-form`, `.lr-notice`, `.lr-message` (an action's message, `data-tone`),
 * `.lr-form__alert` (role=alert), `.lr-form__status` (role=status).
 * Reflects `session-state="loading|authenticated|anonymous|unknown"` and the custom state `:state(<state>)`.
 *
 * @summary Sign-in form (email or username + password) with forgot password, resend verification, the lockout steps and sign out.
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
 * @event {CustomEvent<{methods: Array<'authenticator' | 'emailotp' | 'backupcode'>}>} lr-mfa-required - The site asks for a second step; the methods offered (never a token).
 * @event {CustomEvent<{email: string}>} lr-passwordless-sent - A passwordless email was requested (`passwordless`; sent if the address has an account).
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

  /** The site uses multi-factor sign-in: go to the MFA login at once (without it, a 1176 answer leads there). */
  @property({type: Boolean}) mfa = false;
  /** The second step while it shows (`src/internal/steps/second-factor/`). */
  @state() private _step: SecondFactorStep | undefined;

  /** Passwordless sign-in by email (`link`, `code` or `both`; default `off`), loaded only when on. */
  @property() passwordless: PasswordlessMode = 'off';
  /** With `passwordless`: offer only the email sign-in, no password form. */
  @property({type: Boolean, attribute: 'no-password'}) noPassword = false;
  /** Page with `<lr-email-link>` that completes the passwordless link (default: `verification-url`, else this page). */
  @property({attribute: 'passwordless-url'}) passwordlessUrl = '';
  /** Seconds before a passwordless email can be sent again. */
  @property({type: Number, attribute: 'resend-cooldown'}) resendCooldown = 30;
  private _pwl: PasswordlessStep | undefined; // issue 13, loaded when `passwordless` is on

  /** What the user signs in with: `email` (default), `username`, or `either` (one field for both). */
  @property({attribute: 'login-id'}) loginId: 'email' | 'username' | 'either' = 'email';

  /** Callback returning a CAPTCHA response token, for an account the service locked behind a CAPTCHA (1132). */
  @property({attribute: false}) captchaProvider: (() => string | Promise<string>) | undefined = undefined;

  @state() private _view: View = 'login';
  @state() private _showPassword = false;
  /** Set after a 970: the address to send the verification email to again. */
  @state() private _unverified = '';
  /** The email carried between the sign-in and forgot-password views. */
  private _draft = '';
  /** The session said `expired`; its state change follows. */
  private _expired = false;
  /** The forgot-password views (`forgot.ts`), loaded the first time the user asks. */
  private readonly _forgot = new LazyStep(this, () => import('./forgot.js'));
  private _forgotStep: ForgotStep | undefined;

  private readonly _v = new FormValidator(this, (input) => describeLoginInput(this, input) ?? this.describeInvalid(input));
  private readonly _act = new ActionController(this);
  private readonly _lock = new LockSlot({host: this, act: this._act, v: this._v, uid: this.uid('lock'), config: () => this._session.config,
    keyOf: loginIdKey, typedKey: () => typedLoginKey(this)});
  /** Resend after 970: only when the user asks (the API itself sent a new link with the 970 answer). Loaded then. */
  private readonly _resend = new LazyResend(this, this._act, {
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
    if (this.passwordless !== 'off' && !this._pwl) void this._loadPasswordless();
    if (state === 'authenticated' || (state === 'unknown' && profile)) {
      body = this.hideWhenSignedIn ? nothing : this._renderSignedIn(profile);
    } else if (state === 'loading') {
      body = html`<p class="lr-notice lr-login__checking">${this.msg('login.checking')}</p>`;
    } else if (this._step) {
      body = this._step.render();
    } else if (this.passwordless !== 'off' && (this._pwl?.active || this.noPassword)) {
      body = this._pwl?.render() ?? nothing;
    } else if (this._view !== 'login' && this._forgotStep) {
      body = this._forgotStep.render(this._view);
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
        aria-busy=${this._act.running === 'form' || this._forgot.loading ? 'true' : 'false'}
        @submit=${this._onLogin}
        @input=${this._v.onInput}
        @change=${this._v.onChange}
      >
        ${loginIdField(this, {id: this.uid('email'), value: this._draft || this.email, error: (name) => this._v.error(name)})}
        ${passwordField({
          id: this.uid('password'),
          name: 'password',
          label: this.msg('field.password'),
          autocomplete: 'current-password',
          required: true,
          error: this._v.error('password'),
          shown: this._showPassword,
          host: this,
          onToggle: () => (this._showPassword = !this._showPassword),
        })}
        ${this._lock.render()}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit" ?disabled=${blocked || this._lock.blocking}>${this.msg('login.submit')}</button>
          ${this._resend.render(this._unverified)}
          ${this._act.message('form')}
        </div>
        <button type="button" class="lr-form__link lr-login__forgot" @click=${this._toForgot}>
          ${this.msg('login.forgot')}
        </button>
        ${this.passwordless !== 'off' ? this._pwl?.entry() : nothing}
      </form>
    `;
  }

  private _renderSignedIn(profile: StoredProfile | undefined): TemplateResult {
    return signedInView({
      who: this.msg('login.signedInAs', {name: displayName(profile)}), signOut: this.msg('login.signOut'),
      busy: this._act.busy, onSignOut: () => void this._onSignOut(), message: this._act.message('signed-in'),
    });
  }

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────────────

  private async _onLogin(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._act.blocked) return; // one request per submit, none while rate limited
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const mode = loginIdMode(this.loginId);
    const id = loginIdOf(mode, form.querySelector<HTMLInputElement>('[autocomplete=username]')!.value);
    const email = 'email' in id ? id.email : '';
    const password = inputOf(form, 'password');
    const cfg = this._session.config;
    if (!cfg.apiKey) return this._act.fail({key: 'error.config'}, {form});
    this._showPassword = false; // password managers save what was a password field
    this._unverified = '';
    const opts: Parameters<typeof api.login>[3] = {};
    if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
    const proof = (): Promise<api.LockProof> => this._lock.proof(form, loginIdKey(id));
    const r = await this._act.run(async (signal) => passwordStep(cfg, id, password.value, {...opts, ...(await proof()), mfa: this.mfa, signal}), {
      progress: 'login.busy',
      form,
      alias: SAME_AS_WRONG_PASSWORD,
      onError: (err, raw) => {
        if (err.code === ErrorCodes.InvalidCredentials) {
          password.value = '';
          password.focus();
        } else if (err.code === ErrorCodes.EmailNotVerified) {
          // LoginRadius sent a new verification link with this answer: say so, send none ourselves.
          this._unverified = email;
          return {key: 'login.unverified', params: {email}};
        }
        return this._lock.failed(err, raw, form, id) ?? (err.code === ErrorCodes.InvalidCredentials ? {key: incorrectKey(mode)} : undefined);
      },
    });
    if (!r.ok) return;
    this._lock.close();
    const account = 'email' in id ? id.email : id.username;
    const login = await secondFactor(r.value, {host: this, act: this._act, config: cfg, account, msg: this.msg.bind(this),
      uid: this.uid.bind(this), show: (step) => ((this._step = step), (this._draft = account)), restartFocus: '.lr-login__form input[name=password]'});
    if (!login) return;
    await this._signedIn(login);
  }

  /** A session answer (password, or the passwordless step): adopt it, show who is signed in, tell the page. */
  private async _signedIn(result: api.LoginResult): Promise<void> {
    const profile = await (this._session.session ?? getSession(this._session.config)).adopt(result);
    this._draft = '';
    // "Signed in as …" is on screen: the live region only announces the outcome.
    this._act.notify('login.success', undefined, {slot: 'signed-in', shown: true});
    await this._act.focus('.lr-login__who'); // the password form has left the DOM
    emit(this, 'lr-logged-in', {profile});
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
    await this._act.focus('.lr-login__form [autocomplete=username]');
    emit(this, 'lr-logged-out', {reason: 'user'});
    await done.catch(() => undefined);
  }

  private async _toForgot(): Promise<void> {
    this._draft = this.querySelector<HTMLInputElement>('.lr-login__form input[name=email]')?.value ?? this._draft;
    this._unverified = '';
    if (!this._forgotStep) {
      // Busy while it loads; a failed download is said at the form, and the next click tries again.
      const m = await this._forgot.load(this._act, {form: this.querySelector<HTMLFormElement>('.lr-login__form')});
      if (!m) return;
      this._forgotStep ??= new m.ForgotStep({
        host: this, act: this._act, v: this._v, config: () => this._session.config, msg: this.msg.bind(this), uid: this.uid.bind(this),
        resetPasswordUrl: () => this.resetPasswordUrl,
        draft: (value) => (value === undefined ? this._draft || this.email : (this._draft = value)),
        emailField: (o) => loginIdField(this, {...o, mode: 'email'}),
        sent: () => this._show('forgot-sent'),
        back: () => this._toLogin(),
      });
    }
    this._showAndFocus('forgot', '.lr-login__forgot-form input[name=email]');
  }

  private _toLogin(): void {
    const typed = this.querySelector<HTMLInputElement>('.lr-login__forgot-form input[name=email]')?.value;
    if (typed) this._draft = typed;
    this._showAndFocus('login', '.lr-login__form [autocomplete=username]');
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
    if (type === 'logged-out' || type === 'expired') this._show('login'), this._pwl?.reset();
  }

  private async _loadPasswordless(): Promise<void> {
    // Offline: nothing to show yet, and the next render tries again (never an unhandled rejection).
    const m = await import('./passwordless.js').catch(() => undefined);
    if (!m) return;
    await ensureLocale(localeOf(this)); // its texts in the page's language first (part loaders)
    const {PasswordlessStep} = m;
    this._pwl ??= new PasswordlessStep(this, {
      act: this._act,
      draft: (value) => (value === undefined ? this._draft || this.email : (this._draft = value)),
      describeInvalid: (input) => this.describeInvalid(input),
      signedIn: (result) => this._signedIn(result),
      back: () => this._showAndFocus('login', '.lr-login__form input[name=email]'),
    });
  }
}

function inputOf(form: HTMLFormElement, name: string): HTMLInputElement {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
}
