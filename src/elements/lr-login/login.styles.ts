import {css} from 'lit';

/** `<lr-login>`-only rules (the shared form rules come from `styles/form.styles.ts`). */
export const loginStyles = css`
  @layer lr.components {
    :where(lr-login[hide-when-signed-in][session-state='authenticated']) {
      display: none;
    }
    :where(lr-login) {
      .lr-login__forgot {
        justify-self: start;
      }
      .lr-login__who {
        font-weight: var(--lr-font-weight-strong);
        overflow-wrap: anywhere;
      }
      .lr-login__lock {
        display: grid;
        gap: var(--lr-space-m);
      }
      .lr-login__signed-in {
        gap: var(--lr-login-signed-in-gap, var(--lr-space-m));
      }
    }
  }
`;
