// End to end: the BUILT CDN file under a strict Content-Security-Policy with Trusted Types enforced (B3-01, B3-02,
// B3-05), served by a real static server with real headers, driven in Debian's Chromium and Firefox through
// puppeteer-core, against the emulator. A control page without the `lit-html` Trusted Types allowance proves the
// harness sees violations. The full journey under the same policy is journey.e2e.mjs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, guard, launch, startStack } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
  stack.page('login.html', `<lr-login ${stack.attrs}></lr-login>`, { title: 'CSP' });
});
after(async () => { await stack?.close(); });

for (const engine of ENGINES) {
  describe(`strict CSP + Trusted Types, built CDN file (${engine.name})`, () => {
    let browser;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });

    it('renders styled, signs in, and causes zero violations', async () => {
      stack.reports.length = 0;
      const email = `csp-${engine.name}-${Date.now()}@example.com`;
      await stack.user(email);
      const page = await browser.newPage();
      try {
        await page.goto(stack.url('login.html'));
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
        const g = await guard(page);
        assert.deepEqual(g.violations, []);
        assert.deepEqual(g.unhandled, []);
        assert.deepEqual(stack.reports, []);
      } finally {
        await page.close();
      }
    });

    it('control: without the lit-html Trusted Types allowance the harness sees the violation', async () => {
      stack.reports.length = 0;
      const page = await browser.newPage();
      try {
        await page.goto(stack.url('login.html', 'control'));
        await page.waitForFunction(() => window.__lr.violations.length > 0, { timeout: 10000 });
        const { violations } = await guard(page);
        assert.ok(violations.some((v) => /trusted-types/.test(v)), `violations: ${violations.join(', ')}`);
      } finally {
        await page.close();
      }
    });
  });
}
