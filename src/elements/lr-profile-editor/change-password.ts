import {html, type ReactiveController, type TemplateResult} from 'lit';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {emit} from '../../core/events.js';
import {primaryEmailOf} from '../../core/profile.js';
import type {ErrorOutcome, Msg} from '../../internal/controllers/errors.js';
import {shownOnField} from '../../internal/controllers/shown-on-field.js';
import {field} from '../../internal/field.js';
import {hiddenUsername, passwordToggle} from '../../internal/templates.js';
import {FormValidator} from '../../internal/validation.js';
import {section, sectionForm, type SectionContext} from './section.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

const SLOT = 'password';
const DONE = 'profile.password.changed';

/**
 * Change password: a button opens a separate form (hidden `username` with the current address,
 * `current-password`, `new-password`, each with a show-password toggle) that password managers recognise. After
 * the change the form leaves the DOM (a clear signal to password managers) and a focused notice says so next to
 * the button; it clears itself like every success message.
 */
export class ChangePasswordSection implements ReactiveController {
  readonly #c: SectionContext;
  readonly #v: FormValidator;
  #open = false;
  #showCurrent = false;
  #showNew = false;

  constructor(c: SectionContext) {
    this.#c = c;
    this.#v = new FormValidator(c.host, (input) => this.#describe(input));
    c.host.addController(this);
  }

  /** Closes the form (its values leave the DOM) and forgets its errors. */
  reset(): void {
    this.#open = this.#showCurrent = this.#showNew = false;
    this.#v.reset();
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
    const {act, msg, uid} = this.#c;
    if (!this.#open) {
      return section(
        this.#c,
        'password',
        'profile.password.title',
        html`<div class="lr-form__actions">
          <button type="button" class="lr-button lr-profile__password-open" aria-expanded="false" @click=${this.#onOpen}>
            ${msg('profile.password.open')}
          </button>
          ${this.#done ? html`<p class="lr-notice lr-profile__password-done" tabindex="-1">${msg(DONE)}</p>` : act.message(SLOT)}
        </div>`,
      );
    }
    const min = this.#c.host.passwordMinLength > 0 ? this.#c.host.passwordMinLength : undefined;
    const password = (name: 'current' | 'new', shown: boolean, toggle: () => void) =>
      passwordToggle({controls: uid(`pw-${name}`), pressed: shown, host: this.#c.host, onToggle: toggle});
    return section(
      this.#c,
      'password',
      'profile.password.title',
      sectionForm(
        this.#c,
        {name: SLOT, className: 'lr-profile__password-form', onSubmit: this.#onSubmit, onInput: this.#v.onInput, onChange: this.#v.onChange},
        html`${hiddenUsername({id: uid('pw-username'), value: primaryEmailOf(p), className: 'lr-profile__username'})}
        ${field({
          id: uid('pw-current'),
          name: 'currentPassword',
          type: this.#showCurrent ? 'text' : 'password',
          label: msg('profile.password.current'),
          autocomplete: 'current-password',
          required: true,
          error: this.#v.error('currentPassword'),
          spellcheck: false,
          autocapitalize: 'none',
          trailing: password('current', this.#showCurrent, () => this.#toggle('current')),
        })}
        ${field({
          id: uid('pw-new'),
          name: 'newPassword',
          type: this.#showNew ? 'text' : 'password',
          label: msg('profile.password.new'),
          autocomplete: 'new-password',
          required: true,
          minlength: min,
          hint: min ? msg('profile.password.hint', {count: min}) : undefined,
          error: this.#v.error('newPassword'),
          spellcheck: false,
          autocapitalize: 'none',
          trailing: password('new', this.#showNew, () => this.#toggle('new')),
        })}
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

  #toggle(which: 'current' | 'new'): void {
    if (which === 'current') this.#showCurrent = !this.#showCurrent;
    else this.#showNew = !this.#showNew;
    this.#c.host.requestUpdate();
  }

  #describe(input: HTMLInputElement): string {
    if (input.validity.valueMissing && !input.validity.customError) {
      if (input.name === 'currentPassword') return this.#c.msg('profile.password.currentRequired');
      if (input.name === 'newPassword') return this.#c.msg('profile.password.newRequired');
    }
    return this.#c.describe(input);
  }

  readonly #onOpen = (): void => {
    this.reset();
    this.#open = true;
    this.#c.act.clear(SLOT);
    void this.#c.act.focus('.lr-profile__password-form input[name=currentPassword]');
  };

  readonly #onCancel = (): void => {
    this.reset();
    this.#c.act.clear(SLOT);
    void this.#c.act.focus('.lr-profile__password-open');
  };

  readonly #onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const {act, host} = this.#c;
    const form = e.currentTarget as HTMLFormElement;
    const session = this.#c.session();
    if (!session || act.running === SLOT || !this.#v.validate(form)) return;
    const current = form.querySelector<HTMLInputElement>('input[name=currentPassword]')!;
    const next = form.querySelector<HTMLInputElement>('input[name=newPassword]')!;
    if (current.value === next.value) {
      this.#v.setError(form, 'newPassword', this.#c.msg('profile.password.same'));
      next.focus();
      return;
    }
    this.#showCurrent = this.#showNew = false; // password managers save what was a password field
    const r = await act.run(
      () => session.withToken((t) => api.changePassword(session.config, t, current.value, next.value)),
      {slot: SLOT, progress: 'profile.password.busy', form, onError: (err) => this.#onError(form, err)},
    );
    if (!r.ok) return;
    this.reset(); // the form leaves the DOM
    act.notify(DONE, undefined, {slot: SLOT, shown: true});
    void act.focus('.lr-profile__password-done');
    emit(host, 'lr-password-changed', null);
  };

  /** Puts a rejected password on its field and focuses it (the field's text is not repeated at the submit row). */
  #onError(form: HTMLFormElement, e: ErrorOutcome): void {
    const text = this.#c.act.text(e as Msg);
    let name: string;
    let same = true;
    if (e.code === ErrorCodes.WrongCurrentPassword) {
      name = 'currentPassword';
      form.querySelector<HTMLInputElement>('input[name=currentPassword]')!.value = '';
    } else if (e.code === ErrorCodes.WeakPassword || e.fieldErrors?.length) {
      name = e.fieldErrors?.some((f) => /^old/i.test(f.field)) ? 'currentPassword' : 'newPassword';
      same = e.code === ErrorCodes.WeakPassword;
    } else return;
    this.#v.setError(form, name, same ? text : this.#c.msg('error.fieldRejected'));
    form.querySelector<HTMLInputElement>(`input[name=${name}]`)?.focus();
    if (same) shownOnField(this.#c.host, this.#c.act, SLOT);
  }
}

