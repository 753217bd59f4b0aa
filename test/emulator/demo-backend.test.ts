/**
 * The demo backend (tools/demo-backend.ts) as a site's backend should be: it makes SOTTs and nothing else, only for
 * pages of its own origin, rate-limited, with no client input reaching the Account API. Real parts: a real emulator
 * and the real middleware on a plain `node:http` server.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, type TestContext } from 'node:test';
import { demoApi, type DemoBackendOptions } from '../../tools/demo-backend.js';
import { A, API_KEY, API_SECRET, regBody, start, type Harness } from './helpers.js';

/** The emulator plus the demo backend on its own server; `get` asks the backend like a browser or curl would. */
async function backend(t: TestContext, limit?: DemoBackendOptions['limit']) {
  const h = await start(t);
  const api = demoApi({ apiBase: h.url, apiKey: API_KEY, apiSecret: API_SECRET, ...(limit ? { limit } : {}) });
  const server = createServer((req, res) => api(req, res, () => res.writeHead(404).end('not the backend')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const r = await fetch(`${origin}${path}`, { method, headers });
    const text = await r.text();
    assert.ok(!text.includes(API_SECRET), `no secret in the answer to ${method} ${path}`);
    assert.equal(r.headers.get('access-control-allow-origin'), null, `no CORS on ${method} ${path}`);
    return { status: r.status, headers: r.headers, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
  };
  return { h, origin, get };
}

/** The requests the emulator received (the backend's calls to the Account API). */
const received = async (h: Harness) => ((await h.control('GET', '/requests')).body.Requests as { Method: string; Url: string }[]);

const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

test('same-origin: a page of the demo gets a SOTT that registers, and only the SOTT call reaches the API', async (t) => {
  const { h, origin, get } = await backend(t);
  await h.control('DELETE', '/requests');
  // A same-origin GET from a browser carries Sec-Fetch-Site (and no Origin); a same-origin POST would carry Origin.
  for (const headers of [SAME_ORIGIN, { origin }, { origin, ...SAME_ORIGIN }]) {
    // Client input that must not reach the Account API: a longer lifetime, another key, extra headers.
    const r = await get('/demo-api/sott?timedifference=1440&apikey=someone-else', { ...headers, 'x-loginradius-apisecret': 'x' });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body).sort(), ['ExpiryTime', 'Sott']);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const minutes = (Date.parse(r.body.ExpiryTime) - Date.now()) / 60_000;
    assert.ok(minutes > 8 && minutes <= 10, `the default 10-minute SOTT, not the client's 1440 (${minutes})`);
    const reg = await h.api('POST', `${A}/register`, { json: regBody(`demo-${Math.random()}@example.com`), headers: { 'X-LoginRadius-Sott': r.body.Sott } });
    assert.equal(reg.status, 200, reg.text);
  }
  const sottCalls = (await received(h)).filter((q) => !q.Url.startsWith(`${A}/register`));
  assert.equal(sottCalls.length, 3);
  for (const q of sottCalls) {
    assert.equal(q.Method, 'GET');
    assert.equal(q.Url.split('?')[0], '/identity/v2/manage/account/sott');
    assert.deepEqual([...new URL(q.Url, 'http://x').searchParams.keys()], ['apikey'], `nothing of the client's query: ${q.Url}`);
  }
});

test('a foreign origin is refused, and so is a request from no page at all; nothing reaches the API', async (t) => {
  const { h, origin, get } = await backend(t);
  await h.control('DELETE', '/requests');
  const refused: Record<string, string>[] = [
    { origin: 'http://evil.example' },
    { origin: 'http://127.0.0.1:1' }, // same host, other port: another origin
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin, 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-origin', origin: 'http://evil.example' },
    {}, // curl, a script: no browser page of ours
  ];
  for (const headers of refused) {
    const r = await get('/demo-api/sott', headers);
    assert.equal(r.status, 403, `${JSON.stringify(headers)}: ${r.text}`);
    assert.equal(r.body.Sott, undefined);
  }
  // A CORS preflight gets no allowance either.
  const pre = await get('/demo-api/sott', { origin: 'http://evil.example', 'access-control-request-method': 'GET' }, 'OPTIONS');
  assert.equal(pre.status, 405);
  assert.equal(pre.headers.get('allow'), 'GET');
  assert.equal((await received(h)).length, 0, 'no Account API call for a refused request');
});

test('rate limit: past the limit the backend answers 429 with Retry-After and asks the API no more', async (t) => {
  const { h, get } = await backend(t, { max: 3, windowMs: 60_000 });
  await h.control('DELETE', '/requests');
  for (let i = 0; i < 3; i++) assert.equal((await get('/demo-api/sott', SAME_ORIGIN)).status, 200);
  for (let i = 0; i < 2; i++) {
    const r = await get('/demo-api/sott', SAME_ORIGIN);
    assert.equal(r.status, 429, r.text);
    const wait = Number(r.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
  }
  assert.equal((await received(h)).length, 3);
});

test('nothing else is served: other methods, paths under /demo-api/ and the rest of the site are not the backend', async (t) => {
  const { h, get } = await backend(t);
  await h.control('DELETE', '/requests');
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const r = await get('/demo-api/sott', SAME_ORIGIN, method);
    assert.equal(r.status, 405, `${method}: ${r.text}`);
  }
  for (const path of ['/demo-api/sott/extra', '/demo-api/account', '/demo-api/', '/demo-api/identity/v2/manage/account?email=a@b.c']) {
    const r = await get(path, SAME_ORIGIN);
    assert.equal(r.status, 404, `${path}: ${r.text}`);
    assert.ok(r.body?.error, `${path} answers JSON`);
  }
  // Outside /demo-api/ the backend passes the request on (to Vite's static files in npm start).
  const other = await get('/identity/v2/manage/account/sott', SAME_ORIGIN);
  assert.equal(other.text, 'not the backend');
  // The page's configuration is public: the API origin and key, never the secret (checked for every answer above).
  const config = await get('/demo-api/config', SAME_ORIGIN);
  assert.deepEqual(config.body, { apiBase: h.url, apiKey: API_KEY });
  assert.equal((await received(h)).length, 0, 'no Account API call');
});

test('the API unreachable or refusing: a clear 502, no pass-through of its answer', async (t) => {
  const h = await start(t);
  for (const apiSecret of [API_SECRET, 'wrong-secret']) {
    const apiBase = apiSecret === API_SECRET ? 'http://127.0.0.1:1' : h.url;
    const api = demoApi({ apiBase, apiKey: API_KEY, apiSecret });
    const server = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const r = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/demo-api/sott`, { headers: SAME_ORIGIN });
    const body = await r.json() as Record<string, unknown>;
    await new Promise<void>((res) => server.close(() => res()));
    assert.equal(r.status, 502);
    assert.deepEqual(Object.keys(body), ['error'], `only the backend's own error: ${JSON.stringify(body)}`);
  }
});
