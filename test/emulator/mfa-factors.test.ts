/** The email code (L4/L5) and backup codes (L3) as second factors: happy paths, wrong, reused, expired, limits. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, assertError } from './helpers.js';
import { V, enrolled, lastMail, mfaSite, pending, totp } from './mfa-helpers.js';

const sendOtp = (h: Awaited<ReturnType<typeof mfaSite>>, sfat: string, email: string) =>
  h.api('POST', `${A}/login/2fa/otp/email`, { query: { secondFactorAuthenticationToken: sfat }, json: { EmailId: email } });
const otpLogin = (h: Awaited<ReturnType<typeof mfaSite>>, sfat: string, email: string, otp: string) =>
  h.api('PUT', `${V}/otp/email`, { query: { secondFactorAuthenticationToken: sfat }, json: { EmailId: email, Otp: otp } });
const backupLogin = (h: Awaited<ReturnType<typeof mfaSite>>, sfat: string, code: string) =>
  h.api('PUT', `${V}/backupcode`, { query: { secondFactorAuthenticationToken: sfat }, json: { backupcode: code } });

test('email code: L4 sends an mfa-otp mail with Otp, L5 signs in and turns the factor on; then it is sent at L1', async (t) => {
  const h = await mfaSite(t);
  await h.createUser('ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  const sent = await sendOtp(h, sfa.SecondFactorAuthenticationToken, 'ADA@example.com');
  assert.equal(sent.status, 200, sent.text);
  assert.deepEqual(sent.body, { IsPosted: true });
  const mail = await lastMail(h, 'ada@example.com', 'mfa-otp');
  assert.match(mail.Otp, /^\d{6}$/);
  assert.equal(mail.Link, null);
  assert.equal(mail.Token, null);
  assertError(await otpLogin(h, sfa.SecondFactorAuthenticationToken, 'ada@example.com', mail.Otp === '000000' ? '000001' : '000000'), 403, 1067);
  const r = await otpLogin(h, sfa.SecondFactorAuthenticationToken, 'ada@example.com', mail.Otp);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['Profile', 'access_token', 'expires_in', 'refresh_token']);
  // Reused: the token is used up.
  assertError(await otpLogin(h, sfa.SecondFactorAuthenticationToken, 'ada@example.com', mail.Otp), 403, 1103);
  // Only the email code and one address: L1 sends it at once and says so; an older code does not work on the new token.
  const next = await pending(h, 'ada@example.com');
  assert.equal(next.IsEmailOtpAuthenticatorVerified, true);
  assert.deepEqual(next.EmailOTPStatus, { Email: 'ada@example.com' });
  assert.equal(next.QRCode, null, 'no enrolment offer once a factor is set up');
  const auto = await lastMail(h, 'ada@example.com', 'mfa-otp');
  assert.notEqual(auto.Id, mail.Id);
  assert.equal((await otpLogin(h, next.SecondFactorAuthenticationToken, 'ada@example.com', auto.Otp)).status, 200);
});

test('email code: address not in the profile 1340, bad address 1038, no code 1105, expired 1069, never sent 1070', async (t) => {
  const h = await mfaSite(t, 'required', { otpLifetimeSeconds: 60 });
  await h.createUser('ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  const sfat = sfa.SecondFactorAuthenticationToken;
  assertError(await sendOtp(h, sfat, 'eve@example.com'), 403, 1340);
  assertError(await sendOtp(h, sfat, 'not-an-email'), 400, 1038);
  assertError(await otpLogin(h, sfat, 'ada@example.com', '123456'), 403, 1070);
  await sendOtp(h, sfat, 'ada@example.com');
  const otp = (await lastMail(h, 'ada@example.com', 'mfa-otp')).Otp;
  assertError(await h.api('PUT', `${V}/otp/email`, { query: { secondFactorAuthenticationToken: sfat }, json: { EmailId: 'ada@example.com' } }), 403, 1105);
  await h.config({ clockOffsetSeconds: h.offset + 61 });
  assertError(await otpLogin(h, sfat, 'ada@example.com', otp), 403, 1069);
});

test('email code: 5 wrong codes end the code (1070) and the token; sends are limited (1179)', async (t) => {
  const h = await mfaSite(t, 'required', { lockout: { threshold: 0 } });
  await h.createUser('ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  const sfat = sfa.SecondFactorAuthenticationToken;
  for (let i = 0; i < 5; i++) assert.equal((await sendOtp(h, sfat, 'ada@example.com')).status, 200);
  assertError(await sendOtp(h, sfat, 'ada@example.com'), 403, 1179);
  const otp = (await lastMail(h, 'ada@example.com', 'mfa-otp')).Otp;
  const wrong = otp === '111111' ? '222222' : '111111';
  for (let i = 0; i < 5; i++) assertError(await otpLogin(h, sfat, 'ada@example.com', wrong), 403, 1067);
  assertError(await otpLogin(h, sfat, 'ada@example.com', otp), 403, 1103);
});

test('backup codes: 10 single-use codes; a used one fails (1129); reset replaces all; none → 1128', async (t) => {
  const h = await mfaSite(t);
  const { secret, login } = await enrolled(h, 'ada@example.com');
  let sfa = await pending(h, 'ada@example.com');
  assertError(await backupLogin(h, sfa.SecondFactorAuthenticationToken, '0a1b2-c3d4e'), 403, 1128);
  const a4 = await h.api('GET', `${A}/account/2fa/backupcode`, { token: login.access_token });
  assert.equal(a4.status, 200, a4.text);
  const codes: string[] = a4.body.BackUpCodes;
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const c of codes) assert.match(c, /^[0-9a-f]{5}-[0-9a-f]{5}$/);
  assertError(await h.api('GET', `${A}/account/2fa/backupcode`, { token: login.access_token }), 403, 1127);
  // Stored hashed only.
  const stored = JSON.stringify([...h.emu.emu.store.users.values()]);
  for (const c of codes) assert.ok(!stored.includes(c));
  sfa = await pending(h, 'ada@example.com');
  const ok = await backupLogin(h, sfa.SecondFactorAuthenticationToken, codes[0]!.toUpperCase());
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.Profile.Email[0].Value, 'ada@example.com');
  sfa = await pending(h, 'ada@example.com');
  assertError(await backupLogin(h, sfa.SecondFactorAuthenticationToken, codes[0]!), 403, 1129);
  assertError(await h.api('PUT', `${V}/backupcode`, { query: { secondFactorAuthenticationToken: sfa.SecondFactorAuthenticationToken }, json: {} }), 403, 1192);
  // Reset: the old codes stop working, the new ones work.
  const reset = await h.api('GET', `${A}/account/2fa/backupcode/reset`, { token: login.access_token });
  assert.equal(reset.status, 200, reset.text);
  assert.equal(reset.body.BackUpCodes.length, 10);
  assertError(await backupLogin(h, sfa.SecondFactorAuthenticationToken, codes[1]!), 403, 1129);
  assert.equal((await backupLogin(h, sfa.SecondFactorAuthenticationToken, reset.body.BackUpCodes[0])).status, 200);
  // The authenticator still works alongside.
  sfa = await pending(h, 'ada@example.com');
  const code = totp(secret, h.offset, 1);
  assert.equal((await h.api('PUT', `${V}/authenticatorcode`, { query: { secondfactorauthenticationtoken: sfa.SecondFactorAuthenticationToken }, json: { authenticatorcode: code } })).status, 200);
});

test('site methods: with a method off its step is refused (1279 / 1256 / 1128) and no QR is offered', async (t) => {
  const h = await mfaSite(t, 'required', { mfaMethods: ['emailotp'] });
  await h.createUser('ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  assert.equal(sfa.QRCode, null);
  assert.equal(sfa.ManualEntryCode, null);
  const sfat = sfa.SecondFactorAuthenticationToken;
  assertError(await h.api('PUT', `${V}/authenticatorcode`, { query: { secondfactorauthenticationtoken: sfat }, json: { authenticatorcode: '123456' } }), 403, 1279);
  assertError(await backupLogin(h, sfat, '0a1b2-c3d4e'), 403, 1128);
  await h.config({ mfaMethods: ['authenticator', 'backupcode'] });
  assertError(await sendOtp(h, sfat, 'ada@example.com'), 403, 1256);
  const bad = await h.control('PUT', '/config', { mfaMethods: ['sms'] });
  assertError(bad, 403, 1134);
  assertError(await h.control('PUT', '/config', { mfa: 'sometimes' }), 403, 1134);
});

test('a user with a factor cannot enrol another one at login (no QR, pending key refused, email step 1256)', async (t) => {
  const h = await mfaSite(t);
  await h.createUser('ada@example.com');
  // Set up the email code first.
  let sfa = await pending(h, 'ada@example.com');
  await sendOtp(h, sfa.SecondFactorAuthenticationToken, 'ada@example.com');
  await otpLogin(h, sfa.SecondFactorAuthenticationToken, 'ada@example.com', (await lastMail(h, 'ada@example.com', 'mfa-otp')).Otp);
  sfa = await pending(h, 'ada@example.com');
  assert.equal(sfa.QRCode, null);
  const secret = h.emu.emu.store.userByEmail('ada@example.com')!.mfa!.secret!;
  assert.ok(secret, 'a pending secret exists from the first login');
  assertError(await h.api('PUT', `${V}/authenticatorcode`, { query: { secondfactorauthenticationtoken: sfa.SecondFactorAuthenticationToken }, json: { authenticatorcode: totp(secret, h.offset) } }), 403, 1099);
});
