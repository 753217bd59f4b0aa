import {css, type CSSResult} from 'lit';

/**
 * Shared styles for the light-DOM forms: one stylesheet for every element (adopted once per document), scoped to
 * the element tags with `:where()` (zero specificity), so the rules never touch the page's own markup. Everything
 * sits in `@layer lr.components`: page CSS (unlayered) always wins.
 *
 * Class hooks (the documented styling contract): `.lr-form`, `.lr-field`, `.lr-field__label`,
 * `.lr-field__control`, `.lr-field__input`, `.lr-field__hint`, `.lr-field__error`, `.lr-field__toggle`,
 * `.lr-form__actions`, `.lr-form__submit`, `.lr-form__link`, `.lr-form__alert`, `.lr-form__status`,
 * `.lr-notice`, `.lr-button`.
 *
 * Knobs read here (per element they fall back to the global tokens):
 * `--lr-form-gap`, `--lr-form-max-width`, `--lr-field-border-color`, `--lr-field-border-color-invalid`,
 * `--lr-field-background`, `--lr-field-radius`, `--lr-button-background`, `--lr-button-color`,
 * `--lr-button-radius`.
 */
export const formStyles: CSSResult = css`
    @layer lr.components {
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) {
        display: block;
        color: var(--lr-color-text);
        font-family: var(--lr-font-family);
        font-size: var(--lr-font-size);
        line-height: var(--lr-line-height);
        max-width: var(--lr-form-max-width, 24rem);
        [hidden] {
          display: none !important;
        }
        .lr-form,
        .lr-panel,
        .lr-field {
          display: grid;
          grid-template-columns: minmax(0, 1fr);
          gap: var(--lr-form-gap, var(--lr-space-l));
        }
        .lr-field {
          gap: var(--lr-space-xs);
        }
        .lr-form,
        .lr-form__intro,
        .lr-notice {
          margin: 0;
        }
        .lr-notice:focus {
          outline: none;
        }
        .lr-field__label {
          font-weight: var(--lr-font-weight-strong);
        }
        .lr-field__optional {
          font-weight: normal;
          color: var(--lr-color-text-muted);
        }
        .lr-field__control {
          position: relative;
          display: flex;
          gap: var(--lr-space-s);
        }
        .lr-field__input {
          flex: 1 1 auto;
          min-width: 0;
          box-sizing: border-box;
          min-height: var(--lr-control-min-height);
          padding: var(--lr-space-s) var(--lr-space-m);
          font: inherit;
          color: var(--lr-color-text);
          background: var(--lr-field-background, var(--lr-color-field));
          border: var(--lr-border-width) solid var(--lr-field-border-color, var(--lr-color-border));
          border-radius: var(--lr-field-radius, var(--lr-radius-m));
        }
        .lr-field__input[aria-invalid='true'] {
          border-color: var(--lr-field-border-color-invalid, var(--lr-color-danger));
          box-shadow: inset 0 0 0 1px var(--lr-field-border-color-invalid, var(--lr-color-danger));
        }
        /* Room for the show-password toggle, which sits inside the field's frame (the field keeps its width). */
        .lr-field__control:has(.lr-field__toggle) .lr-field__input {
          padding-inline-end: var(--lr-control-min-height);
        }
        .lr-field__hint {
          margin: 0;
          font-size: var(--lr-font-size-small);
          color: var(--lr-color-text-muted);
        }
        .lr-field__error {
          margin: 0;
          font-size: var(--lr-font-size-small);
          color: var(--lr-color-danger);
        }
        .lr-form__actions {
          display: flex;
          flex-wrap: wrap;
          gap: var(--lr-space-m);
          align-items: center;
        }
        /* Buttons: primary (.lr-form__submit; filled), secondary (.lr-button, outlined); all one height. The elements that
           have them style .lr-button--primary (a link drawn as a button), .lr-button--danger (filled) and
           .lr-button--danger-quiet (outlined) with their own knobs. */
        :is(.lr-button, .lr-form__submit) {
          display: inline-flex;
          align-items: center;
          justify-content: center;
          box-sizing: border-box;
          min-height: var(--lr-control-min-height);
          padding: var(--lr-space-s) var(--lr-space-l);
          font: inherit;
          font-weight: var(--lr-font-weight-strong);
          text-decoration: none;
          cursor: pointer;
          border-radius: var(--lr-button-radius, var(--lr-radius-m));
          border: var(--lr-border-width) solid var(--lr-color-border-subtle);
          background: var(--lr-color-surface);
          color: var(--lr-color-accent);
        }
        :is(.lr-button:not(.lr-button--primary, .lr-button--danger), .lr-field__toggle):not(:disabled):hover {
          background: var(--lr-color-accent-soft);
        }
        .lr-form__submit {
          border-color: var(--lr-button-background, var(--lr-color-accent));
          background: var(--lr-button-background, var(--lr-color-accent));
          color: var(--lr-button-color, var(--lr-color-on-accent));
        }
        /* The show-password toggle: an icon button inside the input's frame, at its end. */
        .lr-field__toggle {
          position: absolute;
          inset-block: var(--lr-border-width);
          inset-inline-end: var(--lr-border-width);
          display: grid;
          place-items: center;
          width: calc(var(--lr-control-min-height) - 2 * var(--lr-border-width));
          padding: 0;
          border: none;
          border-radius: var(--lr-field-radius, var(--lr-radius-m));
          background: transparent;
          color: var(--lr-color-text-muted);
          cursor: pointer;
        }
        .lr-field__toggle:focus-visible {
          outline-offset: calc(-1 * var(--lr-focus-ring-width));
        }
        .lr-field__toggle-icon {
          width: 1.25rem;
          height: 1.25rem;
          fill: none;
          stroke: currentColor;
          stroke-width: 1.8;
          stroke-linecap: round;
          stroke-linejoin: round;
        }
        /* A step's outcome with its next actions (templates.ts nextStep, the email link's next step). */
        .lr-next__title {
          margin: 0;
          font-size: 1.125rem;
          font-weight: var(--lr-font-weight-strong);
        }
        :is(.lr-resend, .lr-next__actions) {
          display: flex;
          flex-wrap: wrap;
          gap: var(--lr-space-s) var(--lr-space-m);
          align-items: center;
        }
        .lr-resend__wait {
          font-size: var(--lr-font-size-small);
          color: var(--lr-color-text-muted);
        }
        .lr-form__link {
          padding: 0;
          font: inherit;
          color: var(--lr-color-accent);
          background: none;
          border: none;
          text-decoration: underline;
          cursor: pointer;
        }
        & button:disabled {
          cursor: not-allowed;
          opacity: 0.6;
        }
        .lr-notice:focus-visible,
        :is(input, select, button, a):focus-visible {
          outline: var(--lr-focus-ring-width) solid var(--lr-color-focus);
          outline-offset: var(--lr-focus-ring-offset);
        }
        /* Live regions stay rendered (never display:none) so assistive technology keeps watching them. */
        .lr-form__alert {
          color: var(--lr-color-danger);
          font-weight: var(--lr-font-weight-strong);
        }
        .lr-form__status {
          color: var(--lr-color-text-muted);
        }
        :is(.lr-form__alert, .lr-form__status):not(:empty) {
          margin-block-start: var(--lr-space-m);
        }
        /* The message of an action, next to the control that caused it (ActionController.message()). */
        .lr-message {
          flex-basis: 100%;
          margin: 0;
          color: var(--lr-color-text-muted);
        }
        .lr-message[data-tone='error'] {
          color: var(--lr-color-danger);
          font-weight: var(--lr-font-weight-strong);
        }
        .lr-message__retry {
          display: block;
          font-weight: normal;
          color: var(--lr-color-text-muted);
        }
        /* A live region that repeats a message already on screen (data-echo) only announces it: kept in the
           accessibility tree, visually hidden. */
        :is(.lr-form__alert, .lr-form__status)[data-echo],
        .lr-sr-only {
          position: absolute;
          width: 1px;
          height: 1px;
          margin: 0;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
        @media (prefers-reduced-motion: no-preference) {
          .lr-field__input,
          & button {
            transition: border-color 120ms ease, background-color 120ms ease;
          }
        }
      }
    }
  `;
