/** Passwordless login by email: P1 send, P2 verify the link, P3 verify the code; limits, off switches, MFA. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, LINK, assert4xx, assertError, start, vtoken, type Harness } from './helpers.js';
import { ZERO_GUID, authenticatorLogin, lastMail, mfaSite, totp } from './mfa-helpers.js';

const P = `${A}/login/passwordlesslogin/email`;
const send = (h: Harness, email: string, verificationurl: string | null = LINK) => h.api('GET', P, { query: { email, verificationurl } });
const verifyLink = (h: Harness, token: string) => h.api('GET', `${P}/verify`, { query: { verificationtoken: token } });
const verifyCode = (h: Harness, email: string, otp: string) => h.api('POST', `${P}/verifyotp`, { json: { Email: email, Otp: otp } });
const otherCode = (otp: string) => (otp === '000000' ? '000001' : '000000');

test('P1 mails a link (verificationurl + vtype=oneclicksignin + vtoken), Token and Otp; P2 signs in once', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const r = await send(h, 'ADA@example.com');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsPosted: true });
  const mail = await lastMail(h, 'ada@example.com', 'passwordless');
  const url = new URL(mail.Link);
  assert.equal(`${url.origin}${url.pathname}`, LINK);
  assert.equal(url.searchParams.get('vtype'), 'oneclicksignin');
  assert.equal(vtoken(mail.Link), mail.Token);
  assert.match(mail.Otp, /^\d{6}$/);
  // Only hashes are stored.
  assert.ok(![...h.emu.emu.store.oneTime.keys()].includes(mail.Token));
  assert.ok(!JSON.stringify([...h.emu.emu.store.oneTime.values()]).includes(mail.Otp));
  const ok = await verifyLink(h, mail.Token);
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(Object.keys(ok.body).sort(), ['Profile', 'access_token', 'expires_in', 'refresh_token']);
  assert.equal(ok.body.Profile.Email[0].Value, 'ada@example.com');
  assert.equal((await h.api('GET', `${A}/account`, { token: ok.body.access_token })).status, 200);
  assertError(await verifyLink(h, mail.Token), 403, 1062);
  // One request, one sign-in: the code of the same mail is used up too.
  assertError(await verifyCode(h, 'ada@example.com', mail.Otp), 403, 1068);
  assertError(await verifyLink(h, 'f'.repeat(32)), 403, 1063);
  assertError(await h.api('GET', `${P}/verify`), 403, 1063);
});

test('P3: the code signs in once; wrong 1067; 5 wrong end it (1070); expired 1069; an old link still works until used', async (t) => {
  const h = await start(t, { otpLifetimeSeconds: 60 });
  await h.createUser('ada@example.com');
  await send(h, 'ada@example.com');
  let mail = await lastMail(h, 'ada@example.com', 'passwordless');
  assertError(await verifyCode(h, 'ada@example.com', otherCode(mail.Otp)), 403, 1067);
  const ok = await verifyCode(h, 'ADA@example.com', mail.Otp);
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.Profile.Email[0].Value, 'ada@example.com');
  assertError(await verifyCode(h, 'ada@example.com', mail.Otp), 403, 1068);
  assertError(await verifyLink(h, mail.Token), 403, 1062);
  // Attempt limit.
  await send(h, 'ada@example.com');
  mail = await lastMail(h, 'ada@example.com', 'passwordless');
  for (let i = 0; i < 5; i++) assertError(await verifyCode(h, 'ada@example.com', otherCode(mail.Otp)), 403, 1067);
  assertError(await verifyCode(h, 'ada@example.com', mail.Otp), 403, 1070);
  // Expiry of the code (the link lives longer).
  await send(h, 'ada@example.com');
  mail = await lastMail(h, 'ada@example.com', 'passwordless');
  await h.config({ clockOffsetSeconds: 61 });
  assertError(await verifyCode(h, 'ada@example.com', mail.Otp), 403, 1069);
  assert.equal((await verifyLink(h, mail.Token)).status, 200);
  assertError(await h.api('POST', `${P}/verifyotp`, { json: { Email: 'ada@example.com' } }), 403, 1134);
});

test('P2: an expired link is 1063; a new request replaces the code but keeps older links until used', async (t) => {
  const h = await start(t, { passwordlessTokenLifetimeSeconds: 120 });
  await h.createUser('ada@example.com');
  await send(h, 'ada@example.com');
  const first = await lastMail(h, 'ada@example.com', 'passwordless');
  await send(h, 'ada@example.com');
  const second = await lastMail(h, 'ada@example.com', 'passwordless');
  assertError(await verifyCode(h, 'ada@example.com', first.Otp === second.Otp ? otherCode(second.Otp) : first.Otp), 403, 1067);
  await h.config({ clockOffsetSeconds: 121 });
  assertError(await verifyLink(h, first.Token), 403, 1063);
  await h.config({ clockOffsetSeconds: 0 });
  assert.equal((await verifyLink(h, first.Token)).status, 200);
  assertError(await verifyLink(h, second.Token), 403, 1062);
});

test('unknown address 938 and nothing created or sent; passwordless off 1059 on P1–P3; bad verificationurl 908', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  assertError(await send(h, 'nobody@example.com'), 403, 938);
  assertError(await verifyCode(h, 'nobody@example.com', '123456'), 403, 938);
  assert.equal(h.emu.emu.store.users.size, 1);
  assert.equal((await h.outbox('nobody@example.com')).length, 0);
  assertError(await send(h, 'ada@example.com', 'javascript:alert(1)'), 403, 908);
  assertError(await send(h, 'ada@example.com', 'https://evil.example/verify'), 403, 908);
  assertError(await send(h, 'not-an-email'), 400, 1038);
  assertError(await h.api('GET', P), 403, 908);
  assert.equal((await h.outbox('ada@example.com')).length, 0);
  await send(h, 'ada@example.com');
  const mail = await lastMail(h, 'ada@example.com', 'passwordless');
  await h.config({ passwordlessLogin: false });
  assertError(await send(h, 'ada@example.com'), 403, 1059);
  assertError(await verifyLink(h, mail.Token), 403, 1059);
  assertError(await verifyCode(h, 'ada@example.com', mail.Otp), 403, 1059);
  // Without a verificationurl the mail carries the token but no link.
  await h.config({ passwordlessLogin: true });
  await send(h, 'ada@example.com', null);
  const bare = await lastMail(h, 'ada@example.com', 'passwordless');
  assert.equal(bare.Link, null);
  assert.equal(typeof bare.Token, 'string');
});

test('codes off (passwordlessOtp false): no Otp in the mail, P3 finds no code (1070); send limits 1178 / 1179', async (t) => {
  const h = await start(t, { passwordlessOtp: false });
  await h.createUser('ada@example.com');
  await h.createUser('bob@example.com');
  for (let i = 0; i < 5; i++) assert.equal((await send(h, 'ada@example.com')).status, 200);
  const mail = await lastMail(h, 'ada@example.com', 'passwordless');
  assert.equal('Otp' in mail, false);
  assertError(await verifyCode(h, 'ada@example.com', '123456'), 403, 1070);
  assertError(await send(h, 'ada@example.com'), 403, 1178);
  await h.config({ passwordlessOtp: true });
  for (let i = 0; i < 5; i++) assert.equal((await send(h, 'bob@example.com')).status, 200);
  assertError(await send(h, 'bob@example.com'), 403, 1179);
  // The limit lifts once the latest code has expired (10 minutes by default).
  await h.config({ clockOffsetSeconds: 601 });
  assert.equal((await send(h, 'bob@example.com')).status, 200);
});

test('with MFA required, P2 and P3 answer with the second-factor challenge; L2 completes it', async (t) => {
  const h = await mfaSite(t);
  await h.createUser('ada@example.com');
  await send(h, 'ada@example.com');
  const mail = await lastMail(h, 'ada@example.com', 'passwordless');
  const r = await verifyLink(h, mail.Token);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.Profile, null);
  assert.equal(r.body.access_token, ZERO_GUID);
  const sfa = r.body.SecondFactorAuthentication;
  const done = await authenticatorLogin(h, sfa.SecondFactorAuthenticationToken, totp(sfa.ManualEntryCode, h.offset));
  assert.equal(done.status, 200, done.text);
  assert.equal(done.body.Profile.Email[0].Value, 'ada@example.com');
  await send(h, 'ada@example.com');
  const code = await verifyCode(h, 'ada@example.com', (await lastMail(h, 'ada@example.com', 'passwordless')).Otp);
  assert.equal(code.body.access_token, ZERO_GUID);
  assert.equal(code.body.SecondFactorAuthentication.IsAuthenticatorVerified, true);
});

test('passwordless on unverified or blocked accounts: the link verifies the address; a blocked account gets 991', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com', undefined, { EmailVerified: false });
  await send(h, 'ada@example.com');
  const ok = await verifyLink(h, (await lastMail(h, 'ada@example.com', 'passwordless')).Token);
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.Profile.EmailVerified, true);
  await h.admin('PUT', `/identity/v2/manage/account/${p.Uid}`, { json: { IsActive: false } });
  assertError(await send(h, 'ada@example.com'), 403, 991);
  for (const q of [{ verificationtoken: 'x'.repeat(5000) }, { verificationtoken: ['a', 'b'] }]) assert4xx(await h.api('GET', `${P}/verify`, { query: q }));
  for (const json of [null, [], { Email: 5, Otp: 1 }, { Email: 'ada@example.com', Otp: { $gt: '' } }]) assert4xx(await h.api('POST', `${P}/verifyotp`, { json }));
});
