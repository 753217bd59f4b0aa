/**
 * Emulator-only controls under /__emulator/ (not part of LoginRadius): reset, outbox, config, faults, request log.
 * They need no key: the emulator is a local development backend bound to 127.0.0.1.
 */
import { auditFilter } from '../audit.js';
import type { Emu, Fault, LockoutType, Req, RouteDef, RuntimeConfig } from '../context.js';
import { fail, invalid } from '../errors.js';
import { isMergedObject, resetState } from '../state.js';
import { PASSWORD_MAX, type Json } from '../validate.js';

const C = '/__emulator';
const LOCKOUT_TYPES: LockoutType[] = ['suspend', 'captcha', 'securityquestion', 'block'];

type Checker = (v: unknown) => boolean;
const int = (min: number, max: number): Checker => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const CONFIG_TYPES: Record<keyof RuntimeConfig, Checker> = {
  verificationFlow: (v) => v === 'required' || v === 'optional' || v === 'disabled',
  loginOnEmailVerification: (v) => typeof v === 'boolean',
  accessTokenLifetimeSeconds: int(1, 90 * 24 * 3600),
  verificationTokenLifetimeSeconds: int(1, 30 * 24 * 3600),
  resetTokenLifetimeSeconds: int(1, 30 * 24 * 3600),
  deleteTokenLifetimeSeconds: int(1, 30 * 24 * 3600),
  passwordPolicy: (v) => {
    const o = v as Record<string, unknown>;
    return !!o && typeof o === 'object' && int(1, PASSWORD_MAX)(o.minLength) && int(1, PASSWORD_MAX)(o.maxLength) &&
      (o.minLength as number) <= (o.maxLength as number) && typeof o.complexity === 'boolean' && typeof o.commonPasswordProtection === 'boolean' &&
      Object.keys(o).length === 4;
  },
  rateLimit: (v) => v === false || (!!v && typeof v === 'object' && int(1, 1e6)((v as Record<string, unknown>).max) && int(1, 86400)((v as Record<string, unknown>).windowSeconds)),
  lockout: (v) => {
    const o = v as Record<string, unknown>;
    return !!o && typeof o === 'object' && int(0, 100)(o.threshold) && LOCKOUT_TYPES.includes(o.type as LockoutType) &&
      int(1, 30 * 24 * 3600)(o.suspendSeconds) && Object.keys(o).length === 3;
  },
  corsOrigins: (v) => Array.isArray(v) && v.length <= 50 && v.every((o) => typeof o === 'string' && o.length < 200),
  clockOffsetSeconds: int(-10 * 365 * 86400, 10 * 365 * 86400),
  rejectQueryTokens: (v) => typeof v === 'boolean',
  tokenFormat: (v) => v === 'guid' || v === 'opaque' || v === 'long',
  captchaTestToken: (v) => typeof v === 'string' && v.length > 0 && v.length < 200,
  mfa: (v) => v === 'off' || v === 'optional' || v === 'required',
  mfaMethods: (v) => Array.isArray(v) && v.length <= 3 && new Set(v).size === v.length && v.every((m) => m === 'authenticator' || m === 'emailotp' || m === 'backupcode'),
  mfaTokenLifetimeSeconds: int(1, 24 * 3600),
  otpLifetimeSeconds: int(1, 24 * 3600),
  passwordlessLogin: (v) => typeof v === 'boolean',
  passwordlessOtp: (v) => typeof v === 'boolean',
  passwordlessTokenLifetimeSeconds: int(1, 30 * 24 * 3600),
  expiredTokenGraceSeconds: int(0, 30 * 24 * 3600),
};

export function controlRoutes(emu: Emu, startConfig: RuntimeConfig): RouteDef[] {
  const ok = { ok: true };

  /** Liveness plus the sizes of what the emulator holds (bounded-memory checks read them) and its RSS. */
  function status(): Json {
    const { store } = emu;
    return {
      ok: true, users: store.users.size, tokens: store.tokens.size, oneTimeTokens: store.oneTime.size, outbox: store.outbox.length,
      lockouts: emu.lockouts.size, rateWindows: emu.rate.size, requests: emu.requests.length, rssBytes: process.memoryUsage.rss(),
    };
  }

  function reset(): Json {
    resetState(emu, startConfig);
    return ok;
  }

  function readOutbox(req: Req): Json {
    const to = req.q('to');
    return { Messages: (to ? emu.store.mailTo(to) : emu.store.outbox) as unknown as Json };
  }

  function clearOutbox(): Json {
    emu.store.clearOutbox();
    return ok;
  }

  function readConfig(): Json {
    return emu.config as unknown as Json;
  }

  /**
   * Merges the body into the config: every name must be known and every value valid, or nothing changes. `lockout`
   * and `passwordPolicy` take partial objects; `passwordMinLength` is kept as a short form of `passwordPolicy.minLength`.
   */
  function updateConfig(req: Req): Json {
    if (!req.body.present) fail(1079);
    const next = structuredClone(emu.config) as unknown as Record<string, unknown>;
    const names = new Map(Object.keys(CONFIG_TYPES).map((k) => [k.toLowerCase(), k as keyof RuntimeConfig]));
    for (const [lower, value] of req.body.entries()) {
      if (lower === 'passwordminlength') {
        if (!int(1, PASSWORD_MAX)(value)) invalid(['passwordMinLength', 'Invalid value for passwordMinLength.']);
        const policy = next.passwordPolicy as Record<string, number>;
        policy.minLength = value as number;
        policy.maxLength = Math.max(policy.maxLength, policy.minLength);
        continue;
      }
      const name = names.get(lower);
      if (!name) invalid([lower, `Unknown config field; known: ${Object.keys(CONFIG_TYPES).join(', ')}, passwordMinLength.`]);
      const merged = isMergedObject(name) && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...(next[name] as object), ...value } : value;
      if (!CONFIG_TYPES[name](merged)) invalid([name, `Invalid value for ${name}.`]);
      next[name] = merged;
    }
    emu.config = next as unknown as RuntimeConfig;
    if (!emu.config.rateLimit) emu.rate.clear();
    return emu.config as unknown as Json;
  }

  function replaceFaults(req: Req): Json {
    const list = req.body.raw('faults');
    if (!Array.isArray(list) || list.length > 50) invalid(['faults', 'The faults field must be a list of at most 50 faults.']);
    emu.faults.splice(0, emu.faults.length, ...list.map(parseFault));
    return listFaults();
  }

  function listFaults(): Json {
    return { faults: emu.faults as unknown as Json };
  }

  function clearFaults(): Json {
    emu.faults.length = 0;
    return ok;
  }

  function listAudit(req: Req): Json {
    const keep = auditFilter(req.q('uid'), req.q('operation'), req.q('since'));
    return { Entries: emu.store.audit.filter(keep) as unknown as Json };
  }

  function listRequests(): Json {
    return { Requests: emu.requests as unknown as Json };
  }

  function clearRequests(): Json {
    emu.requests.length = 0;
    return ok;
  }

  const control = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path: `${C}${path}`, kind: 'control', handler });
  return [
    control('GET', '/status', status),
    control('POST', '/reset', reset),
    control('GET', '/outbox', readOutbox),
    control('DELETE', '/outbox', clearOutbox),
    control('GET', '/config', readConfig),
    control('PUT', '/config', updateConfig),
    control('PUT', '/faults', replaceFaults),
    control('GET', '/faults', listFaults),
    control('DELETE', '/faults', clearFaults),
    control('GET', '/requests', listRequests),
    control('DELETE', '/requests', clearRequests),
    control('GET', '/audit', listAudit),
  ];
}

function parseFault(v: unknown): Fault {
  if (!v || typeof v !== 'object' || Array.isArray(v)) invalid(['faults', 'Each fault must be an object.']);
  const o = v as Record<string, unknown>;
  const f: Fault = { path: '' };
  if (typeof o.path !== 'string' || !o.path.startsWith('/') || o.path.length > 300) invalid(['path', 'A fault needs a path starting with /.']);
  f.path = o.path;
  if (o.method !== undefined) { if (typeof o.method !== 'string') invalid(['method', 'method must be a string.']); f.method = o.method.toUpperCase(); }
  if (o.status !== undefined) { if (!int(100, 599)(o.status)) invalid(['status', 'status must be an HTTP status.']); f.status = o.status as number; }
  if (o.body !== undefined) f.body = o.body as Json;
  if (o.retryAfter !== undefined) {
    if (!(typeof o.retryAfter === 'string' && !/[\r\n]/.test(o.retryAfter)) && !int(0, 86400)(o.retryAfter)) invalid(['retryAfter', 'retryAfter must be seconds or an HTTP date.']);
    f.retryAfter = o.retryAfter as number | string;
  }
  if (o.delayMs !== undefined) { if (!int(0, 120_000)(o.delayMs)) invalid(['delayMs', 'delayMs must be 0..120000.']); f.delayMs = o.delayMs as number; }
  if (o.drop !== undefined) { if (typeof o.drop !== 'boolean') invalid(['drop', 'drop must be a boolean.']); f.drop = o.drop; }
  if (o.times !== undefined) { if (!int(1, 1e6)(o.times)) invalid(['times', 'times must be a positive integer.']); f.times = o.times as number; }
  return f;
}
