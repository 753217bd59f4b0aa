import {css} from 'lit';

/** `<lr-mfa-settings>`-only rules (the setup's QR code and key: `internal/steps/second-factor/setup.styles.ts`). */
export const mfaSettingsStyles = css`
  @layer lr.components {
    :where(lr-mfa-settings[hide-when-signed-out][session-state='anonymous']) .lr-mfa-settings__signed-out {
      display: none;
    }
    :where(lr-mfa-settings) {
      .lr-mfa-settings {
        display: grid;
        gap: var(--lr-form-gap, var(--lr-space-l));
      }
      .lr-mfa-settings__factor {
        display: grid;
        gap: var(--lr-space-s);
        padding: var(--lr-space-m);
        border: var(--lr-border-width) solid var(--lr-color-border);
        border-radius: var(--lr-radius-m);
      }
      .lr-mfa-settings__name {
        margin: 0;
        display: flex;
        justify-content: space-between;
        gap: var(--lr-space-m);
        font-weight: var(--lr-font-weight-strong);
      }
      .lr-mfa-settings__state {
        font-weight: normal;
        color: var(--lr-color-text-muted);
      }
      [data-on] .lr-mfa-settings__state {
        color: var(--lr-color-success);
        font-weight: var(--lr-font-weight-strong);
      }
      .lr-mfa-settings__codes-title {
        font-weight: var(--lr-font-weight-strong);
      }
      .lr-mfa-settings__code-list {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--lr-space-s) var(--lr-space-l);
        margin: 0;
        padding: var(--lr-space-m);
        list-style: none;
        border: var(--lr-border-width) dashed var(--lr-color-border);
        border-radius: var(--lr-radius-m);
        font-size: 1.05em;
      }
    }
  }
`;
