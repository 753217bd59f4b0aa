// End to end, failure behaviour users see (security requirements B6-01..B6-10, and B2-04) with the BUILT CDN file
// under the strict CSP, in Chromium and Firefox, against the emulator's fault injection. For every condition: what
// the user sees (role=alert / role=status), that typed input is kept, the `lr-error` kind, no unhandled rejection
// or uncaught error on the page, and no stored-token change unless the server said the token is invalid. Every
// test gets a fresh browser context (empty storage); faults are cleared after each test. Durations are measured
// with the page's own clock (guard event times), not the test runner's.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, events, guard, launch, startStack } from './harness.mjs';

const PASSWORD = 'correct horse battery';
const LOGIN = '/identity/v2/auth/login';
const VALIDATE = '/identity/v2/auth/access_token/validate';
const ACCOUNT = '/identity/v2/auth/account';
const MSG = {
  network: 'We could not reach the sign-in service. Check your internet connection and try again.',
  timeout: 'The sign-in service took too long to answer. Please try again.',
  server: 'The sign-in service is having trouble right now. Please try again in a few minutes.',
  rateLimited: 'Too many attempts. Please wait a moment before trying again.',
  retryNow: 'You can try again now.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  profileExpired: 'Your session has expired — sign in again. Your changes are still here: save them once you are signed in.',
};

let stack;
let seq = 0;
before(async () => {
  stack = await startStack();
  stack.page('blank.html', '<p>No elements here.</p>', { title: 'Blank' });
  stack.page('login.html', `<lr-login ${stack.attrs}></lr-login>`, { title: 'Login' });
  stack.page('profile.html', `<lr-login ${stack.attrs}></lr-login>
    <lr-profile-editor ${stack.attrs} fields="FirstName,LastName" no-delete></lr-profile-editor>`, { title: 'Profile' });
});
after(async () => { await stack?.close(); });
afterEach(async () => {
  await stack.clearFaults();
  await stack.control('config', 'PUT', { clockOffsetSeconds: 0 });
});

const uniqueEmail = (tag) => `${tag}-${++seq}-${Date.now()}@example.com`;

/** A verified account, a server-issued token and the record the core would store for it. */
async function account(tag, { validatedAt = 0 } = {}) {
  const email = uniqueEmail(tag);
  const user = await stack.user(email, PASSWORD, { FirstName: 'Ada', LastName: 'Lovelace' });
  const t = await stack.tokenFor(user.Uid);
  assert.ok(t.access_token, JSON.stringify(t));
  const record = {
    token: t.access_token, expiresAt: t.expires_in, validatedAt,
    profile: { Uid: user.Uid, Email: email, FirstName: 'Ada', LastName: 'Lovelace', FullName: null, EmailVerified: true },
  };
  return { email, user, token: t.access_token, record };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The page's clock as epoch ms (same base as the `at` of `events()`). */
const pageNow = (page) => page.evaluate(() => performance.timeOrigin + performance.now());
const poll = { polling: 50 };

/** Waits for the first `type` event after `since` (page epoch ms) that matches `pred`. */
async function nextEvent(page, type, since = 0, pred = () => true, timeout = 6000) {
  const end = Date.now() + timeout;
  for (;;) {
    const hit = (await events(page, type)).find((e) => e.at >= since && pred(e));
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no ${type} within ${timeout} ms; events: ${JSON.stringify(await events(page))}`);
    await sleep(40);
  }
}

/** What the sign-in form shows. */
function loginView(page) {
  return page.evaluate(() => {
    const el = document.querySelector('lr-login');
    const q = (s) => el.querySelector(s);
    return {
      state: el.getAttribute('session-state'),
      alert: q('[role=alert]')?.textContent.trim(),
      status: q('[role=status]')?.textContent.trim(),
      email: q('input[name=email]')?.value,
      password: q('input[name=password]')?.value,
      disabled: q('.lr-form__submit')?.disabled,
      busy: q('form')?.getAttribute('aria-busy'),
    };
  });
}

const token = (page) => page.evaluate(() => document.querySelector('lr-login').getAccessToken());

/** No unhandled rejection, no uncaught error, no CSP violation. */
async function clean(page) {
  const g = await guard(page);
  assert.deepEqual(g.unhandled, [], 'unhandled rejections');
  assert.deepEqual(g.errors, [], 'uncaught errors');
  assert.deepEqual(g.violations, [], 'CSP violations');
}

/** Nothing was stored and the page holds no token. */
async function nothingStored(page) {
  assert.equal(await token(page), undefined, 'the page holds no token');
  assert.equal(await stack.storedSession(page), undefined, 'nothing stored in IndexedDB');
}

async function fill(page, email, password = PASSWORD) {
  await page.waitForSelector('lr-login input[name=email]');
  await page.type('lr-login input[name=email]', email);
  await page.type('lr-login input[name=password]', password);
}

/** Clicks "Sign in"; returns the page time just before the click. */
async function submit(page) {
  const t0 = await pageNow(page);
  await page.click('lr-login .lr-form__submit');
  return t0;
}

/** Page-wide `configure()` of the loaded CDN module (e.g. a short `timeoutMs`). */
const configure = (page, cfg) => page.evaluate(async (c) => (await import('/lr-elements.js')).configure(c), cfg);

/** Checks a failed sign-in: the alert, the kind, input kept, form usable again, nothing stored, no exception. */
async function failedLogin(page, t0, { kind, message, email, enabled = true, withinMs }) {
  const err = await nextEvent(page, 'lr-error', t0);
  assert.equal(err.detail.kind, kind, JSON.stringify(err.detail));
  assert.equal(err.detail.message, message);
  if (withinMs) assert.ok(err.at - t0 <= withinMs, `lr-error after ${Math.round(err.at - t0)} ms (limit ${withinMs})`);
  await page.waitForFunction((m) => document.querySelector('lr-login [role=alert]')?.textContent.trim() === m, { timeout: 3000, ...poll }, message);
  const v = await loginView(page);
  assert.equal(v.alert, message);
  assert.equal(v.email, email, 'the email is kept');
  assert.equal(v.password, PASSWORD, 'the password is kept');
  assert.equal(v.disabled, !enabled);
  assert.equal(v.busy, 'false');
  assert.equal(v.state, 'anonymous');
  await nothingStored(page);
  await clean(page);
  return err;
}

for (const engine of ENGINES) {
  describe(`failure behaviour (${engine.name})`, () => {
    let browser;
    let ctx;
    before(async () => { browser = await launch(engine); });
    after(async () => {
      await ctx?.close().catch(() => {});
      await browser?.close();
    });
    /** A page of a fresh browser context (empty storage), optionally with an init script, at `name`. */
    async function open(name, init, arg) {
      await ctx?.close().catch(() => {});
      ctx = await browser.createBrowserContext();
      const page = await ctx.newPage();
      if (init) await page.evaluateOnNewDocument(init, arg);
      if (name) {
        await page.goto(stack.url(name));
        await page.waitForFunction(() => document.querySelector('lr-login')?.getAttribute('session-state') !== 'loading', { timeout: 10000, ...poll });
      }
      return page;
    }
    /** A fresh context whose storage holds `record`, then `name` loaded in it. */
    async function openWithSession(name, record, init, arg) {
      const page = await open('blank.html', init, arg);
      await stack.storeSession(page, record);
      await page.goto(stack.url(name));
      await page.waitForFunction(() => document.querySelector('lr-login')?.getAttribute('session-state') !== 'loading', { timeout: 10000, ...poll });
      return page;
    }

    it('B6-01: offline on submit: connection message within 1 s, input kept, lr-error network, nothing stored; works once back online', async (t) => {
      const email = uniqueEmail('offline');
      await stack.user(email, PASSWORD);
      const page = await open('login.html');
      await fill(page, email);
      let offline = true;
      try {
        await page.setOfflineMode(true);
      } catch {
        offline = false; // Firefox over WebDriver BiDi may lack network emulation: a dropped connection instead
        await stack.faults([{ path: LOGIN, drop: true }]);
      }
      t.diagnostic(offline ? 'offline via page.setOfflineMode' : 'setOfflineMode unsupported: drop fault');
      await stack.clearRequests();
      const t0 = await submit(page);
      await failedLogin(page, t0, { kind: 'network', message: MSG.network, email, withinMs: 1000 });
      if (offline) assert.equal((await stack.requests('POST', LOGIN)).length, 0, 'offline: nothing reached the server');
      if (offline) await page.setOfflineMode(false);
      await stack.clearFaults();
      await submit(page);
      await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 5000 });
      assert.equal(typeof (await token(page)), 'string');
      await clean(page);
    });

    it('B6-01: connection reset by the server on submit (drop fault): same as offline', async () => {
      // No `times`: browsers may silently re-send once on a dropped keep-alive connection.
      await stack.faults([{ path: LOGIN, method: 'POST', drop: true }]);
      const page = await open('login.html');
      const email = uniqueEmail('drop');
      await fill(page, email);
      const t0 = await submit(page);
      await failedLogin(page, t0, { kind: 'network', message: MSG.network, email, withinMs: 1000 });
    });

    it('B6-02: a login slower than the configured timeout is aborted, says so, and is not retried', async () => {
      const page = await open('login.html');
      await configure(page, { timeoutMs: 800 });
      await stack.faults([{ path: LOGIN, method: 'POST', delayMs: 3000, times: 1 }]);
      await stack.clearRequests();
      const email = uniqueEmail('slow');
      await fill(page, email);
      const t0 = await submit(page);
      const err = await failedLogin(page, t0, { kind: 'timeout', message: MSG.timeout, email });
      assert.ok(err.at - t0 >= 700 && err.at - t0 < 2500, `aborted after ${Math.round(err.at - t0)} ms (timeout 800)`);
      await sleep(800);
      assert.equal((await stack.requests('POST', LOGIN)).length, 1, 'the credential POST is never retried');
    });

    it('B6-03: an idempotent GET (profile read) is retried on 502 and succeeds without an error', async () => {
      const { record } = await account('get502');
      const page = await openWithSession('profile.html', record);
      await page.waitForSelector('lr-profile-editor input[name=FirstName]', { timeout: 5000 });
      await stack.faults([{ path: ACCOUNT, method: 'GET', status: 502, body: 'html', times: 2 }]);
      await stack.clearRequests();
      const t0 = await pageNow(page);
      await page.evaluate(() => document.querySelector('lr-profile-editor').refresh());
      assert.equal((await stack.requests('GET', ACCOUNT)).length, 3, 'two 502s, then the answer');
      assert.equal((await events(page, 'lr-error')).filter((e) => e.at >= t0).length, 0);
      assert.equal(await page.$eval('lr-profile-editor input[name=FirstName]', (e) => e.value), 'Ada');
      assert.equal(await token(page), record.token);
      await clean(page);
    });

    it('B6-02: an idempotent GET (profile read) that times out is retried (<= 3 times) instead of failing at once', async () => {
      const { record } = await account('gettimeout');
      const page = await openWithSession('profile.html', record);
      await page.waitForSelector('lr-profile-editor input[name=FirstName]', { timeout: 5000 });
      await configure(page, { timeoutMs: 600 });
      await stack.faults([{ path: ACCOUNT, method: 'GET', delayMs: 2000, times: 1 }]);
      await stack.clearRequests();
      const t0 = await pageNow(page);
      await page.evaluate(() => document.querySelector('lr-profile-editor').refresh());
      const tries = (await stack.requests('GET', ACCOUNT)).length;
      const errors = (await events(page, 'lr-error')).filter((e) => e.at >= t0).map((e) => e.detail);
      assert.ok(tries >= 2 && tries <= 4, `profile reads: ${tries} (the timed-out GET was not retried); lr-error: ${JSON.stringify(errors)}`);
      assert.deepEqual(errors, []);
      assert.equal(await token(page), record.token, 'a timeout never drops the token');
      await clean(page);
    });

    it('B6-03: 500/502/503/504 with HTML or garbage bodies: a generic message, no raw server text, input kept, no retry of the POST', async () => {
      const page = await open('login.html');
      const email = uniqueEmail('5xx');
      await fill(page, email);
      for (const [status, body] of [[500, 'html'], [502, 'html'], [503, 'html'], [504, 'garbage'], [500, 'garbage']]) {
        await stack.faults([{ path: LOGIN, method: 'POST', status, body, times: 1 }]);
        await stack.clearRequests();
        const t0 = await submit(page);
        await failedLogin(page, t0, { kind: 'server', message: MSG.server, email });
        const shown = await page.$eval('lr-login', (e) => e.textContent);
        assert.doesNotMatch(shown, /<|Service error|upstream|HTTP \d/, `${status} ${body}: raw server text shown`);
        assert.equal((await stack.requests('POST', LOGIN)).length, 1, `${status}: the credential POST is not retried`);
      }
    });

    it('B6-04: 429 with Retry-After: 2 counts down in the status region, re-enables after ~2 s, never retries by itself', async () => {
      const page = await open('login.html');
      await stack.faults([{ path: LOGIN, method: 'POST', status: 429, retryAfter: 2, times: 1 }]);
      await stack.clearRequests();
      const email = uniqueEmail('nobody'); // an unknown address
      await fill(page, email);
      const t0 = await submit(page);
      const limited = await nextEvent(page, 'lr-rate-limited', t0);
      assert.deepEqual(limited.detail, { retryAfterSeconds: 2 });
      const err = await failedLogin(page, t0, { kind: 'rate-limited', message: MSG.rateLimited, email, enabled: false });
      assert.match((await loginView(page)).status, /^You can try again in [12] seconds?\.$/);
      // Submitting while counting down sends nothing.
      await page.evaluate(() => document.querySelector('lr-login form').requestSubmit());
      await page.waitForFunction(() => !document.querySelector('lr-login .lr-form__submit').disabled, { timeout: 5000, ...poll });
      const enabledAt = await pageNow(page);
      assert.ok(enabledAt - err.at >= 1000 && enabledAt - err.at <= 3200, `re-enabled after ${Math.round(enabledAt - err.at)} ms`);
      const v = await loginView(page);
      assert.equal(v.status, MSG.retryNow);
      assert.equal(v.email, email);
      assert.equal((await stack.requests('POST', LOGIN)).length, 1, 'no automatic retry of the credential POST');
      assert.equal((await events(page, 'lr-error')).length, 1);
      await clean(page);
    });

    it('B6-04: 429 without Retry-After waits 30 s; with an HTTP-date it waits until then; same message for a known account', async () => {
      const email = uniqueEmail('known');
      await stack.user(email, PASSWORD);
      const page = await open('login.html');
      await stack.faults([{ path: LOGIN, method: 'POST', status: 429, times: 1 }]);
      await fill(page, email);
      let t0 = await submit(page);
      assert.deepEqual((await nextEvent(page, 'lr-rate-limited', t0)).detail, { retryAfterSeconds: 30 });
      await failedLogin(page, t0, { kind: 'rate-limited', message: MSG.rateLimited, email, enabled: false });
      assert.match((await loginView(page)).status, /^You can try again in (30|29) seconds\.$/);

      const page2 = await open('login.html');
      await stack.faults([{ path: LOGIN, method: 'POST', status: 429, retryAfter: new Date(Date.now() + 3000).toUTCString(), times: 1 }]);
      await fill(page2, email);
      t0 = await submit(page2);
      const s = (await nextEvent(page2, 'lr-rate-limited', t0)).detail.retryAfterSeconds;
      assert.ok(s >= 1 && s <= 4, `HTTP-date Retry-After read as ${s} s`);
      await failedLogin(page2, t0, { kind: 'rate-limited', message: MSG.rateLimited, email, enabled: false });
    });

    it('B6-05: double click, double Enter and submit-while-busy each send exactly one request', async () => {
      const email = uniqueEmail('double');
      await stack.user(email, PASSWORD);
      const page = await open('login.html');
      await fill(page, email);
      await stack.clearRequests();
      const posts = async () => (await stack.requests('POST', LOGIN)).length;

      // 1. Two clicks in the same task.
      await stack.faults([{ path: LOGIN, method: 'POST', status: 500, delayMs: 500, times: 1 }]);
      let t0 = await pageNow(page);
      const during = await page.evaluate(async () => {
        const b = document.querySelector('lr-login .lr-form__submit');
        b.click();
        b.click();
        await document.querySelector('lr-login').updateComplete;
        return { disabled: b.disabled, busy: document.querySelector('lr-login form').getAttribute('aria-busy') };
      });
      assert.deepEqual(during, { disabled: true, busy: 'true' });
      await failedLogin(page, t0, { kind: 'server', message: MSG.server, email });
      assert.equal(await posts(), 1);

      // 2. Enter pressed twice in the password field.
      await stack.faults([{ path: LOGIN, method: 'POST', status: 500, delayMs: 500, times: 1 }]);
      t0 = await pageNow(page);
      await page.focus('lr-login input[name=password]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await failedLogin(page, t0, { kind: 'server', message: MSG.server, email });
      assert.equal(await posts(), 2);
      assert.equal((await events(page, 'lr-error')).length, 2, 'one failure event per action');

      // 3. Submit again (click, Enter, requestSubmit) while the request is in flight; this one succeeds.
      await stack.faults([{ path: LOGIN, method: 'POST', delayMs: 500, times: 1 }]);
      t0 = await submit(page);
      await page.evaluate(() => document.querySelector('lr-login form')?.requestSubmit());
      await page.keyboard.press('Enter');
      await page.evaluate(() => document.querySelector('lr-login .lr-form__submit')?.click());
      await nextEvent(page, 'lr-logged-in', t0);
      await sleep(300);
      assert.equal(await posts(), 3);
      assert.equal((await events(page, 'lr-logged-in')).length, 1, 'one success event');
      assert.equal((await events(page, 'lr-error')).length, 2);
      await clean(page);
    });

    it('B6-06: token revoked mid-session, then save: lr-session-expired once, edits kept, no retry or loop, other tab follows, save works after signing in again', async () => {
      const { email, record, token: tok } = await account('revoked');
      const a = await openWithSession('profile.html', record);
      const b = await ctx.newPage();
      await b.goto(stack.url('profile.html'));
      for (const p of [a, b]) await p.waitForSelector('lr-profile-editor input[name=FirstName]', { timeout: 5000 });
      await a.bringToFront();
      await a.$eval('lr-profile-editor input[name=FirstName]', (e) => { e.value = ''; });
      await a.type('lr-profile-editor input[name=FirstName]', 'Grace');
      assert.deepEqual(await stack.revoke(tok), { IsPosted: true }); // server side, behind the page's back
      await stack.clearRequests();
      const t0 = await pageNow(a);
      await a.click('lr-profile-editor .lr-profile__save');
      const expired = await nextEvent(a, 'lr-session-expired', t0);
      await sleep(1200); // room for a retry or a loop to show up
      const sent = await stack.requests();
      assert.deepEqual(sent.map((r) => `${r.Method} ${r.Url.split('?')[0]}`), [`PUT ${ACCOUNT}`], 'one save, no retry with the same token, no loop');
      const perTag = (await events(a, 'lr-session-expired')).map((e) => e.tag).sort();
      assert.deepEqual(perTag, ['lr-login', 'lr-profile-editor'], 'lr-session-expired once per element');
      const err = (await events(a, 'lr-error')).find((e) => e.tag === 'lr-profile-editor');
      assert.equal(err.detail.kind, 'api');
      assert.ok([905, 906].includes(err.detail.code), JSON.stringify(err.detail));
      assert.equal(err.detail.message, MSG.profileExpired);
      // The edits stay on screen with a "sign in again" message; the sign-in form is back.
      assert.equal(await a.$eval('lr-profile-editor input[name=FirstName]', (e) => e.value), 'Grace');
      assert.equal(await a.$eval('lr-profile-editor [role=alert]', (e) => e.textContent.trim()), MSG.profileExpired);
      const v = await loginView(a);
      assert.equal(v.state, 'anonymous');
      assert.equal(v.status, MSG.sessionExpired);
      assert.equal(v.email, '');
      await nothingStored(a);
      // The other tab follows (B2-02).
      const outB = await nextEvent(b, 'lr-logged-out', 0);
      assert.deepEqual(outB.detail, { reason: 'other-tab' });
      assert.ok(outB.at - expired.at <= 1000, `tab B followed after ${Math.round(outB.at - expired.at)} ms`);
      await b.waitForSelector('lr-login[session-state="anonymous"]', { timeout: 2000 });
      assert.ok(!(await b.evaluate(() => document.body.innerText)).includes(email));
      await clean(a);
      await clean(b);

      // Signing in again as the same user keeps the edits; saving them now works.
      await a.type('lr-login input[name=email]', email);
      await a.type('lr-login input[name=password]', PASSWORD);
      await a.click('lr-login .lr-form__submit');
      await a.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 5000 });
      await a.waitForFunction(() => !document.querySelector('lr-profile-editor .lr-profile__save')?.disabled, { timeout: 5000, ...poll });
      assert.equal(await a.$eval('lr-profile-editor input[name=FirstName]', (e) => e.value), 'Grace');
      const t1 = await pageNow(a);
      await a.click('lr-profile-editor .lr-profile__save');
      const updated = await nextEvent(a, 'lr-profile-updated', t1);
      assert.equal(updated.detail.profile.FirstName, 'Grace');
      await clean(a);
    });

    it('B6-07a/B2-04: no window.indexedDB: lr-storage-unavailable {unsupported} once, sign-in works in memory', async () => {
      const page = await open('login.html', () => {
        delete window.indexedDB;
        if (window.indexedDB) Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      });
      assert.equal(await page.evaluate(() => typeof indexedDB), 'undefined');
      await storageFallback(page, 'unsupported', true);
    });

    it('B6-07b/B2-04: indexedDB.open fails (InvalidStateError): a fresh store is tried again, then memory; event once', async () => {
      const page = await open('login.html', () => {
        window.__opens = 0;
        const fail = () => {
          window.__opens++;
          const req = { result: undefined, error: new DOMException('simulated', 'InvalidStateError'), readyState: 'pending' };
          setTimeout(() => req.onerror?.(new Event('error')));
          return req;
        };
        Object.defineProperty(indexedDB, 'open', { value: fail, configurable: true, writable: true });
      });
      await storageFallback(page, 'error', true);
      assert.ok((await page.evaluate(() => window.__opens)) >= 2, 'a new store (a new open) is tried after the first failure');
    });

    it('B6-07c/B2-04: QuotaExceededError on put: the token stays in memory, lr-storage-unavailable {quota} once', async () => {
      const page = await open('login.html', () => {
        Object.defineProperty(IDBObjectStore.prototype, 'put', {
          value() { throw new DOMException('simulated', 'QuotaExceededError'); }, configurable: true, writable: true,
        });
      });
      await storageFallback(page, 'quota', false);
    });

    it('B6-07d: an IndexedDB connection closed mid-session is reopened transparently', async () => {
      const email = uniqueEmail('reopen');
      await stack.user(email, PASSWORD);
      const page = await open('login.html', () => {
        window.__dbs = [];
        const open = indexedDB.open;
        Object.defineProperty(indexedDB, 'open', {
          configurable: true, writable: true,
          value(...args) {
            const req = open.apply(this, args);
            req.addEventListener('success', () => window.__dbs.push(req.result));
            return req;
          },
        });
      });
      await fill(page, email);
      await submit(page);
      await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 5000 });
      const first = await token(page);
      assert.equal((await stack.storedSession(page))?.token, first);
      // Close every connection behind the core's back (as Safari sometimes does).
      assert.ok((await page.evaluate(() => { window.__dbs.forEach((d) => d.close()); return window.__dbs.length; })) >= 1);
      await page.click('lr-login .lr-login__sign-out');
      await page.waitForSelector('lr-login[session-state="anonymous"]', { timeout: 5000 });
      await sleep(200);
      assert.equal(await stack.storedSession(page), undefined, 'sign-out reached IndexedDB through a new connection');
      await fill(page, email);
      await submit(page);
      await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 5000 });
      const second = await token(page);
      assert.equal((await stack.storedSession(page))?.token, second);
      assert.equal((await events(page, 'lr-storage-unavailable')).length, 0);
      await clean(page);
    });

    it('B6-08: a fresh profile (purged storage): clean signed-out state, no error, no validate request', async () => {
      await stack.clearRequests();
      const page = await open('login.html');
      const changed = await nextEvent(page, 'lr-session-changed', 0);
      assert.deepEqual(changed.detail, { state: 'anonymous', source: 'load' });
      await sleep(200);
      assert.equal((await stack.requests()).length, 0, 'no request at all');
      const all = (await events(page)).map((e) => e.type);
      assert.deepEqual(all, ['lr-session-changed']);
      const v = await loginView(page);
      assert.equal(v.alert, '');
      assert.equal(v.email, '');
      await nothingStored(page);
      await clean(page);
    });

    describe('B6-09: clock skew: the server decides whether the session is valid', () => {
      /** Shifts the page's Date by `ms` before any script runs. */
      const skew = (ms) => {
        const Real = Date;
        class Skewed extends Real {
          constructor(...a) { if (a.length) super(...a); else super(Real.now() + ms); }
          static now() { return Real.now() + ms; }
        }
        window.Date = Skewed;
      };

      it('browser clock 2 h ahead (the stored expiry looks past): signed in after one validate', async () => {
        const { record } = await account('ahead', { validatedAt: Date.now() - 10000 });
        await stack.clearRequests();
        const page = await openWithSession('login.html', record, skew, 2 * 3600e3);
        assert.ok((await page.evaluate(() => Date.now())) - Date.now() > 3600e3, 'the page clock is skewed');
        await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 5000 });
        assert.equal((await stack.requests('GET', VALIDATE)).length, 1);
        assert.equal(await token(page), record.token);
        await clean(page);
      });

      it('browser clock 2 h behind with a revoked token: the server says invalid, so signed out', async () => {
        const { record, token: tok } = await account('behind', { validatedAt: Date.now() - 10000 });
        await stack.revoke(tok);
        await stack.clearRequests();
        const page = await openWithSession('login.html', record, skew, -2 * 3600e3);
        assert.ok(Date.now() - (await page.evaluate(() => Date.now())) > 3600e3, 'the page clock is skewed');
        const validates = (await stack.requests('GET', VALIDATE)).length;
        const state = await page.$eval('lr-login', (e) => e.getAttribute('session-state'));
        assert.equal(validates, 1, `validate requests: ${validates} (state ${state}): a validatedAt "in the future" was trusted as fresh`);
        assert.equal(state, 'anonymous');
        await nothingStored(page);
        await clean(page);
      });

      it('server clock 2 h behind (token expiry in the browser past) keeps the session; 2 h ahead expires it', async () => {
        await stack.control('config', 'PUT', { clockOffsetSeconds: -7200 });
        const behind = await account('srvbehind');
        assert.ok(Date.parse(behind.record.expiresAt) < Date.now(), 'the token expiry is in the local past');
        await stack.clearRequests();
        let page = await openWithSession('login.html', behind.record);
        assert.equal(await page.$eval('lr-login', (e) => e.getAttribute('session-state')), 'authenticated');
        assert.equal((await stack.requests('GET', VALIDATE)).length, 1);
        await clean(page);

        await stack.control('config', 'PUT', { clockOffsetSeconds: 0 });
        const ahead = await account('srvahead');
        await stack.control('config', 'PUT', { clockOffsetSeconds: 7200 });
        page = await openWithSession('login.html', ahead.record);
        assert.equal(await page.$eval('lr-login', (e) => e.getAttribute('session-state')), 'anonymous');
        assert.equal((await events(page, 'lr-session-expired')).length, 1);
        await nothingStored(page);
        await clean(page);
      });
    });

    it('B6-10: malformed 200 answers to login ({}, [], invalid JSON, garbage, missing fields) fail generically and store nothing', async () => {
      const page = await open('login.html');
      const email = uniqueEmail('malformed');
      await fill(page, email);
      const bodies = ['malformed', 'empty', [], 'garbage', { Profile: { Uid: 'x' } }, { access_token: 'planted-token' },
        { access_token: '', Profile: { Uid: 'x' } }, null];
      for (const body of bodies) {
        await stack.faults([{ path: LOGIN, method: 'POST', status: 200, body, times: 1 }]);
        const t0 = await submit(page);
        await failedLogin(page, t0, { kind: 'server', message: MSG.server, email });
      }
      assert.equal((await events(page, 'lr-logged-in')).length, 0);
      assert.equal((await events(page, 'lr-session-changed')).length, 1, 'only the initial anonymous state');
    });
  });
}

/**
 * B6-07 / B2-04 common part: the page reports `reason` once (at load when `atLoad`, else at the first write),
 * still signs in (memory), keeps working across sign-out and sign-in, and never throws.
 */
async function storageFallback(page, reason, atLoad) {
  const email = uniqueEmail(`storage-${reason}`);
  await stack.user(email, PASSWORD);
  const v0 = await loginView(page);
  assert.equal(v0.state, 'anonymous');
  if (atLoad) assert.deepEqual((await nextEvent(page, 'lr-storage-unavailable', 0)).detail, { reason });
  else assert.equal((await events(page, 'lr-storage-unavailable')).length, 0, 'reads work: nothing to report at load');
  await fill(page, email);
  await submit(page);
  await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 5000 });
  const t = await token(page);
  assert.equal(typeof t, 'string');
  assert.deepEqual((await nextEvent(page, 'lr-storage-unavailable', 0)).detail, { reason });
  if (reason === 'quota') assert.equal(await stack.storedSession(page), undefined, 'the token lives in memory only');
  // Keeps working until reload: sign out and in again, still one report.
  await page.click('lr-login .lr-login__sign-out');
  await page.waitForSelector('lr-login[session-state="anonymous"]', { timeout: 5000 });
  assert.equal(await token(page), undefined);
  await fill(page, email);
  await submit(page);
  await page.waitForSelector('lr-login[session-state="authenticated"]', { timeout: 5000 });
  assert.equal(typeof (await token(page)), 'string');
  assert.equal((await events(page, 'lr-storage-unavailable')).length, 1, 'lr-storage-unavailable exactly once');
  assert.equal((await events(page, 'lr-error')).length, 0);
  const g = await guard(page);
  assert.deepEqual(g.unhandled, []);
  assert.deepEqual(g.errors, []);
}
