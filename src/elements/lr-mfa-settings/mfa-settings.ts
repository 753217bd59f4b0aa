import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ErrorCodes} from '../../core/codes.js';
import {isApiError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {authenticatorOn, type MfaMethod, type MfaSettings} from '../../core/mfa.js';
import * as calls from '../../core/mfa-steps.js';
import {adoptStyles} from '../../internal/adopt-styles.js';
import {copyText, downloadText} from '../../internal/steps/second-factor/clipboard.js';
import type {Config} from '../../core/config.js';
import {ActionController, type RunOptions} from '../../internal/controllers/action.js';
import {SignedInData} from '../../internal/controllers/signed-in-data.js';
import {LrElement} from '../../internal/lr-element.js';
import {codeComplete, codeField, focusCode, normalizeCode} from '../../internal/steps/second-factor/code.js';
import {dataState, selectField} from '../../internal/templates.js';
import {formStyles} from '../../styles/form.styles.js';
import {backupCodesPanel} from './backup-codes.js';
import {mfaSettingsStyles} from './mfa-settings.styles.js';
import '../../i18n/en/mfa-settings.js'; // its texts (issue 14: messages per chunk)
import '../../i18n/en/mfa.js';

type View = 'overview' | 'setup' | 'remove' | 'email' | 'regenerate' | 'codes';
type CodeError = 'mfa.wrongCode' | 'mfa.codeFormat' | 'mfa.codeRequired';
type SetupModule = typeof import('../../internal/steps/second-factor/setup.js');

/** The settings of a site without multi-factor sign-in. */
const SITE_OFF: MfaSettings = Object.freeze({});
const WRONG_CODE: readonly (number | undefined)[] = [ErrorCodes.MfaCodeWrong, ErrorCodes.OtpInvalid];

/**
 * The signed-in user's second steps: which are on, setting up the authenticator app (QR code drawn in the browser,
 * the key to copy, confirmed with a code) and removing it after a confirmation, codes by email on and off (the
 * address confirmed with an emailed code), and backup codes, shown once after they are made (copy, download as a
 * text file), made anew after a confirmation (the old ones stop working). Follows the session like the other
 * signed-in elements; the settings are re-read after each change (and by `refresh()`). On a site without
 * multi-factor sign-in (1097) it says so, without an `lr-error`.
 *
 * Class hooks: `.lr-mfa-settings`, `.lr-mfa-settings__factor` (`data-method`, `data-on`), `.lr-mfa-settings__name`,
 * `.lr-mfa-settings__state`, `.lr-mfa-settings__setup`, `.lr-mfa-settings__set-up`, `.lr-mfa-settings__remove`,
 * `.lr-mfa-settings__remove-yes`, `.lr-mfa-settings__email-on`, `.lr-mfa-settings__email-off`,
 * `.lr-mfa-settings__regenerate`, `.lr-mfa-settings__regenerate-yes`, `.lr-mfa-settings__cancel`,
 * `.lr-mfa-settings__codes`, `.lr-mfa-settings__code-list`, `.lr-mfa-settings__copy`, `.lr-mfa-settings__download`,
 * `.lr-mfa-settings__saved`, `.lr-mfa-settings__site-off`, `.lr-setup`, `.lr-setup__qr`, `.lr-setup__key`, `.lr-qr`, plus the shared form hooks.
 *
 * @summary Two-step sign-in settings of the signed-in user: authenticator app, codes by email, backup codes.
 * @status experimental
 * @since 0.2
 *
 * @event {CustomEvent<{method: 'authenticator' | 'emailotp'}>} lr-mfa-enabled - A second step was turned on.
 * @event {CustomEvent<{method: 'authenticator' | 'emailotp'}>} lr-mfa-disabled - A second step was turned off.
 * @event {CustomEvent<{count: number}>} lr-backup-codes-created - New backup codes were made (the count only, never a code).
 * @event {CustomEvent<{kind: string, code?: number, message: string}>} lr-error - A request failed; `message` is the text shown.
 * @event {CustomEvent<{retryAfterSeconds: number}>} lr-rate-limited - The API answered 429.
 * @event {CustomEvent<{state: SessionState, profile?: StoredProfile, source: string}>} lr-session-changed - The page's session changed.
 *
 * @cssprop [--lr-qr-size=12rem] - Width and height of the setup QR code.
 * @cssprop [--lr-form-max-width=24rem] - Maximum width of the element.
 * @cssstate authenticated - Signed in (also `loading`, `anonymous`, `unknown`).
 */
export class LrMfaSettings extends LrElement {
  static override lightStyles = [...LrElement.lightStyles, formStyles, mfaSettingsStyles];

  /** The issuer an authenticator app shows next to the account (default: the page's host name). */
  @property() issuer = '';

  /** Render nothing while signed out, instead of a short "sign in" message. */
  @property({type: Boolean, reflect: true, attribute: 'hide-when-signed-out'}) hideWhenSignedOut = false;

  @state() private _view: View = 'overview';
  @state() private _codes: string[] = [];
  @state() private _codeError: CodeError | '' = '';
  @state() private _sentTo = '';
  private _address = '';
  private _setup: SetupModule | undefined;

  private readonly _act = new ActionController(this);
  private readonly _data = new SignedInData<MfaSettings>(this, {
    // A site without multi-factor sign-in (1097) is a state to show, not a failure to report.
    read: (session) =>
      session.withToken((t) => calls.mfaSettings(session.config, t)).catch((err: unknown) => {
        if (isApiError(err, ErrorCodes.MfaOff)) return SITE_OFF;
        throw err;
      }),
  });

  /** Reads the settings again (e.g. after the site's MFA setting changed); what is shown stays while reading. */
  async refresh(): Promise<void> {
    await this._data.load({quiet: true});
  }

  override render(): TemplateResult {
    const d = this._data;
    const body =
      dataState(d.status, {
        prefix: 'lr-mfa-settings',
        loading: this.msg('mfaSettings.loading'),
        retry: this.msg('mfaSettings.retry'),
        onRetry: () => void d.load(),
        failed: d.error ? this.msg(d.error.key, d.error.params) : undefined,
        signedOut: this.hideWhenSignedOut ? undefined : this.msg('mfaSettings.signedOut'),
      }) ?? this._renderReady(d.value ?? {});
    return html`${body}${this._act.regions()}`;
  }

  private _renderReady(s: MfaSettings): TemplateResult {
    if (s === SITE_OFF) return html`<p class="lr-notice lr-mfa-settings__site-off">${this.msg('code.1097')}</p>`;
    if (this._view === 'codes') return this._renderCodes();
    if (this._view === 'setup' && this._setup && s.ManualEntryCode) return this._renderSetup(s.ManualEntryCode);
    if (this._view === 'email') return this._renderEmail(s);
    const auth = authenticatorOn(s);
    const email = !!s.IsEmailOtpAuthenticatorVerified;
    return html`<div class="lr-panel lr-mfa-settings">
      ${this._factor('authenticator', auth, this._view === 'remove'
        ? html`<p class="lr-notice" tabindex="-1">${this.msg('mfaSettings.removeConfirm')}</p>
            <div class="lr-form__actions">
              <button type="button" class="lr-button lr-mfa-settings__remove-yes" ?disabled=${this._act.blocked} @click=${() => void this._off('authenticator')}>${this.msg('mfaSettings.removeYes')}</button>
              ${this._cancel()}
            </div>`
        : auth
          ? html`<button type="button" class="lr-button lr-mfa-settings__remove" @click=${() => this._go('remove', '.lr-mfa-settings .lr-notice')}>${this.msg('mfaSettings.remove')}</button>`
          : s.ManualEntryCode
            ? html`<button type="button" class="lr-button lr-mfa-settings__set-up" @click=${this._onSetUp}>${this.msg('mfaSettings.setUp')}</button>`
            : nothing)}
      ${this._factor('emailotp', email, email
        ? html`<button type="button" class="lr-button lr-mfa-settings__email-off" ?disabled=${this._act.blocked} @click=${() => void this._off('emailotp')}>${this.msg('mfaSettings.turnOff')}</button>`
        : html`<button type="button" class="lr-button lr-mfa-settings__email-on" @click=${() => this._go('email', '.lr-mfa-settings__email select, .lr-mfa-settings__send')}>${this.msg('mfaSettings.turnOn')}</button>`)}
      <section class="lr-mfa-settings__factor" data-method="backupcode" aria-labelledby=${this.uid('backup')}>
        <p class="lr-mfa-settings__name" id=${this.uid('backup')}>${this.msg('mfaSettings.backup')}</p>
        <p class="lr-form__intro">${this.msg(auth || email ? 'mfaSettings.backupIntro' : 'mfaSettings.needFactor')}</p>
        ${this._view === 'regenerate'
          ? html`<p class="lr-notice" tabindex="-1">${this.msg('mfaSettings.regenerateConfirm')}</p>
              <div class="lr-form__actions">
                <button type="button" class="lr-button lr-mfa-settings__regenerate-yes" ?disabled=${this._act.blocked} @click=${() => this._onCodes()}>${this.msg('mfaSettings.regenerateYes')}</button>
                ${this._cancel()}
              </div>`
          : auth || email
            ? html`<div class="lr-form__actions">
                <button type="button" class="lr-button lr-mfa-settings__regenerate" @click=${() => this._go('regenerate', '[data-method=backupcode] .lr-notice')}>${this.msg('mfaSettings.regenerate')}</button>
              </div>`
            : nothing}
        ${this._act.message('backupcode')}
      </section>
    </div>`;
  }

  private _factor(method: MfaMethod, on: boolean, actions: TemplateResult | typeof nothing): TemplateResult {
    const id = this.uid(method);
    return html`<section class="lr-mfa-settings__factor" data-method=${method} ?data-on=${on} aria-labelledby=${id}>
      <p class="lr-mfa-settings__name" id=${id}>
        ${this.msg(method === 'authenticator' ? 'mfaSettings.authenticator' : 'mfaSettings.email')}
        <span class="lr-mfa-settings__state">${this.msg(on ? 'mfaSettings.on' : 'mfaSettings.off')}</span>
      </p>
      <div class="lr-form__actions">${actions}</div>
      ${this._act.message(method)}
    </section>`;
  }

  private _renderSetup(key: string): TemplateResult {
    return html`<form class="lr-form lr-mfa-settings__setup" novalidate @submit=${this._onEnable} @input=${this._clearCodeError}>
      <p class="lr-form__intro">${this.msg('mfaSettings.setupIntro')}</p>
      ${this._setup!.authenticatorSetup({
        key,
        account: this._session.session?.profile?.Email ?? '',
        issuer: this.issuer || location.hostname || 'lr-elements',
        texts: {qr: this.msg('mfa.qr.label'), key: this.msg('mfa.key.label'), copy: this.msg('mfa.key.copy'), open: this.msg('mfa.openApp')},
        onCopy: (k) => void this._copy(k, 'setup'),
      })}
      ${this._codeInput('numeric')}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit" ?disabled=${this._act.blocked}>${this.msg('mfaSettings.turnOn')}</button>
        ${this._cancel()} ${this._act.message('setup')}
      </div>
    </form>`;
  }

  private _renderEmail(s: MfaSettings): TemplateResult {
    const list = s.Email ?? [];
    this._address ||= list[0] ?? '';
    return html`<form class="lr-form lr-mfa-settings__email" novalidate @submit=${this._onEmailOn} @input=${this._clearCodeError}>
      <p class="lr-form__intro">${this.msg('mfaSettings.emailIntro')}</p>
      ${this._sentTo
        ? html`<p class="lr-notice lr-mfa-settings__sent" tabindex="-1">${this.msg('mfaSettings.emailSent', {email: this._sentTo})}</p>
            ${this._codeInput('numeric')}`
        : html`<div @change=${(e: Event) => (this._address = (e.target as HTMLSelectElement).value)}>
            ${selectField({id: this.uid('address'), name: 'address', label: this.msg('mfa.field.address'), autocomplete: 'email',
              options: list.map((a) => [a, a] as const), value: this._address})}
          </div>`}
      <div class="lr-form__actions">
        ${this._sentTo
          ? html`<button type="submit" class="lr-form__submit" ?disabled=${this._act.blocked}>${this.msg('mfaSettings.turnOn')}</button>`
          : html`<button type="button" class="lr-form__submit lr-mfa-settings__send" ?disabled=${this._act.blocked} @click=${this._onSend}>${this.msg('mfa.send')}</button>`}
        ${this._cancel()} ${this._act.message('email')}
      </div>
    </form>`;
  }

  private _renderCodes(): TemplateResult {
    return backupCodesPanel({
      codes: this._codes,
      msg: (k) => this.msg(k),
      titleId: this.uid('codes'),
      message: this._act.message('codes'),
      onCopy: () => void this._copy(this._codes.join('\n'), 'codes'),
      onDownload: () => downloadText(`${this._codes.join('\n')}\n`, 'backup-codes.txt'),
      onSaved: () => {
        this._codes = [];
        this._go('overview', '[data-method=backupcode] .lr-mfa-settings__regenerate');
      },
    });
  }

  private _codeInput(kind: 'numeric'): TemplateResult {
    return codeField({id: this.uid('code'), kind, label: this.msg('mfa.field.code'), error: this._codeError ? this.msg(this._codeError) : undefined});
  }

  private _cancel(): TemplateResult {
    return html`<button type="button" class="lr-form__link lr-mfa-settings__cancel" @click=${() => this._go('overview', '.lr-mfa-settings__factor button')}>${this.msg('mfaSettings.cancel')}</button>`;
  }

  /** A view change: the old view's messages go, focus moves to `selector` in the new one. */
  private _go(view: View, selector: string): void {
    this._act.clear();
    this._view = view;
    this._codeError = '';
    this._sentTo = '';
    void this._act.focus(selector);
  }

  private readonly _clearCodeError = (e: Event): void => {
    if ((e.target as HTMLInputElement).name === 'code') this._codeError = '';
  };

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────────────

  private async _onSetUp(): Promise<void> {
    this._setup ??= await import('../../internal/steps/second-factor/setup.js');
    adoptStyles(this, [this._setup.setupStyles]);
    this._go('setup', '.lr-mfa-settings__setup input[name=code]');
  }

  /** Reads the code of the view's form; a malformed one is marked at the field (no request). */
  private _code(form: HTMLFormElement): string | undefined {
    const input = form.querySelector<HTMLInputElement>('input[name=code]')!;
    const code = (input.value = normalizeCode(input.value, 'numeric'));
    if (codeComplete(code, 'numeric')) return code;
    this._wrong(code ? 'mfa.codeFormat' : 'mfa.codeRequired');
    return undefined;
  }

  /** The code's error at the field (the live region announces it); the code stays, selected, with focus. */
  private _wrong(key: CodeError = 'mfa.wrongCode'): {key: CodeError; shown: true} {
    this._codeError = key;
    void focusCode(this);
    return {key, shown: true};
  }

  private async _onEnable(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const code = this._code(form);
    if (!code || this._act.blocked) return;
    const r = await this._call(
      async (cfg, t, signal) => {
        await calls.enableAuthenticator(cfg, t, code, {signal});
        // The first factor brings backup codes with it (1127: the user already has some).
        return calls.backupCodes(cfg, t, false, {signal}).catch(() => [] as string[]);
      },
      {slot: 'setup', progress: 'mfa.busy', form, onError: (err) => (WRONG_CODE.includes(err.code) ? this._wrong() : undefined)},
    );
    if (r.ok) await this._changed('authenticator', true, r.value);
  }

  /** Runs a settings call with the session's config and token through the ActionController. */
  private _call<T>(fn: (cfg: Config, token: string, signal: AbortSignal) => Promise<T>, o: RunOptions) {
    const session = this._session.session!;
    return this._act.run((signal) => session.withToken((t) => fn(session.config, t, signal)), o);
  }

  /** Turns a factor off (the authenticator after its confirmation). */
  private async _off(method: 'authenticator' | 'emailotp'): Promise<void> {
    const remove = method === 'authenticator' ? calls.removeAuthenticator : calls.removeEmailCode;
    const r = await this._call((cfg, t, signal) => remove(cfg, t, {signal}), {slot: method, progress: 'mfaSettings.removing'});
    if (r.ok) await this._changed(method, false);
  }

  private async _onSend(): Promise<void> {
    const email = this._address;
    const r = await this._call((cfg, t, signal) => calls.sendSetupCode(cfg, t, email, {signal}), {slot: 'email', progress: 'mfa.sending'});
    if (!r.ok) return;
    this._sentTo = email;
    this._act.notify('mfaSettings.emailSent', {email}, {slot: 'email', tone: 'info', shown: true});
    await this._act.focus('.lr-mfa-settings__email input[name=code]');
  }

  private async _onEmailOn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const code = this._code(form);
    if (!code || this._act.blocked) return;
    const email = this._sentTo;
    const r = await this._call((cfg, t, signal) => calls.enableEmailCode(cfg, t, email, code, {signal}), {
      slot: 'email',
      progress: 'mfa.busy',
      form,
      onError: (err) => (WRONG_CODE.includes(err.code) ? this._wrong() : undefined),
    });
    if (r.ok) await this._changed('emailotp', true);
  }

  /** Makes new backup codes (the old ones stop working) and shows them once. */
  private async _onCodes(): Promise<void> {
    const r = await this._call((cfg, t, signal) => calls.backupCodes(cfg, t, true, {signal}), {slot: 'backupcode', progress: 'mfaSettings.generating'});
    if (r.ok) this._showCodes(r.value);
  }

  private _showCodes(codes: string[]): void {
    this._go('codes', '.lr-mfa-settings__codes .lr-notice');
    this._codes = codes;
    this._act.notify('mfaSettings.created', {count: codes.length}, {slot: 'codes', shown: true});
    emit(this, 'lr-backup-codes-created', {count: codes.length});
  }

  /** After a factor changed: its outcome where it is, the event, a fresh read; new backup codes are shown once. */
  private async _changed(method: 'authenticator' | 'emailotp', on: boolean, codes: string[] = []): Promise<void> {
    await this._data.load({quiet: true});
    if (codes.length) this._showCodes(codes);
    else this._go('overview', `[data-method=${method}] button`);
    const key = `mfaSettings.${on ? 'enabled' : 'removed'}.${method}` as const;
    this._act.notify(key, undefined, {slot: codes.length ? 'codes-outcome' : method});
    emit(this, on ? 'lr-mfa-enabled' : 'lr-mfa-disabled', {method});
  }

  private async _copy(text: string, slot: string): Promise<void> {
    const ok = await copyText(text);
    this._act.notify(ok ? 'mfa.copied' : 'mfa.copyFailed', undefined, {slot, tone: ok ? 'success' : 'info'});
  }
}
