/** The LoginRadius error JSON, apikey errors, 404/405, response headers, and no stack traces (E1-11, E1-13). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, M, PASSWORD, assertError, regBody, start, type Res } from './helpers.js';

const STACK = /\n\s+at |node:internal|\.ts:\d+|\.js:\d+|TypeError|ReferenceError/;

function assertJsonHeaders(r: Res, what: string): void {
  assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8', what);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(r.headers.get('cache-control'), 'no-store', what);
}

test('error body: exactly Description, ErrorCode, Message, IsProviderError:false, ProviderErrorResponse:null', async (t) => {
  const h = await start(t);
  const r = await h.api('POST', `${A}/login`, { json: { email: 'x@example.com', password: 'Whatever-123' } });
  assertError(r, 401, 966);
  assert.deepEqual(r.body, {
    Description: 'Please use a valid user ID and password combination.',
    ErrorCode: 966,
    Message: 'Invalid user ID and/or password',
    IsProviderError: false,
    ProviderErrorResponse: null,
  });
});

test('1134 carries Errors[{FieldName, ErrorMessage}]', async (t) => {
  const h = await start(t);
  const r = await h.register(regBody('ada@example.com', 'short'));
  assertError(r, 403, 1134);
  assert.equal(r.body.Message, 'Validation failed for one or more fields');
  assert.deepEqual(r.body.Errors, [{ FieldName: 'Password', ErrorMessage: 'The Password field must be at least 6 characters in length.' }]);
});

test('apikey: 922 missing, 920 invalid, on Auth, Account and helper routes', async (t) => {
  const h = await start(t);
  for (const [method, path] of [['POST', `${A}/login`], ['GET', `${A}/account`], ['GET', `${A}/email`], ['GET', M], ['GET', '/identity/v2/serverinfo'], ['GET', '/ciam/appinfo']] as const) {
    const json = method === 'POST' ? {} : undefined;
    const missing = await h.api(method, path, { json, query: { apikey: null } });
    assertError(missing, 400, 922);
    assert.equal(missing.body.Message, 'API key is missing');
    const wrong = await h.api(method, path, { json, query: { apikey: 'not-the-key' } });
    assertError(wrong, 400, 920);
    assert.equal(wrong.body.Message, 'API key is invalid');
    assertError(await h.api(method, path, { json, query: { apikey: '' } }), 400, 922);
  }
});

test('unknown routes → 404 JSON; a known path with the wrong method → 405 JSON with Allow', async (t) => {
  const h = await start(t);
  for (const path of ['/nope', `${A}/nope`, '/identity/v2/auth/<script>alert(1)</script>', '/identity/v3/auth/login']) {
    const r = await h.api('GET', path);
    assertError(r, 404, 404);
    assertJsonHeaders(r, path);
    assert.doesNotMatch(r.text, /<script|\/nope|v3/);
  }
  let r = await h.api('PUT', `${A}/login`, { json: {} });
  assertError(r, 405, 405);
  assert.equal(r.headers.get('allow'), 'POST');
  r = await h.api('PATCH', `${A}/account`, { json: {} });
  assertError(r, 405, 405);
  assert.deepEqual(r.headers.get('allow')!.split(', ').sort(), ['DELETE', 'GET', 'PUT']);
  r = await h.api('POST', `${M}/0123456789abcdef0123456789abcdef`, { json: {} });
  assertError(r, 405, 405);
  assert.deepEqual(r.headers.get('allow')!.split(', ').sort(), ['DELETE', 'GET', 'PUT']);
  r = await h.api('DELETE', `${A}/access_token/validate`);
  assertError(r, 405, 405);
  assert.equal(r.headers.get('allow'), 'GET');
  // Case-insensitive paths are matched for 405 too.
  r = await h.api('GET', '/IDENTITY/v2/auth/LOGIN');
  assertError(r, 405, 405);
});

test('every JSON response carries content-type, nosniff and no-store (success and error)', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const { access_token: token } = await h.login('ada@example.com');
  const responses: [string, Res][] = [
    ['login ok', await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } })],
    ['login 966', await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'nope-nope-nope' } })],
    ['profile', await h.api('GET', `${A}/account`, { token })],
    ['validate', await h.api('GET', `${A}/access_token/validate`, { token })],
    ['validate 905', await h.api('GET', `${A}/access_token/validate`, { token: 'nope' })],
    ['account api', await h.admin('GET', M, { query: { email: 'ada@example.com' } })],
    ['account api 923', await h.api('GET', M, { query: { email: 'ada@example.com' } })],
    ['availability', await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } })],
    ['422-ish 1134', await h.api('POST', `${A}/login`, { json: {} })],
    ['404', await h.api('GET', '/nope')],
    ['405', await h.api('PUT', `${A}/login`)],
    ['415', await h.api('POST', `${A}/login`, { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
    ['413', await h.api('POST', `${A}/login`, { raw: JSON.stringify({ email: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } })],
    ['965', await h.api('POST', `${A}/login`, { raw: '{', headers: { 'content-type': 'application/json' } })],
    ['908 bad url', await h.api('GET', `${A}/%zz`)],
    ['serverinfo', await h.api('GET', '/identity/v2/serverinfo')],
    ['control', await h.control('GET', '/status')],
    ['control config', await h.control('GET', '/config')],
  ];
  for (const [what, r] of responses) {
    assertJsonHeaders(r, what);
    assert.ok(r.body !== undefined, `${what}: JSON body`);
    assert.doesNotMatch(r.text, STACK, what);
  }
});

test('an exception inside a handler → 500 with ErrorCode 950 and a reference only; the server keeps serving', async (t) => {
  const h = await start(t, {}, (emu) => {
    emu.app.get('/__test/throw', async () => { throw new TypeError('secret internal detail at /srv/app.ts:12'); });
    emu.app.get('/__test/reject', () => Promise.reject(new Error('boom')));
  });
  const logged: unknown[] = [];
  const orig = console.error;
  console.error = (...a: unknown[]) => { logged.push(a); };
  try {
    for (const path of ['/__test/throw', '/__test/reject']) {
      const r = await h.api('GET', path);
      assertError(r, 500, 950);
      assert.match(r.body.Description, /^An unknown error has occurred, please try again in a few minutes or contact your system admin\. Reference: [0-9a-f-]{36}$/);
      assert.doesNotMatch(r.text, /secret internal detail|boom|app\.ts/);
      assertJsonHeaders(r, path);
    }
  } finally {
    console.error = orig;
  }
  assert.equal(logged.length, 2, 'the error is logged on the server side with its reference');
  assert.equal((await h.control('GET', '/status')).status, 200);
});

test('the Node SDK reading rule holds: every error response has a truthy ErrorCode and every success none', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  const ok = [await h.api('GET', `${A}/account`, { token }), await h.api('GET', `${A}/access_token/validate`, { token })];
  for (const r of ok) assert.equal(r.body.ErrorCode, undefined);
  const bad = [await h.api('GET', `${A}/account`), await h.api('GET', '/nope'), await h.api('PUT', `${A}/login`)];
  for (const r of bad) assert.ok(r.body.ErrorCode);
});

test('error answers carry CORS headers for an allowed origin (a browser can read the ErrorCode)', async (t) => {
  const h = await start(t, { rateLimit: { max: 1, windowSeconds: 60 } });
  const origin = 'http://localhost:8000';
  const login = { email: 'x@example.com', password: 'Whatever-123' };
  const cases: [string, Res][] = [
    ['966', await h.api('POST', `${A}/login`, { json: login, headers: { origin } })],
    ['429', await h.api('POST', `${A}/login`, { json: login, headers: { origin } })],
    ['905', await h.api('GET', `${A}/access_token/validate`, { token: 'nope', headers: { origin } })],
    ['922', await h.api('GET', `${A}/account`, { query: { apikey: null }, headers: { origin } })],
    ['413', await h.api('PUT', `${A}/account`, { raw: JSON.stringify({ a: 'x'.repeat(70_000) }), headers: { origin, 'content-type': 'application/json' } })],
    ['415', await h.api('PUT', `${A}/account`, { raw: 'x', headers: { origin, 'content-type': 'text/plain' } })],
    ['1079', await h.api('PUT', `${A}/account`, { raw: '{', headers: { origin, 'content-type': 'application/json' } })],
    ['404', await h.api('GET', `${A}/nope`, { headers: { origin } })],
    ['405', await h.api('GET', `${A}/login`, { headers: { origin } })],
  ];
  for (const [what, r] of cases) {
    assert.ok(r.status >= 400, what);
    assert.equal(r.headers.get('access-control-allow-origin'), origin, what);
    assert.match(r.headers.get('access-control-expose-headers') ?? '', /retry-after/i, what);
  }
});
