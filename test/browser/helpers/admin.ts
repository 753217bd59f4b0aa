/**
 * Admin operations that need the API secret, run server-side by tools/wtr/emulator-plugin.mjs through the
 * emulator's Account API (the secret stays in Node). Use them to arrange state, as a host's backend would.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Profile } from '../../../src/core/client.js';

export const PASSWORD = 'correct horse battery staple';

let n = 0;
/** A fresh address per call (tests share one emulator per browser run). */
export const uniqueEmail = (tag = 'user') => `${tag}.${Date.now().toString(36)}.${++n}@example.test`;

const run = <T>(command: string, payload: object = {}) => executeServerCommand<T, object>(command, payload);

export interface NewAccount {
  email?: string;
  password?: string;
  /** Default true. */
  verified?: boolean;
  FirstName?: string;
  LastName?: string;
  [field: string]: unknown;
}

/** Creates an account (verified by default) and returns its profile; `email` defaults to a unique one. */
export async function createAccount(a: NewAccount = {}): Promise<Profile & { email: string; password: string }> {
  const email = a.email ?? uniqueEmail();
  const password = a.password ?? PASSWORD;
  const profile = await run<Profile>('lr-admin-create-account', { ...a, email, password });
  return { ...profile, email, password };
}

/** The account with that email, or null. */
export const getAccount = async (email: string) =>
  (await run<{ profile: Profile | null }>('lr-admin-get-account', { email })).profile;

/** Admin profile update, e.g. `{IsActive: false}` to block. */
export const updateAccount = (uid: string, fields: Record<string, unknown>) =>
  run<Profile>('lr-admin-update-account', { uid, ...fields });

export const deleteAccount = async (email: string) =>
  (await run<{ deleted: boolean }>('lr-admin-delete-account', { email })).deleted;

/** A fresh SOTT, made with the secret as a host's backend would. */
export const sott = (minutes?: number) => run<string>('lr-admin-sott', { minutes });

/** An access token for the user (impersonation), without a login request from the page. */
export const accessToken = (uid: string) =>
  run<{ access_token: string; refresh_token: string; expires_in: string }>('lr-admin-access-token', { uid });

/** An email verification token for an unverified address (no email sent). */
export const verificationToken = (email: string) => run<string>('lr-admin-verification-token', { email });

/** A password reset token (no email sent). */
export const forgotToken = (email: string) => run<string>('lr-admin-forgot-token', { email });

// ── Multi-factor (issue 12) ──────────────────────────────────────────────────────────────────────────────
/** The authenticator code of `secret` at the emulator's clock, `steps` 30-s steps from now (computed in Node with otpauth). */
export const totp = (secret: string, steps = 0) => run<string>('lr-totp', { secret, steps });

/**
 * Sets up the user's first factor through a real MFA login (the site's `mfa` must be on): the authenticator (with
 * the previous step's code, so the current and next ones are still unused) or the email code. Returns the secret.
 */
export const mfaEnroll = (email: string, password: string, method: 'authenticator' | 'emailotp' = 'authenticator') =>
  run<{ secret?: string }>('lr-mfa-enroll', { email, password, method });

/** Ten new backup codes for the user (Account API reset). */
export const backupCodes = (uid: string) => run<string[]>('lr-mfa-backup-codes', { uid });
