/** The Account API (API secret): /identity/v2/manage/account*. Never reachable from browsers (no CORS). */
import type { Emu, Req, RouteDef } from '../context.js';
import { makeSott } from '../crypto.js';
import { fail, invalid } from '../errors.js';
import { unlock } from '../lockout.js';
import { parseProfileUpdate } from '../profile.js';
import type { User } from '../store.js';
import { checkPassword, emailFrom, emailFromQuery, normEmail, type Json } from '../validate.js';
import {
  applyProfileUpdate, checkLinkUrl, checkUserNameFree, isTrue, parseEmailList, primaryEmail, profileOf, removeAddress, sendTokenMail, touch, unverifiedAddress, userNameFrom,
} from './common.js';

const M = '/identity/v2/manage/account';

export function accountRoutes(emu: Emu): RouteDef[] {
  const { store } = emu;
  const byUid = (req: Req): User => {
    const uid = (req.raw.params as Record<string, string>).uid ?? req.q('uid');
    const user = uid && uid.length <= 64 ? store.get(uid) : undefined;
    if (!user) fail(938);
    return user;
  };

  async function createAccount(req: Req): Promise<Json> {
    const emails = parseEmailList(req.body, true)!;
    const password = req.body.has('Password')
      ? checkPassword(req.body.raw('Password'), emu.config.passwordPolicy, 'Password', emu.isCommonPassword)
      : null;
    const verified = req.body.bool('EmailVerified') ?? false;
    const userName = userNameFrom(req.body);
    const phoneVerified = req.body.bool('PhoneIDVerified') ?? false;
    const phone = req.body.str('PhoneId', 'PhoneId', { max: 20 });
    if (phone && !/^\+?[0-9]{5,15}$/.test(phone)) invalid(['PhoneId', 'The PhoneId field must be a valid phone number.']);
    const fields = parseProfileUpdate(req.body, false);
    const taken = () => {
      for (const e of emails) if (store.userByEmail(e.Value)) fail(936);
      checkUserNameFree(emu, userName);
      if (phone && store.userByPhone(phone)) invalid(['PhoneId', 'The PhoneId is already registered.']);
    };
    taken();
    const hash = password === null ? null : await emu.hash(password);
    taken();
    const user = store.newUser(emu.now(), {
      emails: emails.map((e) => ({ ...e, Verified: verified })), passwordHash: hash, UserName: userName ?? null,
      PhoneId: phone ?? null, PhoneIdVerified: !!phone && phoneVerified, fields, LastPasswordChangeDate: hash ? new Date(emu.now()).toISOString() : null,
    });
    store.put(user);
    return profileOf(req, user);
  }

  function findAccount(req: Req): Json {
    const email = req.q('email'), userName = req.q('username'), phone = req.q('phone');
    let user: User | undefined;
    if (email !== undefined) user = store.userByEmail(emailFromQuery(email));
    else if (userName !== undefined) user = store.userByUserName(userName);
    else if (phone !== undefined) user = store.userByPhone(phone);
    else fail(908);
    if (!user) fail(938);
    return profileOf(req, user);
  }

  /** `GET /manage/account/identities?email=` → `{Data: [profile…]}`: every account holding the address. */
  function identitiesByEmail(req: Req): Json {
    const user = store.userByEmail(emailFromQuery(req.q('email')));
    return { Data: user ? [profileOf(req, user)] : [] };
  }

  /** `PUT /manage/account/{uid}/invalidateemail`: the Primary is unverified again and a verification email goes out. */
  function invalidateEmail(req: Req): Json {
    const user = byUid(req);
    const entry = primaryEmail(user);
    if (!entry.Verified) fail(1115);
    checkLinkUrl(emu, req, 'verification');
    entry.Verified = false;
    sendTokenMail(emu, req, 'verification', user, entry.Value);
    touch(emu, user);
    return { IsPosted: true };
  }

  function deleteByEmail(req: Req): Json {
    const user = store.userByEmail(emailFromQuery(req.q('email')));
    if (!user) fail(938);
    store.delete(user.Uid);
    return { IsDeleted: true, RecordsDeleted: 1 };
  }

  function makeSottToken(req: Req): Json {
    const minutes = Math.min(Math.max(Number(req.q('timedifference') ?? 10) || 10, 1), 1440);
    const start = new Date(emu.now());
    const end = new Date(start.getTime() + minutes * 60_000);
    return { Sott: makeSott(emu.apiKey, emu.apiSecret, start, end), ExpiryTime: end.toISOString() };
  }

  function accessTokenByUid(req: Req): Json {
    const user = byUid(req);
    return store.issueAccessToken(user.Uid, emu.now(), emu.config.accessTokenLifetimeSeconds, emu.config.tokenFormat);
  }

  function verificationToken(req: Req): Json {
    const { user, entry } = unverifiedAddress(emu, req, 1126);
    const token = store.issueOneTime('verification', user.Uid, entry.Value, emu.now(), emu.config.verificationTokenLifetimeSeconds);
    return { VerificationToken: token, expires_in: new Date(emu.now() + emu.config.verificationTokenLifetimeSeconds * 1000).toISOString() };
  }

  function forgotToken(req: Req): Json {
    const email = emailFrom(req.body, 'email');
    const user = store.userByEmail(email);
    if (!user) fail(1023);
    const token = isTrue(req.q('sendemail'))
      ? sendTokenMail(emu, req, 'reset', user, email)
      : store.issueOneTime('reset', user.Uid, email, emu.now(), emu.config.resetTokenLifetimeSeconds);
    return { ForgotToken: token, IdentityProviders: [] };
  }

  function readAccount(req: Req): Json {
    return profileOf(req, byUid(req));
  }

  function updateAccount(req: Req): Json {
    const user = byUid(req);
    if (!req.body.present) fail(1079);
    const isActive = req.body.bool('IsActive');
    const locked = req.body.bool('IsLoginLocked');
    const verified = req.body.bool('EmailVerified');
    const phoneVerified = req.body.bool('PhoneIDVerified');
    const userName = applyProfileUpdate(emu, req, user);
    if (isActive !== undefined) user.IsActive = isActive;
    if (locked === false) unlock(emu, user);
    else if (locked) user.IsLoginLocked = true;
    if (verified !== undefined) primaryEmail(user).Verified = verified;
    if (phoneVerified !== undefined) user.PhoneIdVerified = phoneVerified && !!user.PhoneId;
    if (userName) user.UserName = userName;
    store.put(user);
    touch(emu, user);
    return profileOf(req, user);
  }

  function deleteByUid(req: Req): Json {
    store.delete(byUid(req).Uid);
    return { IsDeleted: true };
  }

  async function setPassword(req: Req): Promise<Json> {
    const user = byUid(req);
    const password = checkPassword(req.body.raw('password'), emu.config.passwordPolicy, 'Password', emu.isCommonPassword);
    user.passwordHash = await emu.hash(password);
    user.LastPasswordChangeDate = new Date(emu.now()).toISOString();
    touch(emu, user);
    return { PasswordHash: user.passwordHash };
  }

  function readPasswordHash(req: Req): Json {
    return ({ PasswordHash: byUid(req).passwordHash });
  }

  function upsertEmail(req: Req): Json {
    const user = byUid(req);
    const emails = parseEmailList(req.body, true)!;
    for (const e of emails) {
      const owner = store.userByEmail(e.Value);
      if (owner && owner.Uid !== user.Uid) fail(936);
    }
    for (const e of emails) {
      const existing = user.emails.find((x) => normEmail(x.Value) === normEmail(e.Value));
      if (existing) { existing.Type = e.Type === 'Primary' ? existing.Type : e.Type; continue; }
      // Addresses added by the site's backend count as verified (the site vouches for them).
      user.emails.push({ Type: e.Type === 'Primary' && user.emails.some((x) => x.Type === 'Primary') ? 'Secondary' : e.Type, Value: e.Value, Verified: true });
    }
    store.put(user);
    touch(emu, user);
    return profileOf(req, user);
  }

  function removeEmail(req: Req): Json {
    const user = byUid(req);
    const email = emailFrom(req.body, 'email');
    const i = user.emails.findIndex((e) => normEmail(e.Value) === normEmail(email));
    if (i < 0) fail(1023);
    removeAddress(user, i);
    store.put(user);
    touch(emu, user);
    return profileOf(req, user);
  }

  return [
    { method: 'POST', path: M, kind: 'manage', handler: createAccount },
    { method: 'GET', path: M, kind: 'manage', handler: findAccount },
    { method: 'DELETE', path: M, kind: 'manage', handler: deleteByEmail },
    { method: 'GET', path: `${M}/sott`, kind: 'manage', handler: makeSottToken },
    { method: 'GET', path: `${M}/identities`, kind: 'manage', handler: identitiesByEmail },
    { method: 'PUT', path: `${M}/:uid/invalidateemail`, kind: 'manage', handler: invalidateEmail },
    { method: 'GET', path: `${M}/access_token`, kind: 'manage', handler: accessTokenByUid },
    { method: 'POST', path: `${M}/verify/token`, kind: 'manage', handler: verificationToken },
    { method: 'POST', path: `${M}/forgot/token`, kind: 'manage', handler: forgotToken },
    { method: 'GET', path: `${M}/:uid`, kind: 'manage', handler: readAccount },
    { method: 'PUT', path: `${M}/:uid`, kind: 'manage', handler: updateAccount },
    { method: 'DELETE', path: `${M}/:uid`, kind: 'manage', handler: deleteByUid },
    { method: 'PUT', path: `${M}/:uid/password`, kind: 'manage', handler: setPassword },
    { method: 'GET', path: `${M}/:uid/password`, kind: 'manage', handler: readPasswordHash },
    { method: 'PUT', path: `${M}/:uid/email`, kind: 'manage', handler: upsertEmail },
    { method: 'DELETE', path: `${M}/:uid/email`, kind: 'manage', handler: removeEmail },
  ];
}
