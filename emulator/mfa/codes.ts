/**
 * Emailed one-time codes (second-factor email OTP, passwordless code) and backup codes. Only SHA-256 hashes are
 * stored; codes are compared in constant time, are single use, expire, and allow a few wrong tries.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Emu } from '../context.js';
import { safeEqual, sha256 } from '../crypto.js';
import { fail } from '../errors.js';
import type { OneTimeKind, OneTimeToken } from '../store.js';
import { normEmail } from '../validate.js';

/** Wrong codes one code (or one second-factor token) allows; the last one ends it. */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes one scope may be sent while its latest code lives; then 1178 / 1179 until it expires. */
export const MAX_CODE_SENDS = 5;
export const BACKUP_CODE_COUNT = 10;

/** Six random digits from node:crypto. */
export const newOtp = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

type CodeKind = Extract<OneTimeKind, 'mfa-otp' | 'passwordless-otp'>;

/**
 * Issues a code (or, with `code` null, only counts a send) for a scope, replacing the scope's previous code.
 * Past {@link MAX_CODE_SENDS} while the previous code lives: `limitCode` (1179 for codes, 1178 for links).
 */
export function issueCode(emu: Emu, kind: CodeKind, scope: string, uid: string, email: string, code: string | null, limitCode = 1179): void {
  const prev = emu.store.findCode(kind, scope);
  if (prev && prev.expiresAt > emu.now() && (prev.sends ?? 0) >= MAX_CODE_SENDS) fail(limitCode);
  emu.store.issueCode(kind, scope, uid, email, code, emu.now(), emu.config.otpLifetimeSeconds);
}

/**
 * Takes the scope's code: 1070 none (or tried too often), 1068 used, 1069 expired. A right code sent to `email` is
 * used up and its record returned; a wrong one is counted (the {@link MAX_CODE_ATTEMPTS}th ends the code) and
 * null is returned, so the caller answers 1067 and counts the failure where it belongs.
 */
export function takeCode(emu: Emu, kind: CodeKind, scope: string, code: string, email: string): OneTimeToken | null {
  const rec = emu.store.findCode(kind, scope);
  if (!rec || !rec.codeHash || (rec.attempts ?? 0) >= MAX_CODE_ATTEMPTS) fail(1070);
  if (rec.usedAt !== null) fail(1068);
  if (rec.expiresAt <= emu.now()) fail(1069);
  const right = safeEqual(sha256(`${scope}|${code.trim()}`), rec.codeHash);
  if (!right || normEmail(rec.email) !== normEmail(email)) {
    emu.store.countAttempt(rec);
    return null;
  }
  emu.store.useRecord(rec, emu.now());
  return rec;
}

// ------------------------------------------------------------------------------------------ backup codes
const backupHash = (uid: string, code: string) => sha256(`${uid}|${code.trim().toLowerCase()}`);

/** Ten new codes like `02ea0-de2bd` (40 random bits each): the plain codes to show once, and their hashes to keep. */
export function newBackupCodes(uid: string): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => randomBytes(5).toString('hex').replace(/^(.{5})/, '$1-'));
  return { codes, hashes: codes.map((c) => backupHash(uid, c)) };
}

/** Removes and returns true for a matching unused code; every stored hash is compared (constant time). */
export function takeBackupCode(uid: string, hashes: string[], code: string): boolean {
  const h = backupHash(uid, code);
  let found = -1;
  hashes.forEach((stored, i) => { if (safeEqual(stored, h)) found = i; });
  if (found < 0) return false;
  hashes.splice(found, 1);
  return true;
}
