import {html, nothing, type TemplateResult} from 'lit';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {isApiError} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {minimalProfile} from '../../core/profile.js';
import type {MessageKey} from '../../i18n/index.js';
import {errorOutcome, type ErrorOutcome, type Msg} from '../../internal/controllers/errors.js';
import {refocus} from '../../internal/controllers/refocus.js';
import {shownOnField} from '../../internal/controllers/shown-on-field.js';
import {field} from '../../internal/field.js';
import {selectField} from '../../internal/templates.js';
import {FormValidator} from '../../internal/validation.js';
import {resolveFields, splitFields, type ProfileFieldDef} from './profile-fields.js';
import {section, sectionForm, type SectionContext} from './section.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

const DEFAULT_FIELDS = 'FirstName,LastName';
const SLOT = 'profile';

/**
 * The profile form: the fields of `fields`, only changed ones sent (Update Profile), server field errors (1134
 * `Errors[]`) on their fields, edits kept across re-renders, failures and an expired session. After a save the
 * session's profile is updated, so other elements and tabs show the new name.
 */
export class ProfileFormSection {
  readonly #c: SectionContext;
  readonly #onSaved: (p: Profile) => void;
  /** What the user typed, by field name. */
  readonly #edits = new Map<string, string>();
  /** Server errors on `<select>` fields (the validator handles inputs). */
  #selectErrors = new Map<string, MessageKey>();
  readonly #v: FormValidator;

  constructor(c: SectionContext, onSaved: (p: Profile) => void) {
    this.#c = c;
    this.#onSaved = onSaved;
    this.#v = new FormValidator(c.host, (input) => c.describe(input));
  }

  /** Forgets the edits and errors (another user, or nobody). */
  reset(): void {
    this.#edits.clear();
    this.#selectErrors = new Map();
    this.#v.reset();
  }

  /** True when the form holds a value that differs from the profile on screen. */
  get dirty(): boolean {
    return Object.keys(this.#changes()).length > 0;
  }

  render(p: Profile): TemplateResult {
    const {act} = this.#c;
    const m = act.get(SLOT);
    return section(
      this.#c,
      'profile',
      'profile.title',
      sectionForm(
        this.#c,
        {name: SLOT, className: 'lr-profile__form', onSubmit: this.#onSave, onInput: this.#onInput, onChange: this.#onInput},
        html`${this.#defs.map((def) => this.#field(def, p))}
        <div class="lr-form__actions">
          <button
            type="submit"
            class="lr-form__submit lr-profile__save"
            aria-describedby=${m && !m.shown ? act.idOf(SLOT) : nothing}
            ?disabled=${act.blocked || this.#c.expired()}
          >
            ${this.#c.msg('profile.save')}
          </button>
          ${act.message(SLOT)}
        </div>`,
      ),
    );
  }

  get #defs(): ProfileFieldDef[] {
    const defs = resolveFields(splitFields(this.#c.host.fields));
    return defs.length ? defs : resolveFields(splitFields(DEFAULT_FIELDS));
  }

  #field(def: ProfileFieldDef, p: Profile): TemplateResult {
    const {msg, uid} = this.#c;
    const id = uid(`f-${def.name}`);
    const value = this.#edits.get(def.name) ?? def.read(p);
    if (def.control === 'select') {
      const error = this.#selectErrors.get(def.name);
      return selectField({
        id,
        name: def.name,
        label: msg(def.label),
        autocomplete: def.autocomplete,
        options: (def.options ?? []).map(([v, label]) => [v, msg(label)] as const),
        value,
        error: error ? msg(error) : undefined,
      });
    }
    return field({
      id,
      name: def.name,
      type: def.control,
      label: msg(def.label),
      autocomplete: def.autocomplete,
      maxlength: def.maxlength,
      value,
      error: this.#v.error(def.name),
      inputmode: def.inputmode ?? (def.control === 'tel' ? 'tel' : undefined),
    });
  }

  readonly #onInput = (e: Event): void => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (!target?.name) return;
    this.#edits.set(target.name, target.value);
    if (target instanceof HTMLSelectElement) {
      if (this.#selectErrors.delete(target.name)) this.#c.host.requestUpdate();
    } else if (e.type === 'input') this.#v.onInput(e);
    else this.#v.onChange(e);
  };

  /** The Update Profile body: only the fields whose value differs from the profile on screen. */
  #changes(): Record<string, unknown> {
    const p = this.#c.profile();
    if (!p) return {};
    const form = this.#c.host.querySelector<HTMLFormElement>('form.lr-profile__form');
    let body: Record<string, unknown> = {};
    for (const def of this.#defs) {
      const el = form?.elements.namedItem(def.name) as HTMLInputElement | HTMLSelectElement | null;
      const v = (el && 'value' in el ? el.value : this.#edits.get(def.name)) ?? def.read(p);
      if (v.trim() !== def.read(p).trim()) body = {...body, ...def.write(v.trim(), p)};
    }
    return body;
  }

  readonly #onSave = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const {act, host} = this.#c;
    const form = e.currentTarget as HTMLFormElement;
    const session = this.#c.session();
    if (!session || !this.#c.profile() || this.#c.expired() || act.running === SLOT) return;
    if (!this.#v.validate(form)) return;
    const changes = this.#changes();
    if (!Object.keys(changes).length) return act.notify('profile.noChanges', undefined, {slot: SLOT, tone: 'info', form});
    const opts: Parameters<typeof api.updateProfile>[3] = {};
    if (host.verificationUrl) opts.verificationUrl = host.verificationUrl;
    let failure: unknown;
    const r = await act.run(
      () =>
        session.withToken((t) => api.updateProfile(session.config, t, changes, opts)).catch((err: unknown) => {
          failure = err;
          throw err;
        }),
      {slot: SLOT, progress: 'profile.saving', form, onError: (err) => this.#onError(form, err)},
    );
    if (r.ok) {
      this.#edits.clear();
      this.#onSaved(r.value);
      act.notify('profile.saved', undefined, {slot: SLOT, form});
      void refocus(host, '.lr-profile__save');
      await session.setProfile(r.value).catch(() => undefined); // other elements and tabs see the new name
      emit(host, 'lr-profile-updated', {profile: minimalProfile(r.value)});
    } else if (!r.error && this.#c.expired() && isApiError(failure, ErrorCodes.TokenInvalid, ErrorCodes.TokenExpired)) {
      // The session ended on this answer (so `run` dropped it): the edits stay, and say why saving waits.
      act.fail({...errorOutcome(failure), key: 'profile.expired'}, {slot: SLOT, form});
    }
  };

  /** Server field errors (1134 `Errors[]`) go on their fields; focus moves to the first of them. */
  #onError(form: HTMLFormElement, e: ErrorOutcome): Msg | void {
    const coded = this.#defs.find((def) => e.code !== undefined && def.errorCodes?.includes(e.code));
    const input = coded && this.#v.setError(form, coded.name, this.#c.act.text(e));
    if (input) return void (input.focus(), shownOnField(this.#c.host, this.#c.act, SLOT));
    const names = (e.fieldErrors ?? []).map((f) => f.field.toLowerCase());
    if (!names.length) return;
    let first: HTMLElement | undefined;
    const text = this.#c.msg('error.fieldRejected');
    for (const def of this.#defs) {
      const aliases = [def.name.toLowerCase(), ...(def.errorNames ?? [])];
      if (!names.some((n) => aliases.includes(n))) continue;
      if (def.control === 'select') {
        this.#selectErrors.set(def.name, 'error.fieldRejected');
        first ??= form.querySelector<HTMLElement>(`select[name="${def.name}"]`) ?? undefined;
      } else first ??= this.#v.setError(form, def.name, text);
    }
    this.#c.host.requestUpdate();
    first?.focus();
  }
}
