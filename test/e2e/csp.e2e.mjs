// End to end: the BUILT CDN file under a strict Content-Security-Policy with Trusted Types enforced (B3-01, B3-02,
// B3-05), served by a real static server with real headers, driven in Debian's Chromium and Firefox through
// puppeteer-core, against the emulator. A control page without the `lit-html` Trusted Types allowance proves the
// harness sees violations. Also B3-03 (no constructable stylesheets: <style nonce> fallback, and its control) and
// B3-06 (markup in profile data renders as text). The full journey under the same policy is journey.e2e.mjs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cspPolicy, ENGINES, guard, launch, startStack, withPage as withFreshPage } from './harness.mjs';

const NONCE = 'e2e-nonce-7f3a9c';
// B3-03: an engine without constructable stylesheets. Lit then hands out no CSSStyleSheet and the elements fall back
// to <style> elements carrying `window.litNonce`; the policy allows styles only with that nonce.
const NO_ADOPT = 'delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets;';
const noncePolicy = (mode, apiBase) => cspPolicy(apiBase).replace("style-src 'self'", `style-src 'nonce-${NONCE}'`);
const CANARY_FIRST = '<img src=x onerror=alert(1)>';
const CANARY_LAST = '"><svg onload=alert(2)>';

let stack;
before(async () => {
  stack = await startStack();
  stack.page('login.html', `<lr-login ${stack.attrs}></lr-login>`, { title: 'CSP' });
  stack.file('/nonce-setup.js', 'text/javascript', `window.litNonce = '${NONCE}'; ${NO_ADOPT}`);
  stack.file('/no-nonce-setup.js', 'text/javascript', NO_ADOPT);
  stack.page('nonce.html', `<lr-login ${stack.attrs}></lr-login>`, { title: 'CSP nonce', head: '<script src="/nonce-setup.js"></script>', csp: noncePolicy });
  stack.page('nonce-control.html', `<lr-login ${stack.attrs}></lr-login>`, { title: 'CSP nonce control', head: '<script src="/no-nonce-setup.js"></script>', csp: noncePolicy });
});
after(async () => { await stack?.close(); });

for (const engine of ENGINES) {
  describe(`strict CSP + Trusted Types, built CDN file (${engine.name})`, () => {
    let browser;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });

    /** Runs `fn` on a page of a fresh browser context (no session from an earlier test). */
    const withPage = (fn) => withFreshPage(browser, fn);
    /** Zero CSP violations, reports, uncaught errors and unhandled rejections on the page. */
    async function assertClean(page) {
      const g = await guard(page);
      assert.deepEqual(g.violations, []);
      assert.deepEqual(g.unhandled, []);
      assert.deepEqual(g.errors, []);
      // Reports are posted asynchronously: a control page's may land during a later test, so count this page's only.
      assert.deepEqual(reportsOf(page), []);
    }
    const reportsOf = (page) => stack.reports.filter((r) => JSON.parse(r)['csp-report']?.['document-uri'] === page.url());
    async function signIn(page, email) {
      await page.type('lr-login input[autocomplete~="username"]', email);
      await page.type('lr-login input[autocomplete="current-password"]', 'correct horse battery');
      await page.click('lr-login .lr-form__submit');
      await page.waitForSelector('lr-login[session-state="authenticated"] .lr-login__who', { timeout: 15000 });
    }
    /** A control page must produce a violation of `directive` (proves the harness would see one). */
    async function expectViolation(page, directive) {
      await page.waitForFunction(() => window.__lr.violations.length > 0, { timeout: 10000 });
      const { violations } = await guard(page);
      assert.ok(violations.some((v) => v.startsWith(directive)), `violations: ${violations.join(', ')}`);
      // ...and its report reaches the server, matched to the page the way assertClean() matches them.
      for (let i = 0; i < 50 && !reportsOf(page).length; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(reportsOf(page).length > 0, `no CSP report for ${page.url()}`);
    }
    const formDisplay = (page) => page.evaluate(() => getComputedStyle(document.querySelector('lr-login .lr-form')).display);

    it('renders styled, signs in, and causes zero violations', () => withPage(async (page) => {
      const email = `csp-${engine.name}-${Date.now()}@example.com`;
      await stack.user(email);
      await page.goto(stack.url('login.html'));
      await page.waitForSelector('lr-login input[autocomplete="current-password"]');
      // B3-02: the adopted stylesheet really applies under style-src 'self'.
      assert.equal(await formDisplay(page), 'grid');
      assert.notEqual(await page.$eval('lr-login .lr-form__submit', (b) => getComputedStyle(b).backgroundColor), 'rgba(0, 0, 0, 0)');
      await signIn(page, email);
      await assertClean(page);
    }));

    it('B3-03: without constructable stylesheets, styles come as <style nonce> and apply with zero violations', () => withPage(async (page) => {
      await page.goto(stack.url('nonce.html'));
      await page.waitForSelector('lr-login input[autocomplete="current-password"]');
      const seen = await page.evaluate(() => ({
        adopted: 'adoptedStyleSheets' in Document.prototype,
        styles: [...document.querySelectorAll('style')].map((s) => s.nonce),
      }));
      assert.equal(seen.adopted, false, 'the page really has no adoptedStyleSheets');
      assert.ok(seen.styles.length > 0 && seen.styles.every((n) => n === NONCE), `style elements: ${JSON.stringify(seen.styles)}`);
      assert.equal(await formDisplay(page), 'grid');
      await assertClean(page);
    }));

    it('B3-03 control: the same page without window.litNonce is caught (style-src violation, styles not applied)', () => withPage(async (page) => {
      await page.goto(stack.url('nonce-control.html'));
      await expectViolation(page, 'style-src');
      assert.notEqual(await formDisplay(page), 'grid');
    }));

    it('B3-06: markup in profile data shows as text everywhere, runs nothing, and causes no violation', () => withPage(async (page) => {
      const email = `canary-${engine.name}-${Date.now()}@example.com`;
      await stack.user(email, 'correct horse battery', { FirstName: CANARY_FIRST, LastName: CANARY_LAST });
      const dialogs = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      await page.goto(stack.url('app.html'));
      await page.waitForSelector('lr-login input[autocomplete="current-password"]');
      await signIn(page, email);
      await page.waitForFunction(() => document.querySelector('lr-profile-editor input[name=FirstName]')?.value, { timeout: 10000 });
      const seen = await page.evaluate(() => ({
        who: document.querySelector('lr-login .lr-login__who').textContent,
        first: document.querySelector('lr-profile-editor input[name=FirstName]').value,
        last: document.querySelector('lr-profile-editor input[name=LastName]').value,
        injected: document.querySelectorAll('lr-login img, lr-login svg, lr-profile-editor img, lr-profile-editor svg, lr-email-manager img, lr-email-manager svg').length,
      }));
      assert.ok(seen.who.includes(CANARY_FIRST), `signed-in text: ${seen.who}`);
      assert.equal(seen.first, CANARY_FIRST);
      assert.equal(seen.last, CANARY_LAST);
      assert.equal(seen.injected, 0, 'no element was created from profile data');
      await new Promise((r) => setTimeout(r, 300)); // an onerror/onload would have fired by now
      assert.deepEqual(dialogs, []);
      await assertClean(page);
    }));

    it('control: without the lit-html Trusted Types allowance the harness sees the violation', () => withPage(async (page) => {
      await page.goto(stack.url('login.html', 'control'));
      await expectViolation(page, 'trusted-types');
    }));
  });
}
