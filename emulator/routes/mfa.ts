/**
 * Multi-factor authentication (contract §4–6): MFA login (L1) and its second step (L2, L2b, L3, L4, L5), the
 * signed-in settings (A1–A8) and the Account API resets (M1–M5). Authenticator (TOTP), email code and backup codes.
 */
import type { Emu, Req, RouteDef } from '../context.js';
import { fail } from '../errors.js';
import { newBackupCodes, takeBackupCode, takeCode } from '../mfa/codes.js';
import { completeLogin, emailOtpOn, hasFactor, methodOn, mfaOf, sendMfaOtp, settingsOf } from '../mfa/flow.js';
import { REPLAYED, acceptTotp, finishPending, pendingLogin, wrongCode } from '../mfa/pending.js';
import type { User } from '../store.js';
import { emailFrom, emailFromQuery, normEmail, type Json } from '../validate.js';
import { checkSuspended, recordFailure } from '../lockout.js';
import { verifyLogin } from './auth.js';
import { primaryEmail, profileOf, touch } from './common.js';

const A = '/identity/v2/auth';
const M = '/identity/v2/manage/account';

export function mfaRoutes(emu: Emu): RouteDef[] {
  const { store } = emu;
  const mfaOn = () => { if (emu.config.mfa === 'off') fail(1097); };

  /** The address of `EmailId` (body) or `emailId` (query) among the user's own: 1340 otherwise. */
  function ownEmail(user: User, email: string): string {
    const entry = user.emails.find((e) => normEmail(e.Value) === normEmail(email));
    if (!entry) fail(1340);
    return entry.Value;
  }

  const codeFrom = (req: Req, key: string, missing: number): string => req.body.str(key, key, { max: 64 }) ?? fail(missing);

  // ------------------------------------------------------------------------------------------ L1
  /** Login by `email`, `username` or `phone` with `password`; the lockout key names the identifier used. */
  async function mfaLogin(req: Req): Promise<Json> {
    mfaOn();
    let id: string, user: User | undefined, email: string | undefined;
    if (req.body.has('email') || (!req.body.has('username') && !req.body.has('phone'))) {
      email = emailFrom(req.body, 'email');
      [id, user] = [normEmail(email), store.userByEmail(email)];
    } else if (req.body.has('username')) {
      const name = req.body.str('username', 'username', { required: true, max: 64 })!;
      [id, user] = [`username:${name.toLowerCase()}`, store.userByUserName(name)];
    } else {
      const phone = req.body.str('phone', 'phone', { required: true, max: 20 })!;
      if (!/^\+?[0-9]{5,15}$/.test(phone)) fail(1096);
      [id, user] = [`phone:${phone}`, store.userByPhone(phone)];
    }
    return completeLogin(emu, req, await verifyLogin(emu, req, user, email), 'mfa', id);
  }

  // ------------------------------------------------------------------------------------- L2..L5
  /** L2 / L2b: the app's code; during first-time setup the pending secret from L1, which it then verifies. */
  function authenticatorLogin(key: string) {
    return (req: Req): Json => {
      const p = pendingLogin(emu, req);
      if (!methodOn(emu, 'authenticator')) fail(1279);
      const code = codeFrom(req, key, 1105);
      const m = mfaOf(p.user);
      if (!m.secret || (!m.authenticatorVerified && hasFactor(emu, p.user))) fail(1099);
      const result = acceptTotp(emu, p.user, code);
      if (result === 'replayed') fail(1102, REPLAYED);
      if (result === 'wrong') wrongCode(emu, p, 1102);
      m.authenticatorVerified = true;
      return { ...(finishPending(emu, req, p) as Record<string, Json>), SecondFactorAuthentication: null };
    };
  }

  function backupCodeLogin(req: Req): Json {
    const p = pendingLogin(emu, req);
    const code = codeFrom(req, 'backupcode', 1192);
    const m = mfaOf(p.user);
    if (!methodOn(emu, 'backupcode') || !m.backupCodes.length) fail(1128);
    if (!takeBackupCode(p.user.Uid, m.backupCodes, code)) wrongCode(emu, p, 1129);
    return finishPending(emu, req, p);
  }

  /** The email code is the user's factor, or the factor being set up (no factor yet): 1256 otherwise. */
  function emailFactor(user: User): void {
    if (!methodOn(emu, 'emailotp') || (!emailOtpOn(emu, user) && hasFactor(emu, user))) fail(1256);
  }

  function sendLoginOtp(req: Req): Json {
    const p = pendingLogin(emu, req);
    emailFactor(p.user);
    sendMfaOtp(emu, p.sfat, p.user, ownEmail(p.user, emailFrom(req.body, 'emailid')));
    return { IsPosted: true };
  }

  function otpLogin(req: Req): Json {
    const p = pendingLogin(emu, req);
    emailFactor(p.user);
    const email = ownEmail(p.user, emailFrom(req.body, 'emailid'));
    if (!takeCode(emu, 'mfa-otp', p.sfat, codeFrom(req, 'otp', 1105), email)) wrongCode(emu, p, 1067);
    mfaOf(p.user).emailOtp = true;
    return finishPending(emu, req, p);
  }

  // ------------------------------------------------------------------------------------- A1..A8
  async function readSettings(req: Req): Promise<Json> {
    const user = req.user();
    mfaOn();
    return settingsOf(emu, user, true);
  }

  /** A2 (and the legacy GoogleAuthenticatorCode path): a code from the pending secret (after A1) turns it on. */
  function verifyAuthenticator(key: string) {
    return (req: Req): Json => {
      const user = req.user();
      mfaOn();
      if (!methodOn(emu, 'authenticator')) fail(1279);
      const code = codeFrom(req, key, 1105);
      const m = mfaOf(user);
      if (!m.secret) fail(1099);
      checkSuspended(emu, user);
      const result = acceptTotp(emu, user, code);
      if (result === 'replayed') fail(1102, REPLAYED);
      if (result === 'wrong') {
        recordFailure(emu, user);
        fail(1102);
      }
      m.authenticatorVerified = true;
      touch(emu, user);
      return profileOf(req, user);
    };
  }

  /** Removes a factor. Under required MFA a user may not remove their last one (the Account API may). */
  function removeFactor(user: User, factor: 'authenticator' | 'emailotp', admin: boolean): Json {
    const m = mfaOf(user);
    if (factor === 'authenticator' ? !m.authenticatorVerified : !m.emailOtp) fail(factor === 'authenticator' ? 1099 : 1256);
    const others = factor === 'authenticator' ? m.emailOtp : m.authenticatorVerified;
    if (!admin && emu.config.mfa === 'required' && !others) {
      fail(1121, 'The last second factor cannot be removed while two factor authentication is required.');
    }
    if (factor === 'authenticator') Object.assign(m, { secret: null, authenticatorVerified: false, lastTotpStep: 0 });
    else m.emailOtp = false;
    // Backup codes stand in for a factor: with none left they go too.
    if (!m.authenticatorVerified && !m.emailOtp) m.backupCodes = [];
    touch(emu, user);
    return { IsDeleted: true };
  }

  /** `{authenticator: true}` (or the legacy `googleauthenticator`); `otpauthenticator` is SMS, not emulated. */
  function authenticatorBody(req: Req): void {
    if (req.body.raw('otpauthenticator') === true) fail(1100);
    if (req.body.raw('authenticator') !== true && req.body.raw('googleauthenticator') !== true) fail(1121);
  }

  function removeAuthenticator(req: Req): Json {
    const user = req.user();
    mfaOn();
    authenticatorBody(req);
    return removeFactor(user, 'authenticator', false);
  }

  /** A4 / A5 / M2 / M3: ten single-use codes, shown once; asking again without `reset` is 1127. */
  function backupCodes(user: User, reset: boolean): Json {
    const m = mfaOf(user);
    if (!methodOn(emu, 'backupcode')) fail(1128);
    if (!m.authenticatorVerified && !m.emailOtp) fail(1101);
    if (!reset && m.backupCodes.length) fail(1127);
    const { codes, hashes } = newBackupCodes(user.Uid);
    m.backupCodes = hashes;
    touch(emu, user);
    return { BackUpCodes: codes };
  }

  const settingsCall = (handler: (user: User, req: Req) => Json) => (req: Req): Json => {
    const user = req.user();
    mfaOn();
    return handler(user, req);
  };

  function sendSetupOtp(user: User, req: Req): Json {
    if (!methodOn(emu, 'emailotp')) fail(1256);
    sendMfaOtp(emu, `uid:${user.Uid}`, user, ownEmail(user, emailFromQuery(req.q('emailid'), 'emailId')));
    return { IsPosted: true };
  }

  function verifySetupOtp(user: User, req: Req): Json {
    if (!methodOn(emu, 'emailotp')) fail(1256);
    const email = ownEmail(user, emailFrom(req.body, 'emailid'));
    if (!takeCode(emu, 'mfa-otp', `uid:${user.Uid}`, codeFrom(req, 'otp', 1105), email)) fail(1067);
    mfaOf(user).emailOtp = true;
    touch(emu, user);
    return profileOf(req, user);
  }

  // ------------------------------------------------------------------------------------- M1..M5
  const byUid = (req: Req): User => {
    const uid = req.q('uid');
    if (!uid) fail(908, 'The uid is a required parameter.');
    return store.get(uid.length <= 64 ? uid : undefined) ?? fail(938);
  };
  const manage = (handler: (user: User, req: Req) => Json) => (req: Req): Json => handler(byUid(req), req);

  const route = (method: RouteDef['method'], path: string, handler: RouteDef['handler'], group?: string): RouteDef =>
    ({ method, path, kind: path.startsWith(M) ? 'manage' : 'auth', handler, ...(group ? { group } : {}) });
  const V = `${A}/login/2fa/verification`;
  return [
    route('POST', `${A}/login/2fa`, mfaLogin, 'login'),
    route('PUT', `${V}/authenticatorcode`, authenticatorLogin('authenticatorcode'), 'login'),
    route('PUT', `${V}/googleauthenticatorcode`, authenticatorLogin('googleauthenticatorcode'), 'login'),
    route('PUT', `${V}/backupcode`, backupCodeLogin, 'login'),
    route('POST', `${A}/login/2fa/otp/email`, sendLoginOtp, 'forgot'),
    route('PUT', `${V}/otp/email`, otpLogin, 'login'),
    route('GET', `${A}/account/2fa`, readSettings),
    route('PUT', `${A}/account/2fa/verification/authenticatorcode`, verifyAuthenticator('authenticatorcode')),
    route('PUT', `${A}/account/2fa/verification/googleauthenticatorcode`, verifyAuthenticator('googleauthenticatorcode')),
    route('DELETE', `${A}/account/2fa/authenticator`, removeAuthenticator),
    route('GET', `${A}/account/2fa/backupcode`, settingsCall((u) => backupCodes(u, false))),
    route('GET', `${A}/account/2fa/backupcode/reset`, settingsCall((u) => backupCodes(u, true))),
    route('GET', `${A}/account/2fa/otp/email`, settingsCall(sendSetupOtp), 'forgot'),
    route('PUT', `${A}/account/2fa/verification/otp/email`, settingsCall(verifySetupOtp)),
    route('DELETE', `${A}/account/2fa/authenticator/otp/email`, settingsCall((u) => removeFactor(u, 'emailotp', false))),
    route('DELETE', `${M}/2fa/authenticator`, manage((u, req) => { authenticatorBody(req); return removeFactor(u, 'authenticator', true); })),
    route('GET', `${M}/2fa/backupcode`, manage((u) => backupCodes(u, false))),
    route('GET', `${M}/2fa/backupcode/reset`, manage((u) => backupCodes(u, true))),
    route('DELETE', `${M}/2fa/authenticator/otp/email`, manage((u) => removeFactor(u, 'emailotp', true))),
    route('DELETE', `${M}/2fa/authenticator/securityquestionanswer`, manage(() => fail(1257))),
  ];
}


