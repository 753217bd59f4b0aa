import {css} from 'lit';

/** `<lr-email-manager>`-only rules (the shared form rules come from `styles/form.styles.ts`). */
export const emailManagerStyles = css`
  @layer lr.components {
    :where(lr-email-manager[hide-when-signed-out][session-state='anonymous']) .lr-emails__signed-out {
      display: none;
    }
    :where(lr-email-manager) {
      overflow-wrap: anywhere; /* long addresses wrap instead of overflowing */
      .lr-emails {
        display: grid;
        gap: var(--lr-form-gap, var(--lr-space-l));
      }
      :is(.lr-emails, .lr-emails__list, .lr-emails__item) > * {
        min-width: 0;
      }
      .lr-emails__heading {
        margin: 0;
        font-size: var(--lr-emails-heading-size, 1.125rem);
        font-weight: var(--lr-font-weight-strong);
      }
      .lr-emails__heading:focus,
      .lr-notice:focus {
        outline: none;
      }
      .lr-emails__list {
        display: grid;
        gap: var(--lr-emails-item-gap, var(--lr-space-m));
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .lr-emails__item {
        display: grid;
        gap: var(--lr-space-s);
        padding: var(--lr-space-m);
        border: var(--lr-border-width) solid var(--lr-emails-item-border-color, var(--lr-color-border));
        border-radius: var(--lr-radius-m);
      }
      .lr-emails__item[aria-busy='true'] {
        opacity: 0.7;
      }
      .lr-emails__address {
        font-weight: var(--lr-font-weight-strong);
      }
      .lr-emails__badges {
        display: flex;
        flex-wrap: wrap;
        gap: var(--lr-space-s);
        font-size: var(--lr-font-size-small);
      }
      .lr-emails__badge {
        padding: 0 var(--lr-space-s);
        border: var(--lr-border-width) solid currentColor;
        border-radius: var(--lr-radius-m);
      }
      .lr-emails__state[data-verified] {
        color: var(--lr-emails-verified-color, var(--lr-color-success));
      }
      .lr-emails__state:not([data-verified]) {
        color: var(--lr-emails-unverified-color, var(--lr-color-text-muted));
      }
      .lr-emails__note {
        display: grid;
        gap: var(--lr-space-s);
        font-size: var(--lr-font-size-small);
      }
      .lr-emails__note:empty {
        display: none;
      }
      .lr-button--danger {
        border-color: var(--lr-color-danger);
        background: var(--lr-color-danger);
        color: var(--lr-color-on-accent);
      }
      .lr-button--danger-quiet {
        color: var(--lr-color-danger);
      }
      .lr-emails__cooldown {
        font-size: var(--lr-font-size-small);
        color: var(--lr-color-text-muted);
      }
    }
  }
`;
