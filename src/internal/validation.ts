import type {ReactiveController, ReactiveControllerHost} from 'lit';

type Host = ReactiveControllerHost & HTMLElement;
type Control = HTMLInputElement;

/** Turns an input's failed constraint into the message to show (from the message table). */
export type Describer = (input: Control) => string;

/**
 * Validation state for one light-DOM form, following the style guide (B6):
 * - rules are native constraints (`required`, `type=email`, `minlength`); the form has `novalidate`;
 * - an error shows after blur-with-change (the `change` event) or after a submit attempt, and then updates
 *   live while the user types (so it disappears as soon as the value is fixed);
 * - server errors for a field become `setCustomValidity()` on that input and clear on its next `input`;
 * - `validate()` on submit focuses the first invalid field.
 *
 * Wire it with `<form novalidate @input=${v.onInput} @change=${v.onChange}>`, and pass `v.error(name)` to the
 * field template.
 */
export class FormValidator implements ReactiveController {
  /** True after the first submit attempt (every error shows from then on). */
  submitted = false;
  readonly #host: Host;
  readonly #describe: Describer;
  readonly #shown = new Set<string>();
  readonly #errors = new Map<string, string>();
  readonly #custom = new Map<string, string>();

  constructor(host: Host, describe: Describer) {
    this.#host = host;
    this.#describe = describe;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The error currently shown for a field, if any. */
  error(name: string): string | undefined {
    return this.#errors.get(name);
  }

  /** True while any error is shown. */
  get hasErrors(): boolean {
    return this.#errors.size > 0;
  }

  readonly onInput = (e: Event): void => {
    const input = asControl(e.target);
    if (!input) return;
    if (this.#custom.delete(input.name)) input.setCustomValidity('');
    if (this.#shown.has(input.name) || this.submitted) this.#check(input);
  };

  readonly onChange = (e: Event): void => {
    const input = asControl(e.target);
    if (!input) return;
    this.#shown.add(input.name);
    this.#check(input);
  };

  /**
   * Checks every named input of the form, shows all errors, and focuses the first invalid field.
   * Returns true when the form is valid.
   */
  validate(form: HTMLFormElement): boolean {
    this.submitted = true;
    let first: Control | undefined;
    for (const input of controls(form)) {
      this.#shown.add(input.name);
      if (!this.#check(input) && !first) first = input;
    }
    first?.focus();
    return !first;
  }

  /** Shows a server-side error on a field (cleared when the user edits it). */
  setError(form: HTMLFormElement, name: string, message: string): Control | undefined {
    const input = controls(form).find((c) => c.name === name);
    if (!input) return undefined;
    this.#custom.set(name, message);
    input.setCustomValidity(message);
    this.#shown.add(name);
    this.#check(input);
    return input;
  }

  /** Forgets everything (e.g. when the form is replaced by another view). */
  reset(): void {
    this.submitted = false;
    this.#shown.clear();
    this.#errors.clear();
    this.#custom.clear();
    this.#host.requestUpdate();
  }

  /** Updates the shown error of one input; returns true when it is valid. */
  #check(input: Control): boolean {
    const tooShort = input.minLength > 0 && input.value.length > 0 && input.value.length < input.minLength;
    const valid = input.validity.valid && !tooShort;
    const before = this.#errors.get(input.name);
    const after = valid ? undefined : this.#describe(input);
    if (after === undefined) this.#errors.delete(input.name);
    else this.#errors.set(input.name, after);
    if (before !== after) this.#host.requestUpdate();
    return valid;
  }
}

function asControl(target: EventTarget | null): Control | undefined {
  return target instanceof HTMLInputElement && target.name ? target : undefined;
}

function controls(form: HTMLFormElement): Control[] {
  return [...form.elements].filter((e): e is Control => e instanceof HTMLInputElement && !!e.name);
}
