import {html, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {isApiError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {emailRows, unverifiedList, verificationOff, type EmailRow} from '../../core/profile.js';
import type {Session} from '../../core/session.js';
import type {MessageKey} from '../../i18n/index.js';
import {ActionController, type Result, type RunOptions} from '../../internal/controllers/action.js';
import type {Msg} from '../../internal/controllers/errors.js';
import {refocus} from '../../internal/controllers/refocus.js';
import {shownOnField} from '../../internal/controllers/shown-on-field.js';
import {SignedInData} from '../../internal/controllers/signed-in-data.js';
import {SignedInView} from '../../internal/controllers/signed-in-view.js';
import {emailField} from '../../internal/field.js';
import {LrElement} from '../../internal/lr-element.js';
import {FormValidator} from '../../internal/validation.js';
import {formStyles} from '../../styles/form.styles.js';
import {Cooldowns} from '../../internal/cooldowns.js';
import {emailManagerStyles} from './email-manager.styles.js';
import {emailRow} from './email-row.js';
import '../../i18n/en/emails.js'; // its texts (issue 14: messages per chunk)

const lower = (s: string) => s.trim().toLowerCase();
/** Message slots: the add form, the list (an address removed), and one per address. */
const ADD = 'add';
const LIST = 'list';
const rowSlot = (email: string) => `row:${lower(email)}`;

/** Add Email refusals that belong on the field (its text, not a second line). */
const ADD_FIELD_ERRORS: Record<number, MessageKey> = {
  [ErrorCodes.EmailExists]: 'emails.add.exists',
  [ErrorCodes.EmailSameAsExisting]: 'emails.add.duplicate',
  [ErrorCodes.EmailInvalid]: 'validation.email.invalid',
  [ErrorCodes.EmailFormatInvalid]: 'validation.email.invalid',
};

/**
 * Lists the signed-in user's email addresses with their type (primary / secondary) and verification state, adds
 * an address (Add Email; the API emails it a verification link to `verification-url`), removes one after a
 * confirmation step (Remove Email; none on the only address; a list out of date gets 1005, said), and resends the
 * verification link of an unverified address, its cooldown beside it (no state if `verificationOff`, core/profile).
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
 * `.lr-emails__note` (an address's message and `.lr-emails__cooldown`), `.lr-emails__add`, `.lr-emails__signed-out`,
 * `.lr-message` (an outcome, next to its button or inside its address), plus the shared form hooks (`.lr-form`,
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

  /** The address being added (shown optimistically). */
  @state() private _adding: string | undefined;
  /** The address whose removal waits for confirmation. */
  @state() private _confirm: string | undefined;

  readonly #act = new ActionController(this);
  readonly #data = new SignedInData(this);
  readonly #view = new SignedInView(this, this.#act, this.#data, {
    prefix: 'lr-emails',
    loading: 'emails.loading',
    signedOut: 'emails.signedOut',
    onUserChange: () => {
      this._adding = this._confirm = undefined;
      this.#cooldowns.clear();
      this.#v.reset();
    },
  });
  readonly #cooldowns = new Cooldowns(this);
  readonly #v = new FormValidator(this, (input) => this.describeInvalid(input));

  /** Re-reads the addresses from the API (e.g. after a verification link was opened elsewhere). */
  async refresh(): Promise<void> {
    if (this.#data.status !== 'signed-out') await this.#data.load({quiet: true});
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const state = this.sessionState;
    const signedIn = state === 'authenticated' || state === 'unknown';
    const body = signedIn && this.#data.value ? this.#renderManager(this.#data.value) : this.#view.placeholder();
    return html`${body}${this.#act.regions()}`;
  }

  #rows(p: Profile): EmailRow[] {
    const rows = emailRows(p);
    const adding = this._adding;
    if (adding && !rows.some((r) => lower(r.email) === lower(adding))) {
      rows.push({email: adding, primary: false, verified: false, pending: true});
    }
    return rows;
  }

  #renderManager(p: Profile): TemplateResult {
    const rows = this.#rows(p);
    const headingId = this.uid('heading');
    return html`<div class="lr-emails">
      <div class="lr-emails__heading" role="heading" aria-level=${this.headingLevel} id=${headingId} tabindex="-1">
        ${this.msg('emails.title')}
      </div>
      ${rows.length
        ? html`<ul class="lr-emails__list" aria-labelledby=${headingId}>
            ${rows.map((r, i) => this.#renderRow(r, i, rows.length, verificationOff(p)))}
          </ul>`
        : html`<p class="lr-notice">${this.msg('emails.none')}</p>`}
      ${this.#act.message(LIST)}${this.#renderAdd()}
    </div>`;
  }

  /** One address; `off`: the site does not verify addresses (see `verificationOff`). */
  #renderRow(r: EmailRow, index: number, count: number, off: boolean): TemplateResult {
    return emailRow({
      row: r,
      index,
      act: this.#act,
      msg: (key, params) => this.msg(key, params),
      uid: (name) => this.uid(name),
      slot: rowSlot(r.email),
      wait: r.verified ? 0 : this.#cooldowns.left(lower(r.email)),
      confirming: this._confirm === r.email,
      count,
      off,
      onResend: () => void this.#onResend(r),
      onAskRemove: () => void this.#onAskRemove(r),
      onRemove: () => void this.#onRemove(r, count),
      onKeep: () => void this.#onKeep(r),
    });
  }

  #renderAdd(): TemplateResult {
    const titleId = this.uid('add-title');
    const act = this.#act;
    return html`<form
      class="lr-form lr-emails__add"
      novalidate
      aria-labelledby=${titleId}
      aria-busy=${act.running === ADD ? 'true' : 'false'}
      @submit=${this.#onAdd}
      @input=${this.#v.onInput}
      @change=${this.#v.onChange}
    >
      <div class="lr-emails__heading" role="heading" aria-level=${this.headingLevel + 1} id=${titleId}>
        ${this.msg('emails.add.title')}
      </div>
      ${emailField({id: this.uid('add-email'), label: this.msg('emails.add.field'), autocomplete: 'email', error: this.#v.error('email')})}
      <div class="lr-form__actions">
        <button type="submit" class="lr-form__submit lr-emails__add-submit" ?disabled=${act.blocked}>
          ${this.msg('emails.add.submit')}
        </button>
        ${act.message(ADD)}
      </div>
    </form>`;
  }

  // ── Actions ──────────────────────────────────────────────────────────────────────────────────────────

  /** Runs an action at `slot`, showing `progress` (a message with params) there meanwhile. */
  #run<T>(slot: string, progress: Msg, fn: () => Promise<T>, o: RunOptions = {}): Promise<Result<T>> {
    const run = this.#act.run(fn, {...o, slot});
    if (this.#act.running === slot) this.#act.notify(progress.key, progress.params, {slot, tone: 'progress', form: o.form});
    return run;
  }

  /** `fn` with the session and its token (see `Session.withToken`). */
  #withToken<T>(fn: (s: Session, token: string) => Promise<T>): Promise<T> {
    const s = this._session.session!;
    return s.withToken((t) => fn(s, t));
  }

  #updateProfile(change: (p: Profile) => Profile): void {
    if (this.#data.value) this.#data.value = change(this.#data.value);
    void this.#data.load({quiet: true}); // then show the real state
  }

  readonly #onAdd = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    if (this.#act.running === ADD || !this.#v.validate(form)) return;
    const input = form.querySelector<HTMLInputElement>('input[name=email]')!;
    const email = input.value.trim();
    if (emailRows(this.#data.value).some((r) => lower(r.email) === lower(email))) {
      this.#v.setError(form, 'email', this.msg('emails.add.duplicate'));
      input.focus();
      return;
    }
    const opts: Parameters<typeof api.addEmail>[3] = {};
    if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
    this._adding = email; // the optimistic row
    const r = await this.#run(ADD, {key: 'emails.add.busy', params: {email}}, () => this.#withToken((s, t) => api.addEmail(s.config, t, email, opts)), {
      form,
      onError: (err): Msg | void => {
        this._adding = undefined; // visible rollback, before the failure is reported
        const key = ADD_FIELD_ERRORS[err.code ?? 0];
        if (!key) return;
        this.#v.setError(form, 'email', this.msg(key));
        input.focus();
        shownOnField(this, this.#act, ADD);
        return {key};
      },
    });
    this._adding = undefined; // kept until the answer
    if (r.ok) {
      this.#updateProfile((p) => ({
        ...p,
        Email: [...(p.Email ?? []), {Type: 'Secondary', Value: email}],
        UnverifiedEmail: [...unverifiedList(p), {Type: 'Secondary', Value: email}],
      }));
      input.value = '';
      this.#v.reset();
      this.#cooldowns.start(lower(email), this.resendCooldown);
      this.#act.notify('emails.added', {email}, {slot: ADD, form});
      void refocus(this, 'form.lr-emails__add input[name=email]');
      emit(this, 'lr-email-added', {email});
    }
  };

  async #onAskRemove(r: EmailRow): Promise<void> {
    this._confirm = r.email;
    this.#act.clear(rowSlot(r.email));
    await this.#act.focus('.lr-emails__confirm');
  }

  async #onKeep(r: EmailRow): Promise<void> {
    this._confirm = undefined;
    await this.updateComplete;
    this.#focusRowButton('.lr-emails__remove', r.email);
  }

  async #onRemove(row: EmailRow, count: number): Promise<void> {
    const email = row.email;
    const r = await this.#run(rowSlot(email), {key: 'emails.removing', params: {email}}, () => this.#withToken((s, t) => api.removeEmail(s.config, t, email)), {
      onError: (err): Msg | void => {
        // Back to the row's buttons, focus on "Remove" (registered before the failure is reported).
        this._confirm = undefined;
        void this.updateComplete.then(() => this.#focusRowButton('.lr-emails__remove', email));
        // The API refuses only the last address (removing the primary promotes another); with no Remove on the only
        // address, that means the list is out of date (e.g. changed in another tab): say why and re-read it.
        if (err.code !== ErrorCodes.LastEmail) return;
        if (count > 1) void this.#data.load({quiet: true});
        return {key: 'emails.cannotRemoveOnly', params: {email}};
      },
    });
    this._confirm = undefined;
    if (r.ok) {
      this.#updateProfile((p) => ({...p, Email: (p.Email ?? []).filter((e) => lower(e.Value) !== lower(email))}));
      this.#cooldowns.delete(lower(email));
      this.#act.notify('emails.removed', {email}, {slot: LIST});
      await this.#act.focus('.lr-emails > .lr-emails__heading');
      emit(this, 'lr-email-removed', {email});
    }
  }

  async #onResend(row: EmailRow): Promise<void> {
    const email = row.email;
    const key = lower(email);
    if (this.#cooldowns.left(key) > 0) return;
    const opts: Parameters<typeof api.resendVerification>[2] = {};
    if (this.verificationUrl) opts.verificationUrl = this.verificationUrl;
    const slot = rowSlot(email);
    const r = await this.#run(slot, {key: 'emails.resending', params: {email}}, () =>
      api.resendVerification(this._session.config, email, opts).then(
        () => false,
        // Verified meanwhile (e.g. in another tab): not a failure, the list is re-read.
        (err: unknown) => (isApiError(err, ErrorCodes.AlreadyVerified, ErrorCodes.EmailAlreadyVerified) ? true : Promise.reject(err)),
      ),
    );
    if (!r.ok) return;
    if (r.value) {
      this.#act.notify('emails.alreadyVerified', {email}, {slot, tone: 'info'});
      void this.#data.load({quiet: true});
      return;
    }
    this.#cooldowns.start(key, this.resendCooldown);
    this.#act.notify('emails.resent', {email}, {slot});
    emit(this, 'lr-verification-sent', {email});
  }

  #focusRowButton(selector: string, email: string): void {
    for (const b of this.querySelectorAll<HTMLButtonElement>(selector)) {
      if (b.dataset['email'] === email) return b.focus();
    }
  }
}
