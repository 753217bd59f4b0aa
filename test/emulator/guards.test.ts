/**
 * Issue 15: the controls cannot be driven cross-site, and a foreign `Host` (DNS rebinding) is refused on every route.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { A, API_KEY, API_SECRET, M, RESET_LINK, assertError, start, type Harness } from './helpers.js';

/** Every state-changing control, with a body it accepts. */
const CONTROLS: [method: string, path: string, body?: unknown][] = [
  ['POST', '/reset'],
  ['DELETE', '/outbox'],
  ['PUT', '/config', { verificationFlow: 'disabled' }],
  ['PUT', '/faults', { faults: [{ path: '/identity/*', status: 500 }] }],
  ['DELETE', '/faults'],
  ['DELETE', '/requests'],
];

/** State that each control would change: accounts, mail, config, faults, the request log. */
async function seed(h: Harness) {
  await h.createUser('ada@example.com');
  await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  await h.control('PUT', '/faults', { faults: [{ path: '/nothing-here', status: 500 }] });
}
async function stateOf(h: Harness) {
  return {
    users: (await h.control('GET', '/status')).body.users,
    outbox: (await h.outbox()).length,
    config: (await h.control('GET', '/config')).body,
    faults: (await h.control('GET', '/faults')).body,
    requests: (await h.control('GET', '/requests')).body.Requests.length,
  };
}

async function raw(url: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  const r = await fetch(`${url}/__emulator${path}`, { method, headers, body });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, body: text ? JSON.parse(text) : undefined };
}

test('cross-site: every state-changing control refuses a simple cross-site request and keeps the state', async (t) => {
  const h = await start(t);
  await seed(h);
  const before = await stateOf(h);
  for (const [method, path, body] of CONTROLS) {
    const text = body === undefined ? undefined : JSON.stringify(body);
    // What a foreign page can send without a preflight: a form-like body, its own Origin, Sec-Fetch-Site.
    const attempts: [string, Record<string, string>, number, number][] = [
      ['no body, no content type', {}, 415, 415],
      ['text/plain', { 'content-type': 'text/plain' }, 415, 415],
      ['form', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 415],
      ['foreign Origin', { origin: 'https://evil.example', 'content-type': 'application/json' }, 403, 403],
      ['null Origin', { origin: 'null', 'content-type': 'application/json' }, 403, 403],
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, 403, 403],
    ];
    for (const [what, headers, status, code] of attempts) {
      const r = await raw(h.url, method, path, headers, what.includes('Origin') || what.includes('Sec-') ? text : undefined);
      assertError(r as never, status, code);
      assert.equal(r.headers.get('access-control-allow-origin'), null, `${method} ${path} ${what}: no CORS grant`);
    }
  }
  // The request log only holds API calls; the control calls above are not in it.
  assert.deepEqual(await stateOf(h), before, 'nothing changed');
  // The emulator's own callers still work: JSON from a loopback page (same-site) or from Node (no Origin).
  const ok = await raw(h.url, 'PUT', '/config', { origin: 'http://127.0.0.1:8000', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, '{"verificationFlow":"optional"}');
  assert.equal(ok.status, 200, ok.text);
  // A page on localhost calling the emulator on 127.0.0.1 is cross-site for the browser, but both are loopback.
  const local = await raw(h.url, 'DELETE', '/faults', { origin: 'http://localhost:8000', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' });
  assert.equal(local.status, 200, local.text);
  assert.equal((await raw(h.url, 'POST', '/reset', { 'content-type': 'application/json' })).status, 200);
  assert.equal((await h.control('GET', '/status')).body.users, 0);
});

/** A request with a chosen Host header over a real socket. */
function withHost(url: string, method: string, path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, method, path: u.pathname + u.search, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a foreign Host is refused on the Auth API, the Account API and the controls (403, LoginRadius JSON)', async (t) => {
  const h = await start(t, {}, undefined);
  await h.createUser('ada@example.com');
  const targets: [string, string, Record<string, string>][] = [
    ['GET', `${A}/email?apikey=${API_KEY}&email=ada@example.com`, {}],
    ['OPTIONS', `${A}/login`, { origin: 'http://127.0.0.1:8000', 'access-control-request-method': 'POST' }],
    ['GET', `${M}?apikey=${API_KEY}&email=ada@example.com`, { 'x-loginradius-apisecret': API_SECRET }],
    ['GET', '/__emulator/outbox', {}],
    ['POST', '/__emulator/reset', { 'content-type': 'application/json' }],
  ];
  for (const host of ['evil.example', 'evil.example:8787', '127.0.0.1.evil.example', 'localhost.evil.example']) {
    for (const [method, path, headers] of targets) {
      const r = await withHost(h.url, method, path, host, headers);
      assert.equal(r.status, 403, `${method} ${path} with Host ${host}: ${r.body}`);
      const body = JSON.parse(r.body);
      assert.equal(body.ErrorCode, 403);
      assert.equal(body.IsProviderError, false);
      assert.equal(r.headers['access-control-allow-origin'], undefined);
      assert.doesNotMatch(r.body, /ada@example\.com/);
    }
  }
  assert.equal((await h.control('GET', '/status')).body.users, 1, 'the reset did not run');
  // The loopback names, with or without a port, are served.
  for (const host of ['localhost', 'LOCALHOST:1234', '127.0.0.1', `127.0.0.1:${new URL(h.url).port}`, '[::1]:8787']) {
    assert.equal((await withHost(h.url, 'GET', '/__emulator/status', host)).status, 200, host);
  }
});

test('--allowed-host (allowedHosts) adds names; the bound address is allowed', async (t) => {
  const h = await start(t, { allowedHosts: ['emulator.test', 'Dev.Box'] });
  assert.equal((await withHost(h.url, 'GET', '/__emulator/status', 'emulator.test:8787')).status, 200);
  assert.equal((await withHost(h.url, 'GET', '/__emulator/status', 'dev.box')).status, 200, 'case-insensitive');
  assert.equal((await withHost(h.url, 'GET', '/__emulator/status', 'other.test')).status, 403);
  const bound = await start(t, {}, undefined);
  assert.equal((await withHost(bound.url, 'GET', '/__emulator/status', new URL(bound.url).host)).status, 200);
});
