import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {LrError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {emailRows, unverifiedList, type EmailRow} from '../../core/profile.js';
import type {ChangeSource} from '../../core/session.js';
import {field} from '../../internal/field.js';
import {LrElement, type ErrorInfo} from '../../internal/lr-element.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {emailManagerStyles} from './email-manager.styles.js';

const lower = (s: string) => s.trim().toLowerCase();

/**
 * Lists the signed-in user's email addresses with their type (primary / secondary) and verification state, adds
 * an address (Add Email; the API emails it a verification link to `verification-url`), removes one after a
 * confirmation step (Remove Email; the primary or only address cannot be removed, and the element says why —
 * code 1005), and resends the verification link of an unverified address, with a cooldown shown on the row.
 *
 * Optimistic UI only where it is rolled back visibly: a new address appears at once as "Adding…" and
 * disappears again, with the reason on the field, if the API refuses it. Removals wait for the API. The list is
 * re-read after every change and when the page becomes visible again (e.g. after opening a verification link in
 * another tab); `refresh()` does the same on demand. Signing out anywhere (also in another tab) empties it.
 *
 * Class hooks: `.lr-emails`, `.lr-emails__heading`, `.lr-emails__list`, `.lr-emails__item` (with
 * `data-primary`, `data-verified`, `data-pending`), `.lr-emails__address`, `.lr-emails__badges`,
 * `.lr-emails__badge`, `.lr-emails__type`, `.lr-emails__state`, `.lr-emails__actions`, `.lr-emails__resend`,
 * `.lr-emails__remove`, `.lr-emails__confirm`, `.lr-emails__remove-yes`, `.lr-emails__remove-no`,
 * `.lr-emails__note`, `.lr-emails__add`, `.lr-emails__signed-out`, plus the shared form hooks (`.lr-form`,
 * `.lr-field`, `.lr-field__input`, `.lr-field__error`, `.lr-form__submit`, `.lr-form__alert` (role=alert),
 * `.lr-form__status` (role=status), `.lr-notice`, `.lr-button`).
 *
 * @summary Manage the email addresses of the signed-in user: add, remove, resend verification.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{email: string}>} lr-email-added - An address was added (a verification link was sent to it).
 * @event {CustomEvent<{email: string}>} lr-email-removed - An address was removed.
 * @event {CustomEvent<{email: string}>} lr-verification-sent - The verification link was sent again.
 * @event {CustomEvent<{kind: string, code?: number, message: string}>} lr-error - A request failed; `message` is the text shown.
 * @event {CustomEvent<{retryAfterSeconds: number}>} lr-rate-limited - The API answered 429.
 * @event {CustomEvent<{state: SessionState, profile?: StoredProfile, source: string}>} lr-session-changed - The page's session changed.
 * @event {CustomEvent<null>} lr-session-expired - The token was rejected (905/906).
 * @event {CustomEvent<{reason: 'expired' | 'other-tab'}>} lr-logged-out - The session ended elsewhere or expired.
 *
 * @cssprop [--lr-emails-heading-size=1.125rem] - Font size of the heading.
 * @cssprop [--lr-emails-item-gap=var(--lr-space-m)] - Gap between the addresses.
 * @cssprop [--lr-emails-item-border-color=var(--lr-color-border)] - Border of each address.
 * @cssprop [--lr-emails-verified-color=var(--lr-color-success)] - Colour of the "Verified" badge.
 * @cssprop [--lr-emails-unverified-color=var(--lr-color-text-muted)] - Colour of the "Not verified" badge.
 * @cssprop [--lr-form-max-width=24rem] - Maximum width of the element.
 * @cssstate authenticated - Signed in (also `loading`, `anonymous`, `unknown`).
 */
export class LrEmailManager extends LrElement {
  static override lightStyles = [...LrElement.lightStyles, formStyles, emailManagerStyles];

  /** Page that handles the link of the verification email (sent as `verificationurl`). */
  @property({attribute: 'verification-url'}) verificationUrl = '';

  /** Seconds before the verification link of one address can be sent again. */
  @property({type: Number, attribute: 'resend-cooldown'}) resendCooldown = 30;

  /** `aria-level` of the heading (the element sits under the host's own heading). */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 3;

  /** Render nothing while signed out, instead of a short "sign in" message. */
  @property({type: Boolean, reflect: true, attribute: 'hide-when-signed-out'}) hideWhenSignedOut = false;

  @state() private _profile: Profile | undefined;
  @state() private _loading = false;
  @state() private _loadFailed = false;
  /** The address being added (shown optimistically). */
  @state() private _adding: string | undefined;
  /** The address whose removal waits for confirmation. */
  @state() private _confirm: string | undefined;
  @state() private _removing: string | undefined;
  @state() private _resending: string | undefined;
  /** Why an address could not be removed (or another per-row failure), by lower-case address. */
  @state() private _rowErrors = new Map<string, string>();
  @state() private _alert = '';
  @state() private _status = '';

  /** Resend deadlines (ms epoch) by lower-case address. */
  private readonly _cooldowns = new Map<string, number>();
  private _tick: ReturnType<typeof setInterval> | undefined;
  private _gen = 0;
  private readonly _v = new FormValidator(this, (input) => this.describeInvalid(input));

  /** Re-reads the addresses from the API (e.g. after a verification link was opened elsewhere). */
  async refresh(): Promise<void> {
    if (this._profile) await this._load(true);
    else this._sync('self');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this._onVisible);
    void this.ready.then(() => this._sync('load'));
    if (this._cooldowns.size) this._startTick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this._onVisible);
    this._stopTick();
    this._gen++;
    this._loading = false;
  }

  protected override configChanged(): void {
    this._clear();
    void this._session.ready.then(() => this._sync('load'));
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    return html`${this.liveRegions(this._alert, this._status)}${this._renderBody()}`;
  }

  private _renderBody(): TemplateResult | typeof nothing {
    const state = this.sessionState;
    const signedIn = state === 'authenticated' || state === 'unknown';
    if (signedIn && this._profile) return this._renderManager();
    if (state === 'loading' || (signedIn && this._loading)) {
      return html`<p class="lr-notice lr-emails__loading">${this.msg('emails.loading')}</p>`;
    }
    if (signedIn && this._loadFailed) {
      return html`<div class="lr-form__actions">
        <button type="button" class="lr-button lr-emails__retry" @click=${() => this._load()}>
          ${this.msg('profile.retry')}
        </button>
      </div>`;
    }
    if (signedIn) return nothing;
    return this.hideWhenSignedOut
      ? nothing
      : html`<p class="lr-notice lr-emails__signed-out">${this.msg('emails.signedOut')}</p>`;
  }

  private _rows(): EmailRow[] {
    const rows = emailRows(this._profile);
    if (this._adding && !rows.some((r) => lower(r.email) === lower(this._adding!))) {
      rows.push({email: this._adding, primary: false, verified: false, pending: true});
    }
    return rows;
  }

  private _renderManager(): TemplateResult {
    const rows = this._rows();
    const headingId = this.uid('heading');
    return html`<div class="lr-emails">
      <div class="lr-emails__heading" role="heading" aria-level=${this.headingLevel} id=${headingId} tabindex="-1">
        ${this.msg('emails.title')}
      </div>
      ${rows.length
        ? html`<ul class="lr-emails__list" aria-labelledby=${headingId}>
            ${rows.map((r, i) => this._renderRow(r, i, rows.length))}
          </ul>`
        : html`<p class="lr-notice">${this.msg('emails.none')}</p>`}
      ${this._renderAdd()}
    </div>`;
  }

  private _renderRow(r: EmailRow, index: number, count: number): TemplateResult {
    const key = lower(r.email);
    const busy = !!r.pending || this._removing === r.email || this._resending === r.email;
    const error = this._rowErrors.get(key);
    const wait = this._cooldownLeft(key);
    const noteId = this.uid(`note-${index}`);
    const note = error ?? (wait > 0 && !r.verified ? this.msg('emails.resendIn', {count: wait}) : '');
    let actions: TemplateResult | typeof nothing = nothing;
    if (r.pending) {
      actions = nothing;
    } else if (this._confirm === r.email) {
      const confirmId = this.uid(`confirm-${index}`);
      actions = html`<p class="lr-notice lr-emails__confirm" id=${confirmId} tabindex="-1">
          ${this.msg('emails.removeConfirm', {email: r.email})}
        </p>
        <div class="lr-form__actions lr-emails__actions">
          <button
            type="button"
            class="lr-button lr-button--danger lr-emails__remove-yes"
            aria-describedby=${confirmId}
            ?disabled=${busy}
            @click=${() => this._onRemove(r, count)}
          >
            ${this.msg('emails.removeYes')}
          </button>
          <button type="button" class="lr-button lr-emails__remove-no" ?disabled=${busy} @click=${() => this._onKeep(r)}>
            ${this.msg('emails.removeNo')}
          </button>
        </div>`;
    } else {
      actions = html`<div class="lr-form__actions lr-emails__actions">
        ${r.verified
          ? nothing
          : html`<button
              type="button"
              class="lr-button lr-emails__resend"
              data-email=${r.email}
              aria-label=${this.msg('emails.resendLabel', {email: r.email})}
              aria-describedby=${note ? noteId : nothing}
              ?disabled=${busy || wait > 0}
              @click=${() => this._onResend(r)}
            >
              ${this.msg('emails.resend')}
            </button>`}
        <button
          type="button"
          class="lr-button lr-emails__remove"
          data-email=${r.email}
          aria-label=${this.msg('emails.removeLabel', {email: r.email})}
          aria-describedby=${error ? noteId : nothing}
          ?disabled=${busy}
          @click=${() => this._onAskRemove(r)}
        >
          ${this.msg('emails.remove')}
        </button>
      </div>`;
    }
    return html`<li
      class="lr-emails__item"
      ?data-primary=${r.primary}
      ?data-verified=${r.verified}
      ?data-pending=${!!r.pending}
      aria-busy=${busy ? 'true' : 'false'}
    >
      <span class="lr-emails__address">${r.email}</span>
      <span class="lr-emails__badges">
        <span class="lr-emails__badge lr-emails__type">${this.msg(r.primary ? 'emails.primary' : 'emails.secondary')}</span>
        <span class="lr-emails__badge lr-emails__state" ?data-verified=${r.verified}
          >${this.msg(r.pending ? 'emails.adding' : r.verified ? 'emails.verified' : 'emails.unverified')}</span
        >
      </span>
      ${actions}
      <p class="lr-emails__note" id=${noteId} ?data-error=${!!error} ?hidden=${!note}>${note || nothing}</p>
    </li>`;
  }

  private _renderAdd(): TemplateResult {
    const titleId = this.uid('add-title');
    return html`<form
      class="lr-form lr-emails__add"
      novalidate
      aria-labelledby=${titleId}
      aria-busy=${this._adding ? 'true' : 'false'}
      @submit=${this._onAdd}
      @input=${this._v.onInput}
      @change=${this._v.onChange}
    >
      <div class="lr-emails__heading" role="heading" aria-level=${this.headingLevel + 1} id=${titleId}>
        ${this.msg('emails.add.title')}
      </div>
      ${field({
        id: this.uid('add-email'),
        name: 'email',
        type: 'email',
        label: this.msg('emails.add.field'),
        autocomplete: 'email',
        required: true,
        error: this._v.error('email'),
        spellcheck: false,
        autocapitalize: 'none',
      })}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit lr-emails__add-submit" ?disabled=${!!this._adding}>
          ${this.msg('emails.add.submit')}
        </button>
      </div>
    </form>`;
  }

  // ── Session and loading ──────────────────────────────────────────────────────────────────────────────

  protected override sessionEvent(type: string, e: CustomEvent): void {
    if (type === 'expired') {
      this._clear();
      this._status = this.msg('session.expired');
    } else if (type === 'logged-out' && e.detail?.reason !== 'expired') {
      // (`expired` came first and already emptied the list with its own message.)
      this._clear();
      if (e.detail?.reason === 'other-tab') this._status = this.msg('session.otherTab');
    } else if (type === 'change') {
      this._sync((e.detail?.source as ChangeSource | undefined) ?? 'self');
    }
  }

  private _sync(source: ChangeSource): void {
    if (!this.isConnected) return;
    const session = this._session.session;
    const state = this.sessionState;
    if (state === 'authenticated' || (state === 'unknown' && session?.profile)) {
      const uid = session?.profile?.Uid;
      if (this._profile && this._profile.Uid !== uid) this._clear();
      if (!this._profile && !this._loading) void this._load();
      else if (this._profile && source === 'other-tab') void this._load(true);
    } else if (state === 'anonymous' && (this._profile || this._loading || this._loadFailed)) {
      this._clear();
    }
  }

  private _clear(): void {
    this._gen++;
    this._profile = undefined;
    this._loading = false;
    this._loadFailed = false;
    this._adding = undefined;
    this._confirm = undefined;
    this._removing = undefined;
    this._resending = undefined;
    this._rowErrors = new Map();
    this._cooldowns.clear();
    this._stopTick();
    this._alert = '';
    this._status = '';
    this._v.reset();
  }

  private readonly _onVisible = (): void => {
    if (document.visibilityState === 'visible' && this._profile && !this._loading && !this._adding && !this._removing) {
      void this._load(true);
    }
  };

  private async _load(quiet = false): Promise<void> {
    const session = this._session.session;
    if (!session) return;
    const gen = ++this._gen;
    this._loading = true;
    this._loadFailed = false;
    try {
      const token = await session.getAccessToken();
      if (gen !== this._gen) return;
      if (!token) {
        this._loading = false;
        return;
      }
      const profile = await api.readProfile(this._session.config, token);
      if (gen !== this._gen) return;
      this._profile = profile;
      this._loading = false;
    } catch (err) {
      if (gen !== this._gen) return;
      this._loading = false;
      if (session.handleError(err)) return;
      if (quiet && this._profile) return; // a background refresh keeps what is shown
      this._loadFailed = !this._profile;
      this._fail(this.errorInfo(err));
    }
  }

  /** Runs `fn` with the access token; 905/906 ends the session (the list empties) and rethrows. */
  private async _withToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const session = this._session.session;
    const token = await session?.getAccessToken();
    if (!session || !token) throw new LrError('api', 'Not signed in', {code: ErrorCodes.TokenInvalid});
    try {
      return await fn(token);
    } catch (err) {
      session.handleError(err);
      throw err;
    }
  }

  // ── Add ──────────────────────────────────────────────────────────────────────────────────────────────

  private async _onAdd(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._adding) return;
    const form = e.currentTarget as HTMLFormElement;
    if (!this._v.validate(form)) return;
    const input = form.querySelector<HTMLInputElement>('input[name=email]')!;
    const email = input.value.trim();
    this._alert = '';
    if (emailRows(this._profile).some((r) => lower(r.email) === lower(email))) {
      this._v.setError(form, 'email', this.msg('emails.add.duplicate'));
      input.focus();
      return;
    }
    const gen = this._gen;
    this._adding = email; // optimistic row, synchronously: a second submit is ignored
    this._status = this.msg('emails.add.busy', {email});
    try {
      const opts: Parameters<typeof api.addEmail>[3] = {};
      if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
      await this._withToken((token) => api.addEmail(this._session.config, token, email, opts));
      if (gen !== this._gen) return;
      // Keep the row until the re-read list has it (no flicker), then show the real state.
      const p = this._profile!;
      this._profile = {
        ...p,
        Email: [...(p.Email ?? []), {Type: 'Secondary', Value: email}],
        UnverifiedEmail: [...unverifiedList(p), {Type: 'Secondary', Value: email}],
      };
      this._adding = undefined;
      input.value = '';
      this._v.reset();
      this._startCooldown(email, this.resendCooldown);
      this._status = this.msg('emails.added', {email});
      emit(this, 'lr-email-added', {email});
      void this._load(true);
    } catch (err) {
      if (gen !== this._gen) return;
      this._adding = undefined; // visible rollback
      this._status = '';
      const info = this.errorInfo(err);
      const onField =
        info.code === ErrorCodes.EmailExists
          ? this.msg('emails.add.exists')
          : info.code === ErrorCodes.EmailSameAsExisting
            ? this.msg('emails.add.duplicate')
            : info.code === ErrorCodes.EmailInvalid || info.code === ErrorCodes.EmailFormatInvalid
              ? this.msg('validation.email.invalid')
              : undefined;
      if (onField) {
        info.message = onField;
        this._v.setError(form, 'email', onField);
      }
      this._fail(info);
      if (onField) input.focus();
    }
  }

  // ── Remove ───────────────────────────────────────────────────────────────────────────────────────────

  private async _onAskRemove(r: EmailRow): Promise<void> {
    this._confirm = r.email;
    this._dropRowError(r.email);
    await this.updateComplete;
    this.querySelector<HTMLElement>('.lr-emails__confirm')?.focus();
  }

  private async _onKeep(r: EmailRow): Promise<void> {
    this._confirm = undefined;
    await this.updateComplete;
    this._focusRowButton('.lr-emails__remove', r.email);
  }

  private async _onRemove(r: EmailRow, count: number): Promise<void> {
    if (this._removing) return;
    const email = r.email;
    const gen = this._gen;
    this._removing = email;
    this._alert = '';
    this._status = this.msg('emails.removing', {email});
    try {
      await this._withToken((token) => api.removeEmail(this._session.config, token, email));
      if (gen !== this._gen) return;
      const p = this._profile!;
      this._profile = {...p, Email: (p.Email ?? []).filter((e) => lower(e.Value) !== lower(email))};
      this._removing = undefined;
      this._confirm = undefined;
      this._cooldowns.delete(lower(email));
      this._status = this.msg('emails.removed', {email});
      await this.updateComplete;
      this.querySelector<HTMLElement>('.lr-emails > .lr-emails__heading')?.focus();
      emit(this, 'lr-email-removed', {email});
      void this._load(true);
    } catch (err) {
      if (gen !== this._gen) return;
      this._removing = undefined;
      this._confirm = undefined;
      this._status = '';
      const info = this.errorInfo(err);
      if (info.code === ErrorCodes.LastEmail) {
        info.message = this.msg(count <= 1 ? 'emails.cannotRemoveOnly' : 'emails.cannotRemovePrimary', {email});
        this._rowErrors = new Map(this._rowErrors).set(lower(email), info.message);
      }
      this._fail(info);
      await this.updateComplete;
      this._focusRowButton('.lr-emails__remove', email);
    }
  }

  // ── Resend ───────────────────────────────────────────────────────────────────────────────────────────

  private async _onResend(r: EmailRow): Promise<void> {
    const email = r.email;
    if (this._resending || this._cooldownLeft(lower(email)) > 0) return;
    const gen = this._gen;
    this._resending = email;
    this._alert = '';
    this._status = this.msg('emails.resending', {email});
    try {
      const opts: Parameters<typeof api.resendVerification>[2] = {};
      if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
      await api.resendVerification(this._session.config, email, opts);
      if (gen !== this._gen) return;
      this._resending = undefined;
      this._startCooldown(email, this.resendCooldown);
      this._status = this.msg('emails.resent', {email});
      emit(this, 'lr-verification-sent', {email});
    } catch (err) {
      if (gen !== this._gen) return;
      this._resending = undefined;
      this._status = '';
      const info = this.errorInfo(err);
      if (info.code === ErrorCodes.AlreadyVerified || info.code === ErrorCodes.EmailAlreadyVerified) {
        this._status = this.msg('emails.alreadyVerified', {email});
        void this._load(true);
        return;
      }
      if (info.kind === 'rate-limited') this._startCooldown(email, info.retryAfter ?? this.resendCooldown);
      this._fail(info);
    }
  }

  // ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────

  private _cooldownLeft(key: string): number {
    const deadline = this._cooldowns.get(key);
    return deadline ? Math.max(0, Math.ceil((deadline - Date.now()) / 1000)) : 0;
  }

  private _startCooldown(email: string, seconds: number): void {
    if (!(seconds > 0)) return;
    this._cooldowns.set(lower(email), Date.now() + seconds * 1000);
    this._startTick();
    this.requestUpdate();
  }

  private _startTick(): void {
    if (this._tick !== undefined) return;
    this._tick = setInterval(() => {
      for (const [key, deadline] of this._cooldowns) if (deadline <= Date.now()) this._cooldowns.delete(key);
      if (!this._cooldowns.size) this._stopTick();
      this.requestUpdate();
    }, 500);
  }

  private _stopTick(): void {
    if (this._tick !== undefined) clearInterval(this._tick);
    this._tick = undefined;
  }

  private _dropRowError(email: string): void {
    if (!this._rowErrors.has(lower(email))) return;
    const next = new Map(this._rowErrors);
    next.delete(lower(email));
    this._rowErrors = next;
  }

  private _focusRowButton(selector: string, email: string): void {
    for (const b of this.querySelectorAll<HTMLButtonElement>(selector)) {
      if (b.dataset['email'] === email) return b.focus();
    }
  }

  private _fail(info: ErrorInfo): void {
    this._alert = info.message;
    this.reportError(info);
  }
}
