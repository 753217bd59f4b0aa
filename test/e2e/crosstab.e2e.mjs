// End to end, cross-tab session behaviour (security requirements B2-01..B2-07) with the BUILT CDN file under the
// strict CSP, in Chromium and Firefox. "Tabs" are two pages of one browser context (same profile: same IndexedDB,
// BroadcastChannel and Web Locks); every test gets its own context, so stored sessions never leak between tests.
// Timings are taken from the guard's event times (performance.timeOrigin + performance.now() of each page), not
// from the test runner's wall clock.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, events, guard, idbGetAll, idbPut, launch, startStack } from './harness.mjs';

const PASSWORD = 'correct horse battery';
const VALIDATE = '/identity/v2/auth/access_token/validate';
/** Every element of a page reflects this state. */
const allIn = (page, state) =>
  page.waitForFunction((s) => {
    const els = [...document.querySelectorAll('lr-login, lr-register, lr-profile-editor, lr-email-manager')];
    return els.length > 0 && els.every((e) => e.getAttribute('session-state') === s);
  }, { timeout: 10000, polling: 50 }, state); // not rAF polling: background tabs do not render

let stack;
let seq = 0;
before(async () => {
  stack = await startStack();
  stack.page('blank.html', '<p>No elements here.</p>', { title: 'Blank' });
  stack.page('tabs.html', `<lr-login ${stack.attrs}></lr-login><lr-profile-editor ${stack.attrs}></lr-profile-editor>`, { title: 'Tab' });
  stack.page('login.html', `<lr-login ${stack.attrs}></lr-login>`, { title: 'Login' });
});
after(async () => { await stack?.close(); });

/** A verified account with a name, plus a server-issued token and the record the core would store for it. */
async function account(tag, { validatedAt = 0 } = {}) {
  const email = `${tag}-${++seq}-${Date.now()}@example.com`;
  const user = await stack.user(email, PASSWORD, { FirstName: 'Ada', LastName: `Tab${seq}` });
  const token = await stack.tokenFor(user.Uid);
  assert.ok(token.access_token, `token: ${JSON.stringify(token)}`);
  const record = {
    token: token.access_token,
    expiresAt: token.expires_in,
    profile: { Uid: user.Uid, Email: email, FirstName: 'Ada', LastName: `Tab${seq}`, FullName: null, EmailVerified: true },
    validatedAt,
  };
  return { email, user, token: token.access_token, record, lastName: `Tab${seq}` };
}

async function signIn(page, email) {
  await page.bringToFront(); // Chromium only delivers input to (and scrolls in) the tab in front
  await page.waitForSelector('lr-login input[name=email]');
  await page.type('lr-login input[name=email]', email);
  await page.type('lr-login input[name=password]', PASSWORD);
  await page.click('lr-login .lr-form__submit');
  await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 10000 });
}

/** No unhandled rejection, no uncaught error, no CSP violation on the page. */
async function clean(page) {
  const g = await guard(page);
  assert.deepEqual(g.unhandled, [], 'unhandled rejections');
  assert.deepEqual(g.errors, [], 'uncaught errors');
  assert.deepEqual(g.violations, [], 'CSP violations');
}

/** Waits for the first event of `type` matching `pred` on the page; returns it (with `at`, epoch ms). */
async function waitEvent(page, type, pred = () => true, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const hit = (await events(page, type)).find(pred);
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no ${type} event within ${timeout} ms: ${JSON.stringify(await events(page))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// B2-07: a static audit of the built CDN file (no browser needed).
describe('bundle audit (B2-07)', () => {
  it('the CDN file creates no blob: or inline workers', () => {
    assert.doesNotMatch(stack.cdn, /createObjectURL|new (Shared)?Worker\(|blob:/);
  });
});

for (const engine of ENGINES) {
  describe(`cross-tab session (${engine.name})`, () => {
    let browser;
    let ctx;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });
    const fresh = async () => {
      await ctx?.close().catch(() => {});
      ctx = await browser.createBrowserContext();
      return ctx;
    };
    after(async () => { await ctx?.close().catch(() => {}); });

    it('B2-01/B2-02: sign-in and sign-out in tab A reach tab B within 1 s, without reload', async () => {
      const { email, lastName } = await account('tabs');
      await fresh();
      const a = await ctx.newPage();
      const b = await ctx.newPage();
      await Promise.all([a.goto(stack.url('tabs.html')), b.goto(stack.url('tabs.html'))]);
      await Promise.all([allIn(a, 'anonymous'), allIn(b, 'anonymous')]);

      // B2-01: sign in on A.
      await signIn(a, email);
      const inA = await waitEvent(a, 'lr-session-changed', (e) => e.detail.state === 'authenticated' && e.detail.source === 'self');
      const inB = await waitEvent(b, 'lr-session-changed', (e) => e.detail.state === 'authenticated');
      assert.equal(inB.detail.source, 'other-tab', JSON.stringify(await events(b)));
      assert.equal(inB.detail.profile.Email, email);
      assert.ok(inB.at - inA.at <= 1000, `tab B followed the sign-in after ${Math.round(inB.at - inA.at)} ms`);
      await allIn(b, 'authenticated');
      await b.waitForFunction((last) => document.querySelector('lr-profile-editor input[name=LastName]')?.value === last, { timeout: 5000, polling: 50 }, lastName);
      assert.match(await b.$eval('lr-login .lr-login__who', (e) => e.textContent), new RegExp(email.replace(/[.+]/g, '\\$&')));
      assert.equal(typeof (await b.evaluate(() => document.querySelector('lr-login').getAccessToken())), 'string');
      // `lr-logged-in` belongs to the element that signed in (README), not to the other tab.
      assert.equal((await events(b, 'lr-logged-in')).length, 0);

      // B2-02: sign out on A.
      await a.click('lr-login .lr-login__sign-out');
      const outA = await waitEvent(a, 'lr-session-changed', (e) => e.detail.state === 'anonymous' && e.detail.source === 'self');
      const outB = await waitEvent(b, 'lr-logged-out');
      assert.deepEqual(outB.detail, { reason: 'other-tab' });
      assert.ok(outB.at - outA.at <= 1000, `tab B followed the sign-out after ${Math.round(outB.at - outA.at)} ms`);
      const changedB = await waitEvent(b, 'lr-session-changed', (e) => e.detail.state === 'anonymous' && e.at > inB.at);
      assert.equal(changedB.detail.source, 'other-tab');
      assert.equal(changedB.detail.profile, undefined);
      await allIn(b, 'anonymous');
      // Tab B forgets the user: no token, no profile data left in its DOM (text or input values).
      assert.equal(await b.evaluate(() => document.querySelector('lr-login').getAccessToken()), undefined);
      const dom = await b.evaluate(() => document.body.innerText + ' ' + [...document.querySelectorAll('input')].map((i) => i.value).join(' '));
      assert.ok(!dom.includes(email) && !dom.includes(lastName), `tab B still shows profile data: ${dom}`);
      assert.equal(await b.$eval('lr-login [role=status]', (e) => e.textContent.trim()), 'You signed out in another tab.');
      assert.equal((await events(a, 'lr-logged-out')).map((e) => e.detail.reason).join(), 'user');
      await clean(a);
      await clean(b);
    });

    it('B2-01 fallback: without BroadcastChannel, tab B still follows a sign-in within 1 s (focus / visibility / polling)', async () => {
      const { email } = await account('nobc');
      await fresh();
      const a = await ctx.newPage();
      const b = await ctx.newPage();
      for (const p of [a, b]) await p.evaluateOnNewDocument(() => { delete window.BroadcastChannel; });
      await Promise.all([a.goto(stack.url('login.html')), b.goto(stack.url('login.html'))]);
      assert.equal(await b.evaluate(() => typeof BroadcastChannel), 'undefined');
      await Promise.all([allIn(a, 'anonymous'), allIn(b, 'anonymous')]);
      await signIn(a, email);
      const inA = await waitEvent(a, 'lr-session-changed', (e) => e.detail.state === 'authenticated');
      // The user comes back to tab B: it becomes visible and gets the focus.
      await b.bringToFront();
      await b.evaluate(() => {
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new FocusEvent('focus'));
      });
      const inB = await waitEvent(b, 'lr-session-changed', (e) => e.detail.state === 'authenticated', 2500).catch(() => undefined);
      assert.ok(inB, 'tab B never learned about the sign-in in tab A (no BroadcastChannel fallback)');
      assert.equal(inB.detail.source, 'other-tab');
      assert.ok(inB.at - inA.at <= 1000, `tab B followed after ${Math.round(inB.at - inA.at)} ms`);
      await clean(b);
    });

    it('B2-03: four elements on each of two tabs loading at once with a stored token: one validate request in all', async () => {
      const { record, token } = await account('single');
      await fresh();
      const seed = await ctx.newPage();
      await seed.goto(stack.url('blank.html'));
      await stack.storeSession(seed, record); // validatedAt 0: stale, every tab must check it
      await seed.close();
      const a = await ctx.newPage();
      const b = await ctx.newPage();
      // Count what each page itself sends (the emulator's log cannot tell the tabs apart).
      for (const p of [a, b]) {
        await p.evaluateOnNewDocument((path) => {
          const f = window.fetch;
          window.__validates = 0;
          window.fetch = function (input, init) {
            if (String(input && input.url || input).includes(path)) window.__validates++;
            return f.call(this, input, init);
          };
        }, VALIDATE);
      }
      await stack.clearRequests();
      // Latency on validate widens the window in which an unserialised second tab would send its own request.
      await stack.faults([{ path: VALIDATE, delayMs: 300, times: 4 }]);
      try {
        await Promise.all([a.goto(stack.url('app.html')), b.goto(stack.url('app.html'))]);
        await Promise.all([allIn(a, 'authenticated'), allIn(b, 'authenticated')]);
        assert.equal(await a.$$eval('lr-login, lr-register, lr-profile-editor, lr-email-manager', (els) => els.length), 4);
        const perPage = [await a.evaluate(() => window.__validates), await b.evaluate(() => window.__validates)];
        const logged = await stack.requests('GET', VALIDATE);
        assert.ok(perPage.every((n) => n <= 1), `validate requests per tab: ${perPage}`);
        // The product's own contract (README, session.ts): validation is serialised across tabs with Web Locks and a
        // token another tab validated a moment ago is trusted, so two tabs loading together send ONE request.
        assert.equal(logged.length, 1, `validate requests in all: ${logged.length} (per tab ${perPage})`);
        assert.equal(perPage[0] + perPage[1], 1);
        assert.ok(logged.every((r) => r.Authorization && !r.Url.includes(token)), 'token only in the Authorization header');
        for (const p of [a, b]) {
          const loads = (await events(p, 'lr-session-changed')).filter((e) => e.detail.state === 'authenticated');
          assert.ok(loads.length >= 4 && loads.every((e) => e.detail.source === 'load'), JSON.stringify(loads.map((e) => e.detail.source)));
          await clean(p);
        }
      } finally {
        await stack.clearFaults();
      }
    });

    it('B2-05: validate answered 503 (or a dropped connection) keeps the token, state unknown, retried on `online`; only an invalid-token answer clears it', async () => {
      const { record, token } = await account('keep');
      await fresh();
      const page = await ctx.newPage();
      await page.goto(stack.url('blank.html'));
      await stack.storeSession(page, record);
      await stack.clearRequests();
      await stack.faults([{ path: VALIDATE, status: 503, body: 'html' }]);
      try {
        await page.goto(stack.url('login.html'));
        await allIn(page, 'unknown');
        const unknown = await waitEvent(page, 'lr-session-changed', (e) => e.detail.state === 'unknown');
        assert.equal(unknown.detail.source, 'load');
        assert.equal(await page.evaluate(() => document.querySelector('lr-login').getAccessToken()), token);
        assert.equal((await stack.storedSession(page))?.token, token, 'the stored token is kept');
        // 503 is retryable for an idempotent GET: the first try plus at most 3 retries.
        const tries = (await stack.requests('GET', VALIDATE)).length;
        assert.ok(tries >= 2 && tries <= 4, `validate requests: ${tries}`);
        assert.equal((await events(page, 'lr-logged-out')).length, 0);
        assert.equal((await events(page, 'lr-session-expired')).length, 0);
        // A dropped connection also keeps it.
        await stack.faults([{ path: VALIDATE, drop: true }]);
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await new Promise((r) => setTimeout(r, 600));
        assert.equal(await page.$eval('lr-login', (e) => e.getAttribute('session-state')), 'unknown');
        assert.equal((await stack.storedSession(page))?.token, token);
        // Back online: validated again, signed in.
        await stack.clearFaults();
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await allIn(page, 'authenticated');
        await clean(page);

        // An explicit invalid-token answer (905 after a server-side revoke) clears it.
        await stack.revoke(token);
        await stack.storeSession(page, { ...record, validatedAt: 0 });
        await page.reload();
        await allIn(page, 'anonymous');
        assert.equal((await events(page, 'lr-session-expired')).length, 1);
        // No `lr-logged-out` here: nobody was signed in on this page yet (session.ts emits it only after a user).
        assert.equal(await page.evaluate(() => document.querySelector('lr-login').getAccessToken()), undefined);
        assert.equal(await stack.storedSession(page), undefined, 'the stored token is removed');
        await clean(page);
      } finally {
        await stack.clearFaults();
      }
    });

    it('B2-06: the core uses its own IndexedDB store; the default idb-keyval store cannot plant or read a session', async () => {
      const { email, record } = await account('collide');
      await fresh();
      const page = await ctx.newPage();
      await page.goto(stack.url('blank.html'));
      // The host page's own idb-keyval (default `keyval-store`/`keyval`) holds a forged, "fresh" session under the
      // very key the core uses.
      const forged = { ...record, token: 'forged-token', validatedAt: Date.now() + 60000 };
      await idbPut(page, 'keyval-store', 'keyval', stack.sessionKey, forged);
      await stack.clearRequests();
      await page.goto(stack.url('login.html'));
      await allIn(page, 'anonymous');
      assert.equal(await page.evaluate(() => document.querySelector('lr-login').getAccessToken()), undefined);
      assert.equal((await stack.requests('GET', VALIDATE)).length, 0);
      await signIn(page, email);
      // The host's store is untouched; the session lives in the core's own database.
      const hostStore = await idbGetAll(page, 'keyval-store', 'keyval');
      assert.deepEqual(hostStore.map((e) => e.value.token), ['forged-token']);
      const own = await stack.storedSession(page);
      assert.ok(own?.token && own.token !== 'forged-token');
      assert.equal(own.token, await page.evaluate(() => document.querySelector('lr-login').getAccessToken()));
      await clean(page);
    });
  });
}
