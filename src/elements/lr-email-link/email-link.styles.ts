import {css} from 'lit';

/** `<lr-email-link>`-only rules (the shared form rules come from `styles/form.styles.ts`). */
export const emailLinkStyles = css`
  @layer lr.components {
    :where(lr-email-link) {
      overflow-wrap: anywhere;
      .lr-link > * {
        min-width: 0;
      }
      .lr-link {
        display: grid;
        gap: var(--lr-form-gap, var(--lr-space-l));
      }
      .lr-button--primary {
        border-color: var(--lr-button-background, var(--lr-color-accent));
        background: var(--lr-button-background, var(--lr-color-accent));
        color: var(--lr-button-color, var(--lr-color-on-accent));
      }
      .lr-button--danger {
        border-color: var(--lr-link-danger-color, var(--lr-color-danger));
        background: var(--lr-link-danger-color, var(--lr-color-danger));
        color: var(--lr-color-on-accent);
      }
      /* Links drawn as buttons (the next step): nearly every page has an unlayered "a { color }" rule, which beats any
         rule in this layer and made the text the colour of the button. Important here (layered important beats
         unlayered); hosts restyle through --lr-button-color and --lr-color-accent. */
      & a.lr-button {
        color: var(--lr-color-accent) !important;
      }
      & a.lr-button--primary {
        color: var(--lr-button-color, var(--lr-color-on-accent)) !important;
      }
    }
    :where(lr-email-link[view='failed']) .lr-link__message {
      color: var(--lr-color-danger);
    }
  }
`;
