/**
 * The audit log (issue 17) for the operations that came with the fidelity, MFA and passwordless work: identities by
 * email, invalidate email, the Account API MFA resets and backup-code reads, and the Auth API reset by security
 * answer. Each leaves exactly one entry with its target and outcome, and none holds a code or a secret.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, API_SECRET, M, PASSWORD2, Q1, type AnyJson, type Harness } from './helpers.js';
import { enrolled, mfaSite } from './mfa-helpers.js';

const audit = async (h: Harness) => (await h.control('GET', '/audit')).body.Entries as AnyJson[];

/** Runs `call`, asserts its status and exactly one new entry for `op` on the target, and returns the entry. */
async function one(h: Harness, op: string, call: () => Promise<AnyJson>, target: { uid: string | null; email: string | null }, credential = 'api secret (header)') {
  const before = (await audit(h)).length;
  const r = await call();
  assert.equal(r.status, 200, r.text);
  const entries = await audit(h);
  assert.equal(entries.length, before + 1, `exactly one entry: ${JSON.stringify(entries.slice(before))}`);
  const e = entries.at(-1)!;
  assert.equal(e.Operation, op);
  assert.equal(e.Uid, target.uid, `${op}: uid`);
  assert.equal(e.Email, target.email, `${op}: email`);
  assert.equal(e.Status, 200);
  assert.equal(e.ErrorCode, null);
  assert.deepEqual(e.Caller, { Address: '127.0.0.1', Credential: credential });
  return { e, r };
}

test('identities, invalidate email, MFA resets, backup codes and the security-answer reset are audited once each', async (t) => {
  const h = await mfaSite(t);
  const { uid } = await enrolled(h, 'ada@example.com');
  const ada = { uid, email: 'ada@example.com' };
  const admin = (method: string, path: string, opts = {}) => () => h.admin(method, path, opts);

  await one(h, 'account.identitiesByEmail', admin('GET', `${M}/identities`, { query: { email: 'ada@example.com' } }), ada);
  await one(h, 'account.invalidateEmail', admin('PUT', `${M}/${uid}/invalidateemail`, { json: {} }), ada);
  await one(h, 'account.mfaBackupCodes', admin('GET', `${M}/2fa/backupcode`, { query: { uid } }), ada);
  const { r: codes } = await one(h, 'account.mfaResetBackupCodes', admin('GET', `${M}/2fa/backupcode/reset`, { query: { uid } }), ada);
  await one(h, 'account.mfaResetAuthenticator', admin('DELETE', `${M}/2fa/authenticator`, { query: { uid }, json: { authenticator: true } }), ada);
  // The email-code reset of a user who has none is refused, and the refusal is audited with its code.
  const before = (await audit(h)).length;
  const refused = await h.admin('DELETE', `${M}/2fa/authenticator/otp/email`, { query: { uid }, json: { otpauthenticator: true } });
  const [otp, ...more] = (await audit(h)).slice(before);
  assert.equal(more.length, 0, 'exactly one entry');
  assert.deepEqual([otp.Operation, otp.Uid, otp.Status, otp.ErrorCode], ['account.mfaResetEmailOtp', uid, refused.status, refused.body.ErrorCode ?? null]);

  // The reset by security answer (Auth API): the answers are saved with the Account API first.
  await h.admin('PUT', `${M}/${uid}`, { json: { securityquestionanswer: { [Q1]: 'Blue' } } });
  await one(h, 'auth.resetPasswordBySecurityAnswer',
    () => h.api('PUT', `${A}/password/securityanswer`, { json: { email: 'ada@example.com', securityanswer: { [Q1]: 'blue' }, password: PASSWORD2 } }),
    ada, 'security answer');

  // No entry carries a backup code, an answer or the secret.
  const text = JSON.stringify(await audit(h));
  for (const code of (codes.body.BackUpCodes ?? []) as string[]) assert.ok(!text.includes(code), 'no backup code in the audit log');
  assert.ok(!text.includes(API_SECRET) && !/blue/i.test(text), 'no secret and no answer in the audit log');
});
