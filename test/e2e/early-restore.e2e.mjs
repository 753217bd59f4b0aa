// End to end, issue 14: the BUILT loader restores the stored session while the element chunks download, in
// Chromium and Firefox (puppeteer-core), under the strict CSP + Trusted Types page, against the emulator.
//   - A page with `<lr-login apikey>` (no api-base attribute) whose API base comes from configure() in a module
//     script AFTER the loader's: the early restore waits for the page's scripts, so it validates against that
//     base (a token stored under the default base is never sent to api.loginradius.com: the CSP would report it);
//   - the validate request starts before lr-login.js has arrived (the chunk is held back 1 s by the browser's
//     request interception), there is exactly one, and lr-login then dispatches its load change once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, events, guard, idbPut, launch, startStack, withPage } from './harness.mjs';

const BASE = '/cdn/v2/';
const HOLD_MS = 1000;
let stack;

before(async () => {
  stack = await startStack();
  stack.file('/early-config.js', 'text/javascript', `import { configure } from '${BASE}lr-elements.js';
configure({ apiBase: ${JSON.stringify(stack.apiBase)} });`);
  stack.page('early-late-config.html', `<lr-login apikey="${stack.apiKey}"></lr-login><script type="module" src="/early-config.js"></script>`,
    { title: 'Early restore', src: `${BASE}lr-elements.js` });
  stack.file('/nothing.js', 'text/javascript', '');
  stack.page('blank.html', '', { title: 'Blank', src: '/nothing.js' });
});
after(async () => { await stack?.close(); });

for (const engine of ENGINES) {
  describe(`early session restore through the loader (${engine.name})`, () => {
    let browser;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });

    it('validates once, against the configured API base, before lr-login.js has arrived; lr-login sees its load change once', () => withPage(browser, async (page) => {
      const email = `early-${engine.name}-${Date.now()}@example.com`;
      const { Uid } = await stack.user(email);
      const { access_token: token } = await stack.tokenFor(Uid);
      await page.goto(stack.url('blank.html'));
      const record = { token, profile: { Uid, Email: email }, validatedAt: 0, since: Date.now() };
      await stack.storeSession(page, record);
      // The same token under the default API base: what a restore started before the configure() would find.
      await idbPut(page, 'lr-elements', 'session', `https://api.loginradius.com|${stack.apiKey}`, record);
      await stack.clearRequests();
      stack.reports.length = 0;

      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.isInterceptResolutionHandled()) return;
        if (new URL(req.url()).pathname === `${BASE}lr-login.js`) setTimeout(() => req.continue(), HOLD_MS);
        else req.continue();
      });
      await page.goto(stack.url('early-late-config.html'));
      await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 15000 });
      await new Promise((r) => setTimeout(r, 200));

      const g = await guard(page);
      assert.deepEqual({ violations: g.violations, unhandled: g.unhandled, errors: g.errors, reports: stack.reports }, { violations: [], unhandled: [], errors: [], reports: [] });
      assert.equal((await stack.requests('GET', '/identity/v2/auth/access_token/validate')).length, 1, 'one validate request');
      const timing = await page.evaluate((chunk) => {
        const rs = performance.getEntriesByType('resource');
        const at = (re) => rs.find((r) => re.test(r.name));
        return { validate: at(/access_token\/validate/)?.startTime, chunk: at(new RegExp(`${chunk}$`))?.responseEnd };
      }, `${BASE}lr-login.js`);
      assert.ok(timing.validate < timing.chunk, `validate started at ${timing.validate} ms, before lr-login.js arrived at ${timing.chunk} ms`);
      const changes = (await events(page, 'lr-session-changed')).map((e) => `${e.tag}:${e.detail.state}/${e.detail.source}`);
      assert.deepEqual(changes, ['lr-login:authenticated/load']);
    }));
  });
}
