import {css} from 'lit';

/** The second step and the authenticator setup (adopted when the step's module loads; light DOM, `@layer lr`). */
export const setupStyles = css`
  @layer lr.components {
    :where(.lr-setup) {
      display: grid;
      gap: var(--lr-space-s);
      justify-items: start;
    }
    :where(.lr-setup__qr) {
      padding: var(--lr-space-s);
      background: #ffffff;
      border-radius: var(--lr-radius-m);
      line-height: 0;
    }
    :where(.lr-qr) {
      width: var(--lr-qr-size, 12rem);
      height: var(--lr-qr-size, 12rem);
    }
    :where(.lr-qr__light) {
      fill: #ffffff;
    }
    :where(.lr-qr__dark) {
      fill: #000000;
    }
    :where(.lr-setup__key-label, .lr-setup__key) {
      margin: 0;
    }
    :where(.lr-setup__key code) {
      font-size: 1.1em;
      letter-spacing: 0.06em;
      word-spacing: 0.3em;
      overflow-wrap: anywhere;
    }
    :where(.lr-mfa__others) {
      display: flex;
      flex-wrap: wrap;
      gap: var(--lr-space-s) var(--lr-space-l);
    }
    :where(.lr-mfa__cooldown) {
      color: var(--lr-color-text-muted);
    }
  }
`;
