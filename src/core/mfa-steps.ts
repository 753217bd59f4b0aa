/**
 * Multi-factor calls after the password (MFA contract §4–5): the second step (L2, L3, L4, L5) and the signed-in
 * settings (A1–A8). Second-factor tokens go in the `secondfactorauthenticationtoken` query, access tokens only in
 * `Authorization: Bearer`. Nothing here logs or keeps a code.
 */
import { call, type CallOptions, type LoginResult, type Posted, type Profile } from './request.js';
import type { Config } from './config.js';
import type { MfaSettings } from './mfa.js';

const second = <T>(cfg: Config, method: string, path: string, sfat: string, body: unknown, need: string[], o: CallOptions) =>
  call<T>(cfg, method, `login/2fa/${path}`, { ...o, query: { secondfactorauthenticationtoken: sfat }, body, need });

/** L2: an authenticator code (during first-time setup it also turns the authenticator on). */
export const loginWithAuthenticator = (cfg: Config, sfat: string, code: string, o: CallOptions = {}) =>
  second<LoginResult>(cfg, 'PUT', 'verification/authenticatorcode', sfat, { authenticatorcode: code }, ['access_token', 'Profile'], o);

/** L3: a backup code (each works once). */
export const loginWithBackupCode = (cfg: Config, sfat: string, code: string, o: CallOptions = {}) =>
  second<LoginResult>(cfg, 'PUT', 'verification/backupcode', sfat, { backupcode: code }, ['access_token', 'Profile'], o);

/** L4: emails a sign-in code to one of the account's addresses. */
export const sendLoginCode = (cfg: Config, sfat: string, email: string, o: CallOptions = {}) =>
  second<Posted>(cfg, 'POST', 'otp/email', sfat, { EmailId: email }, ['IsPosted'], o);

/** L5: the emailed code. */
export const loginWithEmailCode = (cfg: Config, sfat: string, email: string, otp: string, o: CallOptions = {}) =>
  second<LoginResult>(cfg, 'PUT', 'verification/otp/email', sfat, { EmailId: email, Otp: otp }, ['access_token', 'Profile'], o);

/** A1: the signed-in user's factors (and a pending authenticator secret to set up). */
export const mfaSettings = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<MfaSettings>(cfg, 'GET', 'account/2fa', { ...o, token, retry: true, need: [] });

/** A2: a code from the app turns the authenticator on. */
export const enableAuthenticator = (cfg: Config, token: string, code: string, o: CallOptions = {}) =>
  call<Profile>(cfg, 'PUT', 'account/2fa/verification/authenticatorcode', { ...o, token, body: { AuthenticatorCode: code }, need: [] });

/** A3: removes the authenticator. */
export const removeAuthenticator = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<{ IsDeleted: boolean }>(cfg, 'DELETE', 'account/2fa/authenticator', { ...o, token, body: { authenticator: true }, need: ['IsDeleted'] });

/** A4 / A5: ten single-use backup codes (`reset` replaces the old ones; without it 1127 once some exist). */
export const backupCodes = (cfg: Config, token: string, reset: boolean, o: CallOptions = {}) =>
  call<{ BackUpCodes: string[] }>(cfg, 'GET', reset ? 'account/2fa/backupcode/reset' : 'account/2fa/backupcode', {
    ...o,
    token,
    need: ['BackUpCodes'],
  }).then((b) => b.BackUpCodes);

/** A6: emails a code to turn the email factor on. */
export const sendSetupCode = (cfg: Config, token: string, email: string, o: CallOptions = {}) =>
  call<Posted>(cfg, 'GET', 'account/2fa/otp/email', { ...o, token, query: { emailid: email }, need: ['IsPosted'] });

/** A7: the emailed code turns the email factor on. */
export const enableEmailCode = (cfg: Config, token: string, email: string, otp: string, o: CallOptions = {}) =>
  call<Profile>(cfg, 'PUT', 'account/2fa/verification/otp/email', { ...o, token, body: { EmailId: email, Otp: otp }, need: [] });

/** A8: turns the email factor off. */
export const removeEmailCode = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<{ IsDeleted: boolean }>(cfg, 'DELETE', 'account/2fa/authenticator/otp/email', { ...o, token, need: ['IsDeleted'] });
