/**
 * Multi-factor sign-in (MFA contract §3–4): the answer types, telling a challenge from a finished sign-in, and the
 * MFA login (L1). The second step and the settings calls are in `mfa-steps.ts` (loaded only with the step).
 */
import { call, loginBody, type CallOptions, type LockProof, type LoginId, type Profile } from './request.js';
import type { Config } from './config.js';

/** The settings object (A1; also inside an MFA login answer). Only the keys the elements read are typed. */
export interface MfaSettings {
  /** The API's PNG data URL (blocked by a strict `img-src`; the elements draw their own QR from `ManualEntryCode`). */
  QRCode?: string | null;
  /** Base32 secret of an authenticator still to be set up; null once one is verified. */
  ManualEntryCode?: string | null;
  IsAuthenticatorVerified?: boolean;
  IsGoogleAuthenticatorVerified?: boolean;
  IsEmailOtpAuthenticatorVerified?: boolean;
  /** The account's addresses (may be masked by the real service). */
  Email?: string[] | null;
  /** Set when the API already sent a code by email. */
  EmailOTPStatus?: { Email: string } | null;
  [key: string]: unknown;
}

/** `SecondFactorAuthentication` of an MFA login answer: the settings plus the second-factor token. */
export interface SecondFactorChallenge extends MfaSettings {
  SecondFactorAuthenticationToken: string;
  /** ISO date. */
  ExpireIn?: string;
}

/**
 * What the MFA login (and any first factor on an MFA site) answers. Branch on `SecondFactorAuthentication`, never on
 * `access_token`: a pending answer carries the zero GUID, which is truthy.
 */
export interface MfaLoginResult {
  access_token: string;
  expires_in?: string;
  refresh_token?: string;
  Profile: Profile | null;
  SecondFactorAuthentication?: SecondFactorChallenge | null;
}

/** The methods of the second step, as the elements name them (and `lr-mfa-required` lists them). */
export type MfaMethod = 'authenticator' | 'emailotp' | 'backupcode';

/** The pending second factor of an answer, or null when the answer is a finished sign-in. */
export const challengeOf = (answer: unknown): SecondFactorChallenge | null => {
  const sfa = (answer as MfaLoginResult | null)?.SecondFactorAuthentication;
  return sfa && typeof sfa === 'object' && typeof sfa.SecondFactorAuthenticationToken === 'string' ? sfa : null;
};

/** Whether the user has an authenticator app on (the legacy key counts too). */
export const authenticatorOn = (s: MfaSettings): boolean => !!(s.IsAuthenticatorVerified || s.IsGoogleAuthenticatorVerified);

/** L1: login by email on an MFA site. Never retried. */
export const mfaLogin = (cfg: Config, id: string | LoginId, password: string, o: CallOptions & { verificationUrl?: string } & LockProof = {}) =>
  call<MfaLoginResult>(cfg, 'POST', 'login/2fa', {
    signal: o.signal,
    query: { verificationurl: o.verificationUrl },
    body: loginBody(id, password, o),
    need: ['access_token'],
  });
