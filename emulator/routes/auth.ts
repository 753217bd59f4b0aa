/** The Authentication API (apikey only): /identity/v2/auth/* plus serverinfo and appinfo. */
import type { Emu, Req, RouteDef } from '../context.js';
import { sottDate, verifyPassword, checkSott } from '../crypto.js';
import { fail, invalid } from '../errors.js';
import { passLock, recordFailure, unlock } from '../lockout.js';
import { completeLogin, mfaApplies } from '../mfa/flow.js';
import { parseProfileUpdate } from '../profile.js';
import type { User } from '../store.js';
import { PASSWORD_MAX, checkPassword, emailFrom, emailFromQuery, normEmail, type Json } from '../validate.js';
import {
  SECURITY_QUESTIONS, applyProfileUpdate, buildLink, checkLinkUrl, checkUserNameFree, hasOption, loginResponse, parseEmailList, primaryEmail, profileOf,
  removeAddress, sendTokenMail, signedIn, takeOneTime, touch, unverifiedAddress, userNameFrom,
} from './common.js';

const A = '/identity/v2/auth';

export function authRoutes(emu: Emu): RouteDef[] {
  const { store } = emu;

  // ------------------------------------------------------------------------------------------ login
  /** Login by email (`email`) or by username (`username`), with the brute-force lockout of `lockout.ts`. */
  async function login(req: Req): Promise<Json> {
    const byName = req.body.has('username') && !req.body.has('email');
    const userName = byName ? req.body.str('username', 'username', { required: true, max: 256 })! : null;
    const email = byName ? undefined : emailFrom(req.body, 'email');
    const user = userName !== null ? store.userByUserName(userName) : store.userByEmail(email!);
    const id = userName !== null ? `username:${userName.toLowerCase()}` : normEmail(email!);
    return completeLogin(emu, req, await verifyLogin(emu, req, user, email), 'password', id);
  }

  // -------------------------------------------------------------------------------------- register
  /** Creates the account (both register endpoints): checks, one account per address, the verification mail. */
  async function registerAccount(req: Req): Promise<Json> {
    const emails = parseEmailList(req.body, true)!;
    const password = checkPassword(req.body.raw('Password'), emu.config.passwordPolicy, 'Password', emu.isCommonPassword);
    const fields = parseProfileUpdate(req.body, false);
    const userName = userNameFrom(req.body);
    const flow = emu.config.verificationFlow;
    const mail = flow !== 'disabled' && !hasOption(req, 'PreventVerificationEmail');
    // A bad verificationurl is refused before the account exists (nothing created, nothing sent).
    if (mail) checkLinkUrl(emu, req, 'verification');
    for (const e of emails) if (store.userByEmail(e.Value)) fail(936);
    checkUserNameFree(emu, userName);
    const hash = await emu.hash(password);
    // Re-check after the await: two concurrent registrations of one address create exactly one account.
    for (const e of emails) if (store.userByEmail(e.Value)) fail(936);
    checkUserNameFree(emu, userName);
    const user = store.newUser(emu.now(), {
      emails: emails.map((e) => ({ ...e, Verified: false })), passwordHash: hash, UserName: userName ?? null, fields,
      LastPasswordChangeDate: new Date(emu.now()).toISOString(),
    });
    store.put(user);
    if (mail) sendTokenMail(emu, req, 'verification', user, primaryEmail(user).Value);
    // No session without the second factor while MFA is required: the user signs in through the MFA login.
    if (flow === 'required' || mfaApplies(emu, user)) return { IsPosted: true, Data: null };
    return { IsPosted: true, Data: signedIn(emu, req, user) };
  }

  function registerBySott(req: Req): Promise<Json> {
    const sott = (req.raw.headers['x-loginradius-sott'] as string | undefined) || req.q('sott');
    if (!sott) fail(1048);
    if (checkSott(sott, emu.apiKey, emu.apiSecret, emu.now()) !== 'ok') fail(1049);
    return registerAccount(req);
  }

  async function registerByCaptcha(req: Req): Promise<Json> {
    const token = req.body.raw('g-recaptcha-response') ?? req.body.raw('qq_captcha_ticket');
    if (typeof token !== 'string' || !token || !(await emu.verifyCaptcha(token))) fail(1218);
    return registerAccount(req);
  }

  // Resend the verification email.
  function resendVerification(req: Req): Json {
    const { user, entry } = unverifiedAddress(emu, req, 1025);
    sendTokenMail(emu, req, 'verification', user, entry.Value);
    return { IsPosted: true };
  }

  // ------------------------------------------------------------------- email: availability and verify
  function emailAvailableOrVerify(req: Req): Json {
    const vtoken = req.q('verificationtoken');
    if (vtoken !== undefined) {
      const { user, email } = takeOneTime(emu, vtoken, 'verification');
      const entry = user.emails.find((e) => normEmail(e.Value) === normEmail(email));
      if (!entry) fail(973);
      entry.Verified = true;
      store.consumeAll('verification', user.Uid, emu.now(), email);
      touch(emu, user);
      if (entry.Type === 'Primary' && req.q('welcomeemailtemplate') !== undefined) emu.send('welcome', entry.Value, 'Welcome', null, null);
      // A verification link is no way around a second factor: no session when one applies.
      if (!emu.config.loginOnEmailVerification || mfaApplies(emu, user)) return { IsPosted: true, Data: null };
      return { IsPosted: true, Data: loginResponse(emu, req, user) };
    }
    const email = emailFromQuery(req.q('email'));
    return { IsExist: !!store.userByEmail(email) };
  }

  // ------------------------------------------------------------------------------- forgot and reset
  function forgotPassword(req: Req): Json {
    if (!req.q('resetpasswordurl')) fail(908, 'The resetpasswordurl is a required parameter.');
    const email = emailFrom(req.body, 'email');
    const user = store.userByEmail(email);
    // Same answer whether or not the address exists (no account enumeration here).
    if (user && user.IsActive) sendTokenMail(emu, req, 'reset', user, user.emails.find((e) => normEmail(e.Value) === normEmail(email))!.Value);
    else buildLink(emu, req.q('resetpasswordurl'), 'resetpasswordurl', 'reset', 'x');
    return { IsPosted: true };
  }

  async function resetPassword(req: Req): Promise<Json> {
    const token = req.body.str('resettoken', 'ResetToken', { required: true, max: 200 });
    const password = checkPassword(req.body.raw('password'), emu.config.passwordPolicy, 'Password', emu.isCommonPassword);
    const { user } = takeOneTime(emu, token, 'reset');
    user.passwordHash = await emu.hash(password);
    user.LastPasswordChangeDate = new Date(emu.now()).toISOString();
    store.consumeAll('reset', user.Uid, emu.now());
    // A reset proves control of the mailbox; end every existing session.
    store.revokeTokens(user.Uid);
    touch(emu, user);
    return { IsPosted: true };
  }

  async function changePassword(req: Req): Promise<Json> {
    const user = req.user();
    const old = req.body.raw('oldpassword');
    if (typeof old !== 'string' || !old) invalid(['OldPassword', 'The OldPassword field is required.']);
    const next = checkPassword(req.body.raw('newpassword'), emu.config.passwordPolicy, 'NewPassword', emu.isCommonPassword);
    if (!user.passwordHash || !(await verifyPassword(old.normalize('NFC'), user.passwordHash))) fail(967);
    user.passwordHash = await emu.hash(next);
    user.LastPasswordChangeDate = new Date(emu.now()).toISOString();
    touch(emu, user);
    return { IsPosted: true };
  }

  // ---------------------------------------------------------------------------------------- profile
  function readProfile(req: Req): Json {
    return profileOf(req, req.user());
  }

  function updateProfile(req: Req): Json {
    const user = req.user();
    if (!req.body.present) fail(1079);
    const userName = applyProfileUpdate(emu, req, user);
    if (userName) user.UserName = userName;
    store.put(user);
    touch(emu, user);
    return { IsPosted: true, Data: profileOf(req, user) };
  }

  // ----------------------------------------------------------------------------------------- emails
  function addEmail(req: Req): Json {
    const user = req.user();
    const email = emailFrom(req.body, 'email');
    const type = req.body.raw('type');
    if (typeof type !== 'string' || !type) fail(1201);
    if (/^primary$/i.test(type)) fail(1203);
    const owner = store.userByEmail(email);
    if (owner?.Uid === user.Uid) fail(1202);
    if (owner) fail(936);
    const entry = { Type: /^secondary$/i.test(type) ? 'Secondary' : type, Value: email, Verified: false };
    // Validate the link before changing anything, then add the address and send the verification.
    user.emails.push(entry);
    try {
      sendTokenMail(emu, req, 'verification', user, email);
    } catch (e) {
      user.emails.pop();
      throw e;
    }
    store.put(user);
    touch(emu, user);
    return { IsPosted: true };
  }

  function removeEmail(req: Req): Json {
    const user = req.user();
    const email = emailFrom(req.body, 'email');
    const i = user.emails.findIndex((e) => normEmail(e.Value) === normEmail(email));
    if (i < 0) fail(1023);
    // As live: removing the Primary promotes a Secondary; the last address stays (1005).
    const removed = removeAddress(user, i);
    store.put(user); // re-index (the removed address is free again)
    store.consumeAll('verification', user.Uid, emu.now(), removed.Value);
    touch(emu, user);
    return { IsDeleted: true };
  }

  // ----------------------------------------------------------------------------------------- tokens
  function validateToken(req: Req): Json {
    req.user();
    const t = store.token(req.token())!;
    return { access_token: req.token(), refresh_token: t.refreshToken, expires_in: new Date(t.expiresAt).toISOString() };
  }

  function invalidateToken(req: Req): Json {
    req.user();
    store.deleteToken(req.token());
    return { IsPosted: true };
  }

  function readToken(req: Req): Json {
    req.user();
    const t = store.token(req.token())!;
    return { access_token: req.token(), isrememberme: false, provider: 'Email', expires_in: new Date(t.expiresAt).toISOString() };
  }

  function socialIdentity(req: Req): Json {
    const user = req.user();
    const p = profileOf(req, user) as Record<string, Json>;
    // The emulator has no social providers: the linked identities list is always empty.
    return req.q('fields') ? p : { ...p, Identities: [] };
  }

  // ---------------------------------------------------------------------------------------- delete
  function requestDeletion(req: Req): Json {
    const user = req.user();
    sendTokenMail(emu, req, 'delete', user, primaryEmail(user).Value);
    return { IsDeleteRequestAccepted: true };
  }

  function confirmDeletion(req: Req): Json {
    const { user } = takeOneTime(emu, req.q('deletetoken'), 'delete');
    store.delete(user.Uid);
    return { IsPosted: true };
  }

  // ------------------------------------------------------------------------------ server and app info
  function serverInfo(req: Req): Json {
    const minutes = Math.min(Math.max(Number(req.q('timedifference') ?? 10) || 10, 1), 1440);
    const now = new Date(emu.now());
    const end = new Date(now.getTime() + minutes * 60_000);
    return {
      ServerLocation: 'local', ServerName: 'lr-elements-emulator', CurrentTime: sottDate(now).replace(/\//g, '-'),
      Sott: { StartTime: sottDate(now).replace(/\//g, '-'), EndTime: sottDate(end).replace(/\//g, '-'), TimeDifference: `${minutes} Minutes` },
    };
  }

  function appInfo(): Json {
    const { minLength, maxLength } = emu.config.passwordPolicy;
    return {
      AppName: 'lr-elements-emulator',
      EmailVerificationFlow: emu.config.verificationFlow,
      IsLoginOnEmailVerification: emu.config.loginOnEmailVerification,
      IsUserNameLogin: true,
      PasswordLength: { Min: minLength, Max: Math.min(maxLength, PASSWORD_MAX) },
      SecurityQuestions: { Questions: SECURITY_QUESTIONS.map((q) => ({ ...q })), SecurityQuestionCount: 1 },
      RegistrationFormSchema: [
        { name: 'emailid', type: 'email', display: 'Email', rules: 'required|valid_email' },
        { name: 'password', type: 'password', display: 'Password', rules: `required|min_length[${minLength}]|max_length[${Math.min(maxLength, PASSWORD_MAX)}]` },
      ],
    };
  }
  return [
    { method: 'POST', path: `${A}/login`, kind: 'auth', group: 'login', handler: login },
    { method: 'POST', path: `${A}/register`, kind: 'auth', group: 'register', handler: registerBySott },
    { method: 'POST', path: `${A}/register/captcha`, kind: 'auth', group: 'register', handler: registerByCaptcha },
    { method: 'PUT', path: `${A}/register`, kind: 'auth', group: 'forgot', handler: resendVerification },
    { method: 'GET', path: `${A}/email`, kind: 'auth', group: 'availability', handler: emailAvailableOrVerify },
    { method: 'POST', path: `${A}/password`, kind: 'auth', group: 'forgot', handler: forgotPassword },
    { method: 'PUT', path: `${A}/password/reset`, kind: 'auth', handler: resetPassword },
    { method: 'PUT', path: `${A}/password/change`, kind: 'auth', handler: changePassword },
    { method: 'GET', path: `${A}/account`, kind: 'auth', handler: readProfile },
    { method: 'PUT', path: `${A}/account`, kind: 'auth', handler: updateProfile },
    { method: 'POST', path: `${A}/email`, kind: 'auth', handler: addEmail },
    { method: 'DELETE', path: `${A}/email`, kind: 'auth', handler: removeEmail },
    { method: 'GET', path: `${A}/access_token/validate`, kind: 'auth', handler: validateToken },
    { method: 'GET', path: `${A}/access_token/invalidate`, kind: 'auth', handler: invalidateToken },
    { method: 'GET', path: `${A}/access_token`, kind: 'auth', handler: readToken },
    { method: 'GET', path: `${A}/socialidentity`, kind: 'auth', handler: socialIdentity },
    { method: 'DELETE', path: `${A}/account`, kind: 'auth', handler: requestDeletion },
    { method: 'GET', path: `${A}/account/delete`, kind: 'auth', handler: confirmDeletion },
    { method: 'GET', path: '/identity/v2/serverinfo', kind: 'auth', handler: serverInfo },
    { method: 'GET', path: '/ciam/appinfo', kind: 'auth', handler: appInfo },
  ];
}

/**
 * The password step of every login (plain and MFA; `email` is the address to check for verification, else the
 * primary one): the lock of `lockout.ts`, the same cost for unknown users, 966 / 991 / 1198 / 1132 / 1148 / 970.
 */
export async function verifyLogin(emu: Emu, req: Req, user: User | undefined, email?: string): Promise<User> {
  const password = req.body.raw('password');
  if (typeof password !== 'string' || password === '') invalid(['password', 'The password field is required.']);
  // No stored password is longer than the policy allows: refuse before hashing (BI-09, no hashing DoS).
  if ([...password.normalize('NFC')].length > PASSWORD_MAX) {
    invalid(['password', `The password field must not exceed ${PASSWORD_MAX} characters in length.`]);
  }
  if (user) await passLock(emu, req, user);
  // The unknown-user path verifies against a dummy hash so both paths cost the same (no quick exit).
  const ok = await verifyPassword(password.normalize('NFC'), user?.passwordHash ?? (await emu.dummyHash));
  if (!user || !user.passwordHash || !ok) {
    if (user) recordFailure(emu, user);
    fail(966);
  }
  if (!user.IsActive) fail(991);
  unlock(emu, user);
  const entry = email === undefined ? primaryEmail(user) : user.emails.find((e) => normEmail(e.Value) === normEmail(email))!;
  if (emu.config.verificationFlow === 'required' && !entry.Verified) {
    // LoginRadius re-sends the verification email when an unverified user tries to log in.
    sendTokenMail(emu, req, 'verification', user, entry.Value);
    fail(970);
  }
  return user;
}
