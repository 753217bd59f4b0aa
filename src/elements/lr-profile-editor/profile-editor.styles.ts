import {css} from 'lit';

/** `<lr-profile-editor>`-only rules (the shared form rules come from `styles/form.styles.ts`). */
export const profileEditorStyles = css`
  @layer lr.components {
    :where(lr-profile-editor[hide-when-signed-out][session-state='anonymous']) .lr-profile__signed-out {
      display: none;
    }
    :where(lr-profile-editor) {
      overflow-wrap: anywhere; /* long addresses wrap instead of overflowing */
      :is(.lr-profile, .lr-profile__section) > * {
        min-width: 0;
      }
      .lr-profile {
        display: grid;
        gap: var(--lr-profile-section-gap, calc(2 * var(--lr-space-l)));
      }
      .lr-profile__section {
        display: grid;
        gap: var(--lr-form-gap, var(--lr-space-l));
        margin: 0;
      }
      .lr-profile__heading {
        margin: 0;
        font-size: var(--lr-profile-heading-size, 1.125rem);
        font-weight: var(--lr-font-weight-strong);
      }
      .lr-profile__heading:focus,
      .lr-notice:focus {
        outline: none;
      }
      .lr-profile__identities {
        margin: 0;
        padding-inline-start: var(--lr-space-l);
      }
      /* Deleting: the first button is quiet (outlined), the confirmation filled (the button hierarchy of form.styles). */
      .lr-button--danger {
        border-color: var(--lr-profile-danger-color, var(--lr-color-danger));
        background: var(--lr-profile-danger-color, var(--lr-color-danger));
        color: var(--lr-color-on-accent);
      }
      .lr-button--danger-quiet {
        color: var(--lr-profile-danger-color, var(--lr-color-danger));
      }
    }
  }
`;
