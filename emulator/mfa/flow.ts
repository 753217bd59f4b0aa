/**
 * Multi-factor state and the login outcome matrix (contract §3, §4.2): which factors a user has, the settings object
 * (A1, and inside L1's `SecondFactorAuthentication`), the pending-second-factor answer, and `completeLogin`, which
 * every first factor (password, MFA login, passwordless) ends in.
 */
import type { Emu, MfaMethod, Req } from '../context.js';
import { fail } from '../errors.js';
import { primaryEmail, signedIn } from '../routes/common.js';
import type { MfaState, User } from '../store.js';
import type { Json } from '../validate.js';
import { issueCode, newOtp } from './codes.js';
import { newTotpSecret, qrDataUrl } from './totp.js';

/** The pending answer's token: a zero GUID, truthy on purpose (clients must branch on SecondFactorAuthentication). */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const NO_DATE = '0001-01-01T00:00:00';

export const methodOn = (emu: Emu, m: MfaMethod): boolean => emu.config.mfaMethods.includes(m);

export function mfaOf(user: User): MfaState {
  return (user.mfa ??= { secret: null, authenticatorVerified: false, lastTotpStep: 0, emailOtp: false, backupCodes: [] });
}

export const authenticatorOn = (emu: Emu, user: User): boolean => !!user.mfa?.authenticatorVerified && methodOn(emu, 'authenticator');
export const emailOtpOn = (emu: Emu, user: User): boolean => !!user.mfa?.emailOtp && methodOn(emu, 'emailotp');

/** A configured second factor the site allows. Backup codes are a fallback, not a factor of their own. */
export const hasFactor = (emu: Emu, user: User): boolean => authenticatorOn(emu, user) || emailOtpOn(emu, user);

/** Whether a login of this user needs a second factor: always when required, in optional mode once one is set up. */
export const mfaApplies = (emu: Emu, user: User): boolean =>
  emu.config.mfa === 'required' || (emu.config.mfa === 'optional' && hasFactor(emu, user));

/**
 * The settings object (§3.1). With `setup`, an unverified authenticator gets its pending secret as `ManualEntryCode`
 * and `QRCode` (the secret stays the same until it is verified or removed).
 */
export async function settingsOf(emu: Emu, user: User, setup: boolean): Promise<Record<string, Json>> {
  const m = mfaOf(user);
  let qr: string | null = null;
  let manual: string | null = null;
  if (setup && methodOn(emu, 'authenticator') && !m.authenticatorVerified) {
    manual = m.secret ??= newTotpSecret();
    qr = await qrDataUrl(manual, primaryEmail(user).Value);
  }
  return {
    QRCode: qr,
    ManualEntryCode: manual,
    IsGoogleAuthenticatorVerified: authenticatorOn(emu, user),
    IsAuthenticatorVerified: authenticatorOn(emu, user),
    IsOTPAuthenticatorVerified: false,
    IsEmailOtpAuthenticatorVerified: emailOtpOn(emu, user),
    IsSecurityQuestionAuthenticatorVerified: false,
    OTPPhoneNo: null,
    OTPStatus: null,
    Email: user.emails.map((e) => e.Value),
    EmailOTPStatus: null,
    SecurityQuestions: null,
  };
}

/** Emails a second-factor code for `scope` (a second-factor token, or `uid:<Uid>` for setup after sign-in). */
export function sendMfaOtp(emu: Emu, scope: string, user: User, email: string): void {
  const otp = newOtp();
  issueCode(emu, 'mfa-otp', scope, user.Uid, email, otp);
  emu.send('mfa-otp', email, 'Your sign-in code', null, null, otp);
}

/**
 * The pending-second-factor answer: a new second-factor token, and the settings. A user with no factor yet gets the
 * first-time setup (QR + manual key); a user whose only factor is the email code and who has one address gets that
 * code sent at once (`EmailOTPStatus`).
 */
export async function challenge(emu: Emu, user: User, lockId: string): Promise<Json> {
  const setup = !hasFactor(emu, user);
  const lifetime = emu.config.mfaTokenLifetimeSeconds;
  const sfat = emu.store.issueOneTime('mfa', user.Uid, lockId, emu.now(), lifetime);
  const settings = await settingsOf(emu, user, setup);
  if (!setup && emailOtpOn(emu, user) && !authenticatorOn(emu, user) && user.emails.length === 1) {
    sendMfaOtp(emu, sfat, user, user.emails[0]!.Value);
    settings.EmailOTPStatus = { Email: user.emails[0]!.Value };
  }
  return {
    Profile: null,
    access_token: ZERO_GUID,
    expires_in: NO_DATE,
    SecondFactorAuthentication: { ...settings, SecondFactorAuthenticationToken: sfat, ExpireIn: new Date(emu.now() + lifetime * 1000).toISOString() },
  };
}

/**
 * Where every first factor ends. `password` (the plain login): 1176 while a second factor applies. `mfa` (L1): the
 * challenge, or in optional mode without a factor an ordinary login with `SecondFactorAuthentication: null`.
 * `passwordless`: the challenge when a second factor applies, else an ordinary login.
 */
export async function completeLogin(emu: Emu, req: Req, user: User, route: 'password' | 'mfa' | 'passwordless', lockId: string): Promise<Json> {
  const applies = mfaApplies(emu, user);
  if (route === 'password' && applies) fail(1176);
  if (applies) return challenge(emu, user, lockId);
  const session = signedIn(emu, req, user);
  return route === 'mfa' ? { ...(session as Record<string, Json>), SecondFactorAuthentication: null } : session;
}
