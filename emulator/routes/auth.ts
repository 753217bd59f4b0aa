/** The Authentication API (apikey only): /identity/v2/auth/* plus serverinfo and appinfo. */
import type { Emu, Req, RouteDef } from '../context.js';
import { sottDate, verifyPassword, checkSott } from '../crypto.js';
import { LrHttpError, fail, invalid } from '../errors.js';
import { parseProfileUpdate } from '../profile.js';
import { PASSWORD_MAX, checkPassword, emailFrom, emailFromQuery, normEmail, type Json } from '../validate.js';
import {
  buildLink, checkLinkUrl, hasOption, loginResponse, parseEmailList, primaryEmail, profileOf, sendTokenMail, setSecurityAnswers, takeOneTime, touch,
} from './common.js';

const A = '/identity/v2/auth';

export function authRoutes(emu: Emu): RouteDef[] {
  const { store } = emu;

  // ------------------------------------------------------------------------------------------ login
  async function login(req: Req): Promise<Json> {
    const email = emailFrom(req.body, 'email');
    const password = req.body.raw('password');
    if (typeof password !== 'string' || password === '') invalid(['password', 'The password field is required.']);
    // No stored password is longer than the policy allows: refuse before hashing (BI-09, no hashing DoS).
    if ([...password.normalize('NFC')].length > PASSWORD_MAX) {
      invalid(['password', `The password field must not exceed ${PASSWORD_MAX} characters in length.`]);
    }
    const id = normEmail(email);
    checkLockout(emu, id);
    const user = store.userByEmail(email);
    // The unknown-user path verifies against a dummy hash so both paths cost the same (no quick exit).
    const ok = await verifyPassword(password.normalize('NFC'), user?.passwordHash ?? (await emu.dummyHash));
    if (!user || !user.passwordHash || !ok) {
      recordFailure(emu, id);
      fail(966);
    }
    emu.lockouts.delete(id);
    if (!user.IsActive) fail(991);
    // Locked by the site's backend (Account API `IsLoginLocked: true`): LoginRadius's "suspend" lock.
    if (user.IsLoginLocked) fail(1198);
    const entry = user.emails.find((e) => normEmail(e.Value) === id)!;
    if (emu.config.verificationFlow === 'required' && !entry.Verified) {
      // LoginRadius re-sends the verification email when an unverified user tries to log in.
      sendTokenMail(emu, req, 'verification', user, entry.Value);
      fail(970);
    }
    user.NoOfLogins += 1;
    user.LastLoginDate = new Date(emu.now()).toISOString();
    return loginResponse(emu, req, user);
  }

  // -------------------------------------------------------------------------------------- register
  /** Creates the account (both register endpoints): checks, one account per address, the verification mail. */
  async function registerAccount(req: Req): Promise<Json> {
    const emails = parseEmailList(req.body, true)!;
    const password = checkPassword(req.body.raw('Password'), emu.config.passwordMinLength, 'Password', emu.isCommonPassword);
    const fields = parseProfileUpdate(req.body, false);
    const userName = req.body.str('UserName', 'UserName', { max: 64 });
    const flow = emu.config.verificationFlow;
    const mail = flow !== 'disabled' && !hasOption(req, 'PreventVerificationEmail');
    // A bad verificationurl is refused before the account exists (nothing created, nothing sent).
    if (mail) checkLinkUrl(emu, req, 'verification');
    for (const e of emails) if (store.userByEmail(e.Value)) fail(936);
    if (userName && store.userByUserName(userName)) fail(1017);
    const hash = await emu.hash(password);
    // Re-check after the await: two concurrent registrations of one address create exactly one account.
    for (const e of emails) if (store.userByEmail(e.Value)) fail(936);
    if (userName && store.userByUserName(userName)) fail(1017);
    const user = store.newUser(emu.now(), {
      emails: emails.map((e) => ({ ...e, Verified: false })), passwordHash: hash, UserName: userName ?? null, fields,
      LastPasswordChangeDate: new Date(emu.now()).toISOString(),
    });
    store.put(user);
    if (mail) sendTokenMail(emu, req, 'verification', user, primaryEmail(user).Value);
    if (flow === 'required') return { IsPosted: true, Data: null };
    user.NoOfLogins = 1;
    user.LastLoginDate = new Date(emu.now()).toISOString();
    return { IsPosted: true, Data: loginResponse(emu, req, user) };
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
    const email = emailFrom(req.body, 'email');
    const user = store.userByEmail(email);
    if (!user) fail(1023);
    const entry = user.emails.find((e) => normEmail(e.Value) === normEmail(email))!;
    if (entry.Verified) fail(1025);
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
      if (!emu.config.loginOnEmailVerification) return { IsPosted: true, Data: null };
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
    const password = checkPassword(req.body.raw('password'), emu.config.passwordMinLength, 'Password', emu.isCommonPassword);
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
    const next = checkPassword(req.body.raw('newpassword'), emu.config.passwordMinLength, 'NewPassword', emu.isCommonPassword);
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
    const sqa = req.body.raw('securityquestionanswer');
    if (sqa !== undefined) setSecurityAnswers(user, sqa);
    Object.assign(user.fields, parseProfileUpdate(req.body, /^true$/i.test(req.q('nullsupport') ?? '')));
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
    if (user.emails.length === 1 || user.emails[i]!.Type === 'Primary') {
      fail(1005, user.emails.length === 1 ? undefined : 'The primary email address can not be removed.');
    }
    const [removed] = user.emails.splice(i, 1);
    store.put(user); // re-index (the removed address is free again)
    store.consumeAll('verification', user.Uid, emu.now(), removed!.Value);
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
    return {
    AppName: 'lr-elements-emulator',
    EmailVerificationFlow: emu.config.verificationFlow,
    IsLoginOnEmailVerification: emu.config.loginOnEmailVerification,
    PasswordLength: { Min: emu.config.passwordMinLength, Max: 128 },
    RegistrationFormSchema: [
      { name: 'emailid', type: 'email', display: 'Email', rules: 'required|valid_email' },
      { name: 'password', type: 'password', display: 'Password', rules: `required|min_length[${emu.config.passwordMinLength}]|max_length[128]` },
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

/** Per-identifier lockout (E1-09): answered like a rate limit, never revealing whether the account exists. */
function checkLockout(emu: Emu, id: string): void {
  const l = emu.lockouts.get(id);
  const now = emu.now(); // the emulator's clock, so tests can move past a lock (E7-05)
  if (l && l.lockedUntil > now) {
    throw new LrHttpError(429, undefined, undefined, 429, { 'retry-after': String(Math.ceil((l.lockedUntil - now) / 1000)) });
  }
}

function recordFailure(emu: Emu, id: string): void {
  if (!emu.config.lockoutThreshold) return;
  const l = emu.lockouts.get(id) ?? { fails: 0, lockedUntil: 0, locks: 0 };
  l.fails += 1;
  l.lastFailAt = emu.now();
  if (l.fails >= emu.config.lockoutThreshold) {
    l.locks += 1;
    l.fails = 0;
    // Doubles with each lock, capped at 15 minutes.
    l.lockedUntil = emu.now() + Math.min(emu.config.lockoutSeconds * 2 ** (l.locks - 1), 900) * 1000;
  }
  emu.lockouts.set(id, l);
}
