/**
 * LoginRadius's Auth Security "Brute Force Lockout" on login: after `lockout.threshold` consecutive failed logins on
 * one account the account is locked with the configured type, each answered with LoginRadius's 403:
 * - `suspend`: 1198 with `Data.LoginLockedTimeout` (ISO date) until `suspendSeconds` have passed;
 * - `captcha`: 1132 until a login carries a valid `g-recaptcha-response` (body or query; a wrong one is 982);
 * - `securityquestion`: 1148 until a login carries a correct `securityanswer: {QuestionId: answer}` (wrong: 1094);
 * - `block`: the account is blocked (`IsActive: false`, 991) until the Account API sets `IsActive: true`.
 * The counter is per account (unknown identifiers are never locked, as live) and resets on a successful login;
 * attempts during a suspend do not extend it. The Account API's `IsLoginLocked: false` lifts any lock.
 */
import type { Emu, LockoutType, Req } from './context.js';
import { safeEqual } from './crypto.js';
import { LrHttpError, fail } from './errors.js';
import type { User } from './store.js';

/** The profile's `LoginLockedType` for a lock. */
export const LOCK_TYPE_NAMES: Record<LockoutType, string> = { suspend: 'Suspend', captcha: 'Captcha', securityquestion: 'SecurityQuestion', block: 'Block' };

export const isLocked = (u: User): boolean => u.IsLoginLocked || !!u.lock;

/** Lifts every lock and the failure counter (Account API `IsLoginLocked: false`, a successful login). */
export function unlock(emu: Emu, user: User): void {
  user.IsLoginLocked = false;
  user.lock = null;
  emu.lockouts.delete(user.Uid);
}

/** Before the password check: answers the lock's error unless this request carries what lifts it. */
export async function passLock(emu: Emu, req: Req, user: User): Promise<void> {
  const lock = user.lock;
  if (lock?.type === 'suspend' && lock.until !== null && lock.until <= emu.now()) user.lock = null;
  else if (lock?.type === 'suspend') {
    throw new LrHttpError(1198, undefined, undefined, undefined, {}, { LoginLockedTimeout: new Date(lock.until ?? emu.now()).toISOString() });
  } else if (lock?.type === 'captcha') {
    const token = req.body.raw('g-recaptcha-response') ?? req.q('g-recaptcha-response');
    if (token === undefined || token === null || token === '') fail(1132);
    if (typeof token !== 'string' || !(await emu.verifyCaptcha(token))) fail(982);
  } else if (lock?.type === 'securityquestion') {
    const given = req.body.raw('securityanswer');
    if (!given || typeof given !== 'object' || Array.isArray(given) || !Object.keys(given).length) fail(1148);
    if (!answersMatch(user, given as Record<string, unknown>)) fail(1094);
  }
  // Locked by the site's backend: a suspend without an end.
  if (user.IsLoginLocked) fail(1198);
}

/** Steps after the password (second factor, MFA settings codes): refused while a suspend or an admin lock holds. */
export function checkSuspended(emu: Emu, user: User): void {
  const lock = user.lock;
  if (lock?.type === 'suspend' && (lock.until === null || lock.until > emu.now())) {
    throw new LrHttpError(1198, undefined, undefined, undefined, {}, { LoginLockedTimeout: new Date(lock.until ?? emu.now()).toISOString() });
  }
  if (user.IsLoginLocked) fail(1198);
}

/** A failed login on an existing account: counts, and locks at the threshold. */
export function recordFailure(emu: Emu, user: User): void {
  const { threshold, type, suspendSeconds } = emu.config.lockout;
  if (!threshold || user.lock) return;
  const fails = (emu.lockouts.get(user.Uid)?.fails ?? 0) + 1;
  if (fails < threshold) return void emu.lockouts.set(user.Uid, { fails, lastFailAt: emu.now() });
  emu.lockouts.delete(user.Uid);
  if (type === 'block') user.IsActive = false;
  else user.lock = { type, until: type === 'suspend' ? emu.now() + suspendSeconds * 1000 : null };
}

/** Every given answer must match the stored one (case-insensitive, NFC), and at least one must be given. */
export function answersMatch(user: User, given: Record<string, unknown>): boolean {
  const entries = Object.entries(given);
  return entries.length > 0 && entries.every(([qid, a]) => {
    const stored = Object.hasOwn(user.securityAnswers, qid) ? user.securityAnswers[qid] : undefined;
    return typeof a === 'string' && stored !== undefined && safeEqual(a.normalize('NFC').toLowerCase(), stored);
  });
}
