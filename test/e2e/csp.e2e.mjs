// End to end: the BUILT CDN file under a strict Content-Security-Policy with Trusted Types enforced (B3-01, B3-02,
// B3-05), served by a real static server with real headers, driven in Debian's Chromium and Firefox through
// puppeteer-core, against the emulator. A control page without the `lit-html` Trusted Types allowance proves the
// harness sees violations. (The full journey, WebKit and the other areas of the proof suite are still to come.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { createEmulator } from '../../emulator/server.ts';

const ENGINES = [
  { name: 'chromium', launch: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] } },
  { name: 'firefox', launch: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', extraPrefsFirefox: { 'app.update.enabled': false, 'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false, 'toolkit.telemetry.enabled': false } } },
];

let emulator, apiBase, server, origin, outDir, cdn;
const reports = [];
const policy = (trustedTypes) => [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", `connect-src 'self' ${apiBase}`, "img-src 'self'",
  "form-action 'self'", "base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'",
  "require-trusted-types-for 'script'", `trusted-types ${trustedTypes}`, 'report-uri /__csp-report',
].join('; ');

before(async () => {
  emulator = createEmulator({ hashCost: 'fast', rateLimit: false }); // before vite sets NODE_ENV=production
  apiBase = await emulator.listen();
  outDir = mkdtempSync(join(tmpdir(), 'lr-cdn-'));
  await build({ configFile: 'vite.config.ts', mode: 'cdn', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  cdn = readFileSync(join(outDir, 'lr-elements.js'), 'utf8');
  const { apiKey } = emulator.emu;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title>
    <script src="/guard.js"></script><script type="module" src="/lr-elements.js"></script></head>
    <body><main><lr-login apikey="${apiKey}" api-base="${apiBase}"></lr-login></main></body></html>`;
  const files = {
    '/lr-elements.js': ['text/javascript', cdn],
    // A classic script, so the listener exists before the module loads.
    '/guard.js': ['text/javascript', "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"],
  };
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__csp-report') {
      let body = '';
      req.on('data', (d) => { body += d; }).on('end', () => { reports.push(body); res.writeHead(204).end(); });
      return;
    }
    if (url.pathname === '/strict.html' || url.pathname === '/control.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy(url.pathname === '/strict.html' ? 'lit-html' : "'none'") });
      return res.end(html);
    }
    const f = files[url.pathname];
    res.writeHead(f ? 200 : 404, { 'content-type': f ? f[0] : 'text/plain' }).end(f ? f[1] : 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  server?.close();
  await emulator?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function admin(path, body) {
  const r = await fetch(`${apiBase}/identity/v2/manage/account${path}?apikey=${emulator.emu.apiKey}`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'X-LoginRadius-ApiSecret': emulator.emu.apiSecret }, body: JSON.stringify(body),
  });
  return r.json();
}

for (const engine of ENGINES) {
  describe(`strict CSP + Trusted Types, built CDN file (${engine.name})`, () => {
    let browser;
    before(async () => { browser = await puppeteer.launch({ headless: true, ...engine.launch }); });
    after(async () => { await browser?.close(); });

    it('renders styled, signs in, and causes zero violations', async () => {
      reports.length = 0;
      const email = `csp-${engine.name}-${Date.now()}@example.com`;
      await admin('', { Email: [{ Type: 'Primary', Value: email }], Password: 'correct horse battery', EmailVerified: true });
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}/strict.html`);
        await page.waitForSelector('lr-login input[autocomplete="current-password"]');
        // B3-02: the adopted stylesheet really applies under style-src 'self'.
        const styled = await page.evaluate(() => {
          const form = document.querySelector('lr-login .lr-form');
          const submit = document.querySelector('lr-login .lr-form__submit');
          return { display: getComputedStyle(form).display, background: getComputedStyle(submit).backgroundColor };
        });
        assert.equal(styled.display, 'grid');
        assert.notEqual(styled.background, 'rgba(0, 0, 0, 0)');
        await page.type('lr-login input[autocomplete~="username"]', email);
        await page.type('lr-login input[autocomplete="current-password"]', 'correct horse battery');
        await page.click('lr-login .lr-form__submit');
        await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 15000 });
        const violations = await page.evaluate(() => window.__violations);
        assert.deepEqual(violations, []);
        assert.deepEqual(reports, []);
      } finally {
        await page.close();
      }
    });

    it('control: without the lit-html Trusted Types allowance the harness sees the violation', async () => {
      reports.length = 0;
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}/control.html`);
        await page.waitForFunction(() => window.__violations.length > 0, { timeout: 10000 });
        const violations = await page.evaluate(() => window.__violations);
        assert.ok(violations.some((v) => /trusted-types/.test(v)), `violations: ${violations.join(', ')}`);
      } finally {
        await page.close();
      }
    });
  });
}
