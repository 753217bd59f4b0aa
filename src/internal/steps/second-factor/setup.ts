import {html, type TemplateResult} from 'lit';
import {qrSvg} from './qr.js';

export {setupStyles} from './setup.styles.js';

/** The `otpauth://` key URI an authenticator app reads (RFC 6238 defaults: SHA-1, 6 digits, 30 s). */
export function keyUri(key: string, account: string, issuer: string): string {
  const label = encodeURIComponent(issuer) + ':' + encodeURIComponent(account);
  return `otpauth://totp/${label}?secret=${encodeURIComponent(key)}&issuer=${encodeURIComponent(issuer)}`;
}

/** The key in groups of four, as apps show it (easier to read and type). */
export const groupKey = (key: string): string => key.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

export interface SetupOptions {
  /** Base32 secret (`ManualEntryCode`). */
  key: string;
  account: string;
  issuer: string;
  texts: {qr: string; key: string; copy: string; open: string};
  onCopy: (key: string) => void;
}

/**
 * First-time authenticator setup: the QR code (SVG, drawn here), the key grouped for reading with a copy button,
 * and a button that opens the key URI in an app on this device. The key is text only, never an attribute.
 */
export function authenticatorSetup(o: SetupOptions): TemplateResult {
  const uri = keyUri(o.key, o.account, o.issuer);
  return html`<div class="lr-setup">
    <div class="lr-setup__qr">${qrSvg(uri, o.texts.qr)}</div>
    <p class="lr-setup__key-label">${o.texts.key}</p>
    <p class="lr-setup__key"><code translate="no">${groupKey(o.key)}</code></p>
    <div class="lr-form__actions">
      <button type="button" class="lr-button lr-setup__copy" @click=${() => o.onCopy(o.key)}>${o.texts.copy}</button>
      <button type="button" class="lr-form__link lr-setup__open" @click=${() => window.location.assign(uri)}>${o.texts.open}</button>
    </div>
  </div>`;
}
