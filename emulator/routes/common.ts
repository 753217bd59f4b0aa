/** Helpers shared by the Auth and Account routes. */
import type { Emu, Req } from '../context.js';
import { fail, invalid } from '../errors.js';
import { isLoopbackHost } from '../http/cors.js';
import { parseProfileUpdate, project, publicProfile } from '../profile.js';
import type { EmailEntry, LinkKind, OneTimeKind, User } from '../store.js';
import { emailFrom, isEmail, normEmail, type Body, type Json } from '../validate.js';

/**
 * Builds an emailed link from the caller's URL (`verificationurl`, `resetpasswordurl`, `deleteurl`) plus `vtype` and
 * `vtoken`. The URL must be http(s) (no scheme reads as https) on an allowed origin (the CORS allowlist), never
 * `javascript:`, scheme-relative or CRLF.
 */
export function buildLink(emu: Emu, base: string | undefined, param: string, vtype: string, token: string): string | null {
  if (!base) return null;
  let url: URL;
  try {
    if (/[\r\n\0]/.test(base) || base.startsWith('//')) throw new Error('control characters or scheme-relative');
    // LoginRadius accepts a URL without a scheme (`resetpasswordurl=resetpassword.com`): read as https.
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(base) || /^(javascript|data|vbscript|file|mailto):/i.test(base) ? base : `https://${base}`);
  } catch {
    fail(908);
  }
  const allowed = (url.protocol === 'http:' || url.protocol === 'https:') &&
    emu.config.corsOrigins.some((o) => (o === 'loopback' ? isLoopbackHost(url.hostname) : o === url.origin));
  if (!allowed) fail(908);
  url.searchParams.set('vtype', vtype);
  url.searchParams.set('vtoken', token);
  return url.toString();
}

const SUBJECTS = {
  verification: 'Verify your email address',
  reset: 'Reset your password',
  delete: 'Confirm the deletion of your account',
} as const;
const VTYPES = { verification: 'emailverification', reset: 'reset', delete: 'deleteuser' } as const;
const PARAMS = { verification: 'verificationurl', reset: 'resetpasswordurl', delete: 'deleteurl' } as const;

const linkBase = (req: Req | null, kind: LinkKind, urlOverride?: string): string | undefined =>
  urlOverride ?? req?.q(PARAMS[kind]) ?? (kind === 'verification' ? req?.q('url') : undefined);

/** Refuses (908) a caller's link URL for `kind` before anything is changed (e.g. before an account is created). */
export function checkLinkUrl(emu: Emu, req: Req, kind: LinkKind): void {
  buildLink(emu, linkBase(req, kind), PARAMS[kind], VTYPES[kind], 'x');
}

/**
 * The account and the address entry of the body's `email`, which must not be verified yet: 1023 when no account has
 * it, `verifiedCode` when it is verified (the Auth API's resend says 1025, the Account API's token call 1126).
 */
export function unverifiedAddress(emu: Emu, req: Req, verifiedCode: number): { user: User; entry: EmailEntry } {
  const email = emailFrom(req.body, 'email');
  const user = emu.store.userByEmail(email);
  if (!user) fail(1023);
  const entry = user.emails.find((e) => normEmail(e.Value) === normEmail(email))!;
  if (entry.Verified) fail(verifiedCode);
  return { user, entry };
}

/** Issues a one-time token and "sends" it; returns the token. */
export function sendTokenMail(emu: Emu, req: Req | null, kind: LinkKind, user: User, email: string, urlOverride?: string): string {
  const lifetime = kind === 'verification' ? emu.config.verificationTokenLifetimeSeconds
    : kind === 'reset' ? emu.config.resetTokenLifetimeSeconds : emu.config.deleteTokenLifetimeSeconds;
  const base = linkBase(req, kind, urlOverride);
  // Validate the URL before issuing anything, so a bad URL changes nothing.
  buildLink(emu, base, PARAMS[kind], VTYPES[kind], 'x');
  const token = emu.store.issueOneTime(kind, user.Uid, email, emu.now(), lifetime);
  emu.send(kind, email, SUBJECTS[kind], buildLink(emu, base, PARAMS[kind], VTYPES[kind], token), token);
  return token;
}

/** Passwordless links answer 1063 unknown, 1062 used, 1063 expired (with its own text). */
const PASSWORDLESS_CODES: Record<number, [number, string | undefined]> = {
  973: [1063, undefined], 974: [1062, undefined], 975: [1063, 'The passwordless login link has expired, please request a new one.'],
};

/** Validates a link token: 973 unknown, 974 used, 975 expired (delete tokens: always 1119; passwordless: 1062/1063). */
export function takeOneTime(emu: Emu, token: string | undefined, kind: OneTimeKind): { uid: string; email: string; user: User } {
  const bad = (code: number) =>
    (kind === 'delete' ? fail(1119) : kind === 'passwordless' ? fail(...PASSWORDLESS_CODES[code]!) : fail(code));
  if (!token || token.length > 200) bad(973);
  const t = emu.store.findOneTime(token!, kind);
  if (!t) bad(973);
  if (t!.usedAt !== null) bad(974);
  if (t!.expiresAt <= emu.now()) bad(975);
  const user = emu.store.get(t!.uid);
  if (!user) bad(973);
  emu.store.markUsed(token!, emu.now());
  return { uid: t!.uid, email: t!.email, user: user! };
}

/** Reads `Email: [{Type, Value}]`: 1201 type missing, 1202 duplicate, 1203 two Primary, 1038 bad address. */
export function parseEmailList(body: Body, required: boolean): { Type: string; Value: string }[] | undefined {
  const v = body.raw('Email');
  if (v === undefined || v === null) {
    if (required) invalid(['Email', 'The Email field is required.']);
    return undefined;
  }
  if (!Array.isArray(v) || v.length === 0 || v.length > 10) invalid(['Email', 'The Email field must be a list of {Type, Value}.']);
  const seen = new Set<string>();
  const out = v.map((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) invalid(['Email', 'The Email field must be a list of {Type, Value}.']);
    const o = new Map(Object.entries(item).map(([k, x]) => [k.toLowerCase(), x]));
    const type = o.get('type'), value = o.get('value');
    if (typeof type !== 'string' || !type) fail(1201);
    if (typeof value !== 'string' || !isEmail(value)) fail(1038);
    const norm = normEmail(value);
    if (seen.has(norm)) fail(1202);
    seen.add(norm);
    return { Type: /^primary$/i.test(type) ? 'Primary' : /^secondary$/i.test(type) ? 'Secondary' : type, Value: value.normalize('NFC') };
  });
  if (out.filter((e) => e.Type === 'Primary').length > 1) fail(1203);
  if (!out.some((e) => e.Type === 'Primary')) out[0]!.Type = 'Primary';
  return out;
}

export const profileOf = (req: Req, user: User): Json => project(publicProfile(user), req.q('fields'));

export function loginResponse(emu: Emu, req: Req, user: User): Json {
  const tokens = emu.store.issueAccessToken(user.Uid, emu.now(), emu.config.accessTokenLifetimeSeconds, emu.config.tokenFormat);
  return project({ Profile: publicProfile(user), ...tokens }, req.q('fields'));
}

/** Removes the address at `i`; a removed Primary is replaced by the first verified (else the first) remaining one. */
export function removeAddress(user: User, i: number): EmailEntry {
  if (user.emails.length === 1) fail(1005);
  const [removed] = user.emails.splice(i, 1);
  if (removed!.Type === 'Primary') (user.emails.find((e) => e.Verified) ?? user.emails[0]!).Type = 'Primary';
  return removed!;
}

export const primaryEmail = (u: User): EmailEntry => u.emails.find((e) => e.Type === 'Primary') ?? u.emails[0]!;

export function touch(emu: Emu, user: User): void {
  user.ModifiedDate = new Date(emu.now()).toISOString();
}

/** True when the truthy flag is in a comma-separated `options` query value (e.g. PreventVerificationEmail). */
export const hasOption = (req: Req, name: string): boolean =>
  (req.q('options') ?? '').split(',').some((o) => o.trim().toLowerCase() === name.toLowerCase());

export const isTrue = (v: string | undefined): boolean => v !== undefined && /^(true|1)$/i.test(v);

/**
 * The site's security questions (LoginRadius: Platform Security → Security Question), as `appinfo` lists them and the
 * security-question endpoints answer them. Fixed in the emulator.
 */
export const SECURITY_QUESTIONS: readonly { QuestionId: string; Question: string }[] = [
  { QuestionId: '7d3a1f0c9b2e4d6a8c5b1e0f3a2d4c6b', Question: 'What was the name of your first pet?' },
  { QuestionId: 'c4e8b2a6d0f14e3b9a7c5d1e8f2b6a0c', Question: 'In which city were you born?' },
  { QuestionId: '1b9f5d3a7e2c4b8d0a6f3e1c9d5b7a2e', Question: 'What is your mother\'s maiden name?' },
];

/** `{securityquestionanswer: {<QuestionId>: answer}}`: an unknown QuestionId is 1091; all are checked before any is stored. */
export function setSecurityAnswers(user: User, sqa: unknown): void {
  if (!sqa || typeof sqa !== 'object' || Array.isArray(sqa)) invalid(['securityquestionanswer', 'The securityquestionanswer field must be an object.']);
  const answers = Object.entries(sqa);
  for (const [qid, answer] of answers) {
    if (!SECURITY_QUESTIONS.some((q) => q.QuestionId === qid)) fail(1091);
    if (typeof answer !== 'string' || !answer || answer.length > 256) invalid(['securityquestionanswer', 'Each answer must be a non-empty string.']);
  }
  for (const [qid, answer] of answers) user.securityAnswers[qid] = (answer as string).normalize('NFC').toLowerCase();
}

/** The questions a user has answered, as `GET /auth/securityquestion/*` lists them. */
export const answeredQuestions = (user: User): Json =>
  SECURITY_QUESTIONS.filter((q) => Object.hasOwn(user.securityAnswers, q.QuestionId)).map((q) => ({ ...q }));

// ------------------------------------------------------------------------------------------ usernames
/** Reads a username: 1–32 characters, no whitespace or control characters (LoginRadius's 1204 rule), else 1134. */
export function userNameFrom(body: Body, key = 'UserName'): string | undefined {
  const v = body.str(key, key, { max: 32 });
  if (v !== undefined && /[\s\p{Cc}\p{Cf}]/u.test(v)) invalid([key, `The ${key} field can not contain spaces.`]);
  return v;
}

/** 1017 when another account already has the username (case-insensitive). */
export function checkUserNameFree(emu: Emu, name: string | undefined, uid?: string): void {
  const owner = name === undefined ? undefined : emu.store.userByUserName(name);
  if (owner && owner.Uid !== uid) fail(1017);
}

/** A completed sign-in: counts the login and issues the session (login, second factor, passwordless). */
export function signedIn(emu: Emu, req: Req, user: User): Json {
  user.NoOfLogins += 1;
  user.LastLoginDate = new Date(emu.now()).toISOString();
  return loginResponse(emu, req, user);
}

/**
 * The profile part of an update body, shared by the Auth API's profile update and the Account API's: the username
 * (checked free, returned for the caller to set last), the fields (`nullsupport=true` lets a null clear one) and the
 * security answers, applied to `user` once all of them parsed.
 */
export function applyProfileUpdate(emu: Emu, req: Req, user: User): string | undefined {
  const userName = userNameFrom(req.body);
  checkUserNameFree(emu, userName, user.Uid);
  const fields = parseProfileUpdate(req.body, /^true$/i.test(req.q('nullsupport') ?? ''));
  const sqa = req.body.raw('securityquestionanswer');
  if (sqa !== undefined) setSecurityAnswers(user, sqa);
  Object.assign(user.fields, fields);
  return userName;
}
