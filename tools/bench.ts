/// <reference lib="dom" />
/**
 * `npm run bench`: what a site owner weighs lr-elements by, as numbers (no asserts).
 *  1. gzip and brotli size of the CDN file and of each single-element bundle (Lit included), next to the budget;
 *  2. time from navigation to `lr-session-changed` (authenticated) with a valid stored token, in headless Chromium
 *     against the emulator with 50 ms injected latency, next to the floor (one IndexedDB read + one round trip);
 *  3. how many validate requests a page with all four elements makes on load.
 * Also prints where the CDN file's bytes go (each area's module code and its own gzip size), so every byte
 * has to earn its place in plain view.
 * Writes bench/results-local.json (git-ignored); `npm run bench -- --save` writes the tracked bench/results.json, the
 * reference the README's numbers come from, so runs can be compared over time.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createEmulator } from '../emulator/server.js';

const BUDGET_GZIP = 15 * 1024;
const LATENCY_MS = 50;
const RUNS = 5;
/** The session trusts a validation made by another tab in the last 5 s (src/core/session.ts FRESH_MS); wait it out. */
const FRESH_WAIT_MS = 5500;
const ELEMENTS = ['lr-login', 'lr-register', 'lr-profile-editor', 'lr-email-manager', 'lr-email-link'];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (code: string) => ({
  raw: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

type Chunk = { type: string; code: string; modules: Record<string, { code: string | null }> };

/** Bundles an entry with the CDN build's own configuration (vite.config.ts, mode cdn), without writing files. */
async function bundleChunks(entry: string): Promise<Chunk[]> {
  const out = await build({
    configFile: 'vite.config.ts',
    mode: 'cdn',
    logLevel: 'silent',
    build: { write: false, lib: { entry, formats: ['es'], fileName: () => 'out.js' } },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
  // One chunk per file name (the build can report the same output more than once).
  const byName = new Map<string, Chunk>();
  for (const c of chunks) if (c.type === 'chunk') byName.set(c.fileName, c as unknown as Chunk);
  return [...byName.values()];
}
async function bundle(entry: string): Promise<string> {
  return (await bundleChunks(entry)).map((c) => c.code).join('\n');
}

/** The area a module belongs to, for the breakdown. */
function area(id: string): string {
  if (id.startsWith('\0') || id.includes('rolldown/runtime')) return 'bundler helpers';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (m) return /lit|reactive-element/.test(m[1]!) ? 'lit' : /idb-keyval/.test(m[1]!) ? 'idb-keyval' : 'bundler helpers';
  const s = /src\/(elements\/[^/]+|[^/]+)/.exec(id);
  return s ? s[1]!.replace('elements/', '') : id;
}

// ---------------------------------------------------------------------------------------------- sizes
console.log('Building bundles…');
const cdnChunks = await bundleChunks('src/index.ts');
const cdnCode = cdnChunks.map((c) => c.code).join('\n');
const cdn = sizes(cdnCode);
const areas: Record<string, string> = {};
for (const c of cdnChunks) for (const [id, m] of Object.entries(c.modules)) areas[area(id)] = (areas[area(id)] ?? '') + (m.code ?? '');
const breakdown = Object.fromEntries(
  Object.entries(areas).map(([k, code]) => [k, { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length }] as const)
    .filter(([, v]) => v.raw > 0).sort((a, b) => b[1].raw - a[1].raw),
);
const perElement: Record<string, ReturnType<typeof sizes>> = {};
for (const tag of ELEMENTS) perElement[tag] = sizes(await bundle(`src/elements/${tag}/${tag}.ts`));

console.log('\nSize (minified; Lit and idb-keyval included)      raw        gzip      brotli');
const row = (name: string, s: ReturnType<typeof sizes>) =>
  console.log(`  ${name.padEnd(46)} ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`);
row('CDN file (every element)', cdn);
for (const tag of ELEMENTS) row(`${tag} alone`, perElement[tag]!);
console.log(`  budget: ${kb(BUDGET_GZIP)} gzip for all elements → ${cdn.gzip <= BUDGET_GZIP ? 'within' : `over by ${kb(cdn.gzip - BUDGET_GZIP)}`}`);
console.log('\nWhere the CDN file\'s bytes go (each area\'s module code before the final minify, and its gzip alone)');
for (const [k, v] of Object.entries(breakdown)) console.log(`  ${k.padEnd(46)} ${kb(v.raw).padStart(9)} ${kb(v.gzip).padStart(10)}`);

// ------------------------------------------------------------------------------------ page timings
const emulator = createEmulator({ rateLimit: false }); // default hash cost: vite's build sets NODE_ENV=production
const apiBase = await emulator.listen();
const { apiKey, apiSecret } = emulator.emu;
const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${apiBase}/identity/v2/manage/account${path}${path.includes('?') ? '&' : '?'}apikey=${apiKey}`, {
    ...init, headers: { 'content-type': 'application/json', 'X-LoginRadius-ApiSecret': apiSecret },
  }).then((r) => r.json());
await admin('', { method: 'POST', body: JSON.stringify({ Email: [{ Type: 'Primary', Value: 'bench@example.com' }], Password: 'bench password 1', EmailVerified: true }) });

const pages: Record<string, string> = {
  '/lr-elements.js': cdnCode,
  '/login.html': `<!doctype html><script type="module">
    import {getSession} from './lr-elements.js';
    const s = getSession({apiBase: ${JSON.stringify(apiBase)}, apiKey: ${JSON.stringify(apiKey)}});
    await s.ready; await s.login('bench@example.com', 'bench password 1'); document.title = 'done';
  </script>`,
  '/app.html': `<!doctype html><script type="module">
    import {configure} from './lr-elements.js';
    configure({apiBase: ${JSON.stringify(apiBase)}, apiKey: ${JSON.stringify(apiKey)}});
    document.addEventListener('lr-session-changed', (e) => {
      if (e.detail.state === 'authenticated' && !window.__t) { window.__t = performance.now(); }
    });
  </script><lr-login></lr-login><lr-register></lr-register><lr-profile-editor></lr-profile-editor><lr-email-manager></lr-email-manager>`,
  '/floor.html': `<!doctype html><script type="module">
    const t0 = performance.now();
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('bench-floor', 1); r.onupgradeneeded = () => r.result.createObjectStore('kv'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    await new Promise((ok) => { const r = db.transaction('kv').objectStore('kv').get('x'); r.onsuccess = ok; r.onerror = ok; });
    const t1 = performance.now();
    await fetch(${JSON.stringify(`${apiBase}/identity/v2/auth/access_token/validate?apikey=${apiKey}`)}, {headers: {Authorization: 'Bearer x'}});
    window.__floor = {idb: t1 - t0, roundTrip: performance.now() - t1};
  </script>`,
};
const server = createServer((req, res) => {
  const body = pages[req.url!.split('?')[0]!];
  res.writeHead(body ? 200 : 404, { 'content-type': req.url!.endsWith('.js') ? 'text/javascript' : 'text/html' });
  res.end(body ?? 'not found');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times: number[] = [], floors: number[] = [], validates: number[] = [];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log('[page]', m.text()));
  await page.goto(`${origin}/login.html`);
  await page.waitForFunction(() => document.title === 'done');
  await fetch(`${apiBase}/__emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults: [{ path: '/identity/*', delayMs: LATENCY_MS }] }) });
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    await page.waitForTimeout(FRESH_WAIT_MS);
    await fetch(`${apiBase}/__emulator/requests`, { method: 'DELETE' });
    await page.goto(`${origin}/app.html`);
    if (process.env.BENCH_DEBUG) { await page.waitForTimeout(3000); console.log(await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('lr-')).map((e) => `${e.localName}:${(e as unknown as { sessionState: string }).sessionState}`).join(' '))); }
    times.push(await page.waitForFunction(() => (window as unknown as { __t?: number }).__t).then((h) => h.jsonValue() as Promise<number>));
    await page.waitForTimeout(300); // let any late validate arrive before counting
    const { Requests } = await (await fetch(`${apiBase}/__emulator/requests`)).json() as { Requests: { Url: string }[] };
    validates.push(Requests.filter((r) => /access_token\/validate/i.test(r.Url)).length);
    await page.goto(`${origin}/floor.html`);
    const f = await page.waitForFunction(() => (window as unknown as { __floor?: { idb: number; roundTrip: number } }).__floor).then((h) => h.jsonValue() as Promise<{ idb: number; roundTrip: number }>);
    floors.push(f.idb + f.roundTrip);
  }
} finally {
  await browser.close();
  server.close();
  await emulator.close();
}

console.log(`\nSession restore (headless Chromium, ${LATENCY_MS} ms injected latency, median of ${RUNS})`);
console.log(`  navigation → lr-session-changed (authenticated): ${median(times).toFixed(0)} ms   (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`  floor (IndexedDB read + one round trip):        ${median(floors).toFixed(0)} ms`);
console.log(`  validate requests on load, four elements on the page: ${median(validates)} (runs: ${validates.join(', ')})`);

const results = {
  date: new Date().toISOString(),
  sizes: { budgetGzip: BUDGET_GZIP, cdn, perElement, breakdown },
  sessionRestore: { latencyMs: LATENCY_MS, medianMs: Math.round(median(times)), floorMs: Math.round(median(floors)), runs: times.map(Math.round) },
  validateRequestsOnLoad: median(validates),
};
mkdirSync('bench', { recursive: true });
const out = process.argv.includes('--save') ? 'bench/results.json' : 'bench/results-local.json';
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${out}${out.endsWith('local.json') ? ' (git-ignored; --save writes the tracked bench/results.json)' : ''}`);
