import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {passwordToggle} from './templates.js';

export interface FieldOptions {
  /** Id unique on the page (use `LrElement.uid()`); the hint and error ids derive from it. */
  id: string;
  name: string;
  label: string;
  type: 'email' | 'password' | 'text' | 'date' | 'tel' | 'url';
  autocomplete: string;
  required?: boolean;
  minlength?: number | undefined;
  maxlength?: number | undefined;
  /** A native `pattern` constraint (the whole value must match). */
  pattern?: string | undefined;
  /** Initial value; bound once per change of this value, so it never overwrites what the user types. */
  value?: string | undefined;
  /** The error to show; when set, the input gets `aria-invalid` and `aria-describedby` to the error text. */
  error?: string | undefined;
  hint?: string | undefined;
  /** Shown after the label, e.g. "(optional)". */
  labelSuffix?: string | undefined;
  /** Rendered next to the input inside `.lr-field__control` (e.g. the show-password toggle). */
  trailing?: TemplateResult | undefined;
  inputmode?: string | undefined;
  spellcheck?: boolean;
  autocapitalize?: string | undefined;
}

/** An email address field: `type=email` named `email`, required, without spellcheck or auto-capitalisation. */
export const emailField = (
  o: Pick<FieldOptions, 'id' | 'label' | 'error' | 'value'> & {autocomplete: 'email' | 'username'},
): TemplateResult => field({...o, name: 'email', type: 'email', required: true, spellcheck: false, autocapitalize: 'none'});

/**
 * A password field with the show-password toggle inside its frame (`passwordToggle`): no spellcheck or
 * auto-capitalisation, `type=text` while `shown`. The toggle controls `controls` (default: this field's id; a form
 * with two password fields that show together names both); the host flips `shown` in `onToggle`.
 */
export const passwordField = (
  o: Omit<FieldOptions, 'type' | 'trailing' | 'spellcheck' | 'autocapitalize'> & {shown: boolean; host: Element; onToggle: () => void; controls?: string},
): TemplateResult => {
  const {shown, host, onToggle, controls, ...f} = o;
  return field({...f, type: shown ? 'text' : 'password', spellcheck: false, autocapitalize: 'none',
    trailing: passwordToggle({controls: controls ?? o.id, pressed: shown, host, onToggle})});
};

/**
 * One accessible field: `<label for>` + `<input>` + hint + error text, all in the same (light) tree.
 * `aria-invalid` and the error id in `aria-describedby` are present only while an error shows. The error
 * element is always rendered (empty and hidden without an error) so the id reference never dangles.
 * A hint turns into the error: while an error shows, the hint is hidden and the error takes its line (one line,
 * recoloured; `aria-describedby` names the error only), so the same rule is never said twice.
 */
export function field(o: FieldOptions): TemplateResult {
  const hintId = `${o.id}-hint`;
  const errorId = `${o.id}-error`;
  const describedBy = o.error ? errorId : o.hint ? hintId : '';
  return html`
    <div class="lr-field" ?data-invalid=${!!o.error}>
      <label class="lr-field__label" for=${o.id}
        >${o.label}${o.labelSuffix ? [' ', html`<span class="lr-field__optional">${o.labelSuffix}</span>`] : nothing}</label
      >
      <div class="lr-field__control">
        <input
          class="lr-field__input"
          id=${o.id}
          name=${o.name}
          type=${o.type}
          autocomplete=${o.autocomplete}
          .value=${o.value ?? ''}
          ?required=${!!o.required}
          minlength=${ifDefined(o.minlength || undefined)}
          maxlength=${ifDefined(o.maxlength || undefined)}
          pattern=${ifDefined(o.pattern)}
          inputmode=${ifDefined(o.inputmode)}
          autocapitalize=${ifDefined(o.autocapitalize)}
          spellcheck=${o.spellcheck === false ? 'false' : nothing}
          aria-invalid=${o.error ? 'true' : nothing}
          aria-describedby=${describedBy || nothing}
        />
        ${o.trailing ?? nothing}
      </div>
      ${o.hint ? html`<p class="lr-field__hint" id=${hintId} ?hidden=${!!o.error}>${o.hint}</p>` : nothing}
      <p class="lr-field__error" id=${errorId} ?hidden=${!o.error}>${o.error ?? nothing}</p>
    </div>
  `;
}
