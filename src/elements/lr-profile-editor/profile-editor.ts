import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import type {Profile} from '../../core/client.js';
import {ActionController} from '../../internal/controllers/action.js';
import {SignedInData} from '../../internal/controllers/signed-in-data.js';
import {SignedInView} from '../../internal/controllers/signed-in-view.js';
import {LrElement} from '../../internal/lr-element.js';
import {formStyles} from '../../styles/form.styles.js';
import {ChangePasswordSection} from './change-password.js';
import {DeleteAccountSection} from './delete-account.js';
import {LinkedAccountsSection} from './linked-accounts.js';
import {profileEditorStyles} from './profile-editor.styles.js';
import {ProfileFormSection} from './profile-form.js';
import type {SectionContext} from './section.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

/**
 * Edits the signed-in user's profile, changes the password, lists linked accounts and starts account deletion.
 * A shell composing four sections (`profile-form.ts`, `linked-accounts.ts`, `change-password.ts`,
 * `delete-account.ts`); `no-identities` and `no-delete` hide theirs. Everything renders in light DOM: the profile
 * form, a separate change-password form (hidden `username` with the current email, `current-password`,
 * `new-password`) that password managers recognise, and the deletion step. Each outcome shows next to the button
 * that caused it (success messages clear themselves), in the element's language.
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
  static override lightStyles = [...LrElement.lightStyles, formStyles, profileEditorStyles];

  /**
   * The profile fields to edit, comma-separated, in order: `FirstName`, `MiddleName`, `LastName`, `NickName`,
   * `Prefix`, `Suffix`, `BirthDate`, `Gender`, `PhoneNumbers`, `Company`, `City`, `State`, `Country`, `UserName`,
   * `ProfileName`, `HomeTown`, `Industry`, `Designation`, `Website`, `TimeZone`.
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

  readonly #act = new ActionController(this);
  readonly #data = new SignedInData(this);
  /** The profile kept on screen after the session ended with unsaved edits (saving waits for a new sign-in). */
  #held: Profile | undefined;
  readonly #ctx: SectionContext = {
    host: this,
    act: this.#act,
    msg: (key, params) => this.msg(key, params),
    uid: (name) => this.uid(name),
    describe: (input) => this.describeInvalid(input),
    session: () => this._session.session,
    profile: () => this.#data.value ?? this.#held,
    expired: () => this.#held !== undefined,
  };
  readonly #form = new ProfileFormSection(this.#ctx, (p) => (this.#data.value = p));
  readonly #linked = new LinkedAccountsSection(this.#ctx);
  readonly #password = new ChangePasswordSection(this.#ctx);
  readonly #delete = new DeleteAccountSection(this.#ctx);

  readonly #view = new SignedInView(this, this.#act, this.#data, {
    prefix: 'lr-profile',
    loading: 'profile.loading',
    signedOut: 'profile.signedOut',
    user: () => (this.#data.value ?? this.#held)?.Uid,
    onUserChange: () => {
      this.#form.reset();
      this.#password.reset();
      this.#delete.reset();
    },
    ownExpiry: () => this.#held !== undefined,
  });

  /** Re-reads the profile (and linked accounts) from the API; unsaved edits stay. */
  async refresh(): Promise<void> {
    if (this.#held || this.#data.status === 'signed-out') return;
    await Promise.all([this.#data.load({quiet: true}), this.noIdentities ? undefined : this.#linked.load()]);
  }

  protected override configChanged(): void {
    this.#held = undefined;
  }

  protected override sessionEvent(type: string): void {
    // The token was rejected with edits on screen: they stay (and the form), the other sections close.
    if (type === 'expired' && this.#data.value && this.#form.dirty) {
      this.#held = this.#data.value;
      this.#password.reset();
      this.#delete.reset(false);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Signed in again: the same user keeps the edits; anyone else starts fresh (the view's user change).
    if (this.#held && this.#data.value) this.#held = undefined;
  }

  override render(): TemplateResult {
    const p = this.#data.value ?? this.#held;
    const state = this.sessionState;
    const body =
      p && (this.#held || state === 'authenticated' || state === 'unknown')
        ? html`<div class="lr-profile">
            ${this.#form.render(p)}
            ${this.#held
              ? nothing
              : html`${this.noIdentities ? nothing : this.#linked.render()} ${this.#password.render(p)}
                ${this.noDelete ? nothing : this.#delete.render(p)}`}
          </div>`
        : this.#view.placeholder();
    return html`${body}${this.#act.regions()}`;
  }
}
