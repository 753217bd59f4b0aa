/**
 * Helpers for the multi-factor and passwordless tests: an MFA site, TOTP codes computed with the same library the
 * emulator uses (otpauth) at the emulator's clock, and the steps of an MFA login.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { A, PASSWORD, start, type AnyJson, type Harness } from './helpers.js';

export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
export const V = `${A}/login/2fa/verification`;

/** An emulator with `mfa` set (and more config); the clock is put in the middle of a 30 s TOTP step. */
export async function mfaSite(t: TestContext, mfa: 'off' | 'optional' | 'required' = 'required', config: Record<string, unknown> = {}): Promise<Harness & { offset: number }> {
  const h = await start(t);
  const offset = midStepOffset();
  await h.config({ mfa, clockOffsetSeconds: offset, ...config });
  return Object.assign(h, { offset });
}

/** A whole-second clock offset that puts the emulator 15 s (±1 s) into a TOTP step, so tests never straddle one. */
export const midStepOffset = (): number => Math.round(15 - ((Date.now() / 1000) % 30));

/** The authenticator code `steps` time steps from the emulator's now (clock offset in seconds). */
export const totp = (secret: string, offsetSeconds: number, steps = 0): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetSeconds * 1000 + steps * 30_000 });

/** L1 by email; asserts the pending answer and returns `SecondFactorAuthentication`. */
export async function pending(h: Harness, email: string, password = PASSWORD): Promise<AnyJson> {
  const r = await h.api('POST', `${A}/login/2fa`, { json: { email, password } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.Profile, null);
  assert.equal(r.body.access_token, ZERO_GUID);
  assert.ok(r.body.SecondFactorAuthentication, 'a second factor is pending');
  return r.body.SecondFactorAuthentication;
}

/** L2 with a code; the second-factor token goes in the query as the Node SDK sends it. */
export const authenticatorLogin = (h: Harness, sfat: string, code: string) =>
  h.api('PUT', `${V}/authenticatorcode`, { query: { secondfactorauthenticationtoken: sfat }, json: { authenticatorcode: code } });

/** A user who set up the authenticator at first login (required mode); returns the secret and that login. */
export async function enrolled(h: Harness & { offset: number }, email: string): Promise<{ secret: string; login: AnyJson; uid: string }> {
  const profile = await h.createUser(email);
  const sfa = await pending(h, email);
  const r = await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(sfa.ManualEntryCode, h.offset));
  assert.equal(r.status, 200, r.text);
  return { secret: sfa.ManualEntryCode, login: r.body, uid: profile.Uid };
}

/** The newest outbox message of a kind to an address. */
export async function lastMail(h: Harness, to: string, kind: string): Promise<AnyJson> {
  const m = (await h.outbox(to)).filter((x: AnyJson) => x.Kind === kind);
  assert.ok(m.length, `no ${kind} mail to ${to}`);
  return m.at(-1);
}
