/**
 * The second step of an MFA login (L2–L5): the pending second-factor token from L1 (single use, a lifetime, a few
 * wrong codes, each counted against the login's lockout), and accepting an authenticator code once.
 */
import type { Emu, Req } from '../context.js';
import { fail } from '../errors.js';
import { checkSuspended, recordFailure, unlock } from '../lockout.js';
import { signedIn } from '../routes/common.js';
import type { OneTimeToken, User } from '../store.js';
import type { Json } from '../validate.js';
import { MAX_CODE_ATTEMPTS } from './codes.js';
import { mfaOf } from './flow.js';
import { matchTotp } from './totp.js';

export interface Pending { sfat: string; rec: OneTimeToken; user: User }

/** The second-factor token of the query: 1097 MFA off, 908 missing, 1103 unknown or used, 1104 expired; 1198 while suspended. */
export function pendingLogin(emu: Emu, req: Req): Pending {
  if (emu.config.mfa === 'off') fail(1097);
  const sfat = req.q('secondfactorauthenticationtoken');
  if (!sfat) fail(908, 'The secondfactorauthenticationtoken is a required parameter.');
  const rec = sfat.length <= 200 ? emu.store.findOneTime(sfat, 'mfa') : undefined;
  if (!rec || rec.usedAt !== null) fail(1103);
  if (rec.expiresAt <= emu.now()) fail(1104);
  const user = emu.store.get(rec.uid);
  if (!user) fail(1103);
  checkSuspended(emu, user);
  return { sfat, rec, user };
}

/** A wrong code: counted on the token (the last allowed one ends it) and against the login's lockout. */
export function wrongCode(emu: Emu, p: Pending, code: number, description?: string): never {
  if (emu.store.countAttempt(p.rec) >= MAX_CODE_ATTEMPTS) emu.store.useRecord(p.rec, emu.now());
  recordFailure(emu, p.user);
  fail(code, description);
}

/** The second factor passed: the token is used up, the lockout counter cleared, the session issued. */
export function finishPending(emu: Emu, req: Req, p: Pending): Json {
  emu.store.useRecord(p.rec, emu.now());
  unlock(emu, p.user);
  return signedIn(emu, req, p.user);
}

/**
 * Checks an authenticator code against the user's secret (±1 step, the emulator's clock). A code of a step at or
 * before the last accepted one is refused as replayed (RFC 6238 §5.2).
 */
export function acceptTotp(emu: Emu, user: User, code: string): 'ok' | 'wrong' | 'replayed' {
  const m = mfaOf(user);
  const step = m.secret ? matchTotp(m.secret, code.trim(), emu.now()) : null;
  if (step === null) return 'wrong';
  if (step <= m.lastTotpStep) return 'replayed';
  m.lastTotpStep = step;
  return 'ok';
}

export const REPLAYED = 'This authenticator code has already been used; enter the next code from the app.';
