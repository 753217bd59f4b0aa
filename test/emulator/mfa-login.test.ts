/** MFA login (L1) and the authenticator step (L2, L2b): outcome matrix, TOTP window, replay, expiry, attempt limits. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, ISO_DATE, PASSWORD, assertError, start } from './helpers.js';
import { V, ZERO_GUID, authenticatorLogin, enrolled, mfaSite, midStepOffset, pending, totp } from './mfa-helpers.js';

test('MFA off (the default): L1 answers 1097, the plain login works', async (t) => {
  const h = await start(t);
  assert.equal((await h.control('GET', '/config')).body.mfa, 'off');
  await h.createUser('ada@example.com');
  assertError(await h.api('POST', `${A}/login/2fa`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 1097);
  await h.login('ada@example.com');
});

test('required, nothing set up: pending answer with first-time setup (QR data URL, base32 key); plain login 1176', async (t) => {
  const h = await mfaSite(t);
  await h.createUser('ada@example.com');
  const r = await h.api('POST', `${A}/login/2fa`, { json: { email: 'ada@example.com', password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['Profile', 'SecondFactorAuthentication', 'access_token', 'expires_in']);
  assert.equal(r.body.Profile, null);
  assert.equal(r.body.access_token, ZERO_GUID);
  assert.equal(r.body.expires_in, '0001-01-01T00:00:00');
  const sfa = r.body.SecondFactorAuthentication;
  assert.equal(typeof sfa.SecondFactorAuthenticationToken, 'string');
  assert.match(sfa.ExpireIn, ISO_DATE);
  assert.ok(Date.parse(sfa.ExpireIn) > Date.now());
  assert.match(sfa.QRCode, /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  assert.match(sfa.ManualEntryCode, /^[A-Z2-7]{32}$/);
  for (const k of ['IsGoogleAuthenticatorVerified', 'IsAuthenticatorVerified', 'IsEmailOtpAuthenticatorVerified', 'IsOTPAuthenticatorVerified']) assert.equal(sfa[k], false, k);
  assert.deepEqual(sfa.Email, ['ada@example.com']);
  // The plain endpoint refuses while MFA is required (after the password check: a wrong password stays 966).
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 1176);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } }), 401, 966);
  assertError(await h.api('POST', `${A}/login/2fa`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } }), 401, 966);
  // The pending secret stays the same until it is verified (A1 and L1 show the same key).
  assert.equal((await pending(h, 'ada@example.com')).ManualEntryCode, sfa.ManualEntryCode);
  // The second-factor token and the secret are not stored in plain: no one-time key equals the token.
  assert.ok(![...h.emu.emu.store.oneTime.keys()].includes(sfa.SecondFactorAuthenticationToken));
});

test('L2: the code from the manual key signs in and verifies the authenticator; the token is single use', async (t) => {
  const h = await mfaSite(t);
  const { secret, login } = await enrolled(h, 'ada@example.com');
  assert.deepEqual(Object.keys(login).sort(), ['Profile', 'SecondFactorAuthentication', 'access_token', 'expires_in', 'refresh_token']);
  assert.equal(login.SecondFactorAuthentication, null);
  assert.equal(login.Profile.Email[0].Value, 'ada@example.com');
  assert.notEqual(login.access_token, ZERO_GUID);
  assert.equal((await h.api('GET', `${A}/account`, { token: login.access_token })).status, 200);
  // Next login: the authenticator is set up, so no QR and no key.
  const sfa = await pending(h, 'ada@example.com');
  assert.equal(sfa.QRCode, null);
  assert.equal(sfa.ManualEntryCode, null);
  assert.equal(sfa.IsAuthenticatorVerified, true);
  assert.equal(sfa.IsGoogleAuthenticatorVerified, true);
  // The code just used is refused (RFC 6238 §5.2), the next step's code works; the token then is used up.
  assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset)), 403, 1102);
  const ok = await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset, 1));
  assert.equal(ok.status, 200, ok.text);
  assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset, 1)), 403, 1103);
});

test('TOTP window: ±1 step accepted, ±2 refused (codes from the same library at the emulator clock)', async (t) => {
  const h = await mfaSite(t);
  const { secret } = await enrolled(h, 'ada@example.com');
  for (const steps of [-2, 2]) {
    const sfa = await pending(h, 'ada@example.com');
    assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset, steps)), 403, 1102);
  }
  // The enrolment used step 0; -1 is then a replay, so move the clock one step on and try -1 and +1 from there.
  await h.config({ clockOffsetSeconds: h.offset + 60 });
  let sfa = await pending(h, 'ada@example.com');
  const back = await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset + 60, -1));
  assert.equal(back.status, 200, back.text);
  sfa = await pending(h, 'ada@example.com');
  const ahead = await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset + 60, 1));
  assert.equal(ahead.status, 200, ahead.text);
});

test('L2b legacy path: googleauthenticatorcode body, secondFactorAuthenticationToken query casing, 2FA path casing', async (t) => {
  const h = await mfaSite(t);
  await h.createUser('ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  const r = await h.api('PUT', `${A}/login/2FA/Verification/GoogleAuthenticatorCode`, {
    query: { secondFactorAuthenticationToken: sfa.SecondFactorAuthenticationToken }, json: { googleAuthenticatorCode: totp(sfa.ManualEntryCode, h.offset) },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(typeof r.body.access_token, 'string');
});

test('second-factor token: missing 908, unknown 1103, expired 1104; no code 1105; wrong 1102', async (t) => {
  const h = await mfaSite(t, 'required', { mfaTokenLifetimeSeconds: 60 });
  await h.createUser('ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  assertError(await h.api('PUT', `${V}/authenticatorcode`, { json: { authenticatorcode: '123456' } }), 403, 908);
  assertError(await authenticatorLogin(h, 'f'.repeat(32), '123456'), 403, 1103);
  assertError(await authenticatorLogin(h, 'x'.repeat(5000), '123456'), 403, 1103);
  assertError(await h.api('PUT', `${V}/authenticatorcode`, { query: { secondfactorauthenticationtoken: sfa.SecondFactorAuthenticationToken }, json: {} }), 403, 1105);
  assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, 'abcdef'), 403, 1102);
  await h.config({ clockOffsetSeconds: h.offset + 61 });
  assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(sfa.ManualEntryCode, h.offset + 61)), 403, 1104);
});

test('attempt limit: the 5th wrong code ends the token and locks the login (1198 with LoginLockedTimeout)', async (t) => {
  const h = await mfaSite(t);
  const { secret } = await enrolled(h, 'ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  for (let i = 0; i < 5; i++) assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, '000000'), 403, 1102);
  assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset, 1)), 403, 1103);
  const locked = await h.api('POST', `${A}/login/2fa`, { json: { email: 'ada@example.com', password: PASSWORD } });
  assert.equal(locked.status, 403, locked.text);
  assert.equal(locked.body.ErrorCode, 1198);
  assert.ok(Date.parse(locked.body.Data.LoginLockedTimeout) > Date.now() + h.offset * 1000, locked.text);
});

test('attempt limit without the lockout (lockout threshold 0): the token still dies after 5 wrong codes', async (t) => {
  const h = await mfaSite(t, 'required', { lockout: { threshold: 0 } });
  const { secret } = await enrolled(h, 'ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  for (let i = 0; i < 5; i++) assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, '999999'), 403, 1102);
  assertError(await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(secret, h.offset, 1)), 403, 1103);
  // A new L1 gives a fresh token.
  const again = await pending(h, 'ada@example.com');
  assert.equal((await authenticatorLogin(h, again.SecondFactorAuthenticationToken, totp(secret, h.offset, 1))).status, 200);
});

test('L1 by username and by phone', async (t) => {
  const h = await mfaSite(t);
  await h.createUser('ada@example.com', PASSWORD, { UserName: 'ada', PhoneId: '+15550001111' });
  for (const json of [{ username: 'ADA', password: PASSWORD }, { phone: '+15550001111', password: PASSWORD }]) {
    const r = await h.api('POST', `${A}/login/2fa`, { json });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.access_token, ZERO_GUID);
    assert.ok(r.body.SecondFactorAuthentication.SecondFactorAuthenticationToken);
  }
  assertError(await h.api('POST', `${A}/login/2fa`, { json: { username: 'nobody', password: PASSWORD } }), 401, 966);
  assertError(await h.api('POST', `${A}/login/2fa`, { json: { phone: 'not a phone', password: PASSWORD } }), 400, 1096);
  assertError(await h.api('POST', `${A}/login/2fa`, { json: { password: PASSWORD } }), 403, 1134);
});

test('optional mode: no factor → ordinary login (SecondFactorAuthentication null); with one → challenge and 1176', async (t) => {
  const h = await mfaSite(t, 'optional');
  await h.createUser('ada@example.com');
  const r = await h.api('POST', `${A}/login/2fa`, { json: { email: 'ada@example.com', password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.SecondFactorAuthentication, null);
  assert.equal(r.body.Profile.Email[0].Value, 'ada@example.com');
  assert.notEqual(r.body.access_token, ZERO_GUID);
  const plain = await h.login('ada@example.com');
  // Set up the authenticator after sign-in (A1 → A2).
  const a1 = await h.api('GET', `${A}/account/2fa`, { token: plain.access_token });
  assert.equal(a1.status, 200, a1.text);
  assert.match(a1.body.QRCode, /^data:image\/png;base64,/);
  const a2 = await h.api('PUT', `${A}/account/2fa/verification/authenticatorcode`, { token: plain.access_token, json: { AuthenticatorCode: totp(a1.body.ManualEntryCode, h.offset) } });
  assert.equal(a2.status, 200, a2.text);
  assert.equal(a2.body.Email[0].Value, 'ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  assert.equal(sfa.IsAuthenticatorVerified, true);
  assert.equal(sfa.QRCode, null);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 1176);
  // Other users without a factor still sign in on the plain endpoint.
  await h.createUser('bob@example.com');
  await h.login('bob@example.com');
});

test('no session around the second factor: email verification and registration answer Data null while MFA applies', async (t) => {
  const h = await mfaSite(t, 'required', { verificationFlow: 'optional' });
  const reg = await h.register({ Email: [{ Type: 'Primary', Value: 'ada@example.com' }], Password: PASSWORD }, { verificationurl: 'http://localhost:8000/verify' });
  assert.equal(reg.status, 200, reg.text);
  assert.deepEqual(reg.body, { IsPosted: true, Data: null });
  const mail = (await h.outbox('ada@example.com')).find((m: { Kind: string }) => m.Kind === 'verification');
  const v = await h.api('GET', `${A}/email`, { query: { verificationtoken: mail.Token } });
  assert.equal(v.status, 200, v.text);
  assert.deepEqual(v.body, { IsPosted: true, Data: null });
  assert.equal(h.emu.emu.store.tokens.size, 0, 'no session was issued');
  // MFA off again: registration signs in as before.
  await h.config({ mfa: 'off' });
  const reg2 = await h.register({ Email: [{ Type: 'Primary', Value: 'bob@example.com' }], Password: PASSWORD });
  assert.equal(typeof reg2.body.Data.access_token, 'string');
});

test('MFA state survives a restart with a data file', async (t) => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'lr-mfa-'));
  const dataFile = join(dir, 'data.json');
  const offset = midStepOffset();
  const h = await start(t, { dataFile, mfa: 'required', clockOffsetSeconds: offset });
  await h.createUser('ada@example.com');
  const sfa = await pending(h, 'ada@example.com');
  assert.equal((await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(sfa.ManualEntryCode, offset))).status, 200);
  const next = await pending(h, 'ada@example.com');
  await h.emu.close();
  const h2 = await start(t, { dataFile, mfa: 'required', clockOffsetSeconds: offset });
  assert.equal((await pending(h2, 'ada@example.com')).IsAuthenticatorVerified, true);
  // The pending token from before the restart still works (stored as a hash with its expiry).
  const r = await authenticatorLogin(h2, next.SecondFactorAuthenticationToken, totp(sfa.ManualEntryCode, offset, 1));
  assert.equal(r.status, 200, r.text);
  t.after(() => rmSync(dir, { recursive: true, force: true })); // after the emulators' own close hooks (they save)
});
