import {css} from 'lit';

/** `<lr-register>`-only rules (the shared form rules come from `styles/form.styles.ts`). */
export const registerStyles = css`
  @layer lr.components {
    :where(lr-register[hide-when-signed-in][session-state='authenticated']) {
      display: none;
    }
    :where(lr-register) .lr-register__names {
      display: grid;
      gap: var(--lr-form-gap, var(--lr-space-l));
      grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--lr-register-name-min-width, 10rem)), 1fr));
    }
  }
`;
