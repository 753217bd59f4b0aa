// @web/test-runner plugin: runs the LoginRadius emulator in-process for the browser tests.
//  - serverStart: createEmulator({hashCost: 'fast', rateLimit: false}) on 127.0.0.1:<free port>
//    (needs wtr started with `node --import tsx`, see tools/wtr/run.mjs, to import the TypeScript source);
//  - serves the virtual module `/__lr-env.js` → `{apiBase, apiKey}` (never the API secret);
//  - handles server commands (`executeServerCommand` from @web/test-runner-commands) for admin work that
//    needs the API secret, done here through the emulator's real Account API over HTTP. The secret never
//    reaches the browser.

/** @param {{ options?: Record<string, unknown> }} [opts] */
export function emulatorPlugin(opts = {}) {
  /** @type {any} */ let emulator;
  /** @type {string} */ let apiBase;
  /** @type {string} */ let apiKey;
  /** @type {string} */ let apiSecret;

  /** Calls the Account API with the secret; throws with the LoginRadius Description on an error. */
  async function manage(method, path, { query = {}, body } = {}) {
    const q = new URLSearchParams({ apikey: apiKey, ...query });
    const res = await fetch(`${apiBase}/identity/v2/manage/account${path}?${q}`, {
      method,
      headers: {
        'X-LoginRadius-ApiKey': apiKey,
        'X-LoginRadius-ApiSecret': apiSecret,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok || !json || json.ErrorCode) {
      const err = new Error(`${method} manage/account${path}: ${json?.ErrorCode ?? res.status} ${json?.Description ?? ''}`);
      err.code = json?.ErrorCode;
      throw err;
    }
    return json;
  }

  /** Calls the Auth API (no secret) as a user's browser would; throws on an error answer. */
  async function api(method, path, query = {}, body) {
    const q = new URLSearchParams({ apikey: apiKey, ...query });
    const res = await fetch(`${apiBase}${path}?${q}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok || !json || json.ErrorCode) throw new Error(`${method} ${path}: ${json?.ErrorCode ?? res.status} ${json?.Description ?? ''}`);
    return json;
  }

  const notFound = (e) => e?.code === 938 || e?.code === 1023;

  /** @type {Record<string, (p: any) => Promise<unknown>>} */
  const commands = {
    /** {email, password?, verified? = true, ...profile fields} → profile */
    async 'lr-admin-create-account'({ email, password, verified = true, ...fields }) {
      return manage('POST', '', {
        body: {
          Email: [{ Type: 'Primary', Value: email }],
          ...(password === undefined ? {} : { Password: password }),
          EmailVerified: verified,
          ...fields,
        },
      });
    },
    /** {email} → {profile: profile | null} (wrapped: a null result would read as "unknown command") */
    async 'lr-admin-get-account'({ email }) {
      try {
        return { profile: await manage('GET', '', { query: { email } }) };
      } catch (e) {
        if (notFound(e)) return { profile: null };
        throw e;
      }
    },
    /** {uid, ...fields} → profile (e.g. {IsActive: false} blocks the account) */
    async 'lr-admin-update-account'({ uid, ...fields }) {
      return manage('PUT', `/${encodeURIComponent(uid)}`, { body: fields });
    },
    /** {email} → {deleted: boolean} */
    async 'lr-admin-delete-account'({ email }) {
      try {
        await manage('DELETE', '', { query: { email } });
        return { deleted: true };
      } catch (e) {
        if (notFound(e)) return { deleted: false };
        throw e;
      }
    },
    /** {minutes?} → SOTT string */
    async 'lr-admin-sott'({ minutes } = {}) {
      return (await manage('GET', '/sott', { query: minutes ? { timedifference: String(minutes) } : {} })).Sott;
    },
    /** {uid} → {access_token, refresh_token, expires_in} (impersonation, M12) */
    async 'lr-admin-access-token'({ uid }) {
      return manage('GET', '/access_token', { query: { uid } });
    },
    /** {email} → email verification token (M10) */
    async 'lr-admin-verification-token'({ email }) {
      return (await manage('POST', '/verify/token', { body: { email } })).VerificationToken;
    },
    /** {email} → password reset token (M11, no email sent) */
    async 'lr-admin-forgot-token'({ email }) {
      return (await manage('POST', '/forgot/token', { body: { email } })).ForgotToken;
    },
    // ── Multi-factor (issue 12): codes computed here, with the emulator's OTP library at the emulator's clock. ──
    /** {secret, steps? = 0} → the authenticator code `steps` 30-s steps from the emulator's now. */
    async 'lr-totp'({ secret, steps = 0 }) {
      const { Secret, TOTP } = await import('otpauth');
      const offset = emulator.emu.config.clockOffsetSeconds ?? 0;
      return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offset * 1000 + steps * 30_000 });
    },
    /**
     * {email, password, method: 'authenticator' | 'emailotp'} → {secret?}: sets up the user's first factor through
     * a real MFA login (mfa must be on), as the user would; the authenticator with the previous step's code.
     */
    async 'lr-mfa-enroll'({ email, password, method = 'authenticator' }) {
      const auth = (m, path, query, body) => api(m, `/identity/v2/auth/${path}`, query, body);
      const first = await auth('POST', 'login/2fa', {}, { email, password });
      const sfa = first.SecondFactorAuthentication;
      if (!sfa) throw new Error('lr-mfa-enroll: no second factor pending (is mfa on?)');
      const q = { secondfactorauthenticationtoken: sfa.SecondFactorAuthenticationToken };
      if (method === 'authenticator') {
        const code = await commands['lr-totp']({ secret: sfa.ManualEntryCode, steps: -1 });
        await auth('PUT', 'login/2fa/verification/authenticatorcode', q, { authenticatorcode: code });
        return { secret: sfa.ManualEntryCode };
      }
      await auth('POST', 'login/2fa/otp/email', q, { EmailId: email });
      const otp = emulator.emu.store.outbox.filter((m) => m.To === email && m.Kind === 'mfa-otp').at(-1)?.Otp;
      await auth('PUT', 'login/2fa/verification/otp/email', q, { EmailId: email, Otp: otp });
      return {};
    },
    /** {uid} → ten new backup codes (Account API reset, M3). */
    async 'lr-mfa-backup-codes'({ uid }) {
      return (await manage('GET', '/2fa/backupcode/reset', { query: { uid } })).BackUpCodes;
    },
  };
  // Short form used by early element tests: executeServerCommand('lr-admin', {op, ...payload}).
  const ops = { create: 'lr-admin-create-account', get: 'lr-admin-get-account', sott: 'lr-admin-sott', 'access-token': 'lr-admin-access-token', update: 'lr-admin-update-account', delete: 'lr-admin-delete-account', 'verification-token': 'lr-admin-verification-token', 'forgot-token': 'lr-admin-forgot-token' };

  return {
    name: 'lr-emulator',

    async serverStart() {
      const { createEmulator } = await import('../../emulator/server.ts');
      emulator = createEmulator({ hashCost: 'fast', rateLimit: false, ...opts.options });
      apiBase = await emulator.listen({ port: 0, host: '127.0.0.1' });
      ({ apiKey, apiSecret } = emulator.emu);
    },

    async serverStop() {
      await emulator?.close();
    },

    serve(context) {
      if (context.path === '/__lr-env.js') {
        const env = JSON.stringify({ apiBase, apiKey });
        return { body: `const env = ${env};\nexport const { apiBase, apiKey } = env;\nexport default env;\n`, type: 'js' };
      }
    },

    async executeCommand({ command, payload }) {
      if (command === 'lr-admin') {
        const { op, ...rest } = payload ?? {};
        if (!ops[op]) throw new Error(`lr-admin: unknown op ${op}`);
        return commands[ops[op]](rest);
      }
      const fn = commands[command];
      return fn ? fn(payload ?? {}) : undefined;
    },
  };
}
