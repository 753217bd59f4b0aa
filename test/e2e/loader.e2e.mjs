// End to end: the BUILT CDN folder from a sub-path (/cdn/v1/), under the strict CSP + Trusted Types policy, in
// Chromium, Firefox (puppeteer-core) and WebKit (WebDriver), against the emulator:
//   - the autoloader (lr-elements.js): a page with only <lr-login> renders styled and signs in with zero violations,
//     and downloads exactly the loader, its static imports, lr-login.js and the shared chunks lr-login.js imports
//     (announced by <link rel="modulepreload">) — never another element's chunk;
//   - tags that appear later, in the document or in open shadow roots (present at start or attached afterwards),
//     are loaded the first time they appear; `load(tag)` preloads and resolves to the class, and rejects clearly;
//   - the one-file bundle (lr-elements.bundle.js) signs in the same way, in one script request.
// Which files a page downloaded comes from the static server's own log (the same for every engine).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, guard, launch, startStack, startWebKit, webkitMissing, withPage as withFreshPage } from './harness.mjs';

const BASE = '/cdn/v1/';
const TAGS = ['lr-login', 'lr-register', 'lr-profile-editor', 'lr-email-manager', 'lr-email-link', 'lr-mfa-settings'];
const PASSWORD = 'correct horse battery';

let stack;
/** The files of the CDN folder that `file` imports statically, directly or further down (from the built code). */
function closure(file, seen = new Set()) {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const [, spec] of stack.cdnFiles.get(file).matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    const dep = new URL(spec, `http://x/${dir}`).pathname.slice(1);
    if (!seen.has(dep)) closure(dep, seen.add(dep));
  }
  return seen;
}
/** What a page with only <lr-login> must download from the CDN folder, and nothing else. */
const loginOnly = () => new Set(['lr-elements.js', ...closure('lr-elements.js'), 'lr-login.js', ...closure('lr-login.js')]);
/** The chunks `file` imports dynamically (lazily loaded steps), as paths inside the CDN folder. */
function lazyChunks(file) {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [...stack.cdnFiles.get(file).matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map(([, spec]) => new URL(spec, `http://x/${dir}`).pathname.slice(1));
}
/** The session keep-alive (src/core/keep-alive.ts): a chunk the core imports dynamically once a session is signed in. */
const keepAliveChunk = () => lazyChunks([...closure('lr-elements.js')].find((f) => /^chunks\/core-/.test(f))).find((f) => /^chunks\/keep-alive-/.test(f));
/** The forgot-password step of <lr-login> (src/elements/lr-login/forgot.ts), a chunk of its own. */
const forgotChunk = () => lazyChunks('lr-login.js').find((f) => /^chunks\/forgot-/.test(f));
/** The `<link rel="modulepreload">` hints `tags`' chunks need: what they import that the loader's imports do not bring. */
const preloadsOf = (tags) => [...new Set(tags.flatMap((t) => [...closure(`${t}.js`)]))].filter((f) => !closure('lr-elements.js').has(f)).map((f) => `${BASE}${f}`);
/** The paths of the page's `<link rel="modulepreload">` hints. */
const modulepreloads = (page) => page.$$eval('link[rel=modulepreload]', (ls) => ls.map((l) => new URL(l.href).pathname));
/** The CDN files the static server sent since the last reset (path inside the CDN folder). */
const downloaded = () => new Set(stack.served.filter((p) => p.startsWith(BASE) && p.endsWith('.js')).map((p) => p.slice(BASE.length)));
/** Waits (up to 10 s) until the static server has sent each of `files` (a module the page imports dynamically). */
async function untilServed(files) {
  for (let t = Date.now(); files.some((f) => !downloaded().has(f)) && Date.now() - t < 10000; ) await new Promise((ok) => setTimeout(ok, 50));
}

before(async () => {
  stack = await startStack();
  const login = `<section aria-labelledby="h"><h2 id="h">Sign in</h2><lr-login ${stack.attrs}></lr-login></section>`;
  stack.page('loader-login.html', login, { title: 'Loader', src: `${BASE}lr-elements.js` });
  stack.page('bundle-login.html', login, { title: 'Bundle', src: `${BASE}lr-elements.bundle.js` });
  // A shadow root that exists before the loader runs (a classic script in the body runs during parsing).
  stack.file('/early-shadow.js', 'text/javascript', `document.getElementById('early').attachShadow({ mode: 'open' })
    .append(Object.assign(document.createElement('lr-email-manager'), { apikey: ${JSON.stringify(stack.apiKey)}, apiBase: ${JSON.stringify(stack.apiBase)} }));`);
  stack.page('loader-late.html', `<div id="early"></div><script src="/early-shadow.js"></script>`, { title: 'Loader, late tags', src: `${BASE}lr-elements.js` });
});
after(async () => { await stack?.close(); });

describe('CDN folder', () => {
  it('the loader is small and imports only shared chunks; each element chunk keeps its tag name', () => {
    for (const tag of TAGS) assert.ok(stack.cdnFiles.has(`${tag}.js`), `${tag}.js in the CDN folder`);
    for (const dep of closure('lr-elements.js')) assert.match(dep, /^chunks\//, 'the loader imports no element chunk statically');
    for (const tag of TAGS) assert.ok(!closure(`${tag}.js`).has(`${TAGS.find((t) => t !== tag)}.js`), `${tag}.js imports no other element`);
    assert.ok(!closure('lr-elements.bundle.js').size, 'the bundle is one file');
  });
});

for (const engine of ENGINES) {
  describe(`CDN loader and bundle on the strict CSP + Trusted Types page (${engine.name})`, () => {
    let browser;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });

    /** A fresh browser context's page, with the server's file log and the CSP reports emptied. */
    const withPage = (fn) => {
      stack.served.length = 0;
      stack.reports.length = 0;
      return withFreshPage(browser, fn);
    };
    async function assertClean(page) {
      const g = await guard(page);
      assert.deepEqual({ violations: g.violations, unhandled: g.unhandled, errors: g.errors, reports: stack.reports }, { violations: [], unhandled: [], errors: [], reports: [] });
    }
    async function signIn(page, email) {
      await page.waitForSelector('lr-login input[autocomplete="current-password"]', { timeout: 15000 });
      assert.equal(await page.$eval('lr-login .lr-form', (f) => getComputedStyle(f).display), 'grid', 'styles apply');
      await page.type('lr-login input[autocomplete~="username"]', email);
      await page.type('lr-login input[autocomplete="current-password"]', PASSWORD);
      await page.click('lr-login .lr-form__submit');
      await page.waitForSelector('lr-login[session-state="authenticated"] .lr-login__who', { timeout: 15000 });
    }

    it('loader: <lr-login> alone signs in with zero violations and downloads only its own chunks', () => withPage(async (page) => {
      const email = `loader-${engine.name}-${Date.now()}@example.com`;
      await stack.user(email);
      await page.goto(stack.url('loader-login.html'));
      await page.waitForSelector('lr-login[session-state="anonymous"]', { timeout: 15000 });
      assert.ok(keepAliveChunk(), 'the keep-alive is a chunk the core imports dynamically');
      assert.ok(!downloaded().has(keepAliveChunk()), 'no keep-alive while signed out');
      await signIn(page, email);
      await assertClean(page);
      // Signed in: the keep-alive follows (issue 14), and nothing else.
      await untilServed([keepAliveChunk()]);
      assert.deepEqual([...downloaded()].sort(), [...loginOnly(), keepAliveChunk()].sort());
      for (const tag of TAGS.slice(1)) assert.ok(!downloaded().has(`${tag}.js`), `${tag}.js was requested`);
      // The lazily loaded steps it never met (forgot password, lockout, passwordless, MFA, resend): none was requested.
      assert.ok(forgotChunk(), 'the forgot-password step is a chunk lr-login.js imports dynamically');
      // Imported dynamically by a file of the login page (lr-login.js, or the core chunk, which holds the
      // second-factor glue that imports the MFA step), the keep-alive and lr-login.js itself aside.
      const steps = [...new Set([...loginOnly()].flatMap(lazyChunks))].filter((f) => !loginOnly().has(f) && f !== keepAliveChunk());
      for (const step of ['forgot', 'lockout', 'passwordless', 'step']) {
        assert.ok(steps.some((f) => f.startsWith(`chunks/${step}-`)), `lr-login's forgot-password, lockout, passwordless and MFA steps are imported dynamically (${step}): ${steps}`);
      }
      for (const lazy of steps) assert.ok(!downloaded().has(lazy), `${lazy} was requested`);
      // The shared chunks of lr-login.js were announced with modulepreload, next to the loader's own URL: exactly
      // those lr-login.js imports that the loader's own imports do not already bring (none, when the core chunk
      // holds all it shares; the page with the email manager below sees one).
      assert.deepEqual((await modulepreloads(page)).sort(), preloadsOf(['lr-login']).sort());
    }));

    it('loader: "Forgot password?" loads its step on first use; a failed download says so, without an unhandled rejection', () => withPage(async (page) => {
      await page.goto(stack.url('loader-login.html'));
      await page.waitForSelector('lr-login[session-state="anonymous"] .lr-login__forgot', { timeout: 15000 });
      assert.ok(!downloaded().has(forgotChunk()), 'not before the click');
      stack.failOnce(forgotChunk());
      await page.click('lr-login .lr-login__forgot');
      await page.waitForFunction(() => document.querySelector('lr-login .lr-form__alert')?.textContent.includes('Something went wrong'), { timeout: 15000, polling: 50 });
      assert.equal(await page.$('lr-login .lr-login__forgot-form'), null, 'still the sign-in form');
      assert.equal(await page.$eval('lr-login .lr-login__form', (f) => f.getAttribute('aria-busy')), 'false', 'no longer busy');
      assert.equal(await page.$eval('lr-login .lr-login__form .lr-message', (m) => m.textContent.trim()), 'Something went wrong. Please try again.', 'said at the form');
      // The next click tries again. Chromium fetches the chunk again and opens the step; Firefox keeps a failed
      // module fetch for the life of the page, so there the same error is said again (a reload fixes it).
      await page.click('lr-login .lr-login__forgot');
      if (engine.name === 'chromium') {
        await page.waitForSelector('lr-login .lr-login__forgot-form input[name=email]', { timeout: 15000 });
        assert.equal(await page.evaluate(() => document.activeElement?.matches('lr-login .lr-login__forgot-form input[name=email]')), true, 'focus moved to the step');
      } else {
        await page.waitForFunction(() => document.querySelector('lr-login .lr-login__forgot-form') || window.__lr.events.filter((e) => e.type === 'lr-error').length === 2, { timeout: 15000, polling: 50 });
      }
      const g = await guard(page);
      assert.deepEqual({ violations: g.violations, unhandled: g.unhandled, errors: g.errors, reports: stack.reports }, { violations: [], unhandled: [], errors: [], reports: [] });
      const errors = g.events.filter((e) => e.type === 'lr-error').map((e) => JSON.parse(e.detail));
      assert.equal(errors[0]?.kind, 'server', 'the failed download is reported as lr-error');
      assert.equal(errors[0]?.message, 'Something went wrong. Please try again.');
    }));

    it('loader: tags in shadow roots (present at start or attached later) and added later load on first sight; load() resolves and rejects clearly', () => withPage(async (page) => {
      await page.goto(stack.url('loader-late.html'));
      // The shadow root that existed before the loader ran.
      await page.waitForFunction(() => document.getElementById('early').shadowRoot.querySelector('lr-email-manager')?.matches(':defined'), { timeout: 15000 });
      assert.deepEqual([...downloaded()].filter((f) => TAGS.includes(f.replace(/\.js$/, ''))), ['lr-email-manager.js']);
      const seen = await page.evaluate(async (base, attrs) => {
        const add = (root, tag) => root.append(Object.assign(document.createElement(tag), attrs));
        // A shadow root attached after the loader started, filled afterwards, then connected.
        const host = document.createElement('div');
        const root = host.attachShadow({ mode: 'open' });
        document.body.append(host);
        add(root, 'lr-profile-editor');
        // A tag added to the document itself.
        add(document.body, 'lr-register');
        const m = await import(`${base}lr-elements.js`);
        const defined = await Promise.all(['lr-profile-editor', 'lr-register'].map((t) => customElements.whenDefined(t).then(() => t)));
        const cls = await m.load('lr-email-link');
        const wrong = await m.load('lr-nope').then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
        // The SOTT helpers of the page-wide API load their module on first call (it is in no chunk the loader imports).
        const sott = [await m.getSott({ sott: 'fixed' }, 1000), await m.fromHost(() => 'from-host'),
          await m.fromHost(() => { throw new Error('x'); }).catch((e) => e instanceof m.HostSourceError && e instanceof m.LrError)];
        return { sott, defined, same: cls === customElements.get('lr-email-link'), wrong, upgraded: root.querySelector('lr-profile-editor') instanceof customElements.get('lr-profile-editor') };
      }, BASE, { apikey: stack.apiKey, apiBase: stack.apiBase });
      assert.deepEqual(seen.sott, ['fixed', 'from-host', true]);
      assert.deepEqual(seen.defined, ['lr-profile-editor', 'lr-register']);
      assert.ok(seen.upgraded, 'the element in the shadow root is upgraded');
      assert.ok(seen.same, 'load() resolves to the defined class');
      assert.match(seen.wrong, /^TypeError: lr-elements: <lr-nope> is not an element of this library/);
      assert.deepEqual([...downloaded()].filter((f) => TAGS.includes(f.replace(/\.js$/, ''))).sort(), ['lr-email-link.js', 'lr-email-manager.js', 'lr-profile-editor.js', 'lr-register.js']);
      // The shared chunks of those element chunks that the loader's own imports do not bring (the signed-in chunk of
      // the email manager and profile editor at least) were announced with modulepreload, each once.
      const expected = preloadsOf(['lr-email-manager', 'lr-profile-editor', 'lr-register', 'lr-email-link']);
      assert.ok(expected.length > 0, 'an element chunk imports a shared chunk the loader does not');
      assert.deepEqual((await modulepreloads(page)).sort(), expected.sort());
      await assertClean(page);
    }));

    it('bundle: <lr-login> signs in with zero violations from one script file', () => withPage(async (page) => {
      const email = `bundle-${engine.name}-${Date.now()}@example.com`;
      await stack.user(email);
      await page.goto(stack.url('bundle-login.html'));
      await signIn(page, email);
      await assertClean(page);
      assert.deepEqual([...downloaded()], ['lr-elements.bundle.js']);
    }));
  });
}

describe('CDN loader and bundle on the strict CSP + Trusted Types page (webkit)', { skip: webkitMissing.length ? `not installed: ${webkitMissing.join(', ')}` : false }, () => {
  let wk;
  before(async () => { wk = await startWebKit(); });
  after(async () => { await wk?.close(); });

  // The loader's page downloads the keep-alive once signed in (issue 14); the bundle has it inside.
  for (const [file, page, expected, signedIn] of [['loader', 'loader-login.html', loginOnly, () => [keepAliveChunk()]], ['bundle', 'bundle-login.html', () => new Set(['lr-elements.bundle.js']), () => []]]) {
    it(`${file}: <lr-login> signs in with zero violations and downloads only ${file === 'loader' ? 'its own chunks' : 'the bundle'}`, { timeout: 90000 }, async () => {
      const { wd, exec, waitFor, element, type, enter } = wk;
      const email = `${file}-webkit-${Date.now()}@example.com`;
      await stack.user(email);
      stack.served.length = 0;
      stack.reports.length = 0;
      await wd.navigateTo(stack.url(page));
      await waitFor('lr-login[session-state="anonymous"] input[autocomplete="current-password"]');
      assert.deepEqual([...downloaded()].sort(), [...expected()].sort(), 'signed out');
      assert.equal(await exec(() => getComputedStyle(document.querySelector('lr-login .lr-form')).display), 'grid', 'styles apply');
      await type('lr-login input[autocomplete~="username"]', email);
      await type('lr-login input[autocomplete="current-password"]', PASSWORD);
      await enter('lr-login input[autocomplete="current-password"]');
      await waitFor('lr-login[session-state="authenticated"] .lr-login__who');
      await new Promise((r) => setTimeout(r, 150));
      const g = await exec(() => window.__lr);
      assert.deepEqual({ violations: g.violations, unhandled: g.unhandled, errors: g.errors, reports: stack.reports }, { violations: [], unhandled: [], errors: [], reports: [] });
      await untilServed(signedIn());
      assert.deepEqual([...downloaded()].sort(), [...expected(), ...signedIn()].sort(), 'signed in');
      // One WebKit profile serves both tests: sign out so the next page starts signed out.
      await wd.elementClick(await element('lr-login .lr-login__sign-out'));
      await waitFor('lr-login[session-state="anonymous"]');
    });
  }
});
