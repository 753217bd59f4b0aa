import {html, nothing, svg, type TemplateResult} from 'lit';
import {localeOf, msg} from '../i18n/index.js';
import type {DataStatus} from './controllers/signed-in-data.js';

/** The eye (show) and struck-through eye (hide) of the password toggle: inline SVG, no icon font, CSP-safe. */
const EYE = svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z"/><circle cx="12" cy="12" r="3"/>`;
const EYE_OFF = svg`${EYE}<path d="M3 3l18 18"/>`;

/**
 * The show-password toggle of one or more password fields (`controls`: their ids): an icon button inside the
 * field's frame (`.lr-field__control`), a real button with `aria-pressed`. Its name (visually hidden text, in the
 * host's language) follows the state: "Show password" / "Hide password". The host flips the input type(s) in
 * `onToggle`.
 */
export function passwordToggle(o: {controls: string; pressed: boolean; host: Element; onToggle: () => void}): TemplateResult {
  return html`<button
    type="button"
    class="lr-field__toggle"
    aria-pressed=${o.pressed ? 'true' : 'false'}
    aria-controls=${o.controls}
    @click=${o.onToggle}
  >
    <svg class="lr-field__toggle-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${o.pressed ? EYE_OFF : EYE}</svg
    ><span class="lr-sr-only">${msg(o.pressed ? 'password.hide' : 'password.toggle', undefined, localeOf(o.host))}</span>
  </button>`;
}

/**
 * A step's outcome with what to do next (a sent link, a verified address, a used link…): an optional title, the
 * text (focusable, `.lr-notice`: the element focuses it when the step replaces a form) and the next actions in
 * a row (with the action's message at its end).
 */
export function nextStep(o: {className: string; title?: string; text: string; actions?: unknown}): TemplateResult {
  return html`<div class="lr-panel lr-next ${o.className}">
    ${o.title ? html`<p class="lr-next__title">${o.title}</p>` : nothing}
    <p class="lr-notice lr-next__text" tabindex="-1">${o.text}</p>
    ${o.actions ? html`<div class="lr-form__actions lr-next__actions">${o.actions}</div>` : nothing}
  </div>`;
}

/**
 * A hidden `username` field (the account's address) in a form without a visible one, so password managers
 * know which account a new or changed password belongs to. Nothing without an address.
 */
export function hiddenUsername(o: {id: string; value: string; className: string}): TemplateResult | typeof nothing {
  return o.value
    ? html`<input class=${o.className} type="email" name="username" id=${o.id} autocomplete="username" .value=${o.value} hidden />`
    : nothing;
}

export interface SelectOptions {
  id: string;
  name: string;
  label: string;
  autocomplete: string;
  /** `[value, label]` pairs (labels already rendered). */
  options: readonly (readonly [string, string])[];
  value: string;
  error?: string | undefined;
}

/** A labelled `<select>` with its error text (same structure and ARIA wiring as `field()`); an unknown value stays selectable. */
export function selectField(o: SelectOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  const known = o.options.some(([v]) => v === o.value);
  return html`<div class="lr-field" ?data-invalid=${!!o.error}>
    <label class="lr-field__label" for=${o.id}>${o.label}</label>
    <div class="lr-field__control">
      <select
        class="lr-field__input"
        id=${o.id}
        name=${o.name}
        autocomplete=${o.autocomplete}
        aria-invalid=${o.error ? 'true' : nothing}
        aria-describedby=${o.error ? errorId : nothing}
      >
        ${o.options.map(([v, label]) => html`<option value=${v} ?selected=${v === o.value}>${label}</option>`)}
        ${known ? nothing : html`<option value=${o.value} selected>${o.value}</option>`}
      </select>
    </div>
    <p class="lr-field__error" id=${errorId} ?hidden=${!o.error}>${o.error ?? nothing}</p>
  </div>`;
}

export interface DataStateOptions {
  /** Class prefix of the element (`lr-profile` → `.lr-profile__loading`, `__load-failed`, `__retry`, `__signed-out`). */
  prefix: string;
  loading: string;
  retry: string;
  onRetry: () => void;
  /** Text while signed out; nothing with `hide-when-signed-out`. */
  signedOut?: string | undefined;
  /** The failure, shown above the retry button (omit when the element announces it elsewhere). */
  failed?: string | undefined;
}

/**
 * The body of a signed-in-only element while it has nothing to show: loading, failed (retry), signed out.
 * Undefined for `ready` (the element renders its content).
 */
export function dataState(status: DataStatus, o: DataStateOptions): TemplateResult | typeof nothing | undefined {
  switch (status) {
    case 'ready':
      return undefined;
    case 'loading':
      return html`<p class="lr-notice ${o.prefix}__loading">${o.loading}</p>`;
    case 'failed':
      return html`<div class="lr-panel ${o.prefix}__load-failed">
        ${o.failed ? html`<p class="lr-notice">${o.failed}</p>` : nothing}
        <div class="lr-form__actions">
          <button type="button" class="lr-button ${o.prefix}__retry" @click=${o.onRetry}>${o.retry}</button>
        </div>
      </div>`;
    default:
      return o.signedOut ? html`<p class="lr-notice ${o.prefix}__signed-out">${o.signedOut}</p>` : nothing;
  }
}
