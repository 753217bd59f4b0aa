import {html, type ReactiveController, type TemplateResult} from 'lit';
import type {Profile} from '../../core/client.js';
import {LazyStep} from '../../internal/steps/lazy.js';
import type {PasswordForm} from './change-password-form.js';
import {section, sectionForm, type SectionContext} from './section.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

const SLOT = 'password';
const DONE = 'profile.password.changed';

/**
 * Change password: a button opens a separate form (`change-password-form.ts`, loaded the first time it is opened)
 * that password managers recognise. After the change the form leaves the DOM (a clear signal to password managers)
 * and a focused notice says so next to the button; it clears itself like every success message.
 */
export class ChangePasswordSection implements ReactiveController {
  readonly #c: SectionContext;
  readonly #lazy: LazyStep<typeof import('./change-password-form.js')>;
  #form: PasswordForm | undefined;
  #open = false;

  constructor(c: SectionContext) {
    this.#c = c;
    this.#lazy = new LazyStep(c.host, () => import('./change-password-form.js'));
    c.host.addController(this);
  }

  /** Closes the form (its values leave the DOM) and forgets its errors. */
  reset(): void {
    this.#open = false;
    this.#form?.reset();
  }

  get #done(): boolean {
    return this.#c.act.get(SLOT)?.key === DONE;
  }

  hostUpdate(): void {
    // The focused "changed" notice is about to clear itself: focus goes to the button beside it.
    const active = document.activeElement;
    if (!this.#done && active?.classList.contains('lr-profile__password-done')) {
      this.#c.host.querySelector<HTMLElement>('.lr-profile__password-open')?.focus();
    }
  }

  render(p: Profile): TemplateResult {
    const {act, msg} = this.#c;
    const form = this.#form;
    if (!this.#open || !form) {
      // While the form loads (first opening) its row is busy; the button keeps focus (a second click waits).
      const loading = this.#lazy.loading;
      return section(
        this.#c,
        'password',
        'profile.password.title',
        html`<div class="lr-form__actions" aria-busy=${loading ? 'true' : 'false'}>
          <button type="button" class="lr-button lr-profile__password-open" aria-expanded="false" @click=${this.#onOpen}>
            ${msg('profile.password.open')}
          </button>
          ${this.#done ? html`<p class="lr-notice lr-profile__password-done" tabindex="-1">${msg(DONE)}</p>` : act.message(SLOT)}
        </div>`,
      );
    }
    return section(
      this.#c,
      'password',
      'profile.password.title',
      sectionForm(
        this.#c,
        {name: SLOT, className: 'lr-profile__password-form', onSubmit: form.onSubmit, onInput: form.v.onInput, onChange: form.v.onChange},
        html`${form.render(p)}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit lr-profile__password-submit" ?disabled=${act.blocked}>
            ${msg('profile.password.submit')}
          </button>
          <button type="button" class="lr-button lr-profile__password-cancel" @click=${this.#onCancel}>
            ${msg('profile.password.cancel')}
          </button>
          ${act.message(SLOT)}
        </div>`,
      ),
    );
  }

  readonly #onOpen = async (): Promise<void> => {
    // Busy while the form loads; a failed download is said beside the button, and the next click tries again.
    const m = await this.#lazy.load(this.#c.act, {slot: SLOT});
    if (!m) return;
    this.#form ??= new m.PasswordForm(this.#c, {changed: () => this.#changed()});
    this.reset();
    this.#open = true;
    this.#c.act.clear(SLOT);
    this.#c.host.requestUpdate();
    void this.#c.act.focus('.lr-profile__password-form input[name=currentPassword]');
  };

  readonly #onCancel = (): void => {
    this.reset();
    this.#c.act.clear(SLOT);
    void this.#c.act.focus('.lr-profile__password-open');
  };

  #changed(): void {
    this.reset(); // the form leaves the DOM
    this.#c.act.notify(DONE, undefined, {slot: SLOT, shown: true});
    void this.#c.act.focus('.lr-profile__password-done');
  }
}
