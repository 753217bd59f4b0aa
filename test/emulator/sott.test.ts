/** SOTT on POST /auth/register: the real algorithm (independent implementation in helpers.ts), header and query. */
import assert from 'node:assert/strict';
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { test } from 'node:test';
import { A, API_KEY, API_SECRET, M, assertError, buildUrl, nodeSdkDate, regBody, sott, sottFrom, start, type Harness } from './helpers.js';

const MIN = 60_000;

async function registerWith(h: Harness, value: string | undefined, email: string, via: 'header' | 'query' = 'header') {
  return via === 'header'
    ? h.api('POST', `${A}/register`, { json: regBody(email), headers: value === undefined ? {} : { 'X-LoginRadius-Sott': value } })
    : h.api('POST', `${A}/register`, { json: regBody(email), query: value === undefined ? {} : { sott: value } });
}

const users = async (h: Harness) => (await h.control('GET', '/status')).body.users as number;

test('a SOTT made with the Node SDK date format registers (header X-LoginRadius-Sott and query sott)', async (t) => {
  const h = await start(t);
  const s = sott();
  assert.match(s, /^[A-Za-z0-9+/]+=*\*[0-9a-f]{32}$/);
  const r = await registerWith(h, s, 'one@example.com');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsPosted: true, Data: null });
  const q = await registerWith(h, s, 'two@example.com', 'query');
  assert.equal(q.status, 200, q.text);
  const sdkCase = await h.api('POST', `${A}/register`, { json: regBody('three@example.com'), headers: { 'x-loginradius-sott': s } });
  assert.equal(sdkCase.status, 200, sdkCase.text);
  const qCase = await h.api('POST', `${A}/register`, { json: regBody('four@example.com'), query: { Sott: s } });
  assert.equal(qCase.status, 200, qCase.text);
  assert.equal(await users(h), 4, 'a SOTT is not single-use (static SOTTs are reused)');
});

test('other SDK date formats are accepted: zero-padded (PHP), dashes (serverinfo), single-digit fields', async (t) => {
  const h = await start(t);
  const now = Date.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  const php = (d: Date) => `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const dash = (d: Date) => php(d).replace(/\//g, '-');
  const start_ = new Date(now - 5 * MIN), end = new Date(now + 10 * MIN);
  let i = 0;
  for (const fmt of [php, dash, nodeSdkDate]) {
    const s = sottFrom(`${fmt(start_)}#${API_KEY}#${fmt(end)}`);
    const r = await registerWith(h, s, `fmt${i++}@example.com`);
    assert.equal(r.status, 200, `${fmt(start_)}: ${r.text}`);
  }
});

test('a raw + in the query (decoded as a space) is accepted as +', async (t) => {
  const h = await start(t);
  // Find a SOTT whose base64 contains '+', but not as its first character: the header case below sends '+' as a
  // space, and HTTP trims a header value's leading whitespace (RFC 9110 §5.5), so a leading space cannot arrive.
  // AES-CBC's first block depends only on the start date, so vary the start minute as well as the end second.
  const hasInnerPlus = (x: string) => !x.startsWith('+') && x.slice(0, x.indexOf('*')).includes('+');
  let s = '';
  for (let k = 0; k < 500 && !hasInnerPlus(s); k++) {
    s = sott({ start: new Date(Date.now() - MIN - (k % 4) * MIN), end: new Date(Date.now() + 10 * MIN + k * 1000) });
  }
  assert.ok(hasInnerPlus(s), 'found a SOTT containing + (not first)');
  const url = `${buildUrl(h.url, `${A}/register`)}&sott=${s}`; // not percent-encoded on purpose
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(regBody('plus@example.com')) });
  assert.equal(r.status, 200, await r.text());
  // And as a header with spaces instead of '+'.
  const hdr = await registerWith(h, s.replace(/\+/g, ' '), 'space@example.com');
  assert.equal(hdr.status, 200, hdr.text);
  // A SOTT that starts with '+' (about one start minute in 64) arrives in the query with a leading space: accepted too.
  let lead = '';
  for (let m = 1; m <= 2000 && !lead.startsWith('+'); m++) lead = sott({ start: new Date(Date.now() - m * MIN) });
  assert.ok(lead.startsWith('+'), 'found a SOTT starting with +');
  const q = await fetch(`${buildUrl(h.url, `${A}/register`)}&sott=${lead}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(regBody('lead@example.com')) });
  assert.equal(q.status, 200, await q.text());
});

test('invalid SOTTs → 1049 (403) and nothing is created', async (t) => {
  const h = await start(t);
  const now = Date.now();
  const good = sott();
  const [b64, md5] = good.split('*') as [string, string];
  const flipped = (b64[5] === 'A' ? 'B' : 'A');
  const tamperedB64 = b64.slice(0, 5) + flipped + b64.slice(6);
  const cases: Record<string, string> = {
    'wrong secret': sott({ secret: 'not-the-secret' }),
    'wrong apikey': sott({ apiKey: '00000000-0000-0000-0000-000000000000' }),
    'tampered md5': `${b64}*${md5.slice(0, -1)}${md5.endsWith('0') ? '1' : '0'}`,
    'tampered ciphertext, md5 matching': `${tamperedB64}*${createHash('md5').update(tamperedB64).digest('hex')}`,
    'md5 missing': b64,
    'expired window': sott({ start: new Date(now - 60 * MIN), end: new Date(now - 20 * MIN) }),
    'not yet valid': sott({ start: new Date(now + 20 * MIN), end: new Date(now + 60 * MIN) }),
    'end before start (Node SDK month-boundary bug)': sott({ start: new Date(now + 20 * MIN), end: new Date(now - 20 * MIN) }),
    'no # separators': sottFrom(`${nodeSdkDate(new Date(now))} ${API_KEY} ${nodeSdkDate(new Date(now + 10 * MIN))}`),
    'unparseable dates': sottFrom(`yesterday#${API_KEY}#tomorrow`),
    garbage: 'garbage',
    'only a star': '*',
    'non-base64 with valid md5': `%%%%*${createHash('md5').update('%%%%').digest('hex')}`,
    'very long': `${'A'.repeat(5000)}*${'0'.repeat(32)}`,
  };
  for (const [name, value] of Object.entries(cases)) {
    for (const via of ['header', 'query'] as const) {
      const r = await registerWith(h, value, 'x@example.com', via);
      assert.equal(r.body?.ErrorCode, 1049, `${name} (${via}): ${r.text}`);
      assertError(r, 403, 1049);
    }
  }
  // The emulator's clock decides: a fresh SOTT is expired once the clock moves on by an hour.
  await h.config({ clockOffsetSeconds: 3600 });
  assertError(await registerWith(h, good, 'x@example.com'), 403, 1049);
  assert.equal(await users(h), 0);
  assert.equal((await h.outbox()).length, 0);
});

test('missing SOTT → 1048 (400); the SOTT is checked before the body', async (t) => {
  const h = await start(t);
  assertError(await registerWith(h, undefined, 'x@example.com'), 400, 1048);
  assertError(await registerWith(h, '', 'x@example.com'), 400, 1048);
  assertError(await registerWith(h, '', 'x@example.com', 'query'), 400, 1048);
  assertError(await h.api('POST', `${A}/register`, { json: {} }), 400, 1048);
  assertError(await h.api('POST', `${A}/register`, { json: {}, headers: { 'X-LoginRadius-Sott': 'bad' } }), 403, 1049);
  // With a valid SOTT, body problems are reported.
  assertError(await h.api('POST', `${A}/register`, { json: {}, headers: { 'X-LoginRadius-Sott': sott() } }), 403, 1134);
  assert.equal(await users(h), 0);
});

test("the emulator's own SOTT (Account API) decrypts with the independent implementation", async (t) => {
  const h = await start(t);
  const r = await h.admin('GET', `${M}/sott`);
  const [b64, md5] = (r.body.Sott as string).split('*') as [string, string];
  assert.equal(createHash('md5').update(b64).digest('hex'), md5);
  const key = pbkdf2Sync(API_SECRET, Buffer.alloc(8), 10000, 32, 'sha1');
  const d = createDecipheriv('aes-256-cbc', key, Buffer.from('tu89geji340t89u2', 'ascii'));
  const plain = Buffer.concat([d.update(Buffer.from(b64, 'base64')), d.final()]).toString('utf8');
  const m = /^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2})#(.+)#(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2})$/.exec(plain);
  assert.ok(m, plain);
  assert.equal(m[2], API_KEY);
  const toMs = (s: string) => Date.parse(`${s.replace(/\//g, '-').replace(' ', 'T')}Z`);
  assert.equal(toMs(m[3]!) - toMs(m[1]!), 10 * MIN);
});
