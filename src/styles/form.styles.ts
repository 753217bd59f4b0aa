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
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) [hidden] {
        display: none !important;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--lr-form-gap, var(--lr-space-l));
        margin: 0;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form__intro,
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-notice {
        margin: 0;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-notice:focus {
        outline: none;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-notice:focus-visible {
        outline: var(--lr-focus-ring-width) solid var(--lr-color-focus);
        outline-offset: var(--lr-focus-ring-offset);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-panel {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--lr-form-gap, var(--lr-space-l));
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--lr-space-xs);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__label {
        font-weight: var(--lr-font-weight-strong);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__optional {
        font-weight: normal;
        color: var(--lr-color-text-muted);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__control {
        display: flex;
        gap: var(--lr-space-s);
        align-items: stretch;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__input {
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
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__input[aria-invalid='true'] {
        border-color: var(--lr-field-border-color-invalid, var(--lr-color-danger));
        border-width: 2px;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__hint {
        margin: 0;
        font-size: var(--lr-font-size-small);
        color: var(--lr-color-text-muted);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__error {
        margin: 0;
        font-size: var(--lr-font-size-small);
        color: var(--lr-color-danger);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form__actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--lr-space-m);
        align-items: center;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-button,
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form__submit,
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__toggle {
        min-height: var(--lr-control-min-height);
        padding: var(--lr-space-s) var(--lr-space-l);
        font: inherit;
        font-weight: var(--lr-font-weight-strong);
        cursor: pointer;
        border-radius: var(--lr-button-radius, var(--lr-radius-m));
        border: var(--lr-border-width) solid var(--lr-button-background, var(--lr-color-accent));
        background: transparent;
        color: var(--lr-color-accent);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form__submit {
        background: var(--lr-button-background, var(--lr-color-accent));
        color: var(--lr-button-color, var(--lr-color-on-accent));
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__toggle {
        flex: 0 0 auto;
        padding-inline: var(--lr-space-m);
        font-weight: normal;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__toggle[aria-pressed='true'] {
        background: var(--lr-color-accent);
        color: var(--lr-color-on-accent);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form__link {
        padding: 0;
        min-height: auto;
        font: inherit;
        color: var(--lr-color-accent);
        background: none;
        border: none;
        text-decoration: underline;
        cursor: pointer;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) button:disabled {
        cursor: not-allowed;
        opacity: 0.6;
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) :is(input, button):focus-visible {
        outline: var(--lr-focus-ring-width) solid var(--lr-color-focus);
        outline-offset: var(--lr-focus-ring-offset);
      }
      /* Live regions stay rendered (never display:none) so assistive technology keeps watching them. */
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form__alert {
        color: var(--lr-color-danger);
        font-weight: var(--lr-font-weight-strong);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-form__status {
        color: var(--lr-color-text-muted);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) :is(.lr-form__alert, .lr-form__status):not(:empty) {
        margin-block-start: var(--lr-space-m);
      }
      /* The message of an action, next to the control that caused it (ActionController.message()). */
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-message {
        flex-basis: 100%;
        margin: 0;
        color: var(--lr-color-text-muted);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-message[data-tone='error'] {
        color: var(--lr-color-danger);
        font-weight: var(--lr-font-weight-strong);
      }
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-message__retry {
        display: block;
        font-weight: normal;
        color: var(--lr-color-text-muted);
      }
      /* A live region that repeats a message already on screen (data-echo) only announces it: kept in the
         accessibility tree, visually hidden. */
      :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) :is(.lr-form__alert, .lr-form__status)[data-echo] {
        position: absolute;
        width: 1px;
        height: 1px;
        margin: 0;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      @media (prefers-reduced-motion: no-preference) {
        :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) .lr-field__input,
        :where(lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link, lr-mfa-settings) button {
          transition: border-color 120ms ease, background-color 120ms ease;
        }
      }
    }
  `;
