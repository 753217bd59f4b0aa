/** Account API (API secret): secret checks, create/get/update/delete, passwords, tokens, emails, SOTT, no CORS. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { A, API_SECRET, ISO_DATE, M, PASSWORD, PASSWORD2, Q1, RESET_LINK, assertError, regBody, start } from './helpers.js';

test('secret: header or apisecret query accepted; missing 923, wrong 921 (both HTTP 400)', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const q = { email: 'ada@example.com' };
  assert.equal((await h.api('GET', M, { query: q, headers: { 'X-LoginRadius-ApiSecret': API_SECRET } })).status, 200);
  assert.equal((await h.api('GET', M, { query: { ...q, apisecret: API_SECRET } })).status, 200);
  assert.equal((await h.api('GET', M, { query: { ...q, ApiSecret: API_SECRET } })).status, 200);
  assertError(await h.api('GET', M, { query: q }), 400, 923);
  assertError(await h.api('GET', M, { query: q, headers: { 'X-LoginRadius-ApiSecret': 'wrong' } }), 400, 921);
  assertError(await h.api('GET', M, { query: { ...q, apisecret: API_SECRET.slice(0, -1) } }), 400, 921);
  // The apikey is still checked first.
  assertError(await h.admin('GET', M, { query: { ...q, apikey: null } }), 400, 922);
  assertError(await h.admin('GET', M, { query: { ...q, apikey: 'nope' } }), 400, 920);
  // Every Account route needs the secret.
  for (const [method, path] of [['POST', M], ['GET', `${M}/sott`], ['GET', `${M}/access_token`], ['DELETE', `${M}/abc`], ['PUT', `${M}/abc/password`]]) {
    assertError(await h.api(method!, path!, { json: method === 'GET' ? undefined : {} }), 400, 923);
  }
});

test('secret comparison is constant-time (safeEqual on SHA-256 digests with timingSafeEqual)', () => {
  // The key and secret checks live in the request guard (emulator/http/guard.ts since the split).
  const server = readFileSync(new URL('../../emulator/http/guard.ts', import.meta.url), 'utf8');
  assert.match(server, /safeEqual\(secret, emu\.apiSecret\)/);
  assert.match(server, /safeEqual\(key, emu\.apiKey\)/);
  assert.doesNotMatch(server, /secret\s*[!=]==?\s*emu\.apiSecret/);
  const crypto = readFileSync(new URL('../../emulator/crypto.ts', import.meta.url), 'utf8');
  assert.match(crypto, /export function safeEqual[\s\S]*?timingSafeEqual\(sha256\(a, 'buffer'\), sha256\(b, 'buffer'\)\)/);
});

test('create: a pre-verified account (EmailVerified: true) that can log in; default unverified', async (t) => {
  const h = await start(t);
  const r = await h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'ada@example.com' }], Password: PASSWORD, EmailVerified: true, FirstName: 'Ada', UserName: 'ada', PhoneId: '+15551234567' } });
  assert.equal(r.status, 200, r.text);
  assert.match(r.body.Uid, /^[0-9a-f]{32}$/);
  assert.equal(r.body.EmailVerified, true);
  assert.equal(r.body.FirstName, 'Ada');
  assert.equal(r.body.UserName, 'ada');
  assert.equal(r.body.PhoneId, '+15551234567');
  assert.equal(r.body.Password, null);
  assert.equal(r.body.RegistrationSource, 'API');
  await h.login('ada@example.com');

  const u = await h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'bob@example.com' }], Password: PASSWORD } });
  assert.equal(u.status, 200, u.text);
  assert.equal(u.body.EmailVerified, false);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'bob@example.com', password: PASSWORD } }), 403, 970);
});

test('create: 936 duplicate (case-insensitive), 1017 username, 1038 bad email, 1134 missing Email, 1201 no type', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { UserName: 'ada' });
  assertError(await h.admin('POST', M, { json: regBody('ADA@EXAMPLE.COM') }), 403, 936);
  assertError(await h.admin('POST', M, { json: regBody('other@example.com', PASSWORD, { UserName: 'ADA' }) }), 403, 1017);
  assertError(await h.admin('POST', M, { json: regBody('not-an-email') }), 400, 1038);
  assertError(await h.admin('POST', M, { json: { Password: PASSWORD } }), 403, 1134);
  assertError(await h.admin('POST', M, { json: { Email: [{ Value: 'x@example.com' }], Password: PASSWORD } }), 400, 1201);
  assertError(await h.admin('POST', M, { json: regBody('x@example.com', 'short') }), 403, 1134);
  assertError(await h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'x@example.com' }, { Type: 'Primary', Value: 'y@example.com' }], Password: PASSWORD } }), 400, 1203);
  assert.equal((await h.control('GET', '/status')).body.users, 1, 'no account was created by the failures');
});

test('get by email / username / phone / uid; 938 unknown; fields projection', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com', PASSWORD, { UserName: 'ada', PhoneId: '+15551234567' });
  for (const query of [{ email: 'ADA@example.com' }, { username: 'ada' }, { userName: 'ADA' }, { phone: '+15551234567' }]) {
    const r = await h.admin('GET', M, { query });
    assert.equal(r.status, 200, `${JSON.stringify(query)}: ${r.text}`);
    assert.equal(r.body.Uid, p.Uid);
  }
  const byUid = await h.admin('GET', `${M}/${p.Uid}`);
  assert.equal(byUid.status, 200, byUid.text);
  assert.equal(byUid.body.Email[0].Value, 'ada@example.com');
  assert.deepEqual((await h.admin('GET', `${M}/${p.Uid}`, { query: { fields: 'Uid,UserName' } })).body, { Uid: p.Uid, UserName: 'ada' });
  assertError(await h.admin('GET', M, { query: { email: 'nobody@example.com' } }), 403, 938);
  assertError(await h.admin('GET', M, { query: { username: 'nobody' } }), 403, 938);
  assertError(await h.admin('GET', M, { query: { phone: '+1000000' } }), 403, 938);
  assertError(await h.admin('GET', `${M}/${'0'.repeat(32)}`), 403, 938);
  assertError(await h.admin('GET', `${M}/${'0'.repeat(300)}`), 403, 908); // over the router's parameter limit
  assertError(await h.admin('GET', M), 403, 908);
  assertError(await h.admin('GET', M, { query: { email: 'bad' } }), 400, 1038);
});

test('update: profile fields, UserName, IsActive false → login 991, true again → login works', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com', PASSWORD, { FirstName: 'Ada', LastName: 'Lovelace' });
  let r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { FirstName: 'Augusta', UserName: 'augusta' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.FirstName, 'Augusta');
  assert.equal(r.body.LastName, 'Lovelace');
  assert.equal(r.body.UserName, 'augusta');
  assert.equal((await h.admin('GET', M, { query: { username: 'augusta' } })).body.Uid, p.Uid);
  r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { LastName: null }, query: { nullsupport: true } });
  assert.equal(r.body.LastName, null);

  r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsActive: false } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.IsActive, false);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 991);
  // A blocked user's wrong password is still 966 (no hint that the account exists).
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } }), 401, 966);
  r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsActive: true } });
  assert.equal(r.body.IsActive, true);
  await h.login('ada@example.com');

  assertError(await h.admin('PUT', `${M}/${'0'.repeat(32)}`, { json: { FirstName: 'x' } }), 403, 938);
  assertError(await h.admin('PUT', `${M}/${p.Uid}`), 400, 1079);
  assertError(await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsActive: 'no' } }), 403, 1134);
  await h.createUser('bob@example.com', PASSWORD, { UserName: 'bob' });
  assertError(await h.admin('PUT', `${M}/${p.Uid}`, { json: { UserName: 'BOB' } }), 403, 1017);
});

test('update: IsLoginLocked true → login 1198 (whatever the password, so 1198 is no password oracle), false → login works', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com');
  let r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsLoginLocked: true } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.IsLoginLocked, true);
  assert.equal(r.body.LoginLockedType, 'Suspend');
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 1198);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } }), 403, 1198);
  r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsLoginLocked: false } });
  assert.equal(r.body.LoginLockedType, 'None');
  await h.login('ada@example.com');
});

test('update: EmailVerified and security answers', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com');
  let r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { EmailVerified: false } });
  assert.equal(r.body.EmailVerified, false);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 970);
  // Answers are keyed by one of the site's QuestionIds (an unknown id is 1091, as live).
  r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { EmailVerified: true, securityquestionanswer: { [Q1]: 'Blue' } } });
  assert.equal(r.status, 200, r.text);
  assert.equal(h.emu.emu.store.get(p.Uid)!.securityAnswers[Q1], 'blue');
  assertError(await h.admin('PUT', `${M}/${p.Uid}`, { json: { securityquestionanswer: { [Q1]: '' } } }), 403, 1134);
  assertError(await h.admin('PUT', `${M}/${p.Uid}`, { json: { securityquestionanswer: { q1: 'Blue' } } }), 403, 1091);
  await h.login('ada@example.com');
});

test('set password: returns PasswordHash; the new password logs in, the old one does not', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com');
  const r = await h.admin('PUT', `${M}/${p.Uid}/password`, { json: { password: PASSWORD2 } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body), ['PasswordHash']);
  assert.match(r.body.PasswordHash, /^\$scrypt\$ln=\d+,r=8,p=1\$/);
  const get = await h.admin('GET', `${M}/${p.Uid}/password`);
  assert.deepEqual(get.body, r.body);
  await h.login('ada@example.com', PASSWORD2);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 401, 966);
  assertError(await h.admin('PUT', `${M}/${p.Uid}/password`, { json: { password: 'x' } }), 403, 1134);
  assertError(await h.admin('PUT', `${M}/${p.Uid}/password`, { json: {} }), 400, 1089);
  assertError(await h.admin('PUT', `${M}/${'0'.repeat(32)}/password`, { json: { password: PASSWORD2 } }), 403, 938);
});

test('verification token: usable on the Auth API verify endpoint; 1126 when verified; 1023 unknown', async (t) => {
  const h = await start(t);
  const u = await h.admin('POST', M, { json: regBody('bob@example.com') });
  assert.equal(u.body.EmailVerified, false);
  const r = await h.admin('POST', `${M}/verify/token`, { json: { email: 'bob@example.com' } });
  assert.equal(r.status, 200, r.text);
  assert.match(r.body.VerificationToken, /^[0-9a-f]{32}$/);
  assert.match(r.body.expires_in, ISO_DATE);
  assert.equal((await h.outbox()).length, 0, 'nothing is mailed');
  const v = await h.api('GET', `${A}/email`, { query: { verificationtoken: r.body.VerificationToken } });
  assert.equal(v.status, 200, v.text);
  assert.equal(v.body.Data.Profile.EmailVerified, true);
  assertError(await h.admin('POST', `${M}/verify/token`, { json: { email: 'bob@example.com' } }), 403, 1126);
  assertError(await h.admin('POST', `${M}/verify/token`, { json: { email: 'nobody@example.com' } }), 403, 1023);
});

test('forgot token: resets the password through the Auth API; sendemail mails it', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const r = await h.admin('POST', `${M}/forgot/token`, { json: { email: 'ada@example.com' } });
  assert.equal(r.status, 200, r.text);
  assert.match(r.body.ForgotToken, /^[0-9a-f]{32}$/);
  assert.deepEqual(r.body.IdentityProviders, []);
  assert.equal((await h.outbox()).length, 0);
  const ok = await h.api('PUT', `${A}/password/reset`, { json: { resettoken: r.body.ForgotToken, password: PASSWORD2 } });
  assert.equal(ok.status, 200, ok.text);
  await h.login('ada@example.com', PASSWORD2);
  const sent = await h.admin('POST', `${M}/forgot/token`, { json: { email: 'ada@example.com' }, query: { sendemail: true, resetpasswordurl: RESET_LINK } });
  assert.equal(sent.status, 200, sent.text);
  const [mail] = await h.outbox('ada@example.com');
  assert.equal(mail.Token, sent.body.ForgotToken);
  assert.match(mail.Link, /vtype=reset&vtoken=/);
  assertError(await h.admin('POST', `${M}/forgot/token`, { json: { email: 'nobody@example.com' } }), 403, 1023);
});

test('impersonation: the access token works on the Auth API; 938 unknown uid', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com');
  const r = await h.admin('GET', `${M}/access_token`, { query: { uid: p.Uid } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['access_token', 'expires_in', 'refresh_token']);
  assert.match(r.body.expires_in, ISO_DATE);
  const me = await h.api('GET', `${A}/account`, { token: r.body.access_token });
  assert.equal(me.status, 200, me.text);
  assert.equal(me.body.Uid, p.Uid);
  assertError(await h.admin('GET', `${M}/access_token`, { query: { uid: 'f'.repeat(32) } }), 403, 938);
  assertError(await h.admin('GET', `${M}/access_token`), 403, 938);
});

test('delete by uid and by email: account and its tokens are gone; 938 afterwards', async (t) => {
  const h = await start(t);
  const a = await h.createUser('ada@example.com');
  const { access_token: token } = await h.login('ada@example.com');
  const r = await h.admin('DELETE', `${M}/${a.Uid}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsDeleted: true });
  assertError(await h.api('GET', `${A}/account`, { token }), 403, 905);
  assertError(await h.admin('GET', `${M}/${a.Uid}`), 403, 938);
  assertError(await h.admin('DELETE', `${M}/${a.Uid}`), 403, 938);

  await h.createUser('bob@example.com');
  const { access_token: bobToken } = await h.login('bob@example.com');
  const byEmail = await h.admin('DELETE', M, { query: { email: 'BOB@example.com' } });
  assert.equal(byEmail.status, 200, byEmail.text);
  assert.deepEqual(byEmail.body, { IsDeleted: true, RecordsDeleted: 1 });
  assertError(await h.api('GET', `${A}/account`, { token: bobToken }), 403, 905);
  assertError(await h.admin('DELETE', M, { query: { email: 'bob@example.com' } }), 403, 938);
  assertError(await h.admin('DELETE', M), 403, 908);
  // The addresses are free again.
  await h.createUser('ada@example.com');
});

test('upsert email and remove email (DELETE with a JSON body)', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com');
  await h.createUser('bob@example.com');
  let r = await h.admin('PUT', `${M}/${p.Uid}/email`, { json: { Email: [{ Type: 'Secondary', Value: 'ada2@example.com' }] } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.Email, [{ Type: 'Primary', Value: 'ada@example.com' }, { Type: 'Secondary', Value: 'ada2@example.com' }]);
  assertError(await h.admin('PUT', `${M}/${p.Uid}/email`, { json: { Email: [{ Type: 'Secondary', Value: 'bob@example.com' }] } }), 403, 936);
  // Upserting an existing address is idempotent.
  r = await h.admin('PUT', `${M}/${p.Uid}/email`, { json: { Email: [{ Type: 'Secondary', Value: 'ADA2@example.com' }] } });
  assert.equal(r.body.Email.length, 2);
  // The upserted address logs in.
  await h.login('ada2@example.com');

  r = await h.admin('DELETE', `${M}/${p.Uid}/email`, { json: { email: 'ada@example.com' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.Email, [{ Type: 'Primary', Value: 'ada2@example.com' }], 'the remaining address becomes primary');
  assertError(await h.admin('DELETE', `${M}/${p.Uid}/email`, { json: { email: 'ada2@example.com' } }), 403, 1005);
  assertError(await h.admin('DELETE', `${M}/${p.Uid}/email`, { json: { email: 'zzz@example.com' } }), 403, 1023);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 401, 966);
});

test('generate SOTT: registers through the Auth API; timedifference sets the expiry', async (t) => {
  const h = await start(t, { verificationFlow: 'optional' });
  const r = await h.admin('GET', `${M}/sott`, { query: { timedifference: 20 } });
  assert.equal(r.status, 200, r.text);
  assert.match(r.body.Sott, /^[A-Za-z0-9+/]+=*\*[0-9a-f]{32}$/);
  assert.match(r.body.ExpiryTime, ISO_DATE);
  const mins = (Date.parse(r.body.ExpiryTime) - Date.now()) / 60_000;
  assert.ok(mins > 19 && mins <= 20.1, `${mins} minutes`);
  const reg = await h.api('POST', `${A}/register`, { json: regBody('new@example.com'), headers: { 'X-LoginRadius-Sott': r.body.Sott } });
  assert.equal(reg.status, 200, reg.text);
  assert.equal(reg.body.IsPosted, true);
});

test('CORS: the Account API never answers browsers; the Auth API does for loopback origins only', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const origin = 'http://localhost:8000';
  // Preflight to the Account API: no allow-origin.
  for (const path of [M, `${M}/abc/password`, '/IDENTITY/V2/MANAGE/ACCOUNT', '/identity/v2/%6Danage/account']) {
    const pre = await fetch(h.url + path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-loginradius-apisecret' } });
    await pre.text();
    assert.equal(pre.headers.get('access-control-allow-origin'), null, `preflight ${path}`);
    assert.ok(pre.status >= 400 || pre.status === 204);
  }
  // Even a "simple" GET with the secret gets no allow-origin (the browser would not hand the body to the page).
  for (const path of [M, '/identity/v2/%6Danage/account']) {
    const get = await h.admin('GET', path, { query: { email: 'ada@example.com' }, headers: { origin } });
    assert.equal(get.status, 200, get.text);
    assert.equal(get.headers.get('access-control-allow-origin'), null, path);
  }
  // The Auth API answers loopback origins...
  for (const o of [origin, 'http://127.0.0.1:5173', 'http://[::1]:3000']) {
    const pre = await fetch(`${h.url}${A}/login`, { method: 'OPTIONS', headers: { origin: o, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), o);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /PUT/);
    const r = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD }, headers: { origin: o } });
    assert.equal(r.headers.get('access-control-allow-origin'), o);
    assert.match(r.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
  }
  // ...but not other origins, `null`, or a loopback look-alike.
  for (const o of ['https://evil.example', 'null', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example']) {
    const pre = await fetch(`${h.url}${A}/login`, { method: 'OPTIONS', headers: { origin: o, 'access-control-request-method': 'POST' } });
    await pre.text();
    assert.equal(pre.headers.get('access-control-allow-origin'), null, o);
    const r = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD }, headers: { origin: o } });
    assert.equal(r.headers.get('access-control-allow-origin'), null, o);
    assert.notEqual(r.headers.get('access-control-allow-origin'), '*');
  }
  // Configured origins replace the loopback default.
  await h.config({ corsOrigins: ['https://app.example'] });
  const ok = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD }, headers: { origin: 'https://app.example' } });
  assert.equal(ok.headers.get('access-control-allow-origin'), 'https://app.example');
  const lb = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD }, headers: { origin } });
  assert.equal(lb.headers.get('access-control-allow-origin'), null);
});
