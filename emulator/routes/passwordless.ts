/**
 * Passwordless login by email (contract §7: P1 send, P2 verify the link, P3 verify the code) and the sliding token
 * (§8, T1). Links and codes are single use and short-lived; codes allow a few wrong tries; sends are limited.
 */
import type { Emu, Req, RouteDef } from '../context.js';
import { fail, invalid } from '../errors.js';
import { issueCode, newOtp, takeCode } from '../mfa/codes.js';
import { completeLogin } from '../mfa/flow.js';
import type { User } from '../store.js';
import { emailFrom, emailFromQuery, normEmail, type Json } from '../validate.js';
import { buildLink, takeOneTime, touch } from './common.js';

const A = '/identity/v2/auth';
/** The link's `vtype`: the official SDK demos route `oneclicksignin` to P2 (contract §7; clients accept both). */
export const PASSWORDLESS_VTYPE = 'oneclicksignin';

export function passwordlessRoutes(emu: Emu): RouteDef[] {
  const { store } = emu;
  const enabled = () => { if (!emu.config.passwordlessLogin) fail(1059); };

  /** P1: a link (the caller's `verificationurl` + vtype + vtoken) and, with codes on, a code; unknown address 938. */
  function sendLink(req: Req): Json {
    enabled();
    const email = emailFromQuery(req.q('email'));
    const base = req.q('verificationurl');
    buildLink(emu, base, 'verificationurl', PASSWORDLESS_VTYPE, 'x'); // a bad URL is refused before anything is sent
    const user = store.userByEmail(email);
    if (!user) fail(938);
    if (!user.IsActive) fail(991);
    const address = user.emails.find((e) => normEmail(e.Value) === normEmail(email))!.Value;
    const otp = emu.config.passwordlessOtp ? newOtp() : null;
    // One record per address counts the sends and holds the newest code (a new request replaces the old code).
    issueCode(emu, 'passwordless-otp', normEmail(address), user.Uid, address, otp, otp ? 1179 : 1178);
    const token = store.issueOneTime('passwordless', user.Uid, address, emu.now(), emu.config.passwordlessTokenLifetimeSeconds);
    const link = buildLink(emu, base, 'verificationurl', PASSWORDLESS_VTYPE, token);
    emu.send('passwordless', address, 'Your sign-in link', link, token, otp ?? undefined);
    return { IsPosted: true };
  }

  /** Signs in after a link or code: it proves the mailbox (the address counts as verified) and uses up the others. */
  function signIn(req: Req, user: User, email: string): Promise<Json> {
    if (!user.IsActive) fail(991);
    if (user.IsLoginLocked) fail(1198);
    const entry = user.emails.find((e) => normEmail(e.Value) === normEmail(email));
    if (entry) entry.Verified = true;
    store.consumeAll('passwordless', user.Uid, emu.now());
    const code = store.findCode('passwordless-otp', normEmail(email));
    if (code && code.usedAt === null) store.useRecord(code, emu.now());
    touch(emu, user);
    return completeLogin(emu, req, user, 'passwordless', normEmail(email));
  }

  /** P2: `verificationtoken` → token + Profile (or the second-factor challenge); 1063 unknown / expired, 1062 used. */
  function verifyLink(req: Req): Promise<Json> {
    enabled();
    const { user, email } = takeOneTime(emu, req.q('verificationtoken'), 'passwordless');
    return signIn(req, user, email);
  }

  /** P3: `{Email, Otp}` → token + Profile; 1067 wrong, 1068 used, 1069 expired, 1070 none or tried too often. */
  function verifyCode(req: Req): Promise<Json> {
    enabled();
    const email = emailFrom(req.body, 'email');
    const otp = req.body.str('otp', 'Otp', { max: 64 }) ?? invalid(['Otp', 'The Otp field is required.']);
    const user = store.userByEmail(email);
    if (!user) fail(938);
    if (!takeCode(emu, 'passwordless-otp', normEmail(email), otp, email)) fail(1067);
    return signIn(req, user, email);
  }

  /** T1: the same token, its expiry moved to a full lifetime from now (never earlier); 905 / 906 as everywhere. */
  function slidingToken(req: Req): Json {
    req.user();
    const token = req.token();
    const t = store.token(token)!;
    store.slideToken(token, Math.max(t.expiresAt, emu.now() + emu.config.accessTokenLifetimeSeconds * 1000));
    return { access_token: token, refresh_token: t.refreshToken, expires_in: new Date(store.token(token)!.expiresAt).toISOString() };
  }

  const P = `${A}/login/passwordlesslogin/email`;
  return [
    { method: 'GET', path: P, kind: 'auth', group: 'forgot', handler: sendLink },
    { method: 'GET', path: `${P}/verify`, kind: 'auth', group: 'login', handler: verifyLink },
    { method: 'POST', path: `${P}/verifyotp`, kind: 'auth', group: 'login', handler: verifyCode },
    { method: 'GET', path: `${A}/access_token/sliding_token`, kind: 'auth', handler: slidingToken },
  ];
}
