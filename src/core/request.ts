/**
 * The request machinery of the Auth API client (`/identity/v2/auth/*`: the apikey in the query, the token ONLY in
 * `Authorization: Bearer`, timeouts, retries of idempotent GETs, LoginRadius errors as `LrError`), the shared
 * types, and the calls the core itself makes: the session's login, profile read, token validation and sign-out,
 * the Forgot Password request (`forgot.ts`) and the resend of the verification email (the email manager and the
 * resend view of three elements), which stay in the CDN build's `core` chunk. The calls by area are in their own
 * modules, so that each follows the elements that make it; `client.ts` exports every call.
 */
import type { Config } from './config.js';
import { LrError } from './errors.js';

/** One e-mail entry of a LoginRadius profile. */
export interface EmailEntry {
  Type: string;
  Value: string;
}

/** A LoginRadius profile as the API returns it (only the fields the elements read are typed). */
export interface Profile {
  Uid: string;
  Email?: EmailEntry[] | null;
  EmailVerified?: boolean;
  FirstName?: string | null;
  LastName?: string | null;
  FullName?: string | null;
  [field: string]: unknown;
}

/** What login, auto-login registration and auto-login verification return. */
export interface LoginResult {
  access_token: string;
  refresh_token?: string;
  /** ISO date. */
  expires_in?: string;
  Profile: Profile;
}

export interface TokenInfo {
  access_token: string;
  refresh_token?: string;
  expires_in?: string;
}

/** `Data` is null when no token is issued (verification required, or no login on verification). */
export interface PostedWithLogin {
  IsPosted: boolean;
  Data: LoginResult | null;
}

export interface Posted {
  IsPosted: boolean;
}

/** Optional on every call. */
export interface CallOptions {
  signal?: AbortSignal;
}

type Query = Record<string, string | undefined>;

interface Req extends CallOptions {
  query?: Query;
  body?: unknown;
  /** Access token: sent ONLY as `Authorization: Bearer`. */
  token?: string;
  headers?: Record<string, string>;
  /** Idempotent GET: retried on network errors and 502/503/504 (up to 3 times) and on a timeout (once). */
  retry?: boolean;
  /** Keys a success body must carry (non-null, non-empty). */
  need: string[];
  /** The success body is a JSON array (`need` does not apply). */
  list?: boolean;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/** `Retry-After` as seconds (delta or HTTP-date); missing or invalid → 30. */
export function retryAfterSeconds(h: string | null): number {
  if (h && /^\s*\d+\s*$/.test(h)) return +h;
  const at = h ? Date.parse(h) : NaN;
  return at ? Math.max(0, Math.ceil((at - Date.now()) / 1000)) : 30;
}

async function once<T>(cfg: Config, method: string, path: string, r: Req): Promise<T> {
  const q = new URLSearchParams({ apikey: cfg.apiKey });
  for (const [k, v] of Object.entries(r.query ?? {})) if (v != null && v !== '') q.set(k, v);
  const headers: Record<string, string> = { ...r.headers };
  if (r.token) headers.Authorization = `Bearer ${r.token}`;
  if (r.body !== undefined) headers['Content-Type'] = 'application/json';

  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), ctl.abort()), cfg.timeoutMs);
  const onAbort = () => ctl.abort(r.signal!.reason);
  r.signal?.addEventListener('abort', onAbort);
  let res: Response, text: string;
  try {
    r.signal?.throwIfAborted();
    res = await fetch(`${cfg.apiBase}/identity/v2/auth/${path}?${q}`, {
      method,
      headers,
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
      signal: ctl.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    text = await res.text();
  } catch (e) {
    if (r.signal?.aborted) throw r.signal.reason; // the caller gave up: not an LrError
    throw timedOut
      ? new LrError('timeout', 'The request timed out')
      : new LrError('network', 'The network request failed');
  } finally {
    clearTimeout(timer);
    r.signal?.removeEventListener('abort', onAbort);
  }

  let body: any;
  try {
    body = JSON.parse(text);
  } catch {}
  const status = res.status;
  const scrub = (s: unknown) => {
    const m = typeof s == 'string' && s ? s : `HTTP ${status}`;
    return r.token ? m.split(r.token).join('…') : m;
  };
  const kind = status == 429 ? 'rate-limited' : status >= 500 ? 'server' : 'api';
  const extra = {
    status,
    retryAfter: status == 429 ? retryAfterSeconds(res.headers.get('Retry-After')) : undefined,
  };
  if (body?.ErrorCode) {
    throw new LrError(kind, scrub(body.Description || body.Message), {
      ...extra,
      code: body.ErrorCode,
      fieldErrors: Array.isArray(body.Errors)
        ? body.Errors.map((e: any) => ({ field: String(e?.FieldName), message: scrub(e?.ErrorMessage) }))
        : undefined,
      data: body.Data && typeof body.Data == 'object' && !Array.isArray(body.Data) ? body.Data : undefined,
    });
  }
  if (!res.ok) throw new LrError(kind == 'api' ? 'server' : kind, `HTTP ${status}`, extra);
  if (r.list && Array.isArray(body)) return body as T;
  if (r.list || !body || typeof body != 'object' || Array.isArray(body) || r.need.some((k) => body[k] == null || body[k] === ''))
    throw new LrError('server', 'Unexpected response from the server', extra);
  return body;
}

/**
 * Calls `/identity/v2/auth/<path>`; retries idempotent GETs up to 3 times with backoff and jitter.
 * @internal shared by the endpoint modules of the core (this one, the modules by area, `mfa.ts`, …).
 */
export async function call<T>(cfg: Config, method: string, path: string, r: Req): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await once<T>(cfg, method, path, r);
    } catch (e) {
      // Network errors and 502/503/504 up to 3 times; a timeout once (each attempt may take the whole timeout).
      const retryable =
        e instanceof LrError &&
        (e.kind == 'network' || (e.kind == 'timeout' && !attempt) || (e.kind == 'server' && [502, 503, 504].includes(e.status!)));
      if (!r.retry || !retryable || attempt >= 3) throw e;
      await sleep(250 * 2 ** attempt * (0.5 + Math.random()), r.signal);
    }
  }
}

// ---- Endpoints (A-numbers refer to the API contract notes) -------------------------------------

/** Who signs in: an email address, or a username (`POST /auth/login` takes either). */
export type LoginId = { email: string } | { username: string };

/** What lifts a login lock: a CAPTCHA response (1132) or security answers by question id (1148). */
export interface LockProof {
  captcha?: string;
  securityAnswer?: Record<string, string>;
}

/**
 * A4: login by email (a string) or username. 966 wrong credentials, 970 email not verified; the lockout answers
 * 1198 (`data.LoginLockedTimeout`), 1132, 1148, 991. Never retried.
 */
export const login = (
  cfg: Config,
  id: string | LoginId,
  password: string,
  o: CallOptions & { verificationUrl?: string; loginUrl?: string } & LockProof = {},
) =>
  call<LoginResult>(cfg, 'POST', 'login', {
    signal: o.signal,
    query: { verificationurl: o.verificationUrl, loginurl: o.loginUrl },
    body: loginBody(id, password, o),
    need: ['access_token', 'Profile'],
  });

/** The body of a password login (plain or MFA): who, the password, and what lifts a lock. */
export const loginBody = (id: string | LoginId, password: string, o: LockProof) => ({
  ...(typeof id == 'string' ? { email: id } : id),
  password,
  ...(o.captcha ? { 'g-recaptcha-response': o.captcha } : {}),
  ...(o.securityAnswer ? { securityanswer: o.securityAnswer } : {}),
});

/** A2: resend the verification email. 1025 if already verified. */
export const resendVerification = (cfg: Config, email: string, o: CallOptions & { verificationUrl?: string } = {}) =>
  call<Posted>(cfg, 'PUT', 'register', { ...o, query: { verificationurl: o.verificationUrl }, body: { email }, need: ['IsPosted'] });

/** A5: send the reset-password email (`resetpasswordurl` is the page that handles the link). */
export const forgotPassword = (cfg: Config, email: string, resetPasswordUrl: string, o: CallOptions = {}) =>
  call<Posted>(cfg, 'POST', 'password', { ...o, query: { resetpasswordurl: resetPasswordUrl }, body: { email }, need: ['IsPosted'] });

/** A11: the full profile of the token's user. */
export const readProfile = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<Profile>(cfg, 'GET', 'account', { ...o, token, retry: true, need: ['Uid'] });

/** A8: is the token valid? Resolves with its (possibly extended) expiry; 905/906 when not. */
export const validateToken = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<TokenInfo>(cfg, 'GET', 'access_token/validate', { ...o, token, retry: true, need: ['access_token'] });

/** A9: invalidate the token on the server (sign out). */
export const invalidateToken = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<Posted>(cfg, 'GET', 'access_token/invalidate', { ...o, token, need: ['IsPosted'] });
