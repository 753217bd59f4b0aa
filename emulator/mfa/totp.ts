/**
 * The authenticator factor: RFC 6238 TOTP (30 s, 6 digits, SHA-1, ±1 step) with the `otpauth` library, the secret
 * from node:crypto, and the setup QR code as a PNG data URL made by `qrcode`.
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** What authenticator apps assume when the key URI names no parameters (contract §10). */
export const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export const TOTP_ISSUER = 'lr-elements emulator';

/** A new 160-bit secret (RFC 4226 §4), base32 as `ManualEntryCode`. */
export function newTotpSecret(): string {
  return new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer }).base32;
}

const totp = (secret: string, label = 'user') =>
  new TOTP({ ...TOTP_PARAMS, issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secret) });

/** The `otpauth://totp/...` key URI an app scans. */
export const keyUri = (secret: string, label: string): string => totp(secret, label).toString();

/** The setup QR code of the key URI as a `data:image/png;base64,...` URL. */
export const qrDataUrl = (secret: string, label: string): Promise<string> =>
  QRCode.toDataURL(keyUri(secret, label), { errorCorrectionLevel: 'M', margin: 2, width: 200 });

/**
 * Checks a code against the secret at `now` (the emulator's clock, offset included) within ±1 step, comparing in
 * constant time (otpauth uses `timingSafeEqual`). Returns the matched time step, or null.
 */
export function matchTotp(secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : TOTP.counter({ period: TOTP_PARAMS.period, timestamp: now }) + delta;
}
