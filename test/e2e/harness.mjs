// Shared harness of the end-to-end suite: the BUILT CDN folder (the autoloading lr-elements.js, its chunks and the
// one-file bundle), a real static server with real response headers (strict CSP + Trusted Types by default), the
// emulator in process, and Debian's browsers through puppeteer-core. Every *.e2e.mjs file runs in its own process
// (node --test), so each builds the CDN folder once and starts its own emulator and server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { createEmulator } from '../../emulator/server.ts';

export const ENGINES = [
  { name: 'chromium', launch: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] } },
  { name: 'firefox', launch: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', extraPrefsFirefox: { 'app.update.enabled': false, 'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false, 'toolkit.telemetry.enabled': false } } },
];

/** Launches one engine headless. */
export function launch(engine) {
  return puppeteer.launch({ headless: true, ...engine.launch });
}

/** Runs `fn(page)` on a page of a fresh browser context of `browser` (no session, cache or storage of an earlier test). */
export async function withPage(browser, fn) {
  const ctx = await browser.createBrowserContext();
  try {
    return await fn(await ctx.newPage());
  } finally {
    await ctx.close();
  }
}

/** The policy of the issue; `trustedTypes` is `lit-html` (strict) or `'none'` (control: must produce violations). */
export function cspPolicy(apiBase, trustedTypes = 'lit-html') {
  return [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", `connect-src 'self' ${apiBase}`, "img-src 'self'",
    "form-action 'self'", "base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'",
    "require-trusted-types-for 'script'", `trusted-types ${trustedTypes}`, 'report-uri /__csp-report',
  ].join('; ');
}

/**
 * A classic script loaded before the module: records CSP violations, unhandled rejections, uncaught errors and every
 * `lr-*` event (type, element tag, JSON of the detail) on `window.__lr`.
 */
const GUARD = `(() => {
  const lr = window.__lr = { violations: [], unhandled: [], errors: [], events: [] };
  document.addEventListener('securitypolicyviolation', (e) => lr.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')));
  window.addEventListener('unhandledrejection', (e) => lr.unhandled.push(String(e.reason && e.reason.stack || e.reason)));
  window.addEventListener('error', (e) => lr.errors.push(String(e.message)));
  const names = ['lr-logged-in','lr-logged-out','lr-session-changed','lr-session-expired','lr-storage-unavailable','lr-error',
    'lr-rate-limited','lr-verification-sent','lr-password-reset-requested','lr-registered','lr-email-verified','lr-password-reset',
    'lr-account-deleted','lr-profile-updated','lr-password-changed','lr-account-deletion-requested','lr-email-added',
    'lr-email-removed','lr-mfa-required','lr-mfa-enabled','lr-mfa-disabled','lr-backup-codes-created'];
  for (const n of names) document.addEventListener(n, (e) => {
    let detail; try { detail = JSON.stringify(e.detail); } catch { detail = '[unserialisable]'; }
    lr.events.push({ type: n, tag: e.target && e.target.localName, detail, time: performance.now() });
  }, true);
})();`;

let cdnCache;
/**
 * Builds the CDN folder once per process (`vite build --mode cdn`, then `--mode cdn-bundle`, into a temp dir):
 * `files` maps each file's path inside dist/cdn (`lr-elements.js` the loader, `lr-login.js`, `chunks/…`,
 * `lr-elements.bundle.js`, source maps) to its text; `text` is every JavaScript file of it joined, for scans.
 */
export async function buildCdn() {
  if (cdnCache) return cdnCache;
  const outDir = mkdtempSync(join(tmpdir(), 'lr-cdn-'));
  try {
    for (const mode of ['cdn', 'cdn-bundle']) await build({ configFile: 'vite.config.ts', mode, logLevel: 'silent', build: { outDir, emptyOutDir: mode === 'cdn' } });
    const files = new Map(readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => {
      const path = join(d.parentPath, d.name);
      return [relative(outDir, path).split(sep).join('/'), readFileSync(path, 'utf8')];
    }));
    cdnCache = { files, text: [...files].filter(([f]) => f.endsWith('.js')).map(([, t]) => t).join('\n') };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return cdnCache;
}

/**
 * A whole HTML document around `body`, loading the guard and the CDN loader (`src`: another CDN file or path, e.g.
 * `/lr-elements.bundle.js` or `/cdn/any/path/lr-elements.js`).
 */
export function doc(body, { title = 'lr-elements e2e', lang = 'en', head = '', src = '/lr-elements.js' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<script src="/guard.js"></script>${head}<script type="module" src="${src}"></script></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}

/**
 * Starts the emulator (fast hashing, no rate limit unless asked) and the static server.
 * Pages are served at `/<mode>/<name>` where mode is `strict` (the issue's policy), `control` (Trusted Types without
 * the lit-html allowance) or `plain` (no CSP). Built-in pages: `app.html` (all four elements; register gets its SOTT
 * from `/sott`, emailed links go to `link.html`) and `link.html` (`<lr-email-link>`). Add more with `stack.page()`;
 * `%ORIGIN%` in a page is replaced by the server's origin when served. `opts.head` adds markup before the module
 * (e.g. a classic setup script served with `stack.file()`), `opts.csp(mode, apiBase)` replaces the policy.
 */
export async function startStack({ emulator: emulatorOptions = {} } = {}) {
  // The emulator is created before vite sets NODE_ENV=production (which refuses the fast hash cost).
  const emulator = createEmulator({ hashCost: 'fast', rateLimit: false, ...emulatorOptions });
  const apiBase = await emulator.listen();
  const { files: cdnFiles, text: cdn } = await buildCdn();
  /** Every path the static server answered, in order (tests reset it with `served.length = 0`). */
  const served = [];
  const { apiKey, apiSecret } = emulator.emu;
  const reports = [];
  const pages = new Map();
  /** Per-page policy override: `(mode, apiBase) => string` (mode is strict or control). */
  const policies = new Map();
  const files = new Map();
  /** CDN files (paths inside the folder) whose next request fails with a 503 (`stack.failOnce()`). */
  const failing = new Set();
  const attrs = `apikey="${apiKey}" api-base="${apiBase}"`;
  let origin = '';
  const stack = {
    // `cdn`: every JavaScript file of the CDN folder, joined (for scans); `cdnFiles`: path in dist/cdn -> text.
    emulator, apiBase, apiKey, apiSecret, reports, cdn, cdnFiles, served,
    get origin() { return origin; },
    /** Registers a page body under `name` (served at /strict/name, /control/name and /plain/name). */
    page(name, body, opts) {
      pages.set(name, doc(body, opts));
      if (opts?.csp) policies.set(name, opts.csp);
    },
    /** Serves a static file (e.g. a classic setup script a page loads with `opts.head`). */
    file(path, type, text) { files.set(path, [type, text]); },
    /** The next request of the CDN file `path` (inside the folder, e.g. `chunks/forgot-….js`) answers 503. */
    failOnce(path) { failing.add(path); },
    url(name, mode = 'strict') { return `${origin}/${mode}/${name}`; },
    /** Element attributes pointing at this emulator. */
    attrs,
    /** Calls the emulator's Account API with the secret (server side, as a site's backend would). */
    async admin(path, body, method = body === undefined ? 'GET' : 'POST') {
      const sep = path.includes('?') ? '&' : '?';
      const r = await fetch(`${apiBase}/identity/v2/manage/account${path}${sep}apikey=${apiKey}`, {
        method, headers: { 'content-type': 'application/json', 'X-LoginRadius-ApiSecret': apiSecret },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return r.json();
    },
    /** Creates a verified account and returns its email. */
    async user(email, password = 'correct horse battery', extra = {}) {
      const r = await stack.admin('', { Email: [{ Type: 'Primary', Value: email }], Password: password, EmailVerified: true, ...extra });
      if (r.ErrorCode) throw new Error(`admin create failed: ${JSON.stringify(r)}`);
      return r;
    },
    /** Calls an emulator control (`/__emulator/<path>`). */
    async control(path, method = 'GET', body) {
      const r = await fetch(`${apiBase}/__emulator/${path}`, {
        method, headers: method === 'GET' ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return text ? JSON.parse(text) : null;
    },
    /** The key under which the core stores the session of this stack's elements (`apiBase|apiKey`). */
    sessionKey: `${apiBase.replace(/\/+$/, '')}|${apiKey}`,
    /** The emulator's request log, optionally only `method` requests whose path starts with `path`. */
    async requests(method, path) {
      const { Requests } = await stack.control('requests');
      return Requests.filter((r) => (!method || r.Method === method) && (!path || r.Url.split('?')[0].toLowerCase().startsWith(path.toLowerCase())));
    },
    clearRequests() { return stack.control('requests', 'DELETE'); },
    /** A fresh access token for the account `uid`, issued server side (Account API): `{access_token, expires_in}`. */
    tokenFor(uid) { return stack.admin(`/access_token?uid=${encodeURIComponent(uid)}`); },
    /** Revokes an access token server side (Auth API invalidate, as a site's backend would); returns the answer. */
    async revoke(token) {
      const r = await fetch(`${apiBase}/identity/v2/auth/access_token/invalidate?apikey=${apiKey}`, { headers: { authorization: `Bearer ${token}` } });
      return r.json();
    },
    /** Writes a session record straight into the core's IndexedDB store of `page`'s origin (a "stored token"). */
    storeSession(page, record) { return idbPut(page, 'lr-elements', 'session', stack.sessionKey, record); },
    /** The session record the core stored for this stack on `page`'s origin (read from IndexedDB), or undefined. */
    async storedSession(page) {
      return (await idbGetAll(page, 'lr-elements', 'session')).find((e) => e.key === stack.sessionKey)?.value;
    },
    faults(faults) { return stack.control('faults', 'PUT', { faults }); },
    clearFaults() { return stack.control('faults', 'DELETE'); },
    async outbox(to) { return (await stack.control(`outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)).Messages; },
    async close() {
      await new Promise((r) => server.close(r));
      server.closeAllConnections?.();
      await emulator.close();
    },
  };
  stack.page('app.html', `
    <section aria-labelledby="h-login"><h2 id="h-login">Sign in</h2>
      <lr-login ${attrs} verification-url="%ORIGIN%/strict/link.html" reset-password-url="%ORIGIN%/strict/link.html"></lr-login></section>
    <section aria-labelledby="h-register"><h2 id="h-register">Register</h2>
      <lr-register ${attrs} sott-url="/sott" verification-url="%ORIGIN%/strict/link.html" fields="FirstName,LastName"></lr-register></section>
    <section aria-labelledby="h-profile"><h2 id="h-profile">Profile</h2>
      <lr-profile-editor ${attrs} verification-url="%ORIGIN%/strict/link.html" delete-url="%ORIGIN%/strict/link.html"></lr-profile-editor></section>
    <section aria-labelledby="h-emails"><h2 id="h-emails">Emails</h2>
      <lr-email-manager ${attrs} verification-url="%ORIGIN%/strict/link.html"></lr-email-manager></section>`, { title: 'App' });
  stack.page('link.html', `<lr-email-link ${attrs}></lr-email-link>`, { title: 'Email link' });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__csp-report') {
      let body = '';
      req.on('data', (d) => { body += d; }).on('end', () => { reports.push(body); res.writeHead(204).end(); });
      return;
    }
    served.push(url.pathname);
    // The CDN folder, at the root and under any /cdn/<name>/ prefix (its chunks load relative to the loader).
    const inFolder = url.pathname.replace(/^\/(cdn\/[^/]+\/)?/, '');
    if (failing.delete(inFolder)) return res.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('unavailable');
    const asset = cdnFiles.get(inFolder);
    if (asset !== undefined) return res.writeHead(200, { 'content-type': url.pathname.endsWith('.map') ? 'application/json' : 'text/javascript' }).end(asset);
    if (url.pathname === '/guard.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(GUARD);
    if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
    const file = files.get(url.pathname);
    if (file) return res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    if (url.pathname === '/sott') {
      // The site's backend: asks the Account API with the secret; the page only ever sees the SOTT.
      const r = await fetch(`${apiBase}/identity/v2/manage/account/sott?apikey=${apiKey}`, { headers: { 'X-LoginRadius-ApiSecret': apiSecret } });
      return res.writeHead(r.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(await r.text());
    }
    const m = /^\/(strict|control|plain)\/(.+)$/.exec(url.pathname);
    const html = m && pages.get(m[2]);
    if (html) {
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      const custom = policies.get(m[2]);
      if (m[1] !== 'plain') headers['content-security-policy'] = custom ? custom(m[1], apiBase) : cspPolicy(apiBase, m[1] === 'strict' ? 'lit-html' : "'none'");
      return res.writeHead(200, headers).end(html.replaceAll('%ORIGIN%', origin));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  return stack;
}

/** What the guard recorded on a page. */
export function guard(page) {
  return page.evaluate(() => window.__lr);
}

/** The `lr-*` events of one type the guard recorded on a page, with `detail` parsed and `at` = epoch ms. */
export async function events(page, type) {
  const { lr, origin } = await page.evaluate(() => ({ lr: window.__lr, origin: performance.timeOrigin }));
  return lr.events.filter((e) => !type || e.type === type)
    .map((e) => ({ ...e, detail: e.detail === undefined ? undefined : JSON.parse(e.detail), at: origin + e.time }));
}

/** Puts `value` under `key` in IndexedDB `db`/`store` of the page's origin (raw IndexedDB; creates the store if new). */
export function idbPut(page, db, store, key, value) {
  return page.evaluate((db, store, key, value) => new Promise((resolve, reject) => {
    const req = indexedDB.open(db);
    req.onupgradeneeded = () => req.result.createObjectStore(store);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => { req.result.close(); reject(tx.error); };
    };
  }), db, store, key, value);
}

/** Every `{key, value}` of IndexedDB `db`/`store` of the page's origin (empty when the store does not exist yet). */
export function idbGetAll(page, db, store) {
  return page.evaluate((db, store) => new Promise((resolve, reject) => {
    const req = indexedDB.open(db);
    // A new database gets the store right away, so that the core (idb-keyval) can still use it afterwards.
    req.onupgradeneeded = () => req.result.createObjectStore(store);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const conn = req.result;
      if (!conn.objectStoreNames.contains(store)) { conn.close(); return resolve([]); }
      const os = conn.transaction(store).objectStore(store);
      const keys = os.getAllKeys();
      const values = os.getAll();
      values.onsuccess = () => { conn.close(); resolve(keys.result.map((key, i) => ({ key, value: values.result[i] }))); };
      values.onerror = () => { conn.close(); reject(values.error); };
    };
  }), db, store);
}

// ── WebKit (MiniBrowser through WebKitWebDriver under Xvfb, WebDriver classic; puppeteer cannot drive it) ───────────
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** The WebKit parts a machine lacks (tests skip WebKit with this reason when it is not empty). */
export const webkitMissing = ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb', MINIBROWSER].filter((f) => !existsSync(f));

/**
 * A WebDriver session on MiniBrowser, with the helpers the suites use: `exec(fn, ...args)` / `execAsync(fn, ...args)`
 * run `fn` in the page (the async one awaits its promise), `until(fn, arg, what)` polls `fn` for 15 s, `waitFor(sel)`,
 * `element(sel)` (a WebDriver element id), `type(sel, text)`, `enter(sel)`; `close()` ends the session and the
 * Xvfb and WebKitWebDriver children of this process.
 */
export async function startWebKit() {
  const [{ default: WebDriver }, { startWebKitDriver }] = await Promise.all([import('webdriver'), import('../../tools/wtr/webkit-driver.mjs')]);
  const { port } = await startWebKitDriver();
  const wd = await WebDriver.newSession({
    hostname: '127.0.0.1', port, path: '/', logLevel: 'error',
    capabilities: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] }, 'wdio:enforceWebDriverClassic': true },
  });
  const exec = (fn, ...args) => wd.executeScript(`return (${fn}).apply(null, arguments)`, args);
  const execAsync = (fn, ...args) => wd.executeAsyncScript(`const done = arguments[arguments.length - 1]; Promise.resolve((${fn}).apply(null, [].slice.call(arguments, 0, -1))).then((v) => done({ v }), (e) => done({ e: String(e) }));`, args)
    .then((r) => { if (r.e) throw new Error(r.e); return r.v; });
  const until = async (fn, arg, what) => {
    const end = Date.now() + 15000;
    while (!(await exec(fn, arg))) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const element = async (sel) => Object.values(await wd.findElement('css selector', sel))[0];
  return {
    wd, exec, execAsync, until, element,
    waitFor: (sel) => until((s) => !!document.querySelector(s), sel, sel),
    // One key per command: WebKitGTK's WebDriver drops repeated characters when a whole string is sent at once.
    async type(sel, text) { const id = await element(sel); for (const ch of text) await wd.elementSendKeys(id, ch); },
    enter: async (sel) => wd.elementSendKeys(await element(sel), '\uE007'),
    async close() {
      await wd.deleteSession().catch(() => {});
      // webkit-driver.mjs kills Xvfb and WebKitWebDriver on process exit, but their open pipes keep this process from
      // exiting: end exactly those two children of this process, by pid.
      const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
      for (const [, pid, comm] of children.matchAll(/^\s*(\d+)\s+(\S+)/gm)) {
        if (comm === 'Xvfb' || comm === 'WebKitWebDriver') try { process.kill(Number(pid), 'SIGTERM'); } catch { /* gone */ }
      }
    },
  };
}
