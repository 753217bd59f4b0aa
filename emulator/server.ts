/**
 * The LoginRadius-compatible emulator: `createEmulator(options)` builds a fastify app and starts nothing;
 * `await emu.listen()` binds 127.0.0.1 (port 0 by default) and returns the base URL.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { App, Emu, EmulatorOptions, Fault, Handler, Register, Req, RouteDef, RouteKind, RuntimeConfig } from './context.js';
import { hashPassword, safeEqual } from './crypto.js';
import { DEMO_API_KEY, DEMO_API_SECRET } from './defaults.js';
import { LrHttpError, errorBody, fail } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { accountRoutes } from './routes/account.js';
import { controlRoutes } from './routes/controls.js';
import { Store } from './store.js';
import { Body, checkJsonShape, type Json } from './validate.js';

const require = createRequire(import.meta.url);
const dumbPasswords = require('dumb-passwords') as { check(p: string): boolean };

export type { EmulatorOptions, RuntimeConfig, Fault } from './context.js';

export const DEFAULT_CONFIG: RuntimeConfig = {
  verificationFlow: 'required',
  loginOnEmailVerification: true,
  accessTokenLifetimeSeconds: 15 * 60,
  verificationTokenLifetimeSeconds: 24 * 3600,
  resetTokenLifetimeSeconds: 3600,
  deleteTokenLifetimeSeconds: 3600,
  passwordMinLength: 8,
  rateLimit: { max: 30, windowSeconds: 60 },
  lockoutThreshold: 5,
  lockoutSeconds: 60,
  corsOrigins: ['loopback'],
  clockOffsetSeconds: 0,
  rejectQueryTokens: false,
  tokenFormat: 'opaque',
  captchaTestToken: 'emulator-captcha-pass',
};

export interface Emulator {
  app: App;
  emu: Emu;
  /** Listens (default 127.0.0.1, port 0) and returns the base URL, e.g. `http://127.0.0.1:8787`. */
  listen(opts?: { port?: number; host?: string }): Promise<string>;
  close(): Promise<void>;
  url: string | null;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
/** LoginRadius's code for a body that is not a JSON object: POST 965, PUT 1079, otherwise 1090. */
const bodyCodeFor = (method: string) => (method === 'POST' ? 965 : method === 'PUT' ? 1079 : 1090);

function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const hashCost = options.hashCost ?? 'default';
  if (hashCost === 'fast' && process.env.NODE_ENV === 'production') {
    throw new Error("hashCost 'fast' is for tests and is refused when NODE_ENV=production");
  }
  const startConfig: RuntimeConfig = { ...DEFAULT_CONFIG };
  for (const k of Object.keys(DEFAULT_CONFIG) as (keyof RuntimeConfig)[]) {
    if (options[k] !== undefined) (startConfig as unknown as Record<string, unknown>)[k] = options[k];
  }
  const store = new Store(options.dataFile);
  let saveTimer: NodeJS.Timeout | null = null;

  const emu: Emu = {
    apiKey: options.apiKey ?? DEMO_API_KEY,
    apiSecret: options.apiSecret ?? DEMO_API_SECRET,
    hashCost,
    config: structuredClone(startConfig),
    store,
    faults: [],
    now: () => Date.now() + emu.config.clockOffsetSeconds * 1000,
    isCommonPassword: (p) => dumbPasswords.check(p),
    verifyCaptcha: async (token) =>
      options.verifyCaptcha ? Boolean(await options.verifyCaptcha(token)) : safeEqual(token, emu.config.captchaTestToken),
    hash: (p) => hashPassword(p, hashCost),
    dummyHash: hashPassword('dummy password for unknown users', hashCost),
    send(kind, to, subject, link, token) {
      store.outbox.push({ Id: randomUUID(), To: to, Kind: kind, Subject: subject, Link: link, Token: token, CreatedDate: new Date(emu.now()).toISOString() });
      if (store.outbox.length > 1000) store.outbox.splice(0, store.outbox.length - 1000);
    },
    rate: new Map(),
    lockouts: new Map(),
    requests: [],
    changed() {
      if (!options.dataFile || saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = null;
        // A failed background save (disk full, permissions) must not take the server down; the previous file stays.
        try { store.save(); } catch (err) { console.error(`[emulator] could not save ${options.dataFile}:`, err); }
      }, 50);
    },
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestTimeout: 30_000,
    connectionTimeout: 30_000,
    return503OnClosing: true,
    // Router-level failures (an over-long path parameter, bad percent-encoding) get the LoginRadius error JSON too,
    // never fastify's default body (which echoes the raw path).
    frameworkErrors: (_err, _req, res) => {
      const reply = res as FastifyReply;
      void reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
      void reply.code(403).send(errorBody(908, 'The request URL is not well formed.'));
    },
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      querystringParser: parseQuery,
    },
  });

  // ------------------------------------------------------------------------------------- body parsing
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, buf, done) => {
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2];
    if (charset && !/^utf-?8$/i.test(charset)) return done(Object.assign(new Error('unsupported charset'), { statusCode: 415 }), undefined);
    const bytes = buf as Buffer;
    if (bytes.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return done(new LrHttpError(bodyCodeFor(req.method), 'The request body is not valid UTF-8.'), undefined);
    }
    // secure-json-parse would silently strip a byte-order mark; JSON senders must not add one (RFC 8259 §8.1).
    if (text.charCodeAt(0) === 0xfeff) return done(new LrHttpError(bodyCodeFor(req.method), 'The request body starts with a byte-order mark.'), undefined);
    jsonParser(req, text, (err, value) => {
      if (err) return done(new LrHttpError(bodyCodeFor(req.method), /prototype/i.test(err.message) ? 'The request body contains a forbidden property name.' : undefined), undefined);
      try {
        checkJsonShape(value, bodyCodeFor(req.method));
      } catch (e) {
        return done(e as Error, undefined);
      }
      done(null, value);
    });
  });

  // ------------------------------------------------------------------------------------------- CORS
  // The router decodes percent-escapes (`/identity/v2/%6Danage/account` reaches the Account API), so decode here too;
  // an undecodable path is treated as the Account API (no CORS).
  const isManage = (url: string) => {
    let path = url.split('?')[0]!;
    try { path = decodeURIComponent(path); } catch { return true; }
    return /^\/+identity\/+v2\/+manage(\/|$)/i.test(path);
  };
  const originAllowed = (origin: string | undefined) =>
    !!origin && origin !== 'null' && emu.config.corsOrigins.some((o) => (o === 'loopback' ? isLoopbackOrigin(origin) : o === origin));
  void app.register(cors, {
    hook: 'onRequest',
    delegator: (req, cb) => {
      const origin = req.headers.origin;
      // The Account API needs the secret: it never answers browsers (no CORS headers, preflights fail).
      const allowed = !isManage(req.url) && originAllowed(origin);
      cb(null, {
        origin: allowed ? origin! : false,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type', 'X-LoginRadius-Sott', 'X-Requested-With', 'X-LoginRadius-ApiKey'],
        exposedHeaders: ['Retry-After'],
        maxAge: 600,
        strictPreflight: false,
      });
    },
  });

  // ----------------------------------------------------------------------------- request log, faults
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'OPTIONS' || req.url.toLowerCase().startsWith('/__emulator')) return;
    emu.requests.push({
      // Secrets sent in the query are recorded as present but redacted, so the log never holds them.
      Method: req.method, Url: req.url.replace(/([?&](?:access_token|apisecret)=)[^&]*/gi, '$1[redacted]'), Authorization: !!req.headers.authorization,
      Origin: req.headers.origin ?? null, Time: new Date().toISOString(),
    });
    if (emu.requests.length > 2000) emu.requests.splice(0, 1000);
    const path = req.url.split('?')[0]!.toLowerCase();
    const i = emu.faults.findIndex((f) => faultMatches(f, req.method, path));
    if (i < 0) return;
    const f = emu.faults[i]!;
    if (f.times !== undefined && --f.times <= 0) emu.faults.splice(i, 1);
    if (f.delayMs) await new Promise((r) => setTimeout(r, Math.min(f.delayMs!, 120_000)));
    if (f.drop) {
      reply.hijack();
      req.raw.socket.destroy();
      return;
    }
    if (f.status === undefined && f.body === undefined) return; // latency only
    const status = f.status ?? 200;
    if (f.retryAfter !== undefined) void reply.header('retry-after', String(f.retryAfter));
    const code = status === 429 ? 429 : status >= 500 ? 950 : 1090;
    switch (f.body) {
      case undefined: return reply.code(status).send(errorBody(code));
      case 'html': return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html><title>${status}</title><h1>${status} Service error</h1>`);
      case 'garbage': return reply.code(status).type('text/plain; charset=utf-8').send('upstream connect error or disconnect/reset before headers');
      case 'malformed': return reply.code(status).type('application/json; charset=utf-8').send('{"Profile":{"Uid":"');
      case 'empty': return reply.code(status).send({});
      default: return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(f.body));
    }
  });

  // ---------------------------------------------------------------------------- headers and errors
  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err: FastifyError | LrHttpError, req, reply) => {
    if (err instanceof LrHttpError) {
      for (const [k, v] of Object.entries(err.headers)) void reply.header(k, v);
      return reply.code(err.status).send(err.toJSON());
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 413) return reply.code(413).send(errorBody(413));
    if (status === 415) return reply.code(415).send(errorBody(415));
    if (status >= 400 && status < 500) return reply.code(400).send(errorBody(bodyCodeFor(req.method), 'The request is malformed.'));
    const ref = randomUUID();
    req.log.error({ err, ref }, 'unhandled error');
    if (!options.logger) console.error(`[emulator] unhandled error (reference ${ref}):`, err);
    return reply.code(500).send(errorBody(950, `An unknown error occurred. Reference: ${ref}`));
  });

  // ------------------------------------------------------------------------------------- routing
  const known: { method: string; re: RegExp }[] = [];

  const register: Register = (def: RouteDef) => {
    known.push({ method: def.method, re: new RegExp(`^${def.path.replace(/:[^/]+/g, '[^/]+')}/?$`, 'i') });
    app.route({
      method: def.method,
      url: def.path,
      handler: async (request, reply) => {
        guard(def.kind, request);
        if (def.group) rateLimit(def.group, request);
        const body = new Body(BODY_METHODS.has(request.method) ? request.body : undefined, bodyCodeFor(request.method));
        let result: Json;
        try {
          result = await def.handler(makeReq(request, reply, body));
        } finally {
          // Some GETs change state (verify email, delete by token, invalidate, impersonation) and some failures too
          // (a 970 login re-sends the verification mail): schedule a save for every API call.
          if (def.kind !== 'control' || request.method !== 'GET') emu.changed();
        }
        if (reply.sent) return reply;
        return reply.send(result as Json);
      },
    });
  };

  function guard(kind: RouteKind, request: FastifyRequest): void {
    if (kind === 'control' || kind === 'open') return;
    const q = request.query as Record<string, string | string[]>;
    const key = single(q.apikey) ?? header(request, 'x-loginradius-apikey');
    if (!key) fail(922);
    if (!safeEqual(key, emu.apiKey)) fail(920);
    if (kind === 'manage') {
      const fromHeader = header(request, 'x-loginradius-apisecret');
      const secret = fromHeader ?? single(q.apisecret);
      if (!secret) fail(923);
      if (!safeEqual(secret, emu.apiSecret)) fail(921);
      // Accepted for parity with LoginRadius's docs, but a secret in a URL ends up in logs (E1-12).
      if (!fromHeader) request.log.warn('API secret sent in the query string; send it as X-LoginRadius-ApiSecret');
    }
  }

  function rateLimit(group: string, request: FastifyRequest): void {
    const rl = emu.config.rateLimit;
    if (!rl) return;
    const now = Date.now();
    const k = `${group}|${request.ip}`;
    let c = emu.rate.get(k);
    if (!c || c.resetAt <= now) emu.rate.set(k, (c = { count: 0, resetAt: now + rl.windowSeconds * 1000 }));
    if (++c.count > rl.max) {
      throw new LrHttpError(429, undefined, undefined, 429, { 'retry-after': String(Math.max(1, Math.ceil((c.resetAt - now) / 1000))) });
    }
  }

  function makeReq(request: FastifyRequest, reply: FastifyReply, body: Body): Req {
    const q = request.query as Record<string, string | string[]>;
    let cachedToken: string | undefined;
    const req: Req = {
      raw: request,
      reply,
      body,
      q: (name) => single(q[name.toLowerCase()]) || undefined,
      token() {
        if (cachedToken) return cachedToken;
        const auth = header(request, 'authorization');
        const bearer = auth && /^bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
        const fromQuery = single(q.access_token);
        if (fromQuery && emu.config.rejectQueryTokens) fail(908, 'Send the access token in the Authorization header, not in the URL.');
        if (bearer && fromQuery && bearer !== fromQuery) fail(908, 'Two different access tokens were sent.');
        const fromBody = body.str('access_token');
        const token = bearer || fromQuery || fromBody;
        if (!token) fail(1060);
        return (cachedToken = token);
      },
      user() {
        const t = emu.store.tokens.get(req.token());
        if (!t) fail(905);
        if (t.expiresAt <= emu.now()) fail(906);
        const user = emu.store.get(t.uid);
        if (!user) fail(905);
        return user;
      },
    };
    return req;
  }

  authRoutes(register, emu);
  accountRoutes(register, emu);
  controlRoutes(register, emu, startConfig);

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const allow = known.filter((k) => k.re.test(path)).map((k) => k.method);
    if (allow.length) return reply.code(405).header('allow', [...new Set(allow)].join(', ')).send(errorBody(405));
    return reply.code(404).send(errorBody(404));
  });

  const emulator: Emulator = {
    app,
    emu,
    url: null,
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      await app.listen({ port, host });
      app.server.headersTimeout = 20_000;
      const addr = app.server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      emulator.url = `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
      return emulator.url;
    },
    async close() {
      if (saveTimer) { clearTimeout(saveTimer); saveTimer = null; }
      try {
        if (options.dataFile) store.save();
      } finally {
        await app.close(); // even when the final save fails
      }
    },
  };
  return emulator;
}

/** Query strings: names case-insensitive (lowercased), a repeated name becomes an array (and is refused). */
function parseQuery(str: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URLSearchParams(str)) {
    const key = k.toLowerCase();
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function single(v: string | string[] | undefined): string | undefined {
  if (Array.isArray(v)) fail(908, 'A query parameter was given more than once.');
  return v === '' ? undefined : v;
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  if (Array.isArray(v)) fail(908, 'A header was given more than once.');
  return v || undefined;
}

function faultMatches(f: Fault, method: string, path: string): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false;
  const p = f.path.toLowerCase();
  return p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p || path === `${p}/`;
}

export type { Handler };
