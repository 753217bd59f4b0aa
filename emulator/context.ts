/** Types shared by the server and the route modules. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HashCost, TokenFormat } from './crypto.js';
import type { OutboxMessage, Store, User } from './store.js';
import type { Body, Json } from './validate.js';

export type VerificationFlow = 'required' | 'optional' | 'disabled';

export type MfaMode = 'off' | 'optional' | 'required';
export type MfaMethod = 'authenticator' | 'emailotp' | 'backupcode';

export interface RateLimit { max: number; windowSeconds: number }

export type LockoutType = 'suspend' | 'captcha' | 'securityquestion' | 'block';

/** `threshold` consecutive failed logins on one account (0 = off) trigger `type`; `suspend` lasts `suspendSeconds`. */
export interface Lockout { threshold: number; type: LockoutType; suspendSeconds: number }

/**
 * Length bounds (1134 with `Errors[]`), `complexity` (at least one number and one symbol, LoginRadius's documented
 * default rule; 1134) and `commonPasswordProtection` (the 10,000 most common passwords; 1216).
 */
export interface PasswordPolicy { minLength: number; maxLength: number; complexity: boolean; commonPasswordProtection: boolean }

/** What `PUT /__emulator/config` may change at run time. */
export interface RuntimeConfig {
  verificationFlow: VerificationFlow;
  loginOnEmailVerification: boolean;
  accessTokenLifetimeSeconds: number;
  verificationTokenLifetimeSeconds: number;
  resetTokenLifetimeSeconds: number;
  deleteTokenLifetimeSeconds: number;
  /** The site's password policy (LoginRadius: Data Schema validation rules + Password Complexity). */
  passwordPolicy: PasswordPolicy;
  /** Per client IP and endpoint group (login, register, forgot password, availability); `false` turns it off. */
  rateLimit: RateLimit | false;
  /** LoginRadius's Auth Security "Brute Force Lockout": failed logins per account, then the lock type's 403. */
  lockout: Lockout;
  /** Allowed CORS origins for the Auth API and the controls: exact origins, or `loopback` for any local origin. */
  corsOrigins: string[];
  /** Shifts the emulator's clock (token expiry tests). */
  clockOffsetSeconds: number;
  /** Test-only: refuse `access_token` in the query string (tokens must come as `Authorization: Bearer`). */
  rejectQueryTokens: boolean;
  tokenFormat: TokenFormat;
  /** The captcha response the register-by-captcha endpoint accepts (a documented test token). */
  captchaTestToken: string;
  /** Multi-factor authentication (emulator/mfa/): the site's flow and the second factors it allows. */
  mfa: MfaMode;
  mfaMethods: MfaMethod[];
  /** Lifetime of a second-factor token (L1 → L2..L5). */
  mfaTokenLifetimeSeconds: number;
  /** Lifetime of an emailed code (second-factor email OTP, passwordless code). */
  otpLifetimeSeconds: number;
  /** Passwordless login by email (link; and a code when `passwordlessOtp`). */
  passwordlessLogin: boolean;
  passwordlessOtp: boolean;
  passwordlessTokenLifetimeSeconds: number;
  /**
   * How long an expired access token still answers 906 (then 905: it is dropped), and how long a used or expired
   * one-time token is kept. Default 86400 (a day).
   */
  expiredTokenGraceSeconds: number;
}

export interface EmulatorOptions extends Partial<Omit<RuntimeConfig, 'lockout' | 'passwordPolicy'>> {
  /** Merged into the defaults (e.g. `{lockout: {threshold: 0}}`). */
  lockout?: Partial<Lockout>;
  passwordPolicy?: Partial<PasswordPolicy>;
  apiKey?: string;
  apiSecret?: string;
  hashCost?: HashCost;
  dataFile?: string;
  /** Body size limit in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Replaces the captcha check: return true to accept. */
  verifyCaptcha?: (token: string) => boolean | Promise<boolean>;
  /** fastify logger option; default off. */
  logger?: boolean;
  /** Host names (besides the bound address, localhost, 127.0.0.1 and [::1]) a request's `Host` may name. */
  allowedHosts?: string[];
  /** How long `close()` waits for requests in flight before it cuts their connections (default 10 s). */
  closeTimeoutMs?: number;
}

export interface Fault {
  path: string;
  method?: string;
  status?: number;
  body?: Json;
  retryAfter?: number | string;
  delayMs?: number;
  drop?: boolean;
  times?: number;
}

/** Everything a route handler needs. */
export interface Emu {
  apiKey: string;
  apiSecret: string;
  hashCost: HashCost;
  config: RuntimeConfig;
  store: Store;
  faults: Fault[];
  now(): number;
  isCommonPassword(p: string): boolean;
  verifyCaptcha(token: string): Promise<boolean>;
  /** Hashes a password at the configured cost. */
  hash(password: string): Promise<string>;
  /** A hash to verify against when the user does not exist, so both paths cost the same (E1-08). */
  dummyHash: Promise<string>;
  /** Records an email in the outbox. `link` is built from the caller's URL plus vtype/vtoken. */
  send(kind: OutboxMessage['Kind'], to: string, subject: string, link: string | null, token: string | null, otp?: string): void;
  /** Resolves when every change so far is on disk (`--data`); at once without a data file or when nothing changed. */
  commit(since?: number): Promise<void>;
  /** Taken when a request starts, passed to `commit` (see persist.ts). */
  commitMark(): number;
  /** Drops what has expired: old access and one-time tokens, stale rate-limit windows and failed-login counters. */
  prune(): void;
  /** Rate-limit windows by `group|ip`, consecutive failed logins by account Uid (with the time of the last), and the request log. */
  rate: Map<string, { count: number; resetAt: number }>;
  lockouts: Map<string, { fails: number; lastFailAt: number }>;
  requests: RequestRecord[];
}

export interface RequestRecord { Method: string; Url: string; Authorization: boolean; Origin: string | null; Time: string }

export interface Req {
  raw: FastifyRequest;
  reply: FastifyReply;
  /** A query parameter by case-insensitive name; empty values count as absent. */
  q(name: string): string | undefined;
  body: Body;
  /** The user of the access token (Bearer header or `access_token` query); 1060 / 905 / 906 otherwise. */
  user(): User;
  token(): string;
}

export type Handler = (req: Req) => Json | Promise<Json>;

export type RouteKind = 'auth' | 'manage' | 'control' | 'open';

/** One row of a route table: `kind` decides the credentials, `group` the rate-limit bucket. */
export interface RouteDef { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; kind: RouteKind; handler: Handler; group?: string }

export type App = FastifyInstance;
