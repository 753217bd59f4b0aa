import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {isApiError, LrError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import type {ChangeSource} from '../../core/session.js';
import {minimalProfile, primaryEmailOf} from '../../core/profile.js';
import type {MessageKey} from '../../i18n/index.js';
import {field} from '../../internal/field.js';
import {LrElement, type ErrorInfo} from '../../internal/lr-element.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {profileEditorStyles} from './profile-editor.styles.js';
import {resolveFields, splitFields, type ProfileFieldDef} from './profile-fields.js';

type DeleteStep = 'idle' | 'confirm' | 'sent';

interface Identity {
  provider: string;
  email: string;
}

const DEFAULT_FIELDS = 'FirstName,LastName';

/**
 * Edits the signed-in user's profile, changes the password, lists linked accounts and starts account deletion.
 * Everything renders in light DOM: the profile form, a separate change-password form (hidden `username` with the
 * current email, `current-password`, `new-password`) that password managers recognise, and the deletion step.
 *
 * Behaviour: the profile is read with the session's token (Read Profile); only changed fields are sent (Update
 * Profile); server validation errors (1134 `Errors[]`) land on their fields; after a save the session's profile
 * is updated so other elements and tabs show the new name. Unsaved edits survive every failure: on an expired
 * or revoked token (905/906) the session ends, the form stays on screen with the edits and a "sign in again"
 * message, and nothing is retried; signing in again as the same user reloads the profile and keeps the edits.
 * Signing out (here, in another element or another tab) empties the editor at once. While signed out it shows
 * only a short "sign in" message, or nothing with `hide-when-signed-out`.
 *
 * Class hooks: `.lr-profile`, `.lr-profile__section`, `.lr-profile__heading`, `.lr-profile__form`,
 * `.lr-profile__identities`, `.lr-profile__identity`, `.lr-profile__password-form`, `.lr-profile__password-open`,
 * `.lr-profile__delete`, `.lr-profile__delete-start`, `.lr-profile__delete-send`, `.lr-profile__signed-out`,
 * `.lr-button--danger`, plus the shared form hooks (`.lr-form`, `.lr-field`, `.lr-field__input`, `.lr-field__error`,
 * `.lr-form__submit`, `.lr-form__alert` (role=alert), `.lr-form__status` (role=status), `.lr-notice`, `.lr-button`).
 * Reflects `session-state` and the custom state `:state(<state>)` like every `lr-*` element.
 *
 * @summary Profile editor with change password, linked accounts and account deletion.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{profile: StoredProfile}>} lr-profile-updated - The profile was saved. Carries the minimal profile (Uid, email, names), never a token.
 * @event {CustomEvent<null>} lr-password-changed - The password was changed.
 * @event {CustomEvent<null>} lr-account-deletion-requested - The deletion email was sent (the account is deleted once its link is opened).
 * @event {CustomEvent<{kind: string, code?: number, message: string}>} lr-error - A request failed; `message` is the text shown.
 * @event {CustomEvent<{retryAfterSeconds: number}>} lr-rate-limited - The API answered 429.
 * @event {CustomEvent<{state: SessionState, profile?: StoredProfile, source: string}>} lr-session-changed - The page's session changed.
 * @event {CustomEvent<null>} lr-session-expired - The token was rejected (905/906); unsaved edits stay on screen.
 * @event {CustomEvent<{reason: 'expired' | 'other-tab'}>} lr-logged-out - The session ended elsewhere or expired.
 *
 * @cssprop [--lr-profile-section-gap=calc(2 * var(--lr-space-l))] - Gap between the sections.
 * @cssprop [--lr-profile-heading-size=1.125rem] - Font size of the section headings.
 * @cssprop [--lr-profile-danger-color=var(--lr-color-danger)] - Colour of the delete-account buttons.
 * @cssprop [--lr-form-gap=var(--lr-space-l)] - Gap between fields.
 * @cssprop [--lr-form-max-width=24rem] - Maximum width of the element.
 * @cssprop [--lr-field-border-color=var(--lr-color-border)] - Input border colour.
 * @cssprop [--lr-button-background=var(--lr-color-accent)] - Submit button background.
 * @cssstate authenticated - Signed in (also `loading`, `anonymous`, `unknown`).
 */
export class LrProfileEditor extends LrElement {
  static override lightStyles = [
    ...LrElement.lightStyles,
    formStyles,
    profileEditorStyles,
  ];

  /**
   * The profile fields to edit, comma-separated, in order: `FirstName`, `MiddleName`, `LastName`, `NickName`,
   * `Prefix`, `Suffix`, `BirthDate`, `Gender`, `PhoneNumbers`, `Company`, `City`, `State`, `Country`.
   * Unknown names are ignored; empty means the default.
   */
  @property() fields = 'FirstName,LastName';

  /** Page that handles the link of the account-deletion email (sent as `deleteurl`). */
  @property({attribute: 'delete-url'}) deleteUrl = '';

  /** Page that handles verification links, sent with profile updates (`verificationurl`). */
  @property({attribute: 'verification-url'}) verificationUrl = '';

  /** Minimum length of a new password (client-side hint and check; the API has the last word). */
  @property({type: Number, attribute: 'password-min-length'}) passwordMinLength = 8;

  /** `aria-level` of the section headings (the element sits under the host's own heading). */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 3;

  /** Render nothing while signed out, instead of a short "sign in" message. */
  @property({type: Boolean, reflect: true, attribute: 'hide-when-signed-out'}) hideWhenSignedOut = false;

  /** Hide the linked-accounts section. */
  @property({type: Boolean, attribute: 'no-identities'}) noIdentities = false;

  /** Hide the delete-account section. */
  @property({type: Boolean, attribute: 'no-delete'}) noDelete = false;

  @state() private _profile: Profile | undefined;
  @state() private _loading = false;
  @state() private _loadFailed = false;
  @state() private _saving = false;
  /** The token was rejected while edits were on screen: they stay, saving waits for a new sign-in. */
  @state() private _expired = false;
  @state() private _identities: Identity[] | undefined;
  @state() private _identitiesFailed = false;
  @state() private _pwOpen = false;
  @state() private _pwBusy = false;
  @state() private _pwDone = false;
  @state() private _showCurrent = false;
  @state() private _showNew = false;
  @state() private _deleteStep: DeleteStep = 'idle';
  @state() private _deleteBusy = false;
  @state() private _alert = '';
  @state() private _status = '';
  /** Server errors on `<select>` fields (the validator handles inputs). */
  @state() private _selectErrors = new Map<string, string>();

  /** What the user typed, by field name: survives re-renders, failures and an expired session. */
  private readonly _edits = new Map<string, string>();
  /** Bumped on every load and sign-out: late answers of older requests are dropped. */
  private _gen = 0;
  private readonly _v = new FormValidator(this, (input) => this.describeInvalid(input));
  private readonly _pv = new FormValidator(this, (input) => this.describeInvalid(input));

  /** Re-reads the profile (and linked accounts) from the API; unsaved edits stay. */
  async refresh(): Promise<void> {
    if (this._profile && !this._expired) await this._load(true);
    else this._sync('self');
  }

  /** The field definitions in use. */
  private get _defs(): ProfileFieldDef[] {
    const defs = resolveFields(splitFields(this.fields));
    return defs.length ? defs : resolveFields(splitFields(DEFAULT_FIELDS));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.ready.then(() => this._sync('load'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._gen++;
  }

  protected override configChanged(): void {
    this._clear();
    void this._session.ready.then(() => this._sync('load'));
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    // "Password changed" is also the notice of the closed password section.
    const shown = this._pwDone && !this._pwOpen ? this.msg('profile.password.changed') : '';
    return html`${this.liveRegions(this._alert, this._status, shown)}${this._renderBody()}`;
  }

  private _renderBody(): TemplateResult | typeof nothing {
    const state = this.sessionState;
    const signedIn = state === 'authenticated' || state === 'unknown';
    if (this._profile && (signedIn || this._expired)) return this._renderEditor(this._profile);
    if (state === 'loading' || (signedIn && this._loading)) {
      return html`<p class="lr-notice lr-profile__loading">${this.msg('profile.loading')}</p>`;
    }
    if (signedIn && this._loadFailed) {
      return html`<div class="lr-panel lr-profile__load-failed">
        <div class="lr-form__actions">
          <button type="button" class="lr-button lr-profile__retry" @click=${() => this._load()}>
            ${this.msg('profile.retry')}
          </button>
        </div>
      </div>`;
    }
    if (signedIn) return nothing;
    return this.hideWhenSignedOut
      ? nothing
      : html`<p class="lr-notice lr-profile__signed-out">${this.msg('profile.signedOut')}</p>`;
  }

  private _heading(id: string, key: MessageKey): TemplateResult {
    return html`<div class="lr-profile__heading" role="heading" aria-level=${this.headingLevel} id=${this.uid(id)}>
      ${this.msg(key)}
    </div>`;
  }

  private _renderEditor(p: Profile): TemplateResult {
    const live = !this._expired;
    return html`<div class="lr-profile">
      ${this._renderProfileForm(p)}
      ${live && !this.noIdentities ? this._renderIdentities() : nothing}
      ${live ? this._renderPassword(p) : nothing}
      ${live && !this.noDelete ? this._renderDelete(p) : nothing}
    </div>`;
  }

  private _renderProfileForm(p: Profile): TemplateResult {
    const blocked = this._saving || this._expired;
    return html`<section class="lr-profile__section" aria-labelledby=${this.uid('h-profile')}>
      ${this._heading('h-profile', 'profile.title')}
      <form
        class="lr-form lr-profile__form"
        novalidate
        aria-labelledby=${this.uid('h-profile')}
        aria-busy=${this._saving ? 'true' : 'false'}
        @submit=${this._onSave}
        @input=${this._onProfileInput}
        @change=${this._onProfileInput}
      >
        ${this._defs.map((def) => this._renderField(def, p))}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit lr-profile__save" ?disabled=${blocked}>
            ${this.msg('profile.save')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private _renderField(def: ProfileFieldDef, p: Profile): TemplateResult {
    const id = this.uid(`f-${def.name}`);
    const value = this._edits.get(def.name) ?? def.read(p);
    if (def.control === 'select') {
      const error = this._selectErrors.get(def.name);
      const options = def.options ?? [];
      const known = options.some(([v]) => v === value);
      return html`<div class="lr-field" ?data-invalid=${!!error}>
        <label class="lr-field__label" for=${id}>${this.msg(def.label)}</label>
        <div class="lr-field__control">
          <select
            class="lr-field__input"
            id=${id}
            name=${def.name}
            autocomplete=${def.autocomplete}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${error ? `${id}-error` : nothing}
          >
            ${options.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${this.msg(label)}</option>`)}
            ${known ? nothing : html`<option value=${value} selected>${value}</option>`}
          </select>
        </div>
        <p class="lr-field__error" id=${`${id}-error`} ?hidden=${!error}>${error ?? nothing}</p>
      </div>`;
    }
    return field({
      id,
      name: def.name,
      type: def.control,
      label: this.msg(def.label),
      autocomplete: def.autocomplete,
      maxlength: def.maxlength,
      value,
      error: this._v.error(def.name),
      inputmode: def.control === 'tel' ? 'tel' : undefined,
    });
  }

  private _renderIdentities(): TemplateResult {
    const list = this._identities;
    let body: TemplateResult;
    if (this._identitiesFailed) body = html`<p class="lr-notice">${this.msg('profile.identities.failed')}</p>`;
    else if (!list) body = html`<p class="lr-notice">${this.msg('profile.identities.loading')}</p>`;
    else if (!list.length) body = html`<p class="lr-notice lr-profile__no-identities">${this.msg('profile.identities.none')}</p>`;
    else
      body = html`<ul class="lr-profile__identities">
        ${list.map(
          (i) => html`<li class="lr-profile__identity">
            ${i.email ? this.msg('profile.identities.item', {provider: i.provider, email: i.email}) : i.provider}
          </li>`,
        )}
      </ul>`;
    return html`<section class="lr-profile__section lr-profile__linked" aria-labelledby=${this.uid('h-identities')}>
      ${this._heading('h-identities', 'profile.identities.title')} ${body}
    </section>`;
  }

  private _renderPassword(p: Profile): TemplateResult {
    const heading = this._heading('h-password', 'profile.password.title');
    if (!this._pwOpen) {
      return html`<section class="lr-profile__section lr-profile__password" aria-labelledby=${this.uid('h-password')}>
        ${heading}
        ${this._pwDone
          ? html`<p class="lr-notice lr-profile__password-done" tabindex="-1">${this.msg('profile.password.changed')}</p>`
          : nothing}
        <div class="lr-form__actions">
          <button
            type="button"
            class="lr-button lr-profile__password-open"
            aria-expanded="false"
            @click=${this._onOpenPassword}
          >
            ${this.msg('profile.password.open')}
          </button>
        </div>
      </section>`;
    }
    const toggle = (which: 'current' | 'new') => {
      const pressed = which === 'current' ? this._showCurrent : this._showNew;
      return html`<button
        type="button"
        class="lr-field__toggle"
        aria-pressed=${pressed ? 'true' : 'false'}
        aria-controls=${this.uid(which === 'current' ? 'pw-current' : 'pw-new')}
        @click=${() => (which === 'current' ? (this._showCurrent = !pressed) : (this._showNew = !pressed))}
      >
        ${this.msg('password.toggle')}
      </button>`;
    };
    const min = this.passwordMinLength > 0 ? this.passwordMinLength : undefined;
    return html`<section class="lr-profile__section lr-profile__password" aria-labelledby=${this.uid('h-password')}>
      ${heading}
      <form
        class="lr-form lr-profile__password-form"
        novalidate
        aria-labelledby=${this.uid('h-password')}
        aria-busy=${this._pwBusy ? 'true' : 'false'}
        @submit=${this._onChangePassword}
        @input=${this._pv.onInput}
        @change=${this._pv.onChange}
      >
        <input
          class="lr-profile__username"
          type="email"
          name="username"
          id=${this.uid('pw-username')}
          autocomplete="username"
          .value=${primaryEmailOf(p)}
          hidden
        />
        ${field({
          id: this.uid('pw-current'),
          name: 'currentPassword',
          type: this._showCurrent ? 'text' : 'password',
          label: this.msg('profile.password.current'),
          autocomplete: 'current-password',
          required: true,
          error: this._pv.error('currentPassword'),
          spellcheck: false,
          autocapitalize: 'none',
          trailing: toggle('current'),
        })}
        ${field({
          id: this.uid('pw-new'),
          name: 'newPassword',
          type: this._showNew ? 'text' : 'password',
          label: this.msg('profile.password.new'),
          autocomplete: 'new-password',
          required: true,
          minlength: min,
          hint: min ? this.msg('profile.password.hint', {count: min}) : undefined,
          error: this._pv.error('newPassword'),
          spellcheck: false,
          autocapitalize: 'none',
          trailing: toggle('new'),
        })}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit lr-profile__password-submit" ?disabled=${this._pwBusy}>
            ${this.msg('profile.password.submit')}
          </button>
          <button type="button" class="lr-button lr-profile__password-cancel" @click=${this._onCancelPassword}>
            ${this.msg('profile.password.cancel')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private _renderDelete(p: Profile): TemplateResult {
    const email = primaryEmailOf(p);
    let body: TemplateResult;
    if (this._deleteStep === 'sent') {
      body = html`<p class="lr-notice lr-profile__delete-sent" tabindex="-1">${this.msg('profile.delete.sent', {email})}</p>`;
    } else if (this._deleteStep === 'confirm') {
      body = html`<p class="lr-notice lr-profile__delete-confirm" tabindex="-1" id=${this.uid('delete-confirm')}>
          ${this.msg('profile.delete.confirm', {email})}
        </p>
        <div class="lr-form__actions">
          <button
            type="button"
            class="lr-form__submit lr-button--danger lr-profile__delete-send"
            aria-describedby=${this.uid('delete-confirm')}
            ?disabled=${this._deleteBusy}
            @click=${this._onDeleteSend}
          >
            ${this.msg('profile.delete.send')}
          </button>
          <button type="button" class="lr-button lr-profile__delete-cancel" @click=${this._onDeleteCancel}>
            ${this.msg('profile.delete.cancel')}
          </button>
        </div>`;
    } else {
      body = html`<p class="lr-notice">${this.msg('profile.delete.intro')}</p>
        <div class="lr-form__actions">
          <button type="button" class="lr-button lr-button--danger lr-profile__delete-start" @click=${this._onDeleteStart}>
            ${this.msg('profile.delete.start')}
          </button>
        </div>`;
    }
    return html`<section class="lr-profile__section lr-profile__delete" aria-labelledby=${this.uid('h-delete')}>
      ${this._heading('h-delete', 'profile.delete.title')} ${body}
    </section>`;
  }

  // ── Session ──────────────────────────────────────────────────────────────────────────────────────────

  protected override sessionEvent(type: string, e: CustomEvent): void {
    if (type === 'expired') {
      if (this._profile && this._isDirty()) {
        this._expired = true;
        this._alert = this.msg('profile.expired');
        this._closeSensitive();
      } else {
        this._clear();
        this._status = this.msg('session.expired');
      }
    } else if (type === 'logged-out') {
      if (e.detail?.reason === 'other-tab') {
        this._clear();
        this._status = this.msg('session.otherTab');
      } else if (e.detail?.reason === 'user') {
        this._clear();
      }
    } else if (type === 'change') {
      this._sync((e.detail?.source as ChangeSource | undefined) ?? 'self');
    }
  }

  /** Brings the editor in line with the session: load for a (new) user, empty when signed out. */
  private _sync(source: ChangeSource): void {
    if (!this.isConnected) return;
    const session = this._session.session;
    const state = this.sessionState;
    if (state === 'authenticated' || (state === 'unknown' && session?.profile)) {
      const uid = session?.profile?.Uid;
      if (this._expired) {
        // Signed in again: same user keeps the edits, anyone else starts fresh.
        const same = this._profile?.Uid === uid;
        this._expired = false;
        this._alert = '';
        if (!same) this._clear();
        void this._load();
        return;
      }
      if (this._profile && this._profile.Uid !== uid) this._clear();
      if (!this._profile && !this._loading) void this._load();
      else if (this._profile && source === 'other-tab' && !this._isDirty()) void this._load(true);
    } else if (state === 'anonymous' && !this._expired) {
      if (this._profile || this._loading || this._loadFailed) this._clear();
    }
  }

  /** Forgets everything about the user (sign-out): profile, edits, identities, open steps. */
  private _clear(): void {
    this._gen++;
    this._profile = undefined;
    this._identities = undefined;
    this._identitiesFailed = false;
    this._loading = false;
    this._loadFailed = false;
    this._saving = false;
    this._expired = false;
    this._edits.clear();
    this._selectErrors = new Map();
    this._alert = '';
    this._status = '';
    this._closeSensitive();
    this._pwDone = false;
    this._deleteStep = 'idle';
    this._v.reset();
  }

  /** Closes the password form (its values leave the DOM) and any pending deletion step. */
  private _closeSensitive(): void {
    this._pwOpen = false;
    this._pwBusy = false;
    this._showCurrent = false;
    this._showNew = false;
    this._deleteBusy = false;
    if (this._deleteStep === 'confirm') this._deleteStep = 'idle';
    this._pv.reset();
  }

  // ── Loading ──────────────────────────────────────────────────────────────────────────────────────────

  private async _load(quiet = false): Promise<void> {
    const session = this._session.session;
    if (!session) return;
    const gen = ++this._gen;
    this._loading = true;
    this._loadFailed = false;
    if (!quiet) this._alert = '';
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
      if (!this.noIdentities) void this._loadIdentities(token, gen);
    } catch (err) {
      if (gen !== this._gen) return;
      this._loading = false;
      if (session.handleError(err)) return; // expired: the session events take over
      this._loadFailed = !this._profile;
      this._fail(this.errorInfo(err));
    }
  }

  private async _loadIdentities(token: string, gen: number): Promise<void> {
    this._identitiesFailed = false;
    try {
      const social = await api.socialIdentity(this._session.config, token);
      if (gen !== this._gen) return;
      const raw = Array.isArray(social?.['Identities']) ? (social['Identities'] as Record<string, unknown>[]) : [];
      this._identities = raw
        .filter((i) => i && typeof i === 'object')
        .map((i) => ({
          provider: String(i['Provider'] ?? '') || '?',
          email: primaryEmailOf(i as unknown as Profile),
        }));
    } catch (err) {
      if (gen !== this._gen) return;
      if (this._session.session?.handleError(err)) return;
      this._identitiesFailed = true;
    }
  }

  // ── Profile form ─────────────────────────────────────────────────────────────────────────────────────

  private _onProfileInput(e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (!target?.name) return;
    this._edits.set(target.name, target.value);
    if (target instanceof HTMLSelectElement) {
      if (this._selectErrors.has(target.name)) {
        const next = new Map(this._selectErrors);
        next.delete(target.name);
        this._selectErrors = next;
      }
    } else if (e.type === 'input') this._v.onInput(e);
    else this._v.onChange(e);
  }

  /** The current form values by field name (from the DOM when the form is rendered). */
  private _values(): Map<string, string> {
    const out = new Map<string, string>();
    const form = this.querySelector<HTMLFormElement>('form.lr-profile__form');
    for (const def of this._defs) {
      const el = form?.elements.namedItem(def.name) as HTMLInputElement | HTMLSelectElement | null;
      const v = el && 'value' in el ? el.value : this._edits.get(def.name);
      out.set(def.name, v ?? (this._profile ? def.read(this._profile) : ''));
    }
    return out;
  }

  /** The Update Profile body: only the fields whose value differs from the loaded profile. */
  private _changes(): Record<string, unknown> {
    const p = this._profile;
    if (!p) return {};
    const values = this._values();
    let body: Record<string, unknown> = {};
    for (const def of this._defs) {
      const v = values.get(def.name) ?? '';
      if (v.trim() !== def.read(p).trim()) body = {...body, ...def.write(v.trim(), p)};
    }
    return body;
  }

  private _isDirty(): boolean {
    return Object.keys(this._changes()).length > 0;
  }

  private async _onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._saving || this._expired) return;
    const form = e.currentTarget as HTMLFormElement;
    const session = this._session.session;
    const before = this._profile;
    if (!session || !before) return;
    if (!this._v.validate(form)) return;
    const changes = this._changes();
    this._alert = '';
    if (!Object.keys(changes).length) {
      this._status = this.msg('profile.noChanges');
      return;
    }
    this._saving = true; // synchronously: a second submit in the same tick is ignored
    this._status = this.msg('profile.saving');
    const gen = this._gen;
    try {
      const token = await session.getAccessToken();
      if (!token) throw new LrError('api', 'Not signed in', {code: ErrorCodes.TokenInvalid});
      const opts: Parameters<typeof api.updateProfile>[3] = {};
      if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
      const updated = await api.updateProfile(this._session.config, token, changes, opts);
      if (gen !== this._gen) return;
      this._profile = updated;
      this._edits.clear();
      this._saving = false;
      this._status = this.msg('profile.saved');
      await session.setProfile(updated).catch(() => undefined); // other elements and tabs see the new name
      emit(this, 'lr-profile-updated', {profile: minimalProfile(updated)});
    } catch (err) {
      if (gen !== this._gen) return;
      this._saving = false;
      this._status = '';
      if (isApiError(err, ErrorCodes.TokenInvalid, ErrorCodes.TokenExpired)) {
        // Keep every edit on screen; the session ends (once) and nothing is retried.
        this._expired = true;
        this._closeSensitive();
        session.handleError(err);
        const info = this.errorInfo(err);
        info.message = this.msg('profile.expired');
        this._fail(info);
        return;
      }
      const info = this.errorInfo(err);
      if (err instanceof LrError && err.fieldErrors?.length) {
        const first = this._showFieldErrors(form, err.fieldErrors.map((f) => f.field));
        if (first) info.message = info.message || this.msg('code.1134');
        this._fail(info);
        first?.focus();
        return;
      }
      this._fail(info);
    }
  }

  /** Puts server field errors on their fields; returns the first field that got one. */
  private _showFieldErrors(form: HTMLFormElement, names: string[]): HTMLElement | undefined {
    let first: HTMLElement | undefined;
    const selectErrors = new Map(this._selectErrors);
    for (const def of this._defs) {
      const aliases = [def.name.toLowerCase(), ...(def.errorNames ?? [])];
      if (!names.some((n) => aliases.includes(n.toLowerCase()))) continue;
      const message = this.msg('error.fieldRejected');
      if (def.control === 'select') {
        selectErrors.set(def.name, message);
        first ??= form.querySelector<HTMLElement>(`select[name="${def.name}"]`) ?? undefined;
      } else {
        const input = this._v.setError(form, def.name, message);
        first ??= input;
      }
    }
    this._selectErrors = selectErrors;
    return first;
  }

  // ── Change password ──────────────────────────────────────────────────────────────────────────────────

  private async _onOpenPassword(): Promise<void> {
    this._pwOpen = true;
    this._pwDone = false;
    this._pv.reset();
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('.lr-profile__password-form input[name=currentPassword]')?.focus();
  }

  private async _onCancelPassword(): Promise<void> {
    this._closeSensitive();
    await this.updateComplete;
    this.querySelector<HTMLElement>('.lr-profile__password-open')?.focus();
  }

  protected override describeInvalid(input: HTMLInputElement): string {
    if (input.validity.valueMissing && !input.validity.customError) {
      if (input.name === 'currentPassword') return this.msg('profile.password.currentRequired');
      if (input.name === 'newPassword') return this.msg('profile.password.newRequired');
    }
    return super.describeInvalid(input);
  }

  private async _onChangePassword(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._pwBusy) return;
    const form = e.currentTarget as HTMLFormElement;
    const session = this._session.session;
    if (!session) return;
    if (!this._pv.validate(form)) return;
    const current = form.querySelector<HTMLInputElement>('input[name=currentPassword]')!;
    const next = form.querySelector<HTMLInputElement>('input[name=newPassword]')!;
    if (current.value === next.value) {
      this._pv.setError(form, 'newPassword', this.msg('profile.password.same'));
      next.focus();
      return;
    }
    this._pwBusy = true;
    this._showCurrent = false; // password managers save what was a password field
    this._showNew = false;
    this._alert = '';
    this._status = this.msg('profile.password.busy');
    const gen = this._gen;
    try {
      const token = await session.getAccessToken();
      if (!token) throw new LrError('api', 'Not signed in', {code: ErrorCodes.TokenInvalid});
      await api.changePassword(this._session.config, token, current.value, next.value);
      if (gen !== this._gen) return;
      this._pwBusy = false;
      this._pwOpen = false; // the password form leaves the DOM: a clear signal to password managers
      this._pwDone = true;
      this._status = this.msg('profile.password.changed');
      await this.updateComplete;
      this.querySelector<HTMLElement>('.lr-profile__password-done')?.focus();
      emit(this, 'lr-password-changed', null);
    } catch (err) {
      if (gen !== this._gen) return;
      this._pwBusy = false;
      this._status = '';
      if (session.handleError(err)) return;
      const info = this.errorInfo(err);
      if (info.code === ErrorCodes.WrongCurrentPassword) {
        current.value = '';
        this._pv.setError(form, 'currentPassword', info.message);
        this._fail(info);
        current.focus();
        return;
      }
      if (info.code === ErrorCodes.WeakPassword || (err instanceof LrError && err.fieldErrors?.length)) {
        const onCurrent = err instanceof LrError && err.fieldErrors?.some((f) => /^old/i.test(f.field));
        const name = onCurrent ? 'currentPassword' : 'newPassword';
        const message = info.code === ErrorCodes.WeakPassword ? info.message : this.msg('error.fieldRejected');
        this._pv.setError(form, name, message);
        this._fail(info);
        form.querySelector<HTMLInputElement>(`input[name=${name}]`)?.focus();
        return;
      }
      this._fail(info);
    }
  }

  // ── Delete account ───────────────────────────────────────────────────────────────────────────────────

  private async _onDeleteStart(): Promise<void> {
    this._deleteStep = 'confirm';
    await this.updateComplete;
    this.querySelector<HTMLElement>('.lr-profile__delete-confirm')?.focus();
  }

  private async _onDeleteCancel(): Promise<void> {
    this._deleteStep = 'idle';
    await this.updateComplete;
    this.querySelector<HTMLElement>('.lr-profile__delete-start')?.focus();
  }

  private async _onDeleteSend(): Promise<void> {
    const session = this._session.session;
    if (this._deleteBusy || !session) return;
    this._deleteBusy = true;
    this._alert = '';
    this._status = this.msg('profile.delete.busy');
    const gen = this._gen;
    try {
      const token = await session.getAccessToken();
      if (!token) throw new LrError('api', 'Not signed in', {code: ErrorCodes.TokenInvalid});
      await api.deleteAccount(this._session.config, token, this.deleteUrl);
      if (gen !== this._gen) return;
      this._deleteBusy = false;
      this._deleteStep = 'sent';
      this._status = this.msg('profile.delete.sent', {email: primaryEmailOf(this._profile)});
      await this.updateComplete;
      this.querySelector<HTMLElement>('.lr-profile__delete-sent')?.focus();
      emit(this, 'lr-account-deletion-requested', null);
    } catch (err) {
      if (gen !== this._gen) return;
      this._deleteBusy = false;
      this._status = '';
      if (session.handleError(err)) return;
      this._fail(this.errorInfo(err));
    }
  }

  private _fail(info: ErrorInfo): void {
    this._alert = info.message;
    this.reportError(info);
  }
}
