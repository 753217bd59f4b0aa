/**
 * Passwordless sign-in by email (contract §7: P1 send, P2 verify the link, P3 verify the code; the sliding token,
 * §8 T1, is in tokens.ts). Apikey-only endpoints; the access token only ever travels
 * as `Authorization: Bearer`.
 */
import { call, type CallOptions, type LoginResult, type Posted, type Profile } from './request.js';
import { ErrorCodes } from './codes.js';
import type { Config } from './config.js';
import { isApiError } from './errors.js';

/** The second-factor challenge a first factor may answer with (contract §4); opaque to this module. */
export interface SecondFactorChallenge {
  SecondFactorAuthenticationToken: string;
  ExpireIn?: string;
  [field: string]: unknown;
}

/**
 * What P2 and P3 answer: a session (`Profile` + `access_token`), or, with MFA on, `Profile: null` and
 * `SecondFactorAuthentication` (branch on that, never on `access_token`).
 */
export interface FirstFactorResult {
  access_token: string;
  refresh_token?: string;
  expires_in?: string;
  Profile: Profile | null;
  SecondFactorAuthentication?: SecondFactorChallenge | null;
}

/** The `vtype` values a passwordless link may carry (the SDK demos' `oneclicksignin`; contract §7). */
export const PASSWORDLESS_VTYPES = ['oneclicksignin'];

/** P1: emails a sign-in link to `verificationUrl` (and a code when the site's passwordless code is on). */
export const sendPasswordlessLink = (cfg: Config, email: string, o: CallOptions & { verificationUrl?: string } = {}) =>
  call<Posted>(cfg, 'GET', 'login/passwordlesslogin/email', {
    ...o,
    query: { email, verificationurl: o.verificationUrl },
    need: ['IsPosted'],
  });

/** P1 with the privacy of forgot-password: an unknown address resolves like a sent email. */
export const sendPasswordlessQuietly = (cfg: Config, email: string, o: CallOptions & { verificationUrl?: string } = {}) =>
  sendPasswordlessLink(cfg, email, o).then(
    () => undefined,
    (err: unknown) => {
      if (!isApiError(err, ErrorCodes.UserNotExist, ErrorCodes.UserNotFound, ErrorCodes.InvalidCredentials)) throw err;
    },
  );

/** P2: signs in with the link's `vtoken`. 1063 invalid or expired, 1062 used. Never retried (single use). */
export const verifyPasswordlessLink = (cfg: Config, verificationtoken: string, o: CallOptions = {}) =>
  call<FirstFactorResult>(cfg, 'GET', 'login/passwordlesslogin/email/verify', {
    ...o,
    query: { verificationtoken },
    need: ['access_token'],
  });

/** P3: signs in with the emailed code. Never retried (codes have an attempt limit). */
export const verifyPasswordlessCode = (cfg: Config, email: string, otp: string, o: CallOptions = {}) =>
  call<FirstFactorResult>(cfg, 'POST', 'login/passwordlesslogin/email/verifyotp', {
    ...o,
    body: { Email: email, Otp: otp },
    need: ['access_token'],
  });

/** A first-factor answer that is a complete session (not a second-factor challenge). */
export function isSession(r: FirstFactorResult): r is LoginResult & FirstFactorResult {
  return !r.SecondFactorAuthentication && !!r.Profile;
}
