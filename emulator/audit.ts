/**
 * The audit log (issue 17): one entry per Account API call that changes or exposes an account, and per Auth API
 * call that deletes an account or resets / changes a password. One table maps routes to operations; two hooks do
 * the rest: `preHandler` finds the target account before the handler runs (a deletion removes it), `onSend` adds
 * the entry with the outcome (status, ErrorCode) and the caller (address, which credential — never its value) and
 * commits it, so an entry is as durable as the change it records. With `--log` each entry is also one log line.
 * MFA resets are not audited because the emulator has no MFA yet.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Emu } from './context.js';
import { fail } from './errors.js';
import { queryOf } from './http/params.js';
import type { AuditEntry, OneTimeKind, User } from './store.js';

const M = '/identity/v2/manage/account';
const A = '/identity/v2/auth';

interface Target { uid: string | null; email: string | null }
type Find = (emu: Emu, request: FastifyRequest) => Partial<Target>;

/** A value of the JSON body by case-insensitive name, or undefined (never throws: the handler reports bad bodies). */
function bodyValue(request: FastifyRequest, name: string): unknown {
  const b = request.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return undefined;
  const key = Object.keys(b).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (b as Record<string, unknown>)[key];
}
const bodyString = (request: FastifyRequest, name: string) => {
  const v = bodyValue(request, name);
  return typeof v === 'string' ? v : undefined;
};
const firstListedEmail = (request: FastifyRequest): string | undefined => {
  const list = bodyValue(request, 'Email');
  const first = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
  const value = first && typeof first === 'object' ? Object.entries(first).find(([k]) => k.toLowerCase() === 'value')?.[1] : undefined;
  return typeof value === 'string' ? value : undefined;
};
const q = (request: FastifyRequest, name: string): string | undefined => {
  const v = queryOf(request)[name];
  return typeof v === 'string' && v ? v : undefined;
};

const primary = (u: User | undefined) => (u ? (u.emails.find((e) => e.Type === 'Primary') ?? u.emails[0])?.Value ?? null : null);
const ofUser = (u: User | undefined): Partial<Target> => (u ? { uid: u.Uid, email: primary(u) } : {});

const byUidParam: Find = (emu, r) => {
  const uid = (r.params as Record<string, string | undefined>).uid ?? q(r, 'uid');
  return { uid: uid ?? null, ...ofUser(uid ? emu.store.get(uid) : undefined) };
};
const byEmail = (email: string | undefined, emu: Emu): Partial<Target> => ({ email: email ?? null, ...(email ? { uid: emu.store.userByEmail(email)?.Uid ?? null } : {}) });
const byOneTime = (kind: OneTimeKind, token: string | undefined, emu: Emu): Partial<Target> => {
  const t = token && token.length <= 200 ? emu.store.findOneTime(token, kind) : undefined;
  return t ? { uid: t.uid, email: t.email } : {};
};
const byAccessToken: Find = (emu, r) => {
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(typeof r.headers.authorization === 'string' ? r.headers.authorization : '')?.[1];
  const t = emu.store.token(bearer ?? q(r, 'access_token') ?? '');
  return t ? ofUser(emu.store.get(t.uid)) : {};
};

/** Audited routes: `METHOD path` → operation name and how to find its target before the handler runs. */
const AUDITED: Record<string, { op: string; find: Find }> = {
  [`POST ${M}`]: { op: 'account.create', find: (_e, r) => ({ email: firstListedEmail(r) ?? null }) },
  [`PUT ${M}/:uid`]: { op: 'account.update', find: byUidParam },
  [`PUT ${M}/:uid/password`]: { op: 'account.setPassword', find: byUidParam },
  [`GET ${M}/:uid/password`]: { op: 'account.readPasswordHash', find: byUidParam },
  [`DELETE ${M}/:uid`]: { op: 'account.delete', find: byUidParam },
  [`DELETE ${M}`]: { op: 'account.deleteByEmail', find: (e, r) => byEmail(q(r, 'email'), e) },
  [`PUT ${M}/:uid/email`]: { op: 'account.upsertEmail', find: (e, r) => ({ ...byUidParam(e, r), email: firstListedEmail(r) ?? null }) },
  [`DELETE ${M}/:uid/email`]: { op: 'account.removeEmail', find: (e, r) => ({ ...byUidParam(e, r), email: bodyString(r, 'email') ?? null }) },
  [`POST ${M}/verify/token`]: { op: 'account.emailVerificationToken', find: (e, r) => byEmail(bodyString(r, 'email'), e) },
  [`POST ${M}/forgot/token`]: { op: 'account.forgotPasswordToken', find: (e, r) => byEmail(bodyString(r, 'email'), e) },
  [`GET ${M}/access_token`]: { op: 'account.accessTokenByUid', find: byUidParam },
  [`GET ${M}/sott`]: { op: 'account.sott', find: () => ({}) },
  [`GET ${M}/identities`]: { op: 'account.identitiesByEmail', find: (e, r) => byEmail(q(r, 'email'), e) },
  [`PUT ${M}/:uid/invalidateemail`]: { op: 'account.invalidateEmail', find: byUidParam },
  [`DELETE ${M}/2fa/authenticator`]: { op: 'account.mfaResetAuthenticator', find: byUidParam },
  [`DELETE ${M}/2fa/authenticator/otp/email`]: { op: 'account.mfaResetEmailOtp', find: byUidParam },
  [`GET ${M}/2fa/backupcode`]: { op: 'account.mfaBackupCodes', find: byUidParam },
  [`GET ${M}/2fa/backupcode/reset`]: { op: 'account.mfaResetBackupCodes', find: byUidParam },
  [`GET ${A}/account/delete`]: { op: 'auth.deleteAccount', find: (e, r) => byOneTime('delete', q(r, 'deletetoken'), e) },
  [`PUT ${A}/password/reset`]: { op: 'auth.resetPassword', find: (e, r) => byOneTime('reset', bodyString(r, 'resettoken'), e) },
  [`PUT ${A}/password/change`]: { op: 'auth.changePassword', find: byAccessToken },
  [`PUT ${A}/password/securityanswer`]: { op: 'auth.resetPasswordBySecurityAnswer', find: (e, r) => byEmail(bodyString(r, 'email'), e) },
};

/** The operation names, for the `operation` filter's error text and the README. */
export const AUDITED_OPERATIONS = Object.values(AUDITED).map((a) => a.op);

/** Which credential the caller presented (its kind, never its value). */
function credentialOf(request: FastifyRequest, op: string): string {
  if (op.startsWith('account.')) {
    if (request.headers['x-loginradius-apisecret'] !== undefined) return 'api secret (header)';
    return q(request, 'apisecret') ? 'api secret (query)' : 'none';
  }
  if (op === 'auth.changePassword') return 'access token';
  if (op === 'auth.resetPasswordBySecurityAnswer') return 'security answer';
  return op === 'auth.deleteAccount' ? 'delete token' : 'reset token';
}

function errorCodeOf(payload: unknown): number | null {
  if (typeof payload !== 'string') return null;
  const m = /"ErrorCode":(\d+)/.exec(payload);
  return m ? Number(m[1]) : null;
}

const TARGET = Symbol('audit target');
type Audited = FastifyRequest & { [TARGET]?: Target };

export function installAudit(app: FastifyInstance, emu: Emu, log: boolean): void {
  const audited = (request: FastifyRequest) => AUDITED[`${request.method} ${request.routeOptions.url ?? ''}`];

  app.addHook('preHandler', async (request) => {
    const a = audited(request);
    if (!a) return;
    let found: Partial<Target> = {};
    try { found = a.find(emu, request); } catch { /* the handler answers malformed input */ }
    (request as Audited)[TARGET] = { uid: found.uid ?? null, email: found.email ?? null };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const a = audited(request);
    if (!a || request.method === 'OPTIONS') return payload;
    const target = (request as Audited)[TARGET] ?? { uid: null, email: null };
    const status = reply.statusCode;
    if (a.op === 'account.create' && status === 200 && typeof payload === 'string') target.uid = /"Uid":"([0-9a-f]+)"/.exec(payload)?.[1] ?? null;
    const entry: AuditEntry = {
      Time: new Date(emu.now()).toISOString(), Operation: a.op, Uid: target.uid, Email: target.email, Status: status,
      ErrorCode: status >= 400 ? errorCodeOf(payload) : null,
      Caller: { Address: request.ip, Credential: credentialOf(request, a.op) },
    };
    emu.store.addAudit(entry);
    if (log) request.log.info({ audit: entry }, `audit ${entry.Operation} uid=${entry.Uid ?? '-'} email=${entry.Email ?? '-'} → ${status}${entry.ErrorCode ? ` (${entry.ErrorCode})` : ''} by ${entry.Caller.Address} with ${entry.Caller.Credential}`);
    try {
      await emu.commit();
    } catch {
      // The change itself was committed before this answer; a failed audit write is reported by persist.ts.
    }
    return payload;
  });
}

/** `GET /__emulator/audit` filters: uid, operation, since (ISO date or epoch milliseconds). */
export function auditFilter(uid: string | undefined, operation: string | undefined, since: string | undefined): (e: AuditEntry) => boolean {
  const from = since === undefined ? -Infinity : /^\d+$/.test(since) ? Number(since) : Date.parse(since);
  if (Number.isNaN(from)) fail(908, 'The since parameter must be an ISO date or epoch milliseconds.');
  if (operation !== undefined && !AUDITED_OPERATIONS.includes(operation)) fail(908, `Unknown operation; known: ${AUDITED_OPERATIONS.join(', ')}.`);
  return (e) => (uid === undefined || e.Uid === uid) && (operation === undefined || e.Operation === operation) && Date.parse(e.Time) >= from;
}
