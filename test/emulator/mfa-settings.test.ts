/** MFA settings after sign-in (A1–A8), the Account API resets (M1–M5), and bad input on every MFA route. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { A, M, PASSWORD, assert4xx, assertError } from './helpers.js';
import { V, enrolled, lastMail, mfaSite, pending, totp } from './mfa-helpers.js';

test('A1 settings; A2 wrong 1102 then right → profile; A3 removes (optional mode) and a new key is offered', async (t) => {
  const h = await mfaSite(t, 'optional');
  const { token } = await h.userWithToken('ada@example.com');
  const a1 = await h.api('GET', `${A}/account/2fa`, { token });
  assert.equal(a1.status, 200, a1.text);
  assert.equal(a1.body.IsAuthenticatorVerified, false);
  assert.match(a1.body.ManualEntryCode, /^[A-Z2-7]{32}$/);
  assert.equal(a1.body.SecondFactorAuthenticationToken, undefined, 'A1 is the bare settings object');
  const a2 = (code: string) => h.api('PUT', `${A}/account/2fa/verification/authenticatorcode`, { token, json: { AuthenticatorCode: code } });
  assertError(await a2('000000'), 403, 1102);
  assertError(await h.api('PUT', `${A}/account/2fa/verification/authenticatorcode`, { token, json: {} }), 403, 1105);
  const ok = await a2(totp(a1.body.ManualEntryCode, h.offset));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.Email[0].Value, 'ada@example.com');
  const after = await h.api('GET', `${A}/account/2fa`, { token });
  assert.equal(after.body.IsAuthenticatorVerified, true);
  assert.equal(after.body.QRCode, null);
  assertError(await h.api('DELETE', `${A}/account/2fa/authenticator`, { token, json: {} }), 403, 1121);
  assertError(await h.api('DELETE', `${A}/account/2fa/authenticator`, { token, json: { otpauthenticator: true } }), 403, 1100);
  const del = await h.api('DELETE', `${A}/account/2fa/authenticator`, { token, json: { authenticator: true } });
  assert.deepEqual(del.body, { IsDeleted: true });
  assertError(await h.api('DELETE', `${A}/account/2fa/authenticator`, { token, json: { authenticator: true } }), 403, 1099);
  const fresh = await h.api('GET', `${A}/account/2fa`, { token });
  assert.notEqual(fresh.body.ManualEntryCode, a1.body.ManualEntryCode);
  // Without a factor again, the plain login works in optional mode.
  await h.login('ada@example.com');
});

test('required mode: the last factor cannot be removed by the user (1121), the Account API can (M1)', async (t) => {
  const h = await mfaSite(t);
  const { login, uid } = await enrolled(h, 'ada@example.com');
  const token = login.access_token;
  assertError(await h.api('DELETE', `${A}/account/2fa/authenticator`, { token, json: { authenticator: true } }), 403, 1121);
  const m1 = await h.admin('DELETE', `${M}/2fa/authenticator`, { query: { uid }, json: { authenticator: true } });
  assert.equal(m1.status, 200, m1.text);
  assert.deepEqual(m1.body, { IsDeleted: true });
  // Reset: the next login is a first-time setup again.
  const sfa = await pending(h, 'ada@example.com');
  assert.match(sfa.QRCode, /^data:image\/png;base64,/);
  assertError(await h.api('DELETE', `${M}/2fa/authenticator`, { query: { uid }, json: { authenticator: true } }), 400, 923);
  assertError(await h.admin('DELETE', `${M}/2fa/authenticator`, { query: { uid: 'nope' }, json: { authenticator: true } }), 403, 938);
  assertError(await h.admin('DELETE', `${M}/2fa/authenticator`, { json: { authenticator: true } }), 403, 908);
});

test('A4/A5 and M2/M3: backup codes need a factor (1101), 1127 without reset; M3 replaces the user’s codes', async (t) => {
  const h = await mfaSite(t, 'optional');
  const { access_token: token, Profile } = await h.login((await h.createUser('ada@example.com')).Email[0].Value);
  assertError(await h.api('GET', `${A}/account/2fa/backupcode`, { token }), 403, 1101);
  const uid = Profile.Uid;
  assertError(await h.admin('GET', `${M}/2fa/backupcode`, { query: { uid } }), 403, 1101);
  const a1 = await h.api('GET', `${A}/account/2fa`, { token });
  await h.api('PUT', `${A}/account/2fa/verification/authenticatorcode`, { token, json: { AuthenticatorCode: totp(a1.body.ManualEntryCode, h.offset) } });
  const m2 = await h.admin('GET', `${M}/2fa/backupcode`, { query: { uid } });
  assert.equal(m2.body.BackUpCodes.length, 10, m2.text);
  assertError(await h.api('GET', `${A}/account/2fa/backupcode`, { token }), 403, 1127);
  const m3 = await h.admin('GET', `${M}/2fa/backupcode/reset`, { query: { uid } });
  assert.equal(m3.body.BackUpCodes.length, 10);
  const sfa = await pending(h, 'ada@example.com');
  const use = (code: string) => h.api('PUT', `${V}/backupcode`, { query: { secondFactorAuthenticationToken: sfa.SecondFactorAuthenticationToken }, json: { BackupCode: code } });
  assertError(await use(m2.body.BackUpCodes[0]), 403, 1129);
  assert.equal((await use(m3.body.BackUpCodes[0])).status, 200);
});

test('A6/A7 set up the email code after sign-in, A8 removes it; M4 removes it; M5 1257', async (t) => {
  const h = await mfaSite(t, 'optional');
  const { access_token: token, Profile } = await h.userWithToken('ada@example.com').then((x) => x.login);
  const a6 = await h.api('GET', `${A}/account/2fa/otp/email`, { token, query: { emailId: 'ada@example.com' } });
  assert.deepEqual(a6.body, { IsPosted: true }, a6.text);
  assertError(await h.api('GET', `${A}/account/2fa/otp/email`, { token, query: { emailId: 'eve@example.com' } }), 403, 1340);
  assertError(await h.api('GET', `${A}/account/2fa/otp/email`, { token }), 403, 908);
  const otp = (await lastMail(h, 'ada@example.com', 'mfa-otp')).Otp;
  const a7 = (code: string) => h.api('PUT', `${A}/account/2fa/verification/otp/email`, { token, json: { EmailId: 'ada@example.com', Otp: code } });
  assertError(await a7(otp === '123123' ? '321321' : '123123'), 403, 1067);
  const ok = await a7(otp);
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.Uid, Profile.Uid);
  assertError(await a7(otp), 403, 1068);
  assert.equal((await h.api('GET', `${A}/account/2fa`, { token })).body.IsEmailOtpAuthenticatorVerified, true);
  assert.deepEqual((await h.api('DELETE', `${A}/account/2fa/authenticator/otp/email`, { token })).body, { IsDeleted: true });
  assertError(await h.api('DELETE', `${A}/account/2fa/authenticator/otp/email`, { token }), 403, 1256);
  // Again on, then the Account API removes it.
  await h.api('GET', `${A}/account/2fa/otp/email`, { token, query: { emailId: 'ada@example.com' } });
  await a7((await lastMail(h, 'ada@example.com', 'mfa-otp')).Otp);
  assert.deepEqual((await h.admin('DELETE', `${M}/2fa/authenticator/otp/email`, { query: { uid: Profile.Uid } })).body, { IsDeleted: true });
  assertError(await h.admin('DELETE', `${M}/2fa/authenticator/securityquestionanswer`, { query: { uid: Profile.Uid } }), 403, 1257);
});

test('settings need a valid token (1060 / 905 / 906) and MFA on the site (1097)', async (t) => {
  const h = await mfaSite(t, 'off');
  const { token } = await h.userWithToken('ada@example.com');
  assertError(await h.api('GET', `${A}/account/2fa`), 400, 1060);
  assertError(await h.api('GET', `${A}/account/2fa`, { token: 'nope' }), 403, 905);
  assertError(await h.api('GET', `${A}/account/2fa`, { token }), 403, 1097);
  await h.config({ mfa: 'optional', clockOffsetSeconds: h.offset + 3600 });
  assertError(await h.api('GET', `${A}/account/2fa`, { token }), 403, 906);
});

test('bad input on every MFA route: 4xx with LoginRadius error JSON, never a 5xx', async (t) => {
  const h = await mfaSite(t);
  const { login, uid } = await enrolled(h, 'ada@example.com');
  const sfat = (await pending(h, 'ada@example.com')).SecondFactorAuthenticationToken;
  const token = login.access_token;
  const bodies: unknown[] = [null, [], 'x', 42, { authenticatorcode: 123456 }, { backupcode: ['a'] }, { EmailId: { $ne: 1 }, Otp: true },
    { email: 'ada@example.com', password: { x: 1 } }, { authenticatorcode: 'x'.repeat(5000) }, { Otp: '\u0000' }, { username: 7, password: PASSWORD }];
  const routes: [string, string, Record<string, string>][] = [
    ['POST', `${A}/login/2fa`, {}], ['PUT', `${V}/authenticatorcode`, { secondfactorauthenticationtoken: sfat }],
    ['PUT', `${V}/googleauthenticatorcode`, { secondfactorauthenticationtoken: sfat }], ['PUT', `${V}/backupcode`, { secondfactorauthenticationtoken: sfat }],
    ['POST', `${A}/login/2fa/otp/email`, { secondfactorauthenticationtoken: sfat }], ['PUT', `${V}/otp/email`, { secondfactorauthenticationtoken: sfat }],
    ['PUT', `${A}/account/2fa/verification/authenticatorcode`, {}], ['DELETE', `${A}/account/2fa/authenticator`, {}],
    ['PUT', `${A}/account/2fa/verification/otp/email`, {}], ['DELETE', `${M}/2fa/authenticator`, { uid }],
  ];
  for (const [method, path, query] of routes) {
    for (const json of bodies) {
      const r = await h.api(method, path, { query, json, token, secret: path.startsWith(M) });
      assert4xx(r, `${method} ${path} ${JSON.stringify(json).slice(0, 40)}`);
    }
    const raw = await h.api(method, path, { query, token, raw: '{"a":', headers: { 'content-type': 'application/json' }, secret: path.startsWith(M) });
    assert4xx(raw, `${method} ${path} malformed JSON`);
  }
  assert4xx(await h.api('GET', `${A}/account/2fa/otp/email`, { token, query: { emailId: 'x'.repeat(300) } }), 'long emailId');
  assert.equal((await h.control('GET', '/status')).status, 200);
});

test('E7-04 for MFA and passwordless: arbitrary JSON bodies never produce a 5xx', async (t) => {
  const h = await mfaSite(t, 'required', { lockout: { threshold: 0 } });
  const { login } = await enrolled(h, 'ada@example.com');
  const token = login.access_token;
  const names = ['email', 'password', 'username', 'phone', 'authenticatorcode', 'googleauthenticatorcode', 'backupcode', 'EmailId', 'Otp',
    'AuthenticatorCode', 'authenticator', 'googleauthenticator', 'otpauthenticator', '__proto__', 'constructor'];
  const value = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^\d{6}$/), fc.integer(), fc.boolean(), fc.constant(null),
    fc.constant('ada@example.com'), fc.jsonValue({ maxDepth: 2 }));
  const body = fc.oneof(fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 5 }), fc.jsonValue({ maxDepth: 3 }));
  const sfat = (await pending(h, 'ada@example.com')).SecondFactorAuthenticationToken;
  const q = { secondfactorauthenticationtoken: sfat };
  const targets: [string, string, Record<string, string>][] = [
    ['POST', `${A}/login/2fa`, {}], ['PUT', `${V}/authenticatorcode`, q], ['PUT', `${V}/backupcode`, q], ['POST', `${A}/login/2fa/otp/email`, q],
    ['PUT', `${V}/otp/email`, q], ['PUT', `${A}/account/2fa/verification/authenticatorcode`, {}], ['DELETE', `${A}/account/2fa/authenticator`, {}],
    ['PUT', `${A}/account/2fa/verification/otp/email`, {}], ['POST', `${A}/login/passwordlesslogin/email/verifyotp`, {}],
  ];
  let run = 0;
  await fc.assert(fc.asyncProperty(body, async (json) => {
    const [method, path, query] = targets[run++ % targets.length]!;
    const r = await h.api(method, path, { query, raw: JSON.stringify(json), headers: { 'content-type': 'application/json' }, token });
    assert.ok(r.status < 500, `${method} ${path} ${JSON.stringify(json)} → ${r.status} ${r.text}`);
    if (r.status >= 400) assert.equal(typeof r.body?.ErrorCode, 'number', r.text);
  }), { numRuns: 150 });
  assert.equal((await h.control('GET', '/status')).status, 200);
});
