/** Browser-side access to the emulator's `/__emulator/*` controls (CORS is open to loopback origins). */
import { apiBase } from './env.js';

export async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiBase}/__emulator${path}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} /__emulator${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

export interface Fault {
  /** Matched case-insensitively; a trailing `*` makes it a prefix. */
  path: string;
  method?: string;
  status?: number;
  /** 'html' | 'garbage' | 'malformed' | 'empty' | any JSON value sent verbatim. */
  body?: unknown;
  /** Seconds or an HTTP date, sent as `Retry-After`. */
  retryAfter?: number | string;
  delayMs?: number;
  /** Destroys the socket: a network error in the browser. */
  drop?: boolean;
  /** How many requests the fault hits (default: all). */
  times?: number;
}

export interface EmulatorConfig {
  verificationFlow: 'required' | 'optional' | 'disabled';
  loginOnEmailVerification: boolean;
  accessTokenLifetimeSeconds: number;
  passwordMinLength: number;
  rateLimit: false | { max: number; windowSeconds: number };
  clockOffsetSeconds: number;
  rejectQueryTokens: boolean;
  captchaTestToken: string;
  [key: string]: unknown;
}

export interface Mail {
  Id: string;
  To: string;
  Kind: 'verification' | 'reset' | 'delete' | 'welcome' | 'mfa-otp' | 'passwordless';
  Subject: string;
  Link: string | null;
  Token: string | null;
  /** The emailed code (`mfa-otp`, and `passwordless` when the site's codes are on). */
  Otp?: string | null;
  CreatedDate: string;
}

export interface RequestRecord {
  Method: string;
  /** Path and query as received. */
  Url: string;
  /** Whether an Authorization header was sent. */
  Authorization: boolean;
  Origin: string | null;
  Time: string;
}

/** Empty state: users, tokens, outbox, faults, request log; config back to the start options. */
export const reset = () => control('POST', '/reset');
export const getConfig = () => control<EmulatorConfig>('GET', '/config');
/** Merges into the runtime config, e.g. `{verificationFlow: 'optional'}` or `{clockOffsetSeconds: 3600}`. */
export const setConfig = (config: Partial<EmulatorConfig>) => control<EmulatorConfig>('PUT', '/config', config);
/** Replaces the fault list. */
export const setFaults = (...faults: Fault[]) => control('PUT', '/faults', { faults });
export const clearFaults = () => control('DELETE', '/faults');

/** Emails the emulator "sent", optionally only those to `to`. */
export const outbox = async (to?: string) =>
  (await control<{ Messages: Mail[] }>('GET', `/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)).Messages;

/** The newest email of `kind` to `to` (throws when there is none). */
export async function lastMail(to: string, kind: Mail['Kind']): Promise<Mail> {
  const mail = (await outbox(to)).filter((m) => m.Kind === kind).pop();
  if (!mail) throw new Error(`no ${kind} email to ${to}`);
  return mail;
}

/**
 * API requests the emulator received (controls excluded, faulted and dropped ones included), optionally
 * filtered by method and by path (case-insensitive; exact, or a prefix when it ends with `*`).
 */
export async function requests(method?: string, path?: string): Promise<RequestRecord[]> {
  const all = (await control<{ Requests: RequestRecord[] }>('GET', '/requests')).Requests;
  const p = path?.toLowerCase();
  return all.filter((r) => {
    const rp = r.Url.split('?')[0]!.toLowerCase();
    return (!method || r.Method === method) && (!p || (p.endsWith('*') ? rp.startsWith(p.slice(0, -1)) : rp === p));
  });
}
export const clearRequests = () => control('DELETE', '/requests');

/** Auth API path helper: `auth('login')` → `/identity/v2/auth/login`. */
export const auth = (path: string) => `/identity/v2/auth/${path}`;
