import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {LrError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {onlyEmail} from '../../core/profile.js';
import {getSession} from '../../core/session.js';
import type {MessageKey} from '../../i18n/index.js';
import {field} from '../../internal/field.js';
import {LrElement, type ErrorInfo} from '../../internal/lr-element.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {emailLinkStyles} from './email-link.styles.js';

/** The flows a LoginRadius email link can start (`vtype`). */
export type LinkType = 'emailverification' | 'reset' | 'deleteuser';

type View =
  | 'idle'
  | 'verifying'
  | 'verified'
  | 'reset-form'
  | 'reset-done'
  | 'delete-confirm'
  | 'deleting'
  | 'deleted'
  | 'delete-kept'
  | 'failed';

const TYPES: Record<string, LinkType> = {emailverification: 'emailverification', reset: 'reset', deleteuser: 'deleteuser'};

/** Messages for the link-token failures, per flow: invalid (973/1063/1119), used (974), expired (975). */
const TOKEN_ERRORS: Record<LinkType, {invalid: MessageKey; used: MessageKey; expired: MessageKey}> = {
  emailverification: {invalid: 'link.verify.invalid', used: 'link.verify.used', expired: 'link.verify.expired'},
  reset: {invalid: 'link.reset.invalid', used: 'link.reset.used', expired: 'link.reset.expired'},
  deleteuser: {invalid: 'link.delete.invalid', used: 'link.delete.invalid', expired: 'link.delete.invalid'},
};

/** The message key for a token failure, or undefined when the failure is not about the link. */
function tokenError(type: LinkType, code: number | undefined): MessageKey | undefined {
  const keys = TOKEN_ERRORS[type];
  switch (code) {
    case ErrorCodes.VerificationLinkInvalid:
    case ErrorCodes.ResetTokenInvalid:
    case ErrorCodes.DeleteTokenInvalid:
      return keys.invalid;
    case ErrorCodes.VerificationLinkUsed:
    case ErrorCodes.AlreadyVerified:
    case ErrorCodes.EmailAlreadyVerified:
      return keys.used;
    case ErrorCodes.VerificationLinkExpired:
      return keys.expired;
    default:
      return undefined;
  }
}

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
 *
 * Used (974), expired (975) and invalid (973/1119) links get a clear message instead of a form; a missing or
 * unknown `vtype` says so. Once read from the URL, `vtype`/`vtoken` are removed from the address bar
 * (`history.replaceState`) so the one-time token does not linger in history or referrers (`keep-url` turns this
 * off). The token is never put in an event, an attribute or the console.
 *
 * Class hooks: `.lr-link`, `.lr-link__message` (the focused result text), `.lr-link__reset-form`,
 * `.lr-link__delete-confirm`, `.lr-link__delete-keep`, `.lr-link__retry`, plus the shared form hooks (`.lr-form`,
 * `.lr-field`, `.lr-field__input`, `.lr-field__error`, `.lr-field__toggle`, `.lr-form__submit`,
 * `.lr-form__alert` (role=alert), `.lr-form__status` (role=status), `.lr-notice`, `.lr-button`). The reflected
 * `view` attribute tells the current step (`verifying`, `verified`, `reset-form`, `reset-done`,
 * `delete-confirm`, `deleting`, `deleted`, `delete-kept`, `failed`).
 *
 * @summary Completes email links: verify an address, reset the password, confirm account deletion.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{email: string}>} lr-email-verified - The address was verified. `email` is the address when known (the `email` attribute or query parameter, or the account's only address), else empty.
 * @event {CustomEvent<{profile: StoredProfile}>} lr-logged-in - The verification also signed the user in.
 * @event {CustomEvent<null>} lr-password-reset - The new password was set.
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

  /** Leave `vtype` / `vtoken` in the address bar (by default they are removed once read). */
  @property({type: Boolean, attribute: 'keep-url'}) keepUrl = false;

  /** The current step; mirrored to the `view` attribute for styling and tests. */
  get view(): View {
    return this._view;
  }

  @state() private _view: View = 'idle';

  @state() private _message = '';
  @state() private _retry = false;
  @state() private _busy = false;
  @state() private _alert = '';
  @state() private _status = '';
  @state() private _showPassword = false;

  private _type: LinkType | undefined;
  private _token = '';
  private _urlEmail = '';
  /** The (vtype, vtoken) pair last started, so an attribute re-set does not run a one-time link twice. */
  private _started: string | undefined;
  private readonly _v = new FormValidator(this, (input) => this.describeInvalid(input));

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('vtype') || changed.has('vtoken') || this._started === undefined) this._start();
    if (this.getAttribute('view') !== this._view) this.setAttribute('view', this._view);
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    // Result views show the message as focused text; the live regions only announce it.
    const shown = ['idle', 'reset-form', 'delete-confirm'].includes(this._view) ? '' : this._message;
    return html`<div class="lr-link">${this._renderView()}</div>${this.liveRegions(this._alert, this._status, shown)}`;
  }

  private _renderView(): TemplateResult | typeof nothing {
    switch (this._view) {
      case 'idle':
        return nothing;
      case 'verifying':
      case 'deleting':
        return html`<p class="lr-notice lr-link__message">${this._message}</p>`;
      case 'reset-form':
        return this._renderResetForm();
      case 'delete-confirm':
        return this._renderDeleteConfirm();
      case 'failed':
        return html`<div class="lr-panel">
          <p class="lr-notice lr-link__message" tabindex="-1">${this._message}</p>
          ${this._retry
            ? html`<div class="lr-form__actions">
                <button type="button" class="lr-button lr-link__retry" @click=${this._onRetry}>
                  ${this.msg('profile.retry')}
                </button>
              </div>`
            : nothing}
        </div>`;
      default:
        return html`<p class="lr-notice lr-link__message" tabindex="-1">${this._message}</p>`;
    }
  }

  private _renderResetForm(): TemplateResult {
    const min = this.passwordMinLength > 0 ? this.passwordMinLength : undefined;
    const type = this._showPassword ? 'text' : 'password';
    // With a known address, a hidden username field tells password managers which account the password is for.
    const username = this.email || this._urlEmail;
    const toggle = html`<button
      type="button"
      class="lr-field__toggle"
      aria-pressed=${this._showPassword ? 'true' : 'false'}
      aria-controls="${this.uid('password')} ${this.uid('confirm')}"
      @click=${() => (this._showPassword = !this._showPassword)}
    >
      ${this.msg('password.toggle')}
    </button>`;
    return html`<form
      class="lr-form lr-link__reset-form"
      novalidate
      aria-labelledby=${this.uid('reset-intro')}
      aria-busy=${this._busy ? 'true' : 'false'}
      @submit=${this._onReset}
      @input=${this._v.onInput}
      @change=${this._v.onChange}
    >
      <p class="lr-form__intro" id=${this.uid('reset-intro')}>${this.msg('link.reset.intro')}</p>
      ${username
        ? html`<input
            class="lr-link__username"
            type="email"
            name="username"
            id=${this.uid('username')}
            autocomplete="username"
            .value=${username}
            hidden
          />`
        : nothing}
      ${field({
        id: this.uid('password'),
        name: 'password',
        type,
        label: this.msg('link.reset.password'),
        autocomplete: 'new-password',
        required: true,
        minlength: min,
        hint: min ? this.msg('link.reset.hint', {count: min}) : undefined,
        error: this._v.error('password'),
        spellcheck: false,
        autocapitalize: 'none',
        trailing: toggle,
      })}
      ${field({
        id: this.uid('confirm'),
        name: 'confirmPassword',
        type,
        label: this.msg('link.reset.confirm'),
        autocomplete: 'new-password',
        required: true,
        error: this._v.error('confirmPassword'),
        spellcheck: false,
        autocapitalize: 'none',
      })}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit" ?disabled=${this._busy}>${this.msg('link.reset.submit')}</button>
      </div>
    </form>`;
  }

  private _renderDeleteConfirm(): TemplateResult {
    const id = this.uid('delete-question');
    return html`<div class="lr-panel lr-link__delete-confirm">
      <p class="lr-notice lr-link__message" id=${id} tabindex="-1">${this.msg('link.delete.confirm')}</p>
      <div class="lr-form__actions">
        <button
          type="button"
          class="lr-form__submit lr-button--danger lr-link__delete-submit"
          aria-describedby=${id}
          ?disabled=${this._busy}
          @click=${this._onDelete}
        >
          ${this.msg('link.delete.submit')}
        </button>
        <button type="button" class="lr-button lr-link__delete-keep" ?disabled=${this._busy} @click=${this._onKeep}>
          ${this.msg('link.delete.keep')}
        </button>
      </div>
    </div>`;
  }

  // ── Flow ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Reads the link (attributes win over the page URL) and starts its flow, once per (vtype, vtoken). */
  private _start(): void {
    let query: URLSearchParams | undefined;
    try {
      query = new URLSearchParams(globalThis.location?.search ?? '');
    } catch {
      query = undefined;
    }
    const fromUrl = !this.vtype && !this.vtoken;
    const vtype = (this.vtype || query?.get('vtype') || '').trim();
    const vtoken = (this.vtoken || query?.get('vtoken') || '').trim();
    this._urlEmail = query?.get('email') ?? '';
    const key = `${vtype}\n${vtoken}`;
    if (key === this._started) return;
    this._started = key;
    if (fromUrl && vtoken && !this.keepUrl) this._scrubUrl();

    this._type = TYPES[vtype.toLowerCase()];
    this._token = vtoken;
    this._alert = '';
    this._status = '';
    this._retry = false;
    this._busy = false;
    this._v.reset();
    if (!vtype || !vtoken) return void this._failWith(this.msg('link.missing'), {kind: 'api', message: ''});
    if (!this._type) return void this._failWith(this.msg('link.unknown'), {kind: 'api', message: ''});
    if (!this._session.config.apiKey) return void this._failWith(this.msg('error.config'), {kind: 'api', message: ''});
    if (this._type === 'emailverification') void this._verify();
    else if (this._type === 'reset') this._view = 'reset-form';
    else this._view = 'delete-confirm';
  }

  /** Removes `vtype` and `vtoken` from the address bar (the token is single-use and must not linger). */
  private _scrubUrl(): void {
    try {
      const url = new URL(location.href);
      if (!url.searchParams.has('vtoken') && !url.searchParams.has('vtype')) return;
      url.searchParams.delete('vtoken');
      url.searchParams.delete('vtype');
      history.replaceState(history.state, '', url.href);
    } catch {
      // Sandboxed or opaque origins: leave the URL alone.
    }
  }

  private async _verify(): Promise<void> {
    const token = this._token;
    const cfg = this._session.config;
    this._view = 'verifying';
    this._message = this.msg('link.verify.busy');
    this._status = this._message;
    this._busy = true;
    try {
      const result = await api.verifyEmail(cfg, token);
      if (token !== this._token) return;
      const login = result.Data;
      let email = this.email || this._urlEmail;
      let signedIn = false;
      if (login?.access_token && login.Profile) {
        if (!email) email = onlyEmail(login.Profile);
        const session = this._session.session ?? getSession(cfg);
        const profile = await session.adopt(login);
        signedIn = true;
        emit(this, 'lr-logged-in', {profile});
      }
      this._busy = false;
      await this._show('verified', this.msg(signedIn ? 'link.verify.doneSignedIn' : 'link.verify.done'));
      emit(this, 'lr-email-verified', {email});
    } catch (err) {
      if (token !== this._token) return;
      this._busy = false;
      await this._linkFailed(err);
    }
  }

  private async _onReset(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._busy || this._type !== 'reset') return;
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
    this._busy = true; // synchronously: a second submit is ignored
    this._showPassword = false;
    this._alert = '';
    this._status = this.msg('link.reset.busy');
    try {
      await api.resetPassword(this._session.config, token, password.value);
      if (token !== this._token) return;
      this._busy = false;
      await this._show('reset-done', this.msg('link.reset.done')); // the password form leaves the DOM
      emit(this, 'lr-password-reset', null);
    } catch (err) {
      if (token !== this._token) return;
      this._busy = false;
      this._status = '';
      const info = this.errorInfo(err);
      if (tokenError('reset', info.code)) return this._linkFailed(err);
      if (info.code === ErrorCodes.WeakPassword || (err instanceof LrError && err.fieldErrors?.length)) {
        const message = info.code === ErrorCodes.WeakPassword ? info.message : this.msg('error.fieldRejected');
        this._v.setError(form, 'password', message);
        this._fail(info);
        password.focus();
        return;
      }
      this._fail(info);
    }
  }

  private async _onDelete(): Promise<void> {
    if (this._busy || this._type !== 'deleteuser') return;
    const token = this._token;
    const cfg = this._session.config;
    this._busy = true;
    this._alert = '';
    this._view = 'deleting';
    this._message = this.msg('link.delete.busy');
    this._status = this._message;
    try {
      await api.deleteAccountWithToken(cfg, token);
      if (token !== this._token) return;
      // The account is gone: clear the local session in this tab and (by broadcast) every other one.
      const session = this._session.session ?? getSession(cfg);
      const wasSignedIn = session.state === 'authenticated' || session.state === 'unknown';
      await session.logout().catch(() => undefined);
      this._busy = false;
      await this._show('deleted', this.msg('link.delete.done'));
      if (wasSignedIn) emit(this, 'lr-logged-out', {reason: 'user'});
      emit(this, 'lr-account-deleted', null);
    } catch (err) {
      if (token !== this._token) return;
      this._busy = false;
      const info = this.errorInfo(err);
      if (tokenError('deleteuser', info.code)) return this._linkFailed(err);
      // Not about the link (network, 5xx): the token is unused, offer the confirmation again.
      this._view = 'delete-confirm';
      this._status = '';
      this._fail(info);
    }
  }

  private async _onKeep(): Promise<void> {
    await this._show('delete-kept', this.msg('link.delete.kept'));
  }

  private _onRetry(): void {
    this._started = undefined;
    this._start();
  }

  /** Shows the failure of a link request: a token problem ends the flow, anything else can be retried. */
  private async _linkFailed(err: unknown): Promise<void> {
    const info = this.errorInfo(err);
    const key = this._type ? tokenError(this._type, info.code) : undefined;
    if (key) {
      info.message = this.msg(key);
      this._retry = false;
    } else {
      // Network, timeout, 5xx, rate limit: the token was not used, so the same link can be tried again.
      this._retry = this._type === 'emailverification';
    }
    await this._failWith(info.message, info);
  }

  /** Ends in the `failed` view with `message` (focused, in the alert region) and reports it. */
  private async _failWith(message: string, info: ErrorInfo): Promise<void> {
    this._status = '';
    this._alert = message;
    this._message = message;
    this._view = 'failed';
    this.reportError({...info, message});
    await this.updateComplete;
    this.querySelector<HTMLElement>('.lr-link__message')?.focus();
  }

  /** Moves to a result step and focuses its message (also announced in the status region). */
  private async _show(view: View, message: string): Promise<void> {
    this._alert = '';
    this._message = message;
    this._status = message;
    this._view = view;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.lr-link__message')?.focus();
  }

  protected override describeInvalid(input: HTMLInputElement): string {
    if (input.validity.valueMissing && !input.validity.customError) {
      if (input.name === 'password') return this.msg('link.reset.passwordRequired');
      if (input.name === 'confirmPassword') return this.msg('link.reset.confirmRequired');
    }
    return super.describeInvalid(input);
  }

  private _fail(info: ErrorInfo): void {
    this._alert = info.message;
    this.reportError(info);
  }
}
