import {html, nothing, type TemplateResult} from 'lit';
import type {DataStatus} from './controllers/signed-in-data.js';

/**
 * The show-password toggle of one or more password fields (`controls`: their ids). A real button with
 * `aria-pressed`; the host flips the input type(s) in `onToggle`.
 */
export function passwordToggle(o: {controls: string; pressed: boolean; label: string; onToggle: () => void}): TemplateResult {
  return html`<button
    type="button"
    class="lr-field__toggle"
    aria-pressed=${o.pressed ? 'true' : 'false'}
    aria-controls=${o.controls}
    @click=${o.onToggle}
  >
    ${o.label}
  </button>`;
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
