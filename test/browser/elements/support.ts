/**
 * Element-test support on top of the shared harness (`../helpers/`): re-exports what the element tests use,
 * plus UI helpers (typing that works in every engine, event recording that keeps the event objects).
 */
import {sendKeys} from '@web/test-runner-commands';
import {admin, emu} from '../helpers/index.js';

export {
  env,
  emu,
  admin,
  PASSWORD,
  uniqueEmail,
  createAccount,
  resetAll,
  resetPage,
  until,
  sleep,
} from '../helpers/index.js';

export type {Fault, Mail, RequestRecord} from '../helpers/emulator.js';
export const {control, outbox, requests, setConfig} = emu;
/** Replaces the emulator's fault list (array form, kept for the existing element tests). */
export const setFaults = (faults: emu.Fault[]) => emu.setFaults(...faults);
/** A fresh SOTT made server-side with the API secret. */
export const getSott = () => admin.sott();

/**
 * Focuses an input and types like a user. One key per command: WebKitGTK's WebDriver drops repeated
 * characters and some spaces when a whole string is sent at once.
 */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await typeKeys(text);
}

/** Sets an input's value as typing would (focus, then one `input` event): fast, where the typing itself is not under test. */
export function fillValue(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true}));
}

/** Types into the focused element, one key per command (see `typeInto`). */
export async function typeKeys(text: string): Promise<void> {
  for (const ch of text) await sendKeys({type: ch});
}

/** Collects every event of the given names dispatched on `target` (keeps the event objects). */
export function record(target: EventTarget, names: string[]) {
  const events: CustomEvent[] = [];
  const on = (e: Event) => events.push(e as CustomEvent);
  for (const name of names) target.addEventListener(name, on);
  return {
    events,
    of: (name: string) => events.filter((e) => e.type === name),
    stop: () => names.forEach((name) => target.removeEventListener(name, on)),
  };
}

/** No token and no password anywhere in the event details. */
export function noSecrets(events: Event[], ...secrets: (string | undefined)[]): void {
  for (const e of events) {
    const text = JSON.stringify((e as CustomEvent).detail ?? null);
    for (const s of secrets) if (s && text.includes(s)) throw new Error(`${e.type} detail contains a secret`);
    if (/access_token|refresh_token/i.test(text)) throw new Error(`${e.type} detail contains a token field`);
  }
}

/** The live regions and common parts of an `lr-*` form element. */
export const ui = {
  $: <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.querySelector<T>(sel)!,
  input: (el: Element, name: string) => el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!,
  submit: (el: Element) => el.querySelector<HTMLButtonElement>('.lr-form__submit')!,
  alert: (el: Element) => el.querySelector('[role=alert]')!.textContent!.trim(),
  status: (el: Element) => el.querySelector('[role=status]')!.textContent!.trim(),
  /** The text of the element an input's `aria-describedby` points at (error id last). */
  describedBy: (input: HTMLInputElement) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? `#${id} missing`),
};

export interface CredentialInput {
  name: string;
  type: string;
  autocomplete: string;
}

/**
 * Shared light-DOM credential-form assertions (style guide B10.2, security B4-01…B4-03, B1-01): call inside a
 * `describe` with a `mount()` that resolves once the form is rendered.
 */
export function runCredentialFormSuite(tag: string, mount: () => Promise<HTMLElement>, inputs: CredentialInput[]): void {
  describe(`${tag}: credential form in light DOM`, () => {
    it('exposes every input to document.querySelector with its type and autocomplete token', async () => {
      const el = await mount();
      if (el.shadowRoot) throw new Error('credential forms must not render in a shadow root');
      for (const want of inputs) {
        const input = document.querySelector<HTMLInputElement>(
          `${tag} input[name="${want.name}"][autocomplete="${want.autocomplete}"]`,
        );
        if (!input) throw new Error(`no ${want.name} input with autocomplete="${want.autocomplete}"`);
        if (input.type !== want.type) throw new Error(`${want.name}: type ${input.type}, expected ${want.type}`);
      }
    });

    it('keeps the inputs and a submit button in one form, labelled, with page-unique ids', async () => {
      const el = await mount();
      const found = inputs.map((i) => el.querySelector<HTMLInputElement>(`input[name="${i.name}"]`)!);
      const form = found[0]!.form;
      if (!form) throw new Error('inputs are not in a form');
      for (const input of found) {
        if (input.form !== form) throw new Error(`${input.name} is in another form`);
        if (document.querySelectorAll(`[id="${input.id}"]`).length !== 1) throw new Error(`${input.id} is not unique`);
        if (!document.querySelector(`label[for="${input.id}"]`)) throw new Error(`${input.name} has no label`);
      }
      const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
      if (!submit || submit.form !== form) throw new Error('no submit button in the form');
      if (!form.noValidate) throw new Error('the form must have novalidate (own messages)');
    });

    it('allows paste, never turns autocomplete off, and has no maxlength below 64 on passwords', async () => {
      const el = await mount();
      if (el.querySelector('[autocomplete="off"]')) throw new Error('autocomplete="off" found');
      for (const input of el.querySelectorAll<HTMLInputElement>('input[type=password]')) {
        if (input.maxLength !== -1 && input.maxLength < 64) throw new Error(`maxlength ${input.maxLength}`);
        const paste = new Event('paste', {bubbles: true, cancelable: true});
        if (!input.dispatchEvent(paste)) throw new Error('paste was prevented');
      }
    });
  });
}
