/**
 * Bad input (security-requirements §7, BI-01…BI-18): every case answers a 4xx with a LoginRadius-style error body,
 * never a 5xx, never changes the account, and the server keeps answering.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { hashPassword } from '../../emulator/crypto.js';
import {
  A, API_KEY, API_SECRET, DELETE_LINK, LINK, M, PASSWORD, RESET_LINK, assert4xx, assertError, buildUrl, regBody, sott, start, type ApiOptions, type Harness, type Res,
} from './helpers.js';

const JSON_CT = { 'content-type': 'application/json' };

/** A verified account with a session; `check()` asserts the stored user is byte-for-byte unchanged and all is well. */
async function victim(h: Harness) {
  const p = await h.createUser('ada@example.com', PASSWORD, { FirstName: 'Ada', CustomFields: { team: 'engines' } });
  const { access_token: token } = await h.login('ada@example.com');
  const snap = () => JSON.stringify(h.emu.emu.store.get(p.Uid));
  const before = snap();
  const users = h.emu.emu.store.users.size;
  return {
    token,
    uid: p.Uid as string,
    async check(what = '') {
      assert.equal(snap(), before, `${what}: the account is unchanged`);
      assert.equal(h.emu.emu.store.users.size, users, `${what}: no account was created or deleted`);
      assert.equal(({} as Record<string, unknown>).isAdmin, undefined, 'Object.prototype is clean');
      assert.equal((await h.control('GET', '/status')).status, 200, `${what}: still answering`);
      assert.equal((await h.api('GET', `${A}/access_token/validate`, { token })).status, 200, `${what}: the session still works`);
    },
  };
}

const raw = (h: Harness, method: string, path: string, body: ApiOptions['raw'], headers: Record<string, string> = JSON_CT, query?: ApiOptions['query']) =>
  h.api(method, path, { raw: body, headers, query });

// ----------------------------------------------------------------------------------------- BI-01 size
test('BI-01: bodies over 64 KiB → 413, with Content-Length and chunked; a gzip bomb is not inflated', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  const big = JSON.stringify({ email: 'ada@example.com', password: 'x'.repeat(65 * 1024) });
  assertError(await raw(h, 'POST', `${A}/login`, big), 413, 413);
  assertError(await raw(h, 'PUT', `${A}/account`, JSON.stringify({ FirstName: 'y'.repeat(1024 * 1024 + 1) }), { ...JSON_CT, authorization: `Bearer ${v.token}` }), 413, 413);
  const chunked = new ReadableStream<Uint8Array>({
    start(c) {
      const chunk = new TextEncoder().encode(`{"FirstName":"${'z'.repeat(8 * 1024)}`);
      for (let i = 0; i < 10; i++) c.enqueue(chunk);
      c.enqueue(new TextEncoder().encode('"}'));
      c.close();
    },
  });
  const r = await raw(h, 'PUT', `${A}/account`, chunked, { ...JSON_CT, authorization: `Bearer ${v.token}` });
  assertError(r, 413, 413);
  // Exactly at the limit is parsed (and then refused for its content, not its size).
  const pad = 64 * 1024 - JSON.stringify({ email: 'ada@example.com', password: '' }).length;
  const edge = await raw(h, 'POST', `${A}/login`, JSON.stringify({ email: 'ada@example.com', password: 'p'.repeat(pad) }));
  assert.notEqual(edge.status, 413, edge.text);
  assert4xx(edge, 'at the limit');
  // Compressed bodies are not decompressed: 10 MiB of JSON in a small gzip is refused, not inflated.
  const bomb = gzipSync(Buffer.from(`{"FirstName":"${' '.repeat(10 * 1024 * 1024)}"}`));
  assert.ok(bomb.length < 64 * 1024);
  assert4xx(await raw(h, 'PUT', `${A}/account`, new Uint8Array(bomb), { ...JSON_CT, 'content-encoding': 'gzip', authorization: `Bearer ${v.token}` }), 'gzip');
  await v.check('BI-01');
});

// ----------------------------------------------------------------------------------- BI-03 content type
test('BI-03: missing, text/plain, form, multipart and charset=latin1 content types → 415', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  const body = JSON.stringify({ email: 'ada@example.com', password: PASSWORD });
  const cases: [string, Record<string, string>][] = [
    ['missing', {}],
    ['text/plain', { 'content-type': 'text/plain' }],
    ['text/plain;charset=UTF-8', { 'content-type': 'text/plain;charset=UTF-8' }],
    ['form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=xyz' }],
    ['latin1', { 'content-type': 'application/json; charset=latin1' }],
    ['iso-8859-1', { 'content-type': 'application/json; charset="ISO-8859-1"' }],
    ['xml', { 'content-type': 'application/xml' }],
  ];
  for (const [, headers] of cases) {
    assertError(await raw(h, 'POST', `${A}/login`, new TextEncoder().encode(body), headers), 415, 415);
    const u = await raw(h, 'PUT', `${A}/account`, new TextEncoder().encode(JSON.stringify({ FirstName: 'Mallory' })), { ...headers, authorization: `Bearer ${v.token}` });
    assertError(u, 415, 415);
  }
  await v.check('BI-03');
  // UTF-8 spelled any common way is fine.
  for (const ct of ['application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'Application/JSON; charset=utf8']) {
    const r = await raw(h, 'POST', `${A}/login`, body, { 'content-type': ct });
    assert.equal(r.status, 200, `${ct}: ${r.text}`);
  }
});

// --------------------------------------------------------------------------------------- BI-04 malformed
test('BI-04: malformed JSON → 400 (965 on POST, 1079 on PUT, 1090 on DELETE)', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  const bodies = ['{"email":', '{"email":"ada@example.com","password":"x",}', "{'email':'ada@example.com'}", '\uFEFF{"email":"ada@example.com"}',
    'null', '[]', '"string"', '42', 'true', '{"password":NaN}', '{"password":Infinity}', '{"a":1}{"b":2}', '{"a":undefined}', '{"email":"ada@example.com"', '}'];
  for (const b of bodies) {
    assertError(await raw(h, 'POST', `${A}/login`, b), 400, 965);
    assertError(await raw(h, 'PUT', `${A}/account`, b, { ...JSON_CT, authorization: `Bearer ${v.token}` }), 400, 1079);
    assertError(await raw(h, 'DELETE', `${A}/email`, b, { ...JSON_CT, authorization: `Bearer ${v.token}` }), 400, 1090);
  }
  // An empty JSON body is "no body": a 4xx for the missing fields.
  assert4xx(await raw(h, 'POST', `${A}/login`, ''), 'empty');
  assertError(await raw(h, 'PUT', `${A}/account`, '', { ...JSON_CT, authorization: `Bearer ${v.token}` }), 400, 1079);
  await v.check('BI-04');
});

// ---------------------------------------------------------------------------------------- BI-05 types
test('BI-05: wrong types never log in (NoSQL operators, numbers, arrays, booleans, null)', async (t) => {
  const h = await start(t, { lockout: { threshold: 0 } });
  const v = await victim(h);
  const emails: unknown[] = [{ $ne: null }, { $gt: '' }, 123, true, ['ada@example.com'], null, { email: 'ada@example.com' }];
  const passwords: unknown[] = [{ $gt: '' }, { $ne: null }, null, 12345678, true, [PASSWORD], { toString: PASSWORD }];
  for (const email of emails) {
    const r = await h.api('POST', `${A}/login`, { json: { email, password: PASSWORD } });
    assert4xx(r, `email ${JSON.stringify(email)}`);
    assert.equal(r.status === 400 || r.status === 403, true);
  }
  for (const password of passwords) {
    const r = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password } });
    assert4xx(r, `password ${JSON.stringify(password)}`);
  }
  // Registration and profile update refuse wrong types by schema.
  for (const Email of [['ada2@example.com'], 'ada2@example.com', [{ Type: 'Primary', Value: { $ne: null } }], [{ Type: 1, Value: 'ada2@example.com' }], {}]) {
    assert4xx(await h.register({ Email, Password: PASSWORD }), `register Email ${JSON.stringify(Email)}`);
  }
  for (const Password of [{ $gt: '' }, 12345678, ['x'], true]) assert4xx(await h.register({ ...regBody('ada2@example.com'), Password }), 'register Password');
  for (const json of [{ FirstName: { $set: 'x' } }, { FirstName: ['x'] }, { Country: 'GB' }, { PhoneNumbers: 'x' }, { PhoneNumbers: [1] }, { CustomFields: [1] }, { CustomFields: { a: { b: 1 } } }, { IsEmailSubscribed: 'yes' }]) {
    assertError(await h.api('PUT', `${A}/account`, { token: v.token, json }), 403, 1134);
  }
  assertError(await h.api('PUT', `${A}/password/change`, { token: v.token, json: { oldpassword: { $ne: null }, newpassword: 'New-Password-123' } }), 403, 1134);
  assert4xx(await h.api('PUT', `${A}/password/reset`, { json: { resettoken: { $ne: null }, password: 'New-Password-123' } }), 'reset token type');
  assert4xx(await h.api('GET', `${A}/account/delete`, { query: { deletetoken: '[object Object]' } }), 'delete token');
  await v.check('BI-05');
});

// ------------------------------------------------------------------------------------ BI-06 prototype
test('BI-06: __proto__ and constructor.prototype, top-level and nested → 4xx; Object.prototype stays clean', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  const payloads = [
    '{"__proto__":{"isAdmin":true},"email":"ada@example.com","password":"x"}',
    '{"constructor":{"prototype":{"isAdmin":true}},"email":"ada@example.com"}',
    '{"Email":[{"Type":"Primary","Value":"p@example.com","__proto__":{"isAdmin":true}}],"Password":"Correct-Horse-Battery-42"}',
    '{"CustomFields":{"__proto__":{"isAdmin":true}}}',
    '{"CustomFields":{"constructor":{"prototype":{"isAdmin":true}}}}',
    '{"Country":{"__proto__":{"Code":"GB"}}}',
    '{"securityquestionanswer":{"__proto__":"x"}}',
    '{"a":[[[{"__proto__":{"isAdmin":true}}]]]}',
    '{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}',
  ];
  for (const p of payloads) {
    assertError(await raw(h, 'POST', `${A}/login`, p), 400, 965);
    assertError(await raw(h, 'PUT', `${A}/account`, p, { ...JSON_CT, authorization: `Bearer ${v.token}` }), 400, 1079);
    assertError(await raw(h, 'POST', `${A}/register`, p, { ...JSON_CT, 'x-loginradius-sott': sott() }), 400, 965);
    assertError(await raw(h, 'POST', M, p, { ...JSON_CT, 'x-loginradius-apisecret': API_SECRET }), 400, 965);
  }
  // The query string too (names become plain keys of a null-prototype object).
  const url = `${buildUrl(h.url, `${A}/account`)}&__proto__[isAdmin]=1&constructor[prototype][x]=1&__proto__=1`;
  const q = await fetch(url, { headers: { authorization: `Bearer ${v.token}` } });
  assert.equal(q.status, 200);
  assert.equal(((await q.json()) as Record<string, unknown>).isAdmin, undefined);
  // Harmless keys that merely look special are plain data.
  const ok = await h.api('PUT', `${A}/account`, { token: v.token, json: { CustomFields: { toString: 'a', hasOwnProperty: 'b', valueOf: 'c' } } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body.Data.CustomFields, { toString: 'a', hasOwnProperty: 'b', valueOf: 'c' });
  assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  assert.equal(Object.getPrototypeOf(h.emu.emu.store.get(v.uid)!.fields), Object.prototype);
});

// -------------------------------------------------------------------------------------- BI-07 unicode
test('BI-07: NUL, lone surrogate, RTL override, zero-width, CRLF, spaces in emails → 4xx everywhere', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  const evil = ['ada\u0000@example.com', 'ada@example.com\u0000', 'ada\ud800@example.com', 'ada\u202E@example.com', '\u202Eada@example.com',
    'ada\u200B@example.com', 'ada@exa\u200Bmple.com', 'ada@example.com\r\nBcc: evil@x.com', 'ada@example.com\n', ' ada@example.com', 'a da@example.com',
    'ada@@example.com', 'ada@example', '@example.com', 'ada@.com', 'ada@example..com', 'ada@-example.com', 'ada@example.123', 'ada.@example.com', '.ada@example.com', 'a..da@example.com', 'ada\u2028@example.com', 'ada\uFEFF@example.com'];
  for (const email of evil) {
    const what = JSON.stringify(email);
    assert4xx(await h.api('POST', `${A}/login`, { json: { email, password: PASSWORD } }), `login ${what}`);
    assert4xx(await h.register(regBody(email)), `register ${what}`);
    assert4xx(await h.api('POST', `${A}/email`, { token: v.token, json: { email, type: 'Secondary' } }), `add ${what}`);
    assert4xx(await h.api('POST', `${A}/password`, { json: { email }, query: { resetpasswordurl: RESET_LINK } }), `forgot ${what}`);
    assert4xx(await h.api('PUT', `${A}/register`, { json: { email } }), `resend ${what}`);
    if (!email.includes('\ud800')) assert4xx(await h.api('GET', `${A}/email`, { query: { email } }), `availability ${what}`);
  }
  assert.equal((await h.outbox()).length, 0);
  await v.check('BI-07 emails');
});

test('BI-07: lone surrogates and NUL in passwords and names → 4xx; invalid UTF-8 bytes → 400', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  for (const Password of ['Correct-Horse\ud800-42', 'Correct-Horse\udfff-42', 'Correct-Horse\u0000-42']) {
    assert4xx(await h.register(regBody('new@example.com', Password)), JSON.stringify(Password));
    assert4xx(await h.api('PUT', `${A}/password/change`, { token: v.token, json: { oldpassword: PASSWORD, newpassword: Password } }), 'change');
  }
  for (const FirstName of ['Ada\u0000', 'A\ud800', 'Ada\r\nX-Injected: 1', 'Ada\u0007']) {
    assert4xx(await h.api('PUT', `${A}/account`, { token: v.token, json: { FirstName } }), JSON.stringify(FirstName));
  }
  for (const bytes of [[0xc0, 0xaf], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
    const body = Buffer.concat([Buffer.from('{"email":"ada'), Buffer.from(bytes), Buffer.from('@example.com","password":"x"}')]);
    assertError(await raw(h, 'POST', `${A}/login`, new Uint8Array(body)), 400, 965);
    const upd = Buffer.concat([Buffer.from('{"FirstName":"A'), Buffer.from(bytes), Buffer.from('"}')]);
    assertError(await raw(h, 'PUT', `${A}/account`, new Uint8Array(upd), { ...JSON_CT, authorization: `Bearer ${v.token}` }), 400, 1079);
  }
  await v.check('BI-07');
  // Names are text: unusual but valid Unicode round-trips.
  const ok = await h.api('PUT', `${A}/account`, { token: v.token, json: { FirstName: 'Ådá 李 👩‍💻', LastName: 'עִבְרִית' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.Data.FirstName, 'Ådá 李 👩‍💻');
  assert.equal((await h.api('GET', `${A}/account`, { token: v.token })).body.LastName, 'עִבְרִית');
});

test('BI-07: a password registered in NFC logs in when typed in NFD (and the other way round)', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled' });
  const nfc = 'Crème-Brûlée-Señor-42'.normalize('NFC');
  const nfd = nfc.normalize('NFD');
  assert.notEqual(nfc, nfd);
  assert.equal((await h.register(regBody('nfc@example.com', nfc))).status, 200);
  await h.login('nfc@example.com', nfd);
  await h.login('nfc@example.com', nfc);
  assert.equal((await h.register(regBody('nfd@example.com', nfd))).status, 200);
  await h.login('nfd@example.com', nfc);
  // Change and reset normalise too.
  const { access_token: token } = await h.login('nfc@example.com', nfc);
  const ch = await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: nfd, newpassword: `${nfd}!` } });
  assert.equal(ch.status, 200, ch.text);
  await h.login('nfc@example.com', `${nfc}!`);
});

// --------------------------------------------------------------------------------- BI-08 links, CRLF
test('BI-08: verificationurl/resetpasswordurl/deleteurl with javascript:, CRLF, other hosts → 4xx, nothing sent or created', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  await h.api('POST', `${A}/email`, { token: v.token, json: { email: 'ada2@example.com', type: 'Secondary' }, query: { verificationurl: LINK } });
  await h.outbox(); // one legitimate mail so far
  await unverified(h, 'bob@example.com');
  const bad = ['javascript:alert(1)', 'JavaScript:alert(document.domain)//http://localhost/', 'http://localhost:8000/v\r\nSet-Cookie: x=1', 'http://localhost:8000/v\nx',
    'https://evil.example/verify', '//evil.example/verify', 'http://localhost.evil.example/verify', 'http://evil.example@evil.example/', 'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd', 'verify', 'http://[::1', 'ftp://localhost/x', 'http://localhost:8000/v\u0000'];
  const before = (await h.outbox()).length;
  for (const url of bad) {
    const what = JSON.stringify(url);
    assert4xx(await h.register(regBody('new@example.com'), { verificationurl: url }), `register ${what}`);
    assert4xx(await h.api('PUT', `${A}/register`, { json: { email: 'bob@example.com' }, query: { verificationurl: url } }), `resend ${what}`);
    assert4xx(await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: url } }), `forgot ${what}`);
    assert4xx(await h.api('POST', `${A}/password`, { json: { email: 'nobody@example.com' }, query: { resetpasswordurl: url } }), `forgot unknown ${what}`);
    assert4xx(await h.api('POST', `${A}/email`, { token: v.token, json: { email: 'ada3@example.com', type: 'Secondary' }, query: { verificationurl: url } }), `add ${what}`);
    assert4xx(await h.api('DELETE', `${A}/account`, { token: v.token, query: { deleteurl: url } }), `delete ${what}`);
    assert4xx(await h.api('POST', `${A}/login`, { json: { email: 'bob@example.com', password: PASSWORD }, query: { verificationurl: url } }), `login ${what}`);
  }
  assert.equal((await h.outbox()).length, before, 'nothing was sent');
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'new@example.com' } })).body, { IsExist: false }, 'no account was registered');
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'ada3@example.com' } })).body, { IsExist: false });
  assert.equal(h.emu.emu.store.oneTime.size, 1, 'no one-time token was issued');
  // A Host header does not steer links: they come from the caller's (allowed) URL only.
  await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK }, headers: { 'x-forwarded-host': 'evil.example' } });
  const [mail] = await h.outbox('ada@example.com');
  assert.match(mail.Link, /^http:\/\/localhost:8000\/reset\?/);
  // Allowed: loopback hosts by default, a configured origin when set.
  await h.config({ corsOrigins: ['loopback', 'https://app.example'] });
  assert.equal((await h.api('DELETE', `${A}/account`, { token: v.token, query: { deleteurl: 'https://app.example/bye' } })).status, 200);
  assert.match((await h.outbox()).at(-1).Link, /^https:\/\/app\.example\/bye\?vtype=deleteuser&vtoken=/);
  assert.equal((await h.api('DELETE', `${A}/account`, { token: v.token, query: { deleteurl: DELETE_LINK } })).status, 200);
});

/** An unverified second account (for resend / login-resend cases). */
async function unverified(h: Harness, email: string) {
  const r = await h.admin('POST', M, { json: regBody(email) });
  assert.equal(r.status, 200, r.text);
  return r.body;
}

// ----------------------------------------------------------------------------------- BI-09 long fields
test('BI-09: password of 129 chars, 4 KiB and 60 KiB → 4xx before hashing (fast even at the default cost)', async (t) => {
  const h = await start(t, { hashCost: 'default', verificationFlow: 'disabled' });
  // A user stored directly with a cheap hash (verification reads the cost from the hash): no default-cost hashing here.
  const { store } = h.emu.emu;
  const user = store.newUser(Date.now(), { emails: [{ Type: 'Primary', Value: 'ada@example.com', Verified: true }], passwordHash: await hashPassword(PASSWORD, 'fast') });
  store.put(user);
  const p = { Uid: user.Uid };
  const token = (await h.admin('GET', `${M}/access_token`, { query: { uid: p.Uid } })).body.access_token as string;
  await h.login('ada@example.com'); // sanity: the stored hash works
  for (const len of [129, 4096, 60 * 1024]) {
    const long = 'a'.repeat(len);
    const timed = async (f: () => Promise<Res>, what: string) => {
      const t0 = performance.now();
      const r = await f();
      const ms = performance.now() - t0;
      assert4xx(r, what);
      assert.ok(ms < 150, `${what}: ${ms.toFixed(0)} ms (no hashing)`);
    };
    await timed(() => h.register(regBody('new@example.com', long)), `register ${len}`);
    await timed(() => h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: long } }), `login ${len}`);
    await timed(() => h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: PASSWORD, newpassword: long } }), `change ${len}`);
    await timed(() => h.api('PUT', `${A}/password/reset`, { json: { resettoken: 'f'.repeat(32), password: long } }), `reset ${len}`);
    await timed(() => h.admin('PUT', `${M}/${p.Uid}/password`, { json: { password: long } }), `set ${len}`);
  }
  assertError(await h.register(regBody('new@example.com', 'a'.repeat(129))), 403, 1134);
});

test('BI-18: a 128-character password with spaces and emoji registers and logs in byte-for-byte', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled', passwordPolicy: { maxLength: 128 } }); // site default: 32
  const base = ' correct horse 🐎 battery staple ☃ Ünïcödé 密码';
  let pw = '';
  while ([...pw].length < 128) pw += [...base][[...pw].length % [...base].length];
  assert.equal([...pw].length, 128);
  assert.ok(pw.length > 128, 'more than 128 UTF-16 units: the limit counts code points');
  assert.notEqual(pw.trim(), pw);
  assert.equal((await h.register(regBody('long@example.com', pw))).status, 200);
  await h.login('long@example.com', pw);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'long@example.com', password: pw.trim() } }), 401, 966);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'long@example.com', password: pw.slice(0, -1) } }), 401, 966);
  const sixtyFour = '  leading and trailing spaces count, and so do CAPITALS  '.padEnd(64, '.');
  assert.equal((await h.register(regBody('spaces@example.com', sixtyFour))).status, 200);
  await h.login('spaces@example.com', sixtyFour);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'spaces@example.com', password: sixtyFour.trim() } }), 401, 966);
});

test('BI-09: email over 254 chars and a 10 KiB name → 4xx; nothing stored', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  const longEmail = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.com`;
  assert.ok(longEmail.length > 254);
  assertError(await h.register(regBody(longEmail)), 400, 1038);
  assertError(await h.api('POST', `${A}/login`, { json: { email: longEmail, password: PASSWORD } }), 400, 1038);
  assertError(await h.api('GET', `${A}/email`, { query: { email: longEmail } }), 400, 1038);
  assertError(await h.register(regBody(`${'a'.repeat(65)}@example.com`)), 400, 1038);
  const tenK = 'N'.repeat(10 * 1024);
  assertError(await h.api('PUT', `${A}/account`, { token: v.token, json: { FirstName: tenK } }), 403, 1134);
  assertError(await h.register(regBody('new@example.com', PASSWORD, { LastName: tenK })), 403, 1134);
  assertError(await h.api('PUT', `${A}/account`, { token: v.token, json: { CustomFields: { note: tenK } } }), 403, 1134);
  assertError(await h.api('PUT', `${A}/account`, { token: v.token, json: { PhoneNumbers: Array.from({ length: 11 }, () => ({ PhoneNumber: '+15551234567' })) } }), 403, 1134);
  await v.check('BI-09');
});

// ------------------------------------------------------------------------------ BI-11 injection strings
test('BI-11: SQL, NoSQL and regex strings in the availability check are literal data (IsExist false, fast)', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const emailShaped = ["admin'--@example.com", "x'or'1'='1@example.com", '*@example.com', 'a*@example.com', '.*@example.com'.slice(1), 'ada+@example.com',
    "'%20OR%201=1--@example.com", '$ne@example.com', '{$gt:""}@example.com'.replace(/[{}:"]/g, ''), 'ad?a@example.com', 'ad|a@example.com'];
  const other = ["' OR '1'='1", "admin'--", '"; DROP TABLE users;--', '.*@.*', '(a+)+$', `${'a'.repeat(60)}!@${'a'.repeat(60)}`, '%', '_@_', 'ada@example.com OR 1=1', 'a{1,1000}@example.com'];
  for (const email of [...emailShaped, ...other]) {
    const t0 = performance.now();
    const r = await h.api('GET', `${A}/email`, { query: { email } });
    assert.ok(performance.now() - t0 < 100, email);
    if (r.status === 200) assert.deepEqual(r.body, { IsExist: false }, email);
    else assertError(r, 400, 1038);
  }
  for (const email of emailShaped) assert.equal((await h.api('GET', `${A}/email`, { query: { email } })).status, 200, email);
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } })).body, { IsExist: true });
});

// ---------------------------------------------------------------------------- BI-12, BI-13 params/auth
test('BI-12: duplicate query parameters → 908; array-style names do not count as the parameter', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  assertError(await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: [API_KEY, 'other'] } }), 403, 908);
  assertError(await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: [API_KEY, API_KEY] } }), 403, 908);
  assertError(await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: API_KEY, ApiKey: API_KEY } }), 403, 908);
  assertError(await h.api('GET', `${A}/email`, { query: { email: ['ada@example.com', 'bob@example.com'] } }), 403, 908);
  assertError(await h.api('GET', `${A}/access_token/validate`, { query: { access_token: [token, token] } }), 403, 908);
  assertError(await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: null, 'apikey[]': API_KEY } }), 400, 922);
  assertError(await h.api('GET', M, { query: { email: 'ada@example.com', apisecret: [API_SECRET, API_SECRET] } }), 403, 908);
});

test('BI-13: Authorization variants: Basic ignored, scheme case-insensitive, empty Bearer → 1060', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  const get = (authorization: string, query: ApiOptions['query'] = {}) => h.api('GET', `${A}/access_token/validate`, { headers: { authorization }, query });
  assertError(await get(`Basic ${Buffer.from('ada@example.com:' + PASSWORD).toString('base64')}`), 400, 1060);
  assert.equal((await get('Basic Zm9vOmJhcg==', { access_token: token })).status, 200, 'Basic is ignored, the query token is used');
  assert.equal((await get(`bearer  ${token}`)).status, 200);
  assert.equal((await get(`BEARER ${token}`)).status, 200);
  assert.equal((await get(`Bearer ${token}  `)).status, 200);
  assertError(await get('Bearer'), 400, 1060);
  assertError(await get('Bearer '), 400, 1060);
  assertError(await get(`Bearer ${token} extra`), 400, 1060);
  assertError(await get(`Token ${token}`), 400, 1060);
  assertError(await get(`Bearer ${token}x`), 403, 905);
});

// ------------------------------------------------------------------------------ BI-16, BI-17 structure
test('BI-16: deep nesting and too many keys inside the size limit → 400 quickly', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  const cases = ['['.repeat(100_000).slice(0, 60_000), `${'['.repeat(30_000)}${']'.repeat(30_000)}`, `{"a":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}`,
    `{"CustomFields":${'['.repeat(33)}${']'.repeat(33)}}`,
    JSON.stringify(Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, 0]))), JSON.stringify({ PhoneNumbers: Array.from({ length: 5000 }, () => 0) })];
  for (const body of cases) {
    assert.ok(body.length < 64 * 1024, `${body.length}`);
    for (const [method, path, code] of [['POST', `${A}/login`, 965], ['PUT', `${A}/account`, 1079]] as const) {
      const t0 = performance.now();
      const r = await raw(h, method, path, body, { ...JSON_CT, authorization: `Bearer ${v.token}` });
      assertError(r, 400, code);
      assert.ok(performance.now() - t0 < 200, `${performance.now() - t0} ms`);
    }
  }
  // Reasonable nesting is fine.
  const ok = await h.api('PUT', `${A}/account`, { token: v.token, json: { CustomFields: { a: 'b' } }, query: { fields: 'CustomFields' } });
  assert.equal(ok.status, 200, ok.text);
});

test('BI-17: duplicate keys differing only in case → 400', async (t) => {
  const h = await start(t);
  const v = await victim(h);
  assertError(await raw(h, 'POST', `${A}/login`, `{"email":"ada@example.com","Email":"bob@example.com","password":"${PASSWORD}"}`), 400, 965);
  assertError(await raw(h, 'PUT', `${A}/account`, '{"FirstName":"A","firstname":"B"}', { ...JSON_CT, authorization: `Bearer ${v.token}` }), 400, 1079);
  assertError(await raw(h, 'POST', `${A}/register`, `{"Password":"${PASSWORD}","password":"x","Email":[{"Type":"Primary","Value":"n@example.com"}]}`, { ...JSON_CT, 'x-loginradius-sott': sott() }), 400, 965);
  await v.check('BI-17');
});

// ---------------------------------------------------------------------------------- BI-18 good inputs
test('BI-18: IDN and plus-addressed emails are accepted and round-trip', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled' });
  for (const email of ['föö@münchen.de', 'ada+newsletter@example.com', 'o\'brien@example.ie', 'user@xn--mnchen-3ya.de', 'ÅSA@EXAMPLE.SE', '用户@例子.广告']) {
    const r = await h.register(regBody(email));
    assert.equal(r.status, 200, `${email}: ${r.text}`);
    await h.login(email);
    assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email } })).body, { IsExist: true }, email);
  }
  // NFD spelling of the same IDN address finds the account (normalised to NFC).
  await h.login('föö@münchen.de'.normalize('NFD'));
  assertError(await h.register(regBody('FÖÖ@MÜNCHEN.DE')), 403, 936);
});

// ---------------------------------------------------------------------------------- E7-04 fuzzing
const FIELD_NAMES = ['email', 'Email', 'password', 'Password', 'FirstName', 'LastName', 'BirthDate', 'Country', 'PhoneNumbers', 'CustomFields',
  'IsEmailSubscribed', 'UserName', 'type', 'access_token', 'oldpassword', 'newpassword', 'resettoken', 'g-recaptcha-response', 'EmailVerified',
  'IsActive', 'securityquestionanswer', 'Uid', '__proto__', 'constructor'];
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.emailAddress(), fc.constantFrom('', 'ada@example.com', PASSWORD, '\u0000', '\ud800'));
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), anyString, fc.array(fc.record({ Type: anyString, Value: anyString }), { maxLength: 3 }));
const anyBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyValue, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ Email: fc.array(fc.record({ Type: fc.constantFrom('Primary', 'Secondary', 'x'), Value: anyString }), { maxLength: 2 }), Password: anyString }),
);

test('E7-04: arbitrary JSON bodies to login, register, update and friends never produce a 5xx', async (t) => {
  const h = await start(t, { verificationFlow: 'optional' });
  const v = await victim(h);
  const secretHeader = { 'x-loginradius-apisecret': API_SECRET };
  const targets: [string, string, Record<string, string>][] = [
    ['POST', `${A}/login`, {}],
    ['POST', `${A}/register`, { 'x-loginradius-sott': sott() }],
    ['PUT', `${A}/account`, { authorization: `Bearer ${v.token}` }],
    ['POST', M, secretHeader],
  ];
  // The other body-taking endpoints get a share of the runs each (keeps the suite fast).
  const others: [string, string, Record<string, string>][] = [
    ['POST', `${A}/register/captcha`, {}],
    ['POST', `${A}/email`, { authorization: `Bearer ${v.token}` }],
    ['PUT', `${A}/password/change`, { authorization: `Bearer ${v.token}` }],
    ['PUT', `${A}/password/reset`, {}],
    ['PUT', `${M}/${v.uid}`, secretHeader],
    ['DELETE', `${A}/email`, { authorization: `Bearer ${v.token}` }],
  ];
  let run = 0;
  await fc.assert(fc.asyncProperty(anyBody, async (body) => {
    const text = JSON.stringify(body);
    for (const [method, path, headers] of [...targets, others[run++ % others.length]!]) {
      const r = await raw(h, method, path, text, { ...JSON_CT, ...headers });
      assert.ok(r.status < 500, `${method} ${path} ${text} → ${r.status} ${r.text}`);
      if (r.status >= 400) assert.equal(typeof r.body?.ErrorCode, 'number', r.text);
    }
  }), { numRuns: 100 });
  assert.equal((await h.control('GET', '/status')).status, 200);
  assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
});

test('E7-04: every email the server accepts satisfies the invariants (≤254, one @, no CR/LF/NUL, well-formed)', async (t) => {
  const h = await start(t);
  const candidate = fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary', maxLength: 300 }),
    fc.tuple(fc.string({ unit: 'grapheme' }), fc.constantFrom('@', '@@', ''), fc.string({ unit: 'grapheme' })).map(([a, b, c]) => `${a}${b}${c}`));
  let accepted = 0;
  await fc.assert(fc.asyncProperty(candidate, async (email) => {
    const r = await h.api('POST', `${A}/password`, { json: { email }, query: { resetpasswordurl: RESET_LINK } });
    assert.ok(r.status < 500, r.text);
    if (r.status === 200) {
      accepted++;
      email = email.normalize('NFC'); // the form the server checks and stores
      assert.ok(email.length <= 254, email);
      assert.equal(email.split('@').length, 2, email);
      assert.doesNotMatch(email, /[\r\n\0]/);
      assert.ok(email.isWellFormed(), email);
    }
  }), { numRuns: 150 });
  assert.ok(accepted > 0, 'some generated addresses were accepted');
});
