/** Emulator-only controls under /__emulator/: reset, outbox, config, faults, request log, status. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, M, PASSWORD, RESET_LINK, assertError, buildUrl, regBody, start } from './helpers.js';

test('status answers {ok:true} without an apikey', async (t) => {
  const h = await start(t);
  const r = await h.control('GET', '/status');
  assert.equal(r.status, 200);
  assert.equal(r.body.ok, true);
  assert.equal(r.body.users, 0);
});

test('reset empties accounts, tokens, outbox, faults, lockouts and the request log, and restores the start config', async (t) => {
  const h = await start(t, { verificationFlow: 'optional', accessTokenLifetimeSeconds: 120 });
  const { token } = await h.userWithToken('ada@example.com');
  await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  await h.config({ verificationFlow: 'disabled', accessTokenLifetimeSeconds: 5, clockOffsetSeconds: 30 });
  await h.control('PUT', '/faults', { faults: [{ path: '/nope', status: 500 }] });
  // Failed-login counters are per account (as live): four failures counted on ada.
  for (let i = 0; i < 4; i++) await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } });
  assert.equal(h.emu.emu.lockouts.get(h.emu.emu.store.userByEmail('ada@example.com')!.Uid)?.fails, 4);

  const r = await h.control('POST', '/reset');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { ok: true });
  assert.equal((await h.control('GET', '/status')).body.users, 0);
  assert.deepEqual(await h.outbox(), []);
  assert.deepEqual((await h.control('GET', '/faults')).body, { faults: [] });
  assert.deepEqual((await h.control('GET', '/requests')).body, { Requests: [] });
  assertError(await h.api('GET', `${A}/access_token/validate`, { token }), 403, 905);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 401, 966);
  assert.equal(h.emu.emu.lockouts.size, 0);
  const cfg = (await h.control('GET', '/config')).body;
  assert.equal(cfg.verificationFlow, 'optional', 'back to the start options, not the defaults');
  assert.equal(cfg.accessTokenLifetimeSeconds, 120);
  assert.equal(cfg.clockOffsetSeconds, 0);
  assert.equal(h.emu.emu.store.oneTime.size, 0);
  assert.equal(h.emu.emu.store.tokens.size, 0);
});

test('outbox: all messages, filtered by ?to= (case-insensitive); DELETE empties it', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  await h.createUser('bob@example.com');
  for (const email of ['ada@example.com', 'bob@example.com', 'ada@example.com']) {
    await h.api('POST', `${A}/password`, { json: { email }, query: { resetpasswordurl: RESET_LINK } });
  }
  const all = await h.outbox();
  assert.equal(all.length, 3);
  for (const m of all) {
    assert.deepEqual(Object.keys(m).sort(), ['CreatedDate', 'Id', 'Kind', 'Link', 'Subject', 'To', 'Token']);
    assert.match(m.Id, /^[0-9a-f-]{36}$/);
    assert.equal(m.Kind, 'reset');
    assert.equal(typeof m.Subject, 'string');
    assert.equal(new URL(m.Link).searchParams.get('vtoken'), m.Token);
  }
  assert.equal((await h.outbox('ADA@example.com')).length, 2);
  assert.equal((await h.outbox('bob@example.com')).length, 1);
  assert.equal((await h.outbox('carol@example.com')).length, 0);
  assert.equal((await h.control('DELETE', '/outbox')).status, 200);
  assert.deepEqual(await h.outbox(), []);
});

test('config: GET lists the documented keys; PUT merges (names case-insensitive); unknown or invalid → 4xx, nothing changed', async (t) => {
  const h = await start(t);
  const cfg = (await h.control('GET', '/config')).body;
  for (const k of ['verificationFlow', 'loginOnEmailVerification', 'accessTokenLifetimeSeconds', 'rateLimit', 'passwordPolicy', 'lockout', 'tokenFormat', 'corsOrigins', 'clockOffsetSeconds']) {
    assert.ok(k in cfg, k);
  }
  assert.equal(cfg.accessTokenLifetimeSeconds, 900);
  assert.equal(cfg.verificationFlow, 'required');
  assert.equal(cfg.loginOnEmailVerification, true);
  assert.equal(cfg.rateLimit, false, 'the test harness turned it off');
  const merged = await h.control('PUT', '/config', { passwordMinLength: 12, VerificationFlow: 'optional' });
  assert.equal(merged.status, 200, merged.text);
  assert.equal(merged.body.passwordPolicy.minLength, 12, 'passwordMinLength is the short form of passwordPolicy.minLength');
  assert.equal(merged.body.verificationFlow, 'optional');
  assert.equal(merged.body.accessTokenLifetimeSeconds, 900, 'other keys are kept');
  // The new policy applies.
  assertError(await h.register(regBody('ada@example.com', 'Eleven-Char')), 403, 1134);
  assert.equal((await h.api('GET', '/ciam/appinfo')).body.PasswordLength.Min, 12);

  const before = (await h.control('GET', '/config')).body;
  for (const bad of [{ noSuchKey: 1 }, { verificationFlow: 'sometimes' }, { accessTokenLifetimeSeconds: 0 }, { accessTokenLifetimeSeconds: '900' },
    { rateLimit: { max: 0, windowSeconds: 1 } }, { rateLimit: true }, { corsOrigins: 'http://x' }, { clockOffsetSeconds: 1.5 }, { passwordMinLength: 200 },
    { passwordMinLength: 10, bogus: true }, { passwordPolicy: { minLength: 40, maxLength: 20 } }, { passwordPolicy: { complexity: 'yes' } },
    { lockout: { type: 'forever' } }, { lockout: { threshold: 101 } }, { lockout: { extra: 1 } }, { tokenFormat: 'uuid' }]) {
    const r = await h.control('PUT', '/config', bad);
    assertError(r, 403, 1134);
  }
  assertError(await h.control('PUT', '/config'), 400, 1079);
  assert.deepEqual((await h.control('GET', '/config')).body, before, 'a refused PUT changes nothing');
});

test('faults: status with Retry-After and a LoginRadius body; 429; matching by path, method, wildcard, case', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  let r = await h.control('PUT', '/faults', { faults: [{ path: `${A}/login`, status: 503, retryAfter: 7 }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.faults.length, 1);
  r = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } });
  assertError(r, 503, 950);
  assert.equal(r.headers.get('retry-after'), '7');
  r = await h.api('POST', '/IDENTITY/v2/auth/LOGIN/', { json: { email: 'ada@example.com', password: PASSWORD } });
  assert.equal(r.status, 503, 'paths match case-insensitively, with or without a trailing slash');
  assert.equal((await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } })).status, 200, 'other routes are untouched');

  await h.control('PUT', '/faults', { faults: [{ path: `${A}/*`, method: 'get', status: 429, retryAfter: 'Wed, 21 Oct 2037 07:28:00 GMT' }] });
  r = await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } });
  assertError(r, 429, 429);
  assert.equal(r.headers.get('retry-after'), 'Wed, 21 Oct 2037 07:28:00 GMT');
  assert.equal((await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } })).status, 200, 'method filter');
  assert.equal((await h.admin('GET', M, { query: { email: 'ada@example.com' } })).status, 200, 'prefix filter');

  // A 4xx fault carries a LoginRadius-style body as well.
  await h.control('PUT', '/faults', { faults: [{ path: `${A}/login`, status: 400 }] });
  assertError(await h.api('POST', `${A}/login`, { json: {} }), 400, 1090);

  const del = await h.control('DELETE', '/faults');
  assert.equal(del.status, 200);
  assert.deepEqual((await h.control('GET', '/faults')).body, { faults: [] });
  assert.equal((await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } })).status, 200);
});

test('faults: html, garbage, malformed, empty and verbatim JSON bodies', async (t) => {
  const h = await start(t);
  const path = `${A}/email`;
  const get = () => h.api('GET', path, { query: { email: 'ada@example.com' } });
  await h.control('PUT', '/faults', { faults: [{ path, status: 502, body: 'html' }] });
  let r = await get();
  assert.equal(r.status, 502);
  assert.match(r.headers.get('content-type')!, /^text\/html/);
  assert.match(r.text, /^<!doctype html>/i);
  await h.control('PUT', '/faults', { faults: [{ path, status: 500, body: 'garbage' }] });
  r = await get();
  assert.equal(r.status, 500);
  assert.match(r.headers.get('content-type')!, /^text\/plain/);
  assert.equal(r.body, undefined, 'not JSON');
  await h.control('PUT', '/faults', { faults: [{ path, body: 'malformed' }] });
  r = await get();
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.throws(() => JSON.parse(r.text));
  await h.control('PUT', '/faults', { faults: [{ path, body: 'empty' }] });
  r = await get();
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, {});
  await h.control('PUT', '/faults', { faults: [{ path, status: 403, body: { ErrorCode: 1198, Message: 'Your account has been locked', Description: 'x' } }] });
  r = await get();
  assert.equal(r.status, 403);
  assert.deepEqual(r.body, { ErrorCode: 1198, Message: 'Your account has been locked', Description: 'x' });
  await h.control('PUT', '/faults', { faults: [{ path, body: [1, 'two'] }] });
  assert.deepEqual((await get()).body, [1, 'two']);
  // Every fault response still has the hardening headers.
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('cache-control'), 'no-store');
});

test('faults: drop destroys the connection (fetch rejects); delayMs adds latency then answers normally', async (t) => {
  const h = await start(t);
  await h.control('PUT', '/faults', { faults: [{ path: `${A}/email`, drop: true }] });
  await assert.rejects(fetch(buildUrl(h.url, `${A}/email`, { email: 'ada@example.com' })), TypeError);
  assert.equal((await h.control('GET', '/status')).status, 200, 'the server survives');

  await h.control('PUT', '/faults', { faults: [{ path: `${A}/email`, delayMs: 300 }] });
  const t0 = performance.now();
  const r = await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } });
  const ms = performance.now() - t0;
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsExist: false });
  assert.ok(ms >= 290, `${ms} ms`);

  await h.control('PUT', '/faults', { faults: [{ path: `${A}/email`, delayMs: 200, status: 504 }] });
  const t1 = performance.now();
  assert.equal((await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } })).status, 504);
  assert.ok(performance.now() - t1 >= 190);
});

test('faults: times limits how many requests are hit, then answers are normal', async (t) => {
  const h = await start(t);
  await h.control('PUT', '/faults', { faults: [{ path: `${A}/email`, status: 503, times: 2 }] });
  const get = () => h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } });
  assert.equal((await get()).status, 503);
  assert.equal((await h.control('GET', '/faults')).body.faults[0].times, 1);
  assert.equal((await get()).status, 503);
  assert.equal((await get()).status, 200);
  assert.equal((await get()).status, 200);
  assert.deepEqual((await h.control('GET', '/faults')).body, { faults: [] });
  // The first matching fault wins; a spent one lets the next apply.
  await h.control('PUT', '/faults', { faults: [{ path: `${A}/email`, status: 500, times: 1 }, { path: `${A}/*`, status: 502, times: 1 }] });
  assert.equal((await get()).status, 500);
  assert.equal((await get()).status, 502);
  assert.equal((await get()).status, 200);
});

test('faults never apply to /__emulator/*; invalid fault specs → 4xx', async (t) => {
  const h = await start(t);
  let r = await h.control('PUT', '/faults', { faults: [{ path: '/__emulator/*', status: 500 }, { path: '/*', drop: true }] });
  assert.equal(r.status, 200, r.text);
  for (const p of ['/status', '/outbox', '/config', '/faults', '/requests']) assert.equal((await h.control('GET', p)).status, 200, p);
  await assert.rejects(fetch(buildUrl(h.url, `${A}/email`, { email: 'a@example.com' })));
  assert.equal((await h.control('DELETE', '/faults')).status, 200);
  for (const bad of [{}, { faults: 'x' }, { faults: [{}] }, { faults: [{ path: 'no-slash' }] }, { faults: [{ path: '/x', status: 42 }] },
    { faults: [{ path: '/x', delayMs: -1 }] }, { faults: [{ path: '/x', delayMs: 10 ** 9 }] }, { faults: [{ path: '/x', drop: 'yes' }] },
    { faults: [{ path: '/x', times: 0 }] }, { faults: [{ path: '/x', retryAfter: 'a\r\nSet-Cookie: x' }] }, { faults: [{ path: '/x', method: 1 }] },
    { faults: Array.from({ length: 51 }, () => ({ path: '/x' })) }]) {
    r = await h.control('PUT', '/faults', bad);
    assert.ok(r.status >= 400 && r.status < 500, `${JSON.stringify(bad).slice(0, 80)} → ${r.status}`);
    assert.equal(typeof r.body.ErrorCode, 'number');
  }
  assert.deepEqual((await h.control('GET', '/faults')).body, { faults: [] });
});

test('faults: a browser (allowed origin) can read the injected response (CORS headers present)', async (t) => {
  const h = await start(t);
  await h.control('PUT', '/faults', { faults: [{ path: `${A}/login`, status: 503, retryAfter: 3 }] });
  const r = await h.api('POST', `${A}/login`, { json: {}, headers: { origin: 'http://localhost:8000' } });
  assert.equal(r.status, 503);
  assert.equal(r.headers.get('access-control-allow-origin'), 'http://localhost:8000');
  assert.match(r.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
  // Preflights are never faulted, so the browser gets to the real request.
  const pre = await fetch(`${h.url}${A}/login`, { method: 'OPTIONS', headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'POST' } });
  assert.equal(pre.status, 204);
});

test('request log: method, URL, whether Authorization was sent, Origin; controls and preflights are not logged', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  await h.control('DELETE', '/requests');
  await h.api('GET', `${A}/account`, { token, headers: { origin: 'http://localhost:8000' } });
  await h.api('GET', `${A}/email`, { query: { email: 'x@example.com' } });
  await fetch(`${h.url}${A}/account`, { method: 'OPTIONS', headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'GET' } });
  await h.control('GET', '/status');
  const log = (await h.control('GET', '/requests')).body.Requests;
  assert.equal(log.length, 2, JSON.stringify(log));
  assert.equal(log[0].Method, 'GET');
  assert.match(log[0].Url, /^\/identity\/v2\/auth\/account\?apikey=/);
  assert.equal(log[0].Authorization, true);
  assert.equal(log[0].Origin, 'http://localhost:8000');
  assert.ok(!Number.isNaN(Date.parse(log[0].Time)));
  assert.equal(log[1].Authorization, false);
  assert.equal(log[1].Origin, null);
  assert.doesNotMatch(JSON.stringify(log), new RegExp(token), 'a Bearer token is not logged');
  await h.control('DELETE', '/requests');
  assert.deepEqual((await h.control('GET', '/requests')).body.Requests, []);
});
