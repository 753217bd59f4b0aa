import {html, type TemplateResult} from 'lit';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {emit} from '../../core/events.js';
import {primaryEmailOf} from '../../core/profile.js';
import type {ErrorOutcome, Msg} from '../../internal/controllers/errors.js';
import {shownOnField} from '../../internal/controllers/shown-on-field.js';
import {passwordField} from '../../internal/field.js';
import {hiddenUsername} from '../../internal/templates.js';
import {FormValidator} from '../../internal/validation.js';
import type {SectionContext} from './section.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

const SLOT = 'password';

/** What the form needs from its section (`change-password.ts`), which keeps the section and the form element. */
export interface PasswordFormHooks {
  /** The form was sent: it leaves the DOM, the "changed" notice takes its place. */
  changed(): void;
}

/**
 * The open change-password form of the profile editor (hidden `username` with the current address,
 * `current-password`, `new-password`, each with a show-password toggle), loaded the first time the user opens
 * it. It renders the form's content and handles its events; the section renders the `<form>` around it.
 */
export class PasswordForm {
  readonly #c: SectionContext;
  readonly #h: PasswordFormHooks;
  readonly v: FormValidator;
  #showCurrent = false;
  #showNew = false;

  constructor(c: SectionContext, h: PasswordFormHooks) {
    this.#c = c;
    this.#h = h;
    this.v = new FormValidator(c.host, (input) => this.#describe(input));
  }

  /** Closes the toggles and forgets the errors (the section closes the form). */
  reset(): void {
    this.#showCurrent = this.#showNew = false;
    this.v.reset();
  }

  render(p: Profile): TemplateResult {
    const {act, msg, uid} = this.#c;
    const host = this.#c.host;
    const min = host.passwordMinLength > 0 ? host.passwordMinLength : undefined;
    return html`${hiddenUsername({id: uid('pw-username'), value: primaryEmailOf(p), className: 'lr-profile__username'})}
      ${passwordField({
        id: uid('pw-current'),
        name: 'currentPassword',
        label: msg('profile.password.current'),
        autocomplete: 'current-password',
        required: true,
        error: this.v.error('currentPassword'),
        shown: this.#showCurrent,
        host,
        onToggle: () => this.#toggle('current'),
      })}
      ${passwordField({
        id: uid('pw-new'),
        name: 'newPassword',
        label: msg('profile.password.new'),
        autocomplete: 'new-password',
        required: true,
        minlength: min,
        hint: min ? msg('profile.password.hint', {count: min}) : undefined,
        error: this.v.error('newPassword'),
        shown: this.#showNew,
        host,
        onToggle: () => this.#toggle('new'),
      })}`;
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

  readonly onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const {act, host} = this.#c;
    const form = e.currentTarget as HTMLFormElement;
    const session = this.#c.session();
    if (!session || act.running === SLOT || !this.v.validate(form)) return;
    const current = form.querySelector<HTMLInputElement>('input[name=currentPassword]')!;
    const next = form.querySelector<HTMLInputElement>('input[name=newPassword]')!;
    if (current.value === next.value) {
      this.v.setError(form, 'newPassword', this.#c.msg('profile.password.same'));
      next.focus();
      return;
    }
    this.#showCurrent = this.#showNew = false; // password managers save what was a password field
    const r = await act.run(
      () => session.withToken((t) => api.changePassword(session.config, t, current.value, next.value)),
      {slot: SLOT, progress: 'profile.password.busy', form, onError: (err) => this.#onError(form, err)},
    );
    if (!r.ok) return;
    this.#h.changed(); // the form leaves the DOM
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
    this.v.setError(form, name, same ? text : this.#c.msg('error.fieldRejected'));
    form.querySelector<HTMLInputElement>(`input[name=${name}]`)?.focus();
    if (same) shownOnField(this.#c.host, this.#c.act, SLOT);
  }
}
