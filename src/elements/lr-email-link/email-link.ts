import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {LrError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {onlyEmail} from '../../core/profile.js';
import {getSession} from '../../core/session.js';
import {ActionController} from '../../internal/controllers/action.js';
import type {ErrorOutcome, Msg} from '../../internal/controllers/errors.js';
import {passwordField} from '../../internal/field.js';
import {LrElement} from '../../internal/lr-element.js';
import {hiddenUsername} from '../../internal/templates.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {deleteConfirmView} from './delete-confirm.js';
import {emailLinkStyles} from './email-link.styles.js';
import {readLink, tokenError, type LinkType} from './link.js';
import {PasswordlessLink} from './passwordless-link.js';
import {LinkNextStep} from './next-step.js';
import '../../i18n/en/link.js'; // its texts (issue 14: messages per chunk)

export type {LinkType};

type View =
  | 'idle'
  | 'verifying'
  | 'second-factor'
  | 'verified'
  | 'reset-form'
  | 'reset-done'
  | 'delete-confirm'
  | 'deleting'
  | 'deleted'
  | 'delete-kept'
  | 'failed';

/**
 * The element for the page that LoginRadius emails link to. It reads `vtype` and `vtoken` from the page URL
 * (the `vtype` / `vtoken` attributes win) and completes the flow:
 *
 * - `emailverification`: verifies the address at once (Verify Email); when the API also signs the user in
 *   (login on email verification), the session takes the token and every `lr-*` element on the page (and in
 *   other tabs) shows the user as signed in.
 * - `reset`: a new-password form (`autocomplete="new-password"` on both fields, which must match), then Reset
 *   Password by Token.
 * - `deleteuser`: a confirmation step, then Delete Account by delete token; the local session is then cleared
 *   in this tab and all others.
 * - `oneclicksignin`: a passwordless link signs the user in; a used or expired one offers "Send a new link".
 *
 * Used (974), expired (975) and invalid (973/1119) links get a clear message and "Send a new link" (see
 * `next-step.ts`); every completed step offers "Continue" / "Sign in" (`next-url`); a missing or unknown `vtype` says so. Once read from the URL, `vtype`/`vtoken` are removed from the address bar
 * (`history.replaceState`) so the one-time token does not linger in history or referrers (`keep-url` turns this
 * off). The token is never put in an event, an attribute or the console.
 *
 * Class hooks: `.lr-link`, `.lr-link__message` (the focused result text), `.lr-link__reset-form`,
 * `.lr-link__delete-confirm`, `.lr-link__delete-keep`, `.lr-link__retry`, `.lr-link__next`, `.lr-link__resend`, `.lr-link__renew`, plus the shared form hooks (`.lr-form`,
 * `.lr-field`, `.lr-field__input`, `.lr-field__error`, `.lr-field__toggle`, `.lr-form__submit`,
 * `.lr-form__alert` (role=alert), `.lr-form__status` (role=status), `.lr-notice`, `.lr-button`). The reflected
 * `view` attribute tells the current step (`verifying`, `second-factor` (a passwordless link's MFA step), `verified`,
 * `reset-form`, `reset-done`, `delete-confirm`, `deleting`, `deleted`, `delete-kept`, `failed`).
 *
 * @summary Completes email links: verify an address, reset the password, confirm account deletion.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{email: string}>} lr-email-verified - The address was verified. `email` is the address when known (the `email` attribute or query parameter, or the account's only address), else empty.
 * @event {CustomEvent<{profile: StoredProfile}>} lr-logged-in - The verification also signed the user in.
 * @event {CustomEvent<null>} lr-password-reset - The new password was set.
 * @event {CustomEvent<{email: string}>} lr-passwordless-sent - "Send a new link" was accepted (sent if the address has an account).
 * @event {CustomEvent<{methods: string[]}>} lr-mfa-required - The passwordless link answered with a second-factor challenge.
 * @event {CustomEvent<{email: string}>} lr-verification-sent - A new verification link was sent (after a used or expired one).
 * @event {CustomEvent<null>} lr-account-deleted - The account was deleted; the local session is cleared everywhere.
 * @event {CustomEvent<{kind: string, code?: number, message: string}>} lr-error - The link could not be completed; `message` is the text shown.
 * @event {CustomEvent<{retryAfterSeconds: number}>} lr-rate-limited - The API answered 429.
 * @event {CustomEvent<{state: SessionState, profile?: StoredProfile, source: string}>} lr-session-changed - The page's session changed.
 * @event {CustomEvent<{reason: 'user' | 'expired' | 'other-tab'}>} lr-logged-out - The deletion signed the user out (`user`), or the session ended elsewhere.
 *
 * @cssprop [--lr-form-gap=var(--lr-space-l)] - Gap between fields and rows.
 * @cssprop [--lr-form-max-width=24rem] - Maximum width of the element.
 * @cssprop [--lr-link-danger-color=var(--lr-color-danger)] - Colour of the delete button.
 * @cssprop [--lr-button-background=var(--lr-color-accent)] - Submit button background.
 * @cssstate authenticated - Signed in (also `loading`, `anonymous`, `unknown`).
 */
export class LrEmailLink extends LrElement {
  static override lightStyles = [...LrElement.lightStyles, formStyles, emailLinkStyles];

  /** The link type; wins over the `vtype` query parameter of the page. */
  @property() vtype = '';

  /** The one-time token of the link; wins over the `vtoken` query parameter of the page. */
  @property() vtoken = '';

  /**
   * The address the link was sent to, when the host knows it (else an `email` query parameter is used): the
   * detail of `lr-email-verified`, and a hidden `username` field in the reset form for password managers.
   */
  @property() email = '';

  /** Minimum length of the new password (client-side hint and check; the API has the last word). */
  @property({type: Number, attribute: 'password-min-length'}) passwordMinLength = 8;

  /** Where the next step ("Continue", "Sign in") leads once the link is complete (the sign-in page); no link without it. */
  @property({attribute: 'next-url'}) nextUrl = '';

  /** Leave `vtype` / `vtoken` in the address bar (by default they are removed once read). */
  @property({type: Boolean, attribute: 'keep-url'}) keepUrl = false;

  /** The current step; mirrored to the `view` attribute for styling and tests. */
  get view(): View {
    return this._pwl.showing ? 'second-factor' : this._view;
  }

  @state() private _view: View = 'idle';
  /** The text of the current step (a key, so a language switch re-renders it). */
  @state() private _message: Msg | undefined;
  @state() private _retry = false;
  /** The link itself failed (used, expired, invalid): offer a new one. */
  @state() private _renew = false;
  @state() private _showPassword = false;

  private _type: LinkType | undefined;
  private _token = '';
  private _urlEmail = '';
  /** The (vtype, vtoken) pair last started, so an attribute re-set does not run a one-time link twice. */
  private _started: string | undefined;
  private readonly _v = new FormValidator(this, (input) => this.describeInvalid(input));
  private readonly _act = new ActionController(this);
  private readonly _pwl = new PasswordlessLink(this, this._act); // issue 13: vtype=oneclicksignin
  private readonly _next = new LinkNextStep(this, this._act, this._v, () => this._session.config);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('vtype') || changed.has('vtoken') || this._started === undefined) this._start();
    if (this.getAttribute('view') !== this.view) this.setAttribute('view', this.view);
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    return html`<div class="lr-link">${this._pwl.step() ?? this._renderView()}</div>${this._act.regions()}`;
  }

  private _renderView(): TemplateResult | typeof nothing {
    const text = this._message ? this.msg(this._message.key, this._message.params) : '';
    switch (this._view) {
      case 'idle':
        return nothing;
      case 'verifying':
      case 'deleting':
        return html`<p class="lr-notice lr-link__message">${text}</p>`;
      case 'reset-form':
        return this._renderResetForm();
      case 'delete-confirm':
        return this._renderDeleteConfirm();
      case 'failed': {
        const retry = html`<button type="button" class="lr-button lr-link__retry" @click=${this._onRetry}>${this.msg('profile.retry')}</button>`;
        const email = this.email || this._urlEmail;
        const renew = this._pwl.offer(this._type === 'oneclicksignin' && !this._retry, this._session.config, email);
        return this._next.render({text, type: this._type, renew: this._renew, email, extra: this._retry ? retry : renew}, this._uid);
      }
      default: {
        const signedIn = this._view === 'verified' && this.sessionState === 'authenticated';
        const done = signedIn || this._view.startsWith('delete') ? 'continue' : 'sign-in';
        return this._next.render({text, type: this._type, email: '', done}, this._uid);
      }
    }
  }

  private readonly _uid = (name: string) => this.uid(name);

  private _renderResetForm(): TemplateResult {
    const min = this.passwordMinLength > 0 ? this.passwordMinLength : undefined;
    // One state for both fields: each has its own toggle (inside its frame), both show or hide the two.
    const toggle = {
      controls: `${this.uid('password')} ${this.uid('confirm')}`,
      shown: this._showPassword,
      host: this,
      onToggle: () => (this._showPassword = !this._showPassword),
    };
    return html`<form
      class="lr-form lr-link__reset-form"
      novalidate
      aria-labelledby=${this.uid('reset-intro')}
      aria-busy=${this._act.busy ? 'true' : 'false'}
      @submit=${this._onReset}
      @input=${this._v.onInput}
      @change=${this._v.onChange}
    >
      <p class="lr-form__intro" id=${this.uid('reset-intro')}>${this.msg('link.reset.intro')}</p>
      ${hiddenUsername({id: this.uid('username'), value: this.email || this._urlEmail, className: 'lr-link__username'})}
      ${passwordField({
        ...toggle,
        id: this.uid('password'),
        name: 'password',
        label: this.msg('link.reset.password'),
        autocomplete: 'new-password',
        required: true,
        minlength: min,
        hint: min ? this.msg('link.reset.hint', {count: min}) : undefined,
        error: this._v.error('password'),
      })}
      ${passwordField({
        ...toggle,
        id: this.uid('confirm'),
        name: 'confirmPassword',
        label: this.msg('link.reset.confirm'),
        autocomplete: 'new-password',
        required: true,
        error: this._v.error('confirmPassword'),
      })}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit" ?disabled=${this._act.blocked}>
          ${this.msg('link.reset.submit')}
        </button>
        ${this._act.message('reset')}
      </div>
    </form>`;
  }

  private _renderDeleteConfirm(): TemplateResult {
    const [blocked, message, t] = [this._act.blocked, this._act.message('delete'), (k: 'submit' | 'keep' | 'confirm') => this.msg(`link.delete.${k}`)];
    return deleteConfirmView({id: this.uid('delete-question'), question: t('confirm'), submit: t('submit'), keep: t('keep'), blocked, message,
      onDelete: () => void this._onDelete(), onKeep: () => void this._onKeep()});
  }

  // ── Flow ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Reads the link (attributes win over the page URL) and starts its flow, once per (vtype, vtoken). */
  private _start(): void {
    const link = readLink(this.vtype, this.vtoken, !this.keepUrl);
    this._urlEmail = link.email;
    const key = `${link.vtype}\n${link.vtoken}`;
    if (key === this._started) return;
    this._started = key;
    this._type = link.type;
    this._token = link.vtoken;
    this._retry = this._renew = false;
    this._next.reset();
    this._act.reset(); // answers for the previous link are dropped
    this._v.reset();
    if (!link.vtype || !link.vtoken) return this._failNow({key: 'link.missing'});
    if (!this._type) return this._failNow({key: 'link.unknown'});
    if (!this._session.config.apiKey) return this._failNow({key: 'error.config'});
    if (this._type === 'emailverification') void this._verify();
    else if (this._type === 'oneclicksignin') void this._passwordless();
    else if (this._type === 'reset') this._view = 'reset-form';
    else this._view = 'delete-confirm';
  }

  private async _verify(): Promise<void> {
    const cfg = this._session.config;
    const token = this._token;
    this._view = 'verifying';
    this._message = {key: 'link.verify.busy'};
    const r = await this._act.run((signal) => api.verifyEmail(cfg, token, {signal}), {
      slot: 'link',
      progress: 'link.verify.busy',
      shown: true,
      onError: (e) => this._linkFailed(e),
    });
    if (!r.ok) return;
    const login = r.value.Data;
    let email = this.email || this._urlEmail;
    let signedIn = false;
    if (login?.access_token && login.Profile) {
      if (!email) email = onlyEmail(login.Profile);
      const profile = await (this._session.session ?? getSession(cfg)).adopt(login);
      signedIn = true;
      emit(this, 'lr-logged-in', {profile});
    }
    const done = signedIn ? 'link.verify.doneSignedIn' : 'link.verify.done';
    await this._show('verified', email ? {key: `${done}Email` as const, params: {email}} : {key: done});
    emit(this, 'lr-email-verified', {email});
  }

  private async _passwordless(): Promise<void> {
    this._view = 'verifying';
    this._message = {key: 'link.passwordless.busy'};
    const done = await this._pwl.signIn(this._session.config, this._token, (e) => this._linkFailed(e));
    if (done) await this._show('verified', done);
  }

  private async _onReset(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._act.blocked || this._type !== 'reset') return;
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const password = form.querySelector<HTMLInputElement>('input[name=password]')!;
    const confirm = form.querySelector<HTMLInputElement>('input[name=confirmPassword]')!;
    if (password.value !== confirm.value) {
      this._v.setError(form, 'confirmPassword', this.msg('link.reset.mismatch'));
      confirm.focus();
      return;
    }
    const token = this._token;
    this._showPassword = false;
    const r = await this._act.run((signal) => api.resetPassword(this._session.config, token, password.value, {signal}), {
      slot: 'reset',
      progress: 'link.reset.busy',
      form,
      onError: (err, raw) => {
        if (tokenError('reset', err.code)) return this._linkFailed(err);
        if (err.code === ErrorCodes.WeakPassword || (raw instanceof LrError && raw.fieldErrors?.length)) {
          this._v.setError(form, 'password', this.msg(err.code === ErrorCodes.WeakPassword ? err.key : 'error.fieldRejected'));
          password.focus();
        }
      },
    });
    if (!r.ok) return;
    await this._show('reset-done', {key: 'link.reset.done'}); // the password form leaves the DOM
    emit(this, 'lr-password-reset', null);
  }

  private async _onDelete(): Promise<void> {
    if (this._act.blocked || this._type !== 'deleteuser') return;
    const cfg = this._session.config;
    const token = this._token;
    this._view = 'deleting';
    this._message = {key: 'link.delete.busy'};
    const r = await this._act.run((signal) => api.deleteAccountWithToken(cfg, token, {signal}), {
      slot: 'delete',
      progress: 'link.delete.busy',
      shown: true,
      onError: (e) => {
        if (tokenError('deleteuser', e.code)) return this._linkFailed(e);
        // Not about the link (network, 5xx): the token is unused, offer the confirmation again.
        this._view = 'delete-confirm';
        return {key: e.key, shown: false};
      },
    });
    if (!r.ok) return;
    // The account is gone: clear the local session in this tab and (by broadcast) every other one.
    const session = this._session.session ?? getSession(cfg);
    const wasSignedIn = session.state === 'authenticated' || session.state === 'unknown';
    await session.logout().catch(() => undefined);
    await this._show('deleted', {key: 'link.delete.done'});
    if (wasSignedIn) emit(this, 'lr-logged-out', {reason: 'user'});
    emit(this, 'lr-account-deleted', null);
  }

  private async _onKeep(): Promise<void> {
    await this._show('delete-kept', {key: 'link.delete.kept'});
  }

  private _onRetry(): void {
    this._started = undefined;
    this._start();
  }

  /**
   * A failed link request: a token problem ends the flow with its own message; anything else (network, timeout,
   * 5xx, rate limit) left the token unused, so a verification can be retried. Shown as the failed step's text.
   */
  private _linkFailed(e: ErrorOutcome): Msg & {shown: true} {
    const key = this._type ? tokenError(this._type, e.code) : undefined;
    this._retry = !key && (this._type === 'emailverification' || this._type === 'oneclicksignin');
    // A passwordless link offers its own "Send a new link" (`passwordless-link.ts`).
    this._renew = !!key && this._type !== 'deleteuser' && this._type !== 'oneclicksignin';
    const m: Msg = {key: key ?? e.key};
    void this._toFailed(m);
    return {...m, shown: true};
  }

  /** A failure found before any request (incomplete link, unknown type, no API key): shown and reported. */
  private _failNow(m: Msg): void {
    this._act.fail(m, {slot: 'link', shown: true});
    void this._toFailed(m);
  }

  private async _toFailed(m: Msg): Promise<void> {
    this._message = m;
    this._view = 'failed';
    await this._act.focus('.lr-link__message');
  }

  /** Moves to a result step and focuses its message (also announced in the status region). */
  private async _show(view: View, m: Msg): Promise<void> {
    this._message = m;
    this._view = view;
    this._act.notify(m.key, m.params, {slot: 'link', shown: true});
    await this._act.focus('.lr-link__message');
  }

  protected override describeInvalid(input: HTMLInputElement): string {
    if (input.validity.valueMissing && !input.validity.customError) {
      if (input.name === 'password') return this.msg('link.reset.passwordRequired');
      if (input.name === 'confirmPassword') return this.msg('link.reset.confirmRequired');
    }
    return super.describeInvalid(input);
  }
}
