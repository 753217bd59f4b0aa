/**
 * Shared helpers for the emulator tests: a real listening emulator per test (cheap hashing, no rate limits),
 * a small `fetch` wrapper, admin (API secret) helpers, an independent SOTT implementation, and assertions on the
 * LoginRadius error shape.
 */
import assert from 'node:assert/strict';
import { createCipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import type { TestContext } from 'node:test';
import { SECURITY_QUESTIONS } from '../../emulator/routes/common.js';
import { createEmulator, type EmulatorOptions, type Emulator } from '../../emulator/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJson = any;

export const API_KEY = '3f6c7a2e-5b1d-4e8a-9c0f-1a2b3c4d5e6f';
export const API_SECRET = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
/** Not in the common-password list, long enough for any policy. */
export const PASSWORD = 'Correct-Horse-Battery-42';
export const PASSWORD2 = 'Another-Quiet-Meadow-77';
/** The caller's link bases for emailed links (loopback is allowed by default). */
export const LINK = 'http://localhost:8000/verify';
export const RESET_LINK = 'http://localhost:8000/reset';
export const DELETE_LINK = 'http://localhost:8000/delete';

/** The site's first security question (the emulator's fixed list, `SECURITY_QUESTIONS`). */
export const Q1 = SECURITY_QUESTIONS[0]!.QuestionId;
export const Q2 = SECURITY_QUESTIONS[1]!.QuestionId;

export const A = '/identity/v2/auth';
export const M = '/identity/v2/manage/account';

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  body: AnyJson;
}

export interface ApiOptions {
  /** Query parameters; `apikey` is added unless given (use `null` to leave it out). */
  query?: Record<string, string | number | boolean | null | undefined | string[]>;
  /** A JSON value (stringified, `Content-Type: application/json`). */
  json?: unknown;
  /** A raw body; no content type is added for bytes, set one in `headers` if needed. */
  raw?: string | Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** `Authorization: Bearer <token>`. */
  token?: string;
  /** Sends the API secret in `X-LoginRadius-ApiSecret`. */
  secret?: boolean;
}

export interface Harness {
  emu: Emulator;
  url: string;
  api(method: string, path: string, opts?: ApiOptions): Promise<Res>;
  /** Account API call with the secret header. */
  admin(method: string, path: string, opts?: ApiOptions): Promise<Res>;
  /** Emulator controls (`/__emulator/...`). */
  control(method: string, path: string, json?: unknown): Promise<Res>;
  /** Creates a verified account through the Account API; returns its profile. */
  createUser(email: string, password?: string, extra?: Record<string, unknown>): Promise<AnyJson>;
  /** Logs in and asserts success; returns the login response. */
  login(email: string, password?: string): Promise<AnyJson>;
  /** Creates a verified user and logs in; returns `{profile, token, login}`. */
  userWithToken(email: string, password?: string): Promise<{ profile: AnyJson; token: string; login: AnyJson }>;
  outbox(to?: string): Promise<AnyJson[]>;
  config(patch: Record<string, unknown>): Promise<AnyJson>;
  /** Registers through the SOTT endpoint (SOTT built by the test's own implementation). */
  register(body: Record<string, unknown>, query?: ApiOptions['query']): Promise<Res>;
}

export function buildUrl(base: string, path: string, query: ApiOptions['query'] = {}, apiKey: string | null = API_KEY): string {
  const u = new URL(path, base);
  const q: Record<string, unknown> = { ...query };
  if (!('apikey' in q) && apiKey !== null) q.apikey = apiKey;
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) u.searchParams.append(k, x);
    else u.searchParams.append(k, String(v));
  }
  return u.toString();
}

export async function request(base: string, method: string, path: string, opts: ApiOptions = {}): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: RequestInit['body'];
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  } else if (opts.raw !== undefined) body = opts.raw as RequestInit['body'];
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.secret) headers['x-loginradius-apisecret'] = API_SECRET;
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
  if (opts.raw instanceof ReadableStream) init.duplex = 'half';
  const r = await fetch(buildUrl(base, path, opts.query), init);
  const text = await r.text();
  let parsed: AnyJson;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: r.status, headers: r.headers, text, body: parsed };
}

/** Starts an emulator on 127.0.0.1:0 for one test and closes it afterwards; `setup` runs before it listens. */
export async function start(t: TestContext, options: EmulatorOptions = {}, setup?: (emu: Emulator) => void): Promise<Harness> {
  const emu = createEmulator({ apiKey: API_KEY, apiSecret: API_SECRET, hashCost: 'fast', rateLimit: false, ...options });
  setup?.(emu);
  const url = await emu.listen({ port: 0 });
  t.after(() => emu.close());
  const api = (method: string, path: string, opts?: ApiOptions) => request(url, method, path, opts);
  const h: Harness = {
    emu,
    url,
    api,
    admin: (method, path, opts = {}) => api(method, path, { ...opts, secret: true }),
    // State-changing controls need Content-Type: application/json even without a body (the cross-site guard).
    control: (method, path, json) => request(url, method, `/__emulator${path}`, {
      json, query: { apikey: null }, headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    }),
    async createUser(email, password = PASSWORD, extra = {}) {
      const r = await h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: email }], Password: password, EmailVerified: true, ...extra } });
      assert.equal(r.status, 200, r.text);
      return r.body;
    },
    async login(email, password = PASSWORD) {
      const r = await api('POST', `${A}/login`, { json: { email, password } });
      assert.equal(r.status, 200, r.text);
      return r.body;
    },
    async userWithToken(email, password = PASSWORD) {
      const profile = await h.createUser(email, password);
      const login = await h.login(email, password);
      return { profile, token: login.access_token as string, login };
    },
    async outbox(to) {
      const r = await request(url, 'GET', '/__emulator/outbox', { query: { apikey: null, to } });
      assert.equal(r.status, 200, r.text);
      return r.body.Messages;
    },
    async config(patch) {
      const r = await h.control('PUT', '/config', patch);
      assert.equal(r.status, 200, r.text);
      return r.body;
    },
    register(body, query = {}) {
      return api('POST', `${A}/register`, { json: body, query, headers: { 'x-loginradius-sott': sott() } });
    },
  };
  return h;
}

/** The registration body for one email address. */
export const regBody = (email: string, password = PASSWORD, extra: Record<string, unknown> = {}) =>
  ({ Email: [{ Type: 'Primary', Value: email }], Password: password, ...extra });

// ---------------------------------------------------------------------------------------------- SOTT
/**
 * An independent SOTT implementation following docs/loginradius-api.md §3.2 (Node SDK style: dates not zero-padded,
 * e.g. `2026/11/23 8:40:38`): AES-256-CBC over `start#apikey#end`, key PBKDF2-SHA1(secret, 8 zero bytes, 10000, 32),
 * IV `tu89geji340t89u2`, base64, then `*` and the MD5 hex of the base64 text.
 */
export function nodeSdkDate(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export function sottFrom(plain: string, secret = API_SECRET): string {
  const key = pbkdf2Sync(secret, Buffer.alloc(8), 10000, 32, 'sha1');
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.from('tu89geji340t89u2', 'ascii'));
  const b64 = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
  return `${b64}*${createHash('md5').update(b64).digest('hex')}`;
}

export function sott(opts: { apiKey?: string; secret?: string; start?: Date; end?: Date } = {}): string {
  const now = Date.now();
  const start = opts.start ?? new Date(now - 60_000);
  const end = opts.end ?? new Date(now + 10 * 60_000);
  return sottFrom(`${nodeSdkDate(start)}#${opts.apiKey ?? API_KEY}#${nodeSdkDate(end)}`, opts.secret);
}

// ------------------------------------------------------------------------------------------ asserts
/** Asserts the LoginRadius error JSON: status, ErrorCode and the exact key set (plus `Errors` on 1134, `Data` on 1198). */
export function assertError(r: Res, status: number, code: number): void {
  assert.equal(r.status, status, `expected ${status}/${code}, got ${r.status}: ${r.text}`);
  assert.ok(r.body && typeof r.body === 'object', `not JSON: ${r.text}`);
  assert.equal(r.body.ErrorCode, code, r.text);
  assert.equal(typeof r.body.Description, 'string');
  assert.ok(r.body.Description.length > 0);
  assert.equal(typeof r.body.Message, 'string');
  assert.equal(r.body.IsProviderError, false);
  assert.equal(r.body.ProviderErrorResponse, null);
  const keys = ['Description', 'ErrorCode', 'Message', 'IsProviderError', 'ProviderErrorResponse'];
  if (code === 1134) {
    assert.ok(Array.isArray(r.body.Errors) && r.body.Errors.length > 0, 'a 1134 carries Errors[]');
    for (const e of r.body.Errors) {
      assert.equal(typeof e.FieldName, 'string');
      assert.equal(typeof e.ErrorMessage, 'string');
    }
    keys.push('Errors');
  }
  // LoginRadius's suspend answer adds `Data: {LoginLockedTimeout}` (a lock by the site's backend has no end).
  if (code === 1198 && 'Data' in r.body) {
    assert.deepEqual(Object.keys(r.body.Data), ['LoginLockedTimeout']);
    keys.push('Data');
  }
  assert.deepEqual(Object.keys(r.body).sort(), keys.sort());
  assert.doesNotMatch(r.text, /\n\s+at |node:internal|\.ts:\d+/, 'no stack trace in an error body');
  assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
}

/** A LoginRadius suspend answer: 1198 with `Data.LoginLockedTimeout` about `until` (ms). */
export function assertLocked(r: Res, until: number): void {
  assert.equal(r.status, 403, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['Data', 'Description', 'ErrorCode', 'IsProviderError', 'Message', 'ProviderErrorResponse']);
  assert.equal(r.body.ErrorCode, 1198);
  assert.equal(r.body.Description, 'Your account has been locked, please try again after sometime.');
  assert.match(r.body.Data.LoginLockedTimeout, ISO_DATE);
  assert.ok(Math.abs(Date.parse(r.body.Data.LoginLockedTimeout) - until) < 5000, r.body.Data.LoginLockedTimeout);
}

/** Any 4xx with a LoginRadius-style error body. */
export function assert4xx(r: Res, what = ''): void {
  assert.ok(r.status >= 400 && r.status < 500, `${what}: expected a 4xx, got ${r.status}: ${r.text.slice(0, 300)}`);
  assert.ok(r.body && typeof r.body.ErrorCode === 'number', `${what}: not a LoginRadius error: ${r.text.slice(0, 300)}`);
  assert.equal(r.body.IsProviderError, false);
  assert.doesNotMatch(r.text, /\n\s+at |node:internal|\.ts:\d+/);
}

/** The `vtoken` of an emailed link. */
export function vtoken(link: string): string {
  const t = new URL(link).searchParams.get('vtoken');
  assert.ok(t, `no vtoken in ${link}`);
  return t;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
