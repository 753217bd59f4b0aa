// End to end: a new user's walk through the demo of `npm start`. The REAL stack (tools/start.ts: the embedded
// emulator, the demo-only backend and the Vite dev server for demo/) runs as a child process; Debian's browsers
// (puppeteer-core) do what a new user would: register (SOTT from /demo-api/sott), open the verification link from
// the demo's outbox panel (demo/link.html), come back signed in, sign out and sign in with <lr-login>, edit the
// profile, add and remove an email address, change the password, switch to the dark theme and sign out; then the
// theme and language survive a reload, and "Reset emulator" asks first and leaves every element signed out.
// The demo's own guidance is checked on the way: the "Start here" steps (current / done), the outbox's states
// (empty, newest first, new highlighted, opened links marked) and the reset confirmation.
// Every step asserts what the user sees (status texts, session-state attributes, the demo's event log, the outbox
// panel), that no lr-error was logged, and that the page had no uncaught error or unhandled rejection; each step
// saves a full-page screenshot to e2e-out/walk/<engine>/NN-<step>.png, and the steps that show the demo's own parts
// one in the other theme too (NN-<step>-dark.png or -light.png) and run axe-core (WCAG 2.2 AA) in both themes.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_API_SECRET } from '../../emulator/defaults.ts';
import { ENGINES, launch } from './harness.mjs';

const OUT = join('e2e-out', 'walk');
const PASSWORD = 'Walk-the-demo-1st';
const NEW_PASSWORD = 'Walk-the-demo-2nd';
const STEP_TIMEOUT = 20_000;
/** The API secret npm start gets from its environment (LR_API_SECRET), never from its command line. */
const SECRET = `walk-${randomUUID()}`;
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A port that was free a moment ago (Vite moves on by itself if it is taken meanwhile). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------------------------------- the npm start stack
let child;
let output = '';
let demoUrl = '';
let apiBase = '';
let apiKey = '';

/** Kills the whole process group of the stack (start.ts, Vite, esbuild). */
function killGroup(signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}
process.on('exit', () => killGroup('SIGKILL')); // last resort if the runner dies before `after`

before(async () => {
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'tools/start.ts'], {
    cwd: process.cwd(),
    // EMULATOR_PORT=0: start.ts listens on a free port of the system's choice (never the shared 8787).
    env: { ...process.env, PORT: String(port), EMULATOR_PORT: '0', LR_API_SECRET: SECRET, FORCE_COLOR: '0', NO_COLOR: '1', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 45 s:\n${output}`)), 45_000);
    const check = () => {
      const demo = /lr-elements demo:\s+(http\S+)/.exec(output);
      const emu = /emulator:\s+(http\S+)\s+\(apikey (\S+)\)/.exec(output);
      if (demo && emu) {
        clearTimeout(timer);
        [demoUrl, apiBase, apiKey] = [demo[1], emu[1], emu[2]];
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code, sig) => { clearTimeout(timer); reject(new Error(`npm start exited (${code ?? sig}):\n${output}`)); });
  });
});

after(async () => {
  if (!child) return;
  const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
  killGroup('SIGTERM'); // start.ts closes Vite and the emulator on SIGTERM
  const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  killGroup('SIGKILL'); // anything of the group that outlived start.ts
});

/** The emulator's login API, called from Node (as a second client would). */
async function apiLogin(email, password) {
  const r = await fetch(`${apiBase}/identity/v2/auth/login?apikey=${apiKey}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  return r.json();
}

// -------------------------------------------------------------------------------------------------- page helpers
/** Waits until the text of `sel` (first match) contains `text`. */
function waitText(page, sel, text, timeout = STEP_TIMEOUT) {
  return page.waitForFunction(
    (s, t) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').includes(t),
    { timeout, polling: 100 }, sel, text,
  ).catch(async (err) => {
    const now = await page.evaluate((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '(none)', sel).catch(() => '?');
    throw new Error(`waiting for ${sel} to contain "${text}"; it says "${now}" (${err.message})`);
  });
}

/** Waits until one `li` of the demo's event log contains every one of `parts`. */
function waitLog(page, ...parts) {
  return page.waitForFunction(
    (ps) => [...document.querySelectorAll('#log li')].some((li) => ps.every((p) => li.textContent.includes(p))),
    { timeout: STEP_TIMEOUT, polling: 100 }, parts,
  ).catch(async (err) => {
    throw new Error(`event log has no entry with ${JSON.stringify(parts)}:\n${(await logLines(page)).join('\n')}\n(${err.message})`);
  });
}

/** Signs out with the demo's <lr-login> and checks what every element shows afterwards. */
async function signOut(page) {
  await click(page, '#login .lr-login__sign-out');
  await waitState(page, 'anonymous', DEMO_ELEMENTS);
  await waitText(page, '#login [role="status"]', 'You have signed out.');
  await waitLog(page, 'login lr-logged-out', '{"reason":"user"}');
  await waitText(page, '#profile', 'Sign in to see and edit your profile.');
  await waitText(page, '#emails', 'Sign in to manage your email addresses.');
}

const logLines = (page) => page.$$eval('#log li', (lis) => lis.map((li) => li.textContent));

/** The "Start here" strip: which step is current (1-3) and which are done. */
const startSteps = (page) => page.$$eval('#start .step', (lis) => ({
  current: lis.findIndex((li) => li.getAttribute('aria-current') === 'step') + 1,
  done: lis.map((li, i) => (li.classList.contains('is-done') ? i + 1 : 0)).filter(Boolean),
}));

/** Waits until the "Start here" strip shows `current` as the current step and `done` as done. */
async function waitSteps(page, current, done) {
  await page.waitForFunction((c, d) => {
    const lis = [...document.querySelectorAll('#start .step')];
    return lis[c - 1]?.getAttribute('aria-current') === 'step'
      && lis.every((li, i) => li.classList.contains('is-done') === d.includes(i + 1));
  }, { timeout: STEP_TIMEOUT, polling: 100 }, current, done).catch(async (err) => {
    throw new Error(`Start here: want step ${current} current and ${JSON.stringify(done)} done; it shows ${JSON.stringify(await startSteps(page))} (${err.message})`);
  });
}

/** The outbox panel as the user sees it: the entries (newest first) with their marks, and the empty state. */
const outboxView = (page) => page.evaluate(() => ({
  empty: !document.querySelector('#outbox-empty').hidden,
  count: document.querySelector('#outbox-count').textContent,
  items: [...document.querySelectorAll('#outbox li')].map((li) => ({
    text: li.textContent.replace(/\s+/g, ' ').trim(),
    isNew: li.classList.contains('is-new') && !!li.querySelector('.badge--new'),
    opened: li.classList.contains('is-opened') && li.querySelector('.badge--opened')?.textContent === 'link opened',
  })),
}));

/** axe-core (WCAG 2.2 AA, colour contrast included) on the whole demo page: zero violations. */
async function axeClean(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate((tags) => axe.run(document, { runOnly: tags }).then((r) =>
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(' | ')}`)), AXE_TAGS);
  assert.deepEqual(violations, [], `axe (${where})`);
}

/** Lets the elements' colour transitions finish (measure or photograph settled colours). */
const settle = (page) => page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));

/** Waits for every listed element to reflect `session-state="<state>"`. */
async function waitState(page, state, ids) {
  for (const id of ids) await page.waitForSelector(`#${id}[session-state="${state}"]`, { timeout: STEP_TIMEOUT });
}

/** Clears an input and types like a user. */
/**
 * Clicks `sel` as a user would, once it is visible, enabled and standing still (a locator click): the demo's event
 * log and outbox grow beside the elements while a step settles, and a click aimed before such a shift can land off
 * its button (one was lost that way under load).
 */
const click = (page, sel) => page.locator(sel).setTimeout(STEP_TIMEOUT).click();

async function fill(page, sel, value) {
  await page.waitForSelector(sel, { timeout: STEP_TIMEOUT });
  await page.$eval(sel, (el) => { el.value = ''; el.focus(); });
  await page.type(sel, value);
  assert.equal(await page.$eval(sel, (el) => el.value), value, `typed value of ${sel}`);
}

/** The first element of `sel` whose text contains `text` (an ElementHandle), or fails. */
async function byText(page, sel, text) {
  const h = await page.waitForFunction(
    (s, t) => [...document.querySelectorAll(s)].find((el) => el.textContent.replace(/\s+/g, ' ').includes(t)),
    { timeout: STEP_TIMEOUT, polling: 200 }, sel, text,
  );
  return h;
}

const DEMO_ELEMENTS = ['login', 'register', 'profile', 'emails', 'login-themed'];

// ------------------------------------------------------------------------------------------------------ the walk
it('npm start takes the API secret from LR_API_SECRET and puts none on a command line (ps)', async () => {
  const rows = execFileSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' }).split('\n')
    .filter((l) => l.trim().split(/\s+/)[0] === String(child.pid));
  assert.ok(rows.some((l) => l.includes('tools/start.ts')), `the stack's processes are listed:\n${rows.join('\n')}`);
  for (const row of rows) assert.ok(!row.includes(SECRET) && !row.includes(DEMO_API_SECRET), `no secret in: ${row}`);
  // The embedded emulator runs with the secret of the environment (the demo default no longer opens the Account API).
  const sott = (secret) => fetch(`${apiBase}/identity/v2/manage/account/sott?apikey=${apiKey}`, { headers: { 'X-LoginRadius-ApiSecret': secret } });
  assert.equal((await sott(SECRET)).status, 200);
  assert.notEqual((await sott(DEMO_API_SECRET)).status, 200);
});

for (const engine of ENGINES) {
  describe(`a new user's walk through the npm start demo (${engine.name})`, () => {
    const dir = join(OUT, engine.name);
    const stamp = Date.now().toString(36);
    const email = `walk-${engine.name}-${stamp}@example.com`;
    const second = `walk-${engine.name}-${stamp}-2@example.com`;
    const pageErrors = [];
    let browser;
    let page;
    let broken = false;
    let shot = 0;

    before(async () => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      // The engines share one npm start stack: each walk starts on an empty emulator, as a new user's does.
      await fetch(`${apiBase}/__emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      browser = await launch(engine);
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err?.message ?? err}`));
      // Unhandled rejections, recorded on every document (the walk crosses pages) and read before leaving one.
      await page.evaluateOnNewDocument(() => {
        window.__walk = { unhandled: [] };
        window.addEventListener('unhandledrejection', (e) => window.__walk.unhandled.push(String(e.reason?.stack ?? e.reason)));
      });
    });
    after(async () => { await browser?.close(); });

    /** Moves the page's recorded unhandled rejections to `pageErrors`. */
    async function collect() {
      const list = await page.evaluate(() => window.__walk?.unhandled.splice(0) ?? []).catch(() => []);
      for (const r of list) pageErrors.push(`unhandledrejection: ${r}`);
    }

    /** Photographs and axe-checks the page in the theme it is not in (set on the root for this only, not stored). */
    async function otherTheme(file) {
      const { other, before } = await page.evaluate(() => {
        const root = document.documentElement;
        const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
        const b = root.dataset.theme ?? '';
        root.dataset.theme = dark ? 'light' : 'dark';
        return { other: root.dataset.theme, before: b };
      });
      try {
        await settle(page);
        await page.screenshot({ path: file.replace(/\.png$/, `-${other}.png`), fullPage: true });
        await axeClean(page, `${other} theme`);
      } finally {
        await page.evaluate((b) => { if (b) document.documentElement.dataset.theme = b; else delete document.documentElement.dataset.theme; }, before);
        await settle(page);
      }
    }

    /** One step of the walk: skipped once an earlier step failed; ends clean, with a screenshot. */
    function step(name, fn, { themes = false } = {}) {
      it(name, { timeout: 40_000 }, async (t) => {
        if (broken) return t.skip('an earlier step failed');
        const file = join(dir, `${String(++shot).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
        try {
          await fn();
          await collect();
          assert.deepEqual(pageErrors, [], 'page errors / unhandled rejections');
          if (await page.$('#log')) {
            const errors = (await logLines(page)).filter((l) => l.includes(' lr-error '));
            assert.deepEqual(errors, [], 'lr-error in the event log');
          }
          // The steps that show the demo's own parts: axe-clean and photographed in both themes.
          if (themes) {
            await axeClean(page, 'this theme');
            await otherTheme(file);
          }
        } catch (err) {
          broken = true;
          err.message += `\n(screenshot: ${file})`;
          throw err;
        } finally {
          await page.screenshot({ path: file, fullPage: true }).catch((e) => t.diagnostic(`screenshot failed: ${e.message}`));
        }
      });
    }

    step('demo loads signed out', async () => {
      assert.equal(new URL(demoUrl).pathname, '/', `npm start prints the root URL: ${demoUrl}`);
      await page.goto(demoUrl, { waitUntil: 'load' });
      await waitState(page, 'anonymous', DEMO_ELEMENTS);
      // "Start here" says where to begin, and the outbox says it is empty (and why).
      await waitText(page, '#start', 'Start here');
      await waitSteps(page, 1, []);
      await waitText(page, '#outbox-empty', 'No emails yet.');
      assert.deepEqual(await outboxView(page), { empty: true, count: '', items: [] });
      // One heading per card: the demo's own above login/register, the element's own in profile/emails (none while
      // signed out), never two.
      const headings = await page.$$eval('main .card', (cards) => cards.map((c) => c.querySelectorAll('h2, h3, [role="heading"]').length));
      assert.ok(headings.every((n) => n <= 1), `headings per card: ${headings}`);
      await page.waitForSelector('#register input[name="email"]', { timeout: STEP_TIMEOUT });
      assert.equal(await page.$eval('#api-base', (el) => el.value), apiBase, 'the demo points at the embedded emulator');
      assert.equal(await page.$eval('#flow', (el) => el.disabled), false, 'emulator controls enabled');
      await waitText(page, '#profile', 'Sign in to see and edit your profile.');
      await waitText(page, '#emails', 'Sign in to manage your email addresses.');
      // The re-themed sign-in form really is re-themed (the demo's CSS custom properties reach the light DOM).
      const [plain, themed] = await page.$$eval('#login .lr-form__submit, #login-themed .lr-form__submit',
        (bs) => bs.map((b) => getComputedStyle(b).backgroundColor));
      assert.notEqual(plain, themed, 'the themed lr-login has its own accent colour');
    }, { themes: true });

    step('register', async () => {
      await fill(page, '#register input[name="FirstName"]', 'Ada');
      await fill(page, '#register input[name="LastName"]', 'Lovelace');
      await fill(page, '#register input[name="email"]', email);
      await fill(page, '#register input[name="password"]', PASSWORD);
      await click(page, '#register .lr-form__submit');
      await waitText(page, '#register .lr-register__done', `We sent a verification link to ${email}. Open it to finish creating your account.`);
      await waitLog(page, 'register lr-registered', `"email":"${email}"`, '"verificationRequired":true');
      assert.equal(await page.$('#register form'), null, 'the registration form has left the DOM');
      await waitState(page, 'anonymous', DEMO_ELEMENTS); // verification required: nobody is signed in yet
      await waitSteps(page, 2, [1]);
    });

    step('outbox lists the verification email', async () => {
      const li = await byText(page, '#outbox li', `to ${email}: Verify your email address`);
      const link = await li.evaluate((el) => {
        const a = el.querySelector('a');
        return a && { text: a.textContent, href: a.href };
      });
      assert.ok(link, 'the outbox entry has a link');
      assert.equal(link.text, 'open verification link');
      const href = new URL(link.href);
      assert.equal(href.origin + href.pathname, new URL('link.html', demoUrl).href, 'the link opens demo/link.html');
      assert.equal(href.searchParams.get('vtype'), 'emailverification');
      assert.ok(href.searchParams.get('vtoken'), 'the link carries a token');
      // It arrived while the page was open: highlighted as new; the empty state is gone, the heading counts it.
      const view = await outboxView(page);
      assert.equal(view.empty, false);
      assert.equal(view.count, '(1)');
      assert.equal(view.items.length, 1);
      assert.equal(view.items[0].isNew, true, 'the new email is highlighted');
      assert.equal(view.items[0].opened, false);
      await waitText(page, '#outbox-news', `New email to ${email}: Verify your email address`);
      await waitSteps(page, 2, [1]);
    }, { themes: true });

    step('open the verification link', async () => {
      await collect(); // the demo page is about to go away
      const li = await byText(page, '#outbox li', `to ${email}: Verify your email address`);
      const a = await li.$('a');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT }), a.click()]);
      assert.equal(new URL(page.url()).pathname, new URL('link.html', demoUrl).pathname);
      await page.waitForSelector('#link[view="verified"]', { timeout: STEP_TIMEOUT });
      await waitText(page, '#link .lr-link__message', `Your email address ${email} is verified and you are now signed in.`);
      await waitLog(page, 'link lr-logged-in', `"Email":"${email}"`);
      await waitLog(page, 'link lr-email-verified', `{"email":"${email}"}`);
      await waitState(page, 'authenticated', ['link']);
      assert.ok(!page.url().includes('vtoken'), `the one-time token is scrubbed from the address bar: ${page.url()}`);
    });

    step('back on the demo, signed in', async () => {
      await collect();
      const back = await page.evaluateHandle(() =>
        [...document.querySelectorAll('a')].find((a) => a.href === new URL('./', location.href).href));
      assert.ok(back.asElement(), 'link.html links back to the demo');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT }), back.asElement().click()]);
      await waitState(page, 'authenticated', DEMO_ELEMENTS);
      await waitText(page, '#login .lr-login__who', `Signed in as Ada Lovelace (${email})`);
      await page.waitForSelector('#profile input[name="FirstName"]', { timeout: STEP_TIMEOUT });
      assert.equal(await page.$eval('#profile input[name="FirstName"]', (el) => el.value), 'Ada');
      assert.equal(await page.$eval('#profile input[name="LastName"]', (el) => el.value), 'Lovelace');
      const row = await byText(page, '#emails .lr-emails__item', email);
      assert.match(await row.evaluate((el) => el.textContent.replace(/\s+/g, ' ')), /Primary.*Verified/);
      await waitLog(page, 'lr-session-changed', '"state":"authenticated"');
      // Back from the link: the email is no longer new, its link is marked as opened, and every step is done.
      await waitSteps(page, 3, [1, 2, 3]);
      await byText(page, '#outbox li', `to ${email}: Verify your email address`);
      const [mail] = (await outboxView(page)).items;
      assert.deepEqual({ isNew: mail.isNew, opened: mail.opened }, { isNew: false, opened: true }, mail.text);
      assert.match(mail.text, /link opened/);
    }, { themes: true });

    step('sign out after verifying', async () => {
      await signOut(page);
    });

    step('sign in with lr-login', async () => {
      await fill(page, '#login input[name="email"]', email);
      await fill(page, '#login input[name="password"]', PASSWORD);
      await click(page, '#login .lr-form__submit');
      await waitState(page, 'authenticated', DEMO_ELEMENTS);
      await waitText(page, '#login .lr-login__who', `Signed in as Ada Lovelace (${email})`);
      await waitLog(page, 'login lr-logged-in', `"Email":"${email}"`);
      await page.waitForSelector('#profile input[name="FirstName"]', { timeout: STEP_TIMEOUT });
      await byText(page, '#emails .lr-emails__item', email);
      assert.equal(await page.$('#login input[type="password"]'), null, 'the password field has left the DOM');
    });

    step('edit the profile', async () => {
      await fill(page, '#profile input[name="FirstName"]', 'Augusta');
      await fill(page, '#profile input[name="LastName"]', 'King');
      await click(page, '#profile .lr-profile__save');
      await waitText(page, '#profile [role="status"]', 'Your profile has been saved.');
      await waitLog(page, 'profile lr-profile-updated', '"FirstName":"Augusta"', '"LastName":"King"');
      // The session's profile follows: the sign-in elements greet the new name.
      await waitText(page, '#login .lr-login__who', `Signed in as Augusta King (${email})`);
      await waitText(page, '#login-themed .lr-login__who', 'Signed in as Augusta King');
      assert.equal(await page.$eval('#profile input[name="FirstName"]', (el) => el.value), 'Augusta');
    });

    step('add an email address', async () => {
      await fill(page, '#emails input[name="email"]', second);
      await click(page, '#emails .lr-emails__add-submit');
      await waitText(page, '#emails [role="status"]', `We added ${second} and sent it a verification link. Open the link to verify the address.`);
      await waitLog(page, 'emails lr-email-added', `{"email":"${second}"}`);
      // The row settles from the optimistic "Adding…" to the address as the API has it: secondary, not verified.
      await page.waitForFunction((e) => [...document.querySelectorAll('#emails .lr-emails__item')].some((li) =>
        li.textContent.includes(e) && !li.hasAttribute('data-pending') && !li.hasAttribute('data-verified')
        && /Secondary.*Not verified/.test(li.textContent.replace(/\s+/g, ' '))), { timeout: STEP_TIMEOUT }, second);
      assert.equal(await page.$$eval('#emails .lr-emails__item', (l) => l.length), 2);
      // The demo's outbox panel shows the new verification email (it polls every 1.5 s): on top, new, not opened.
      await byText(page, '#outbox li', `to ${second}: Verify your email address`);
      const { items } = await outboxView(page);
      assert.equal(items.length, 2);
      assert.ok(items[0].text.includes(`to ${second}:`) && items[0].isNew && !items[0].opened, `newest first: ${items[0].text}`);
      assert.ok(items[1].text.includes(`to ${email}:`) && !items[1].isNew && items[1].opened, `older below: ${items[1].text}`);
    }, { themes: true });

    step('remove the email address', async () => {
      await click(page, `#emails .lr-emails__remove[data-email="${second}"]`);
      await waitText(page, '#emails .lr-emails__confirm', `Remove ${second} from your account?`);
      await click(page, '#emails .lr-emails__remove-yes');
      await waitText(page, '#emails [role="status"]', `${second} has been removed from your account.`);
      await waitLog(page, 'emails lr-email-removed', `{"email":"${second}"}`);
      await page.waitForFunction(
        (e) => [...document.querySelectorAll('#emails .lr-emails__item')].every((li) => !li.textContent.includes(e)),
        { timeout: STEP_TIMEOUT }, second,
      );
      assert.equal(await page.$$eval('#emails .lr-emails__item', (l) => l.length), 1);
    });

    step('change the password', async () => {
      await click(page, '#profile .lr-profile__password-open');
      await fill(page, '#profile input[name="currentPassword"]', PASSWORD);
      await fill(page, '#profile input[name="newPassword"]', NEW_PASSWORD);
      await click(page, '#profile .lr-profile__password-submit');
      await waitText(page, '#profile .lr-profile__password-done', 'Your password has been changed.');
      await waitText(page, '#profile [role="status"]', 'Your password has been changed.');
      await waitLog(page, 'profile lr-password-changed');
      assert.equal(await page.$('#profile input[name="newPassword"]'), null, 'the password form has left the DOM');
      await waitState(page, 'authenticated', DEMO_ELEMENTS);
    });

    step('dark theme', async () => {
      await page.select('#theme', 'dark');
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', { timeout: STEP_TIMEOUT });
      // Fields fade their background (a 120 ms transition): measure the settled colours.
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
      const colours = await page.evaluate(() => {
        const luminance = (c) => {
          const [r, g, b] = c.match(/[\d.]+/g).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        };
        const bg = (sel) => getComputedStyle(document.querySelector(sel)).backgroundColor;
        const fg = (sel) => getComputedStyle(document.querySelector(sel)).color;
        return {
          body: luminance(bg('body')),
          input: luminance(bg('#profile input[name="FirstName"]')),
          inputText: luminance(fg('#profile input[name="FirstName"]')),
          label: luminance(fg('#profile label')),
        };
      });
      assert.ok(colours.body < 0.2, `dark page background (luminance ${colours.body})`);
      assert.ok(colours.input < 0.3, `dark field background (luminance ${colours.input})`);
      assert.ok(colours.inputText > 0.6, `light field text (luminance ${colours.inputText})`);
      assert.ok(colours.label > 0.6, `light label text (luminance ${colours.label})`);
    });

    step('sign out', async () => {
      await signOut(page);
      assert.equal(await page.$('#profile input[name="FirstName"]'), null, 'the profile has left the DOM');
      assert.equal(await page.evaluate(async () => await document.querySelector('#login').getAccessToken()), undefined);
      // The password change was real: the old password no longer works, the new one does.
      const old = await apiLogin(email, PASSWORD);
      assert.ok(old.ErrorCode, `old password refused: ${JSON.stringify(old).slice(0, 200)}`);
      const fresh = await apiLogin(email, NEW_PASSWORD);
      assert.ok(fresh.access_token, `new password accepted: ${JSON.stringify(fresh).slice(0, 200)}`);
      assert.equal(fresh.Profile?.FirstName, 'Augusta');
      assert.deepEqual(fresh.Profile?.Email, [{ Type: 'Primary', Value: email }]);
    });

    step('theme and language survive a reload', async () => {
      await page.select('#lang', 'de');
      await waitText(page, '#login .lr-form__submit', 'Anmelden');
      await collect(); // the page is about to reload
      await page.reload({ waitUntil: 'load' });
      await waitState(page, 'anonymous', DEMO_ELEMENTS);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the dark theme chosen above');
      assert.equal(await page.$eval('#theme', (el) => el.value), 'dark');
      assert.equal(await page.$eval('#lang', (el) => el.value), 'de');
      assert.equal(await page.$eval('#main', (el) => el.lang), 'de');
      await waitText(page, '#login .lr-form__submit', 'Anmelden');
      await page.select('#lang', 'en');
      await waitText(page, '#login .lr-form__submit', 'Sign in');
    });

    step('sign in again', async () => {
      await fill(page, '#login input[name="email"]', email);
      await fill(page, '#login input[name="password"]', NEW_PASSWORD);
      await click(page, '#login .lr-form__submit');
      await waitState(page, 'authenticated', DEMO_ELEMENTS);
      await waitLog(page, 'login lr-logged-in', `"Email":"${email}"`);
      await waitSteps(page, 3, [1, 2, 3]);
    });

    step('reset asks for confirmation', async () => {
      await click(page, '#reset');
      await page.waitForSelector('#reset-dialog[open]', { timeout: STEP_TIMEOUT });
      await waitText(page, '#reset-dialog', 'Reset the emulator?');
      await waitText(page, '#reset-dialog', 'This deletes every account, session and email in the emulator');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel', 'focus starts on the safe choice');
    }, { themes: true });

    step('cancel (button or Escape) keeps everything', async () => {
      await click(page, '#reset-dialog button[value="cancel"]');
      await page.waitForSelector('#reset-dialog:not([open])', { timeout: STEP_TIMEOUT });
      await click(page, '#reset');
      await page.waitForSelector('#reset-dialog[open]', { timeout: STEP_TIMEOUT });
      await page.keyboard.press('Escape');
      await page.waitForSelector('#reset-dialog:not([open])', { timeout: STEP_TIMEOUT });
      await new Promise((r) => setTimeout(r, 500)); // a reset would have reloaded the page by now
      await waitState(page, 'authenticated', DEMO_ELEMENTS);
      assert.ok((await apiLogin(email, NEW_PASSWORD)).access_token, 'the account is still there');
      assert.equal((await outboxView(page)).items.length, 2, 'the outbox is untouched');
    });

    step('reset confirmed: every element signed out, not expired; empty outbox', async () => {
      await click(page, '#reset');
      await page.waitForSelector('#reset-dialog[open]', { timeout: STEP_TIMEOUT });
      await collect(); // the page reloads after the reset
      await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT }), click(page, '#reset-confirm')]);
      await waitState(page, 'anonymous', DEMO_ELEMENTS);
      await waitText(page, '#flash', 'The emulator was reset: no accounts, no emails. Start again at step 1.');
      await waitText(page, '#profile', 'Sign in to see and edit your profile.');
      await waitText(page, '#emails', 'Sign in to manage your email addresses.');
      for (const id of DEMO_ELEMENTS) {
        const text = await page.$eval(`#${id}`, (el) => el.textContent.replace(/\s+/g, ' '));
        assert.ok(!/expired/i.test(text), `#${id} does not say the session expired: ${text}`);
      }
      assert.ok(!(await logLines(page)).some((l) => l.includes('lr-session-expired')), 'no lr-session-expired');
      await waitText(page, '#outbox-empty', 'No emails yet.');
      assert.deepEqual(await outboxView(page), { empty: true, count: '', items: [] });
      await waitSteps(page, 1, []);
      const gone = await apiLogin(email, NEW_PASSWORD);
      assert.ok(gone.ErrorCode, `the account is gone: ${JSON.stringify(gone).slice(0, 200)}`);
    }, { themes: true });
  });
}
