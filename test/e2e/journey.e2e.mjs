// End to end: the whole user journey on the strict-CSP + Trusted Types page of the harness (the BUILT CDN file),
// in Chromium and Firefox through puppeteer-core (WebKit: see below), against the emulator:
//   register (lr-register, SOTT from the host's /sott) → open the verification link from the outbox (lr-email-link)
//   → a wrong password, then sign in (lr-login) → save the name (lr-profile-editor) → add, then remove an address
//   (lr-email-manager) → change the password (lr-profile-editor) → sign out (lr-login) → passwordless: email a
//   sign-in link (lr-login passwordless) → open it (lr-email-link) → signed in → sign out.
// MFA leg (issue 12): set up the authenticator in lr-mfa-settings → sign out → TOTP sign-in → backup-code sign-in →
//   passwordless code + backup code (issue 13) →
//   remove it, with the same checks plus no key or code in events, the console, attributes or (once set up) the DOM.
// After EVERY step (each a sub-test, with a screenshot in e2e-out/journey/<engine>/NN-<step>.png):
//   B3-01/B3-05  zero `securitypolicyviolation` events, zero CSP reports, zero unhandled rejections / uncaught errors;
//   B1-03/B1-10  every request the page made (url, headers, body): the access token only ever in
//                `Authorization: Bearer`, the API secret nowhere, passwords never in a URL or header; the token never
//                in the console, an `lr-*` event detail, an attribute, the DOM text or an input value;
//   B5-01        axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on the whole document: zero violations.
// Plus what axe cannot check: live regions after a status and after an error (B5-03), focus on the first invalid
// field after an invalid submit (B5-02), Tab order and visible focus through lr-login (B5-07), paste accepted in
// every credential field (B5-04 / B1-01), autocomplete tokens (B5-05), the email carried to the next step (B5-06).
//
// WebKit (MiniBrowser via WebKitWebDriver, tools/wtr/webkit-driver.mjs; puppeteer cannot drive it) runs the sign-in
// part with the same CSP, axe, live-region and focus checks; its requests come from the emulator's request log.
//
// axe runs in the page through the automation protocol's evaluation (CDP Runtime.evaluate / BiDi script.evaluate),
// which script-src does not govern. Trusted Types would still govern axe's DOM use, so every violation or report
// recorded while axe runs is attributed to axe and asserted on its own ("axe itself caused no violation") — the
// product's CSP assertions never drop anything recorded outside those windows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { Secret, TOTP } from 'otpauth';
import { ENGINES, events, guard, launch, startStack, startWebKit, webkitMissing } from './harness.mjs';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'journey passphrase one';
const NEW_PASSWORD = 'journey passphrase two';
const WRONG_PASSWORD = 'not the right passphrase';
const OUT = 'e2e-out/journey';
const WAIT = { timeout: 15000 };

/** Computed styles of lr-login's form and submit button (runs in the page). */
const STYLED = () => {
  const form = getComputedStyle(document.querySelector('lr-login .lr-form'));
  const submit = getComputedStyle(document.querySelector('lr-login .lr-form__submit'));
  return { display: form.display, background: !['rgba(0, 0, 0, 0)', 'transparent'].includes(submit.backgroundColor), cursor: submit.cursor };
};

const MSG = {
  registered: (email) => `We sent a verification link to ${email}. Open it to finish creating your account.`,
  verified: 'Your email address is verified.',
  wrongPassword: 'Email or password is incorrect.',
  signedIn: 'You are signed in.',
  saved: 'Your profile has been saved.',
  added: (email) => `We added ${email} and sent it a verification link. Open the link to verify the address.`,
  removed: (email) => `${email} has been removed from your account.`,
  passwordChanged: 'Your password has been changed.',
  signedOut: 'You have signed out.',
};

let stack;
let esmFiles = [];
before(async () => {
  // The emulator's default verification flow is 'required'; signing in on verification is turned off so that the
  // journey signs in with <lr-login> after opening the link (the default would sign in on the link page).
  // rejectQueryTokens (security requirements T3): the emulator refuses an access token in the query string, so a
  // regression to `?access_token=` would also break the journey, not only the request scan.
  stack = await startStack({ emulator: { verificationFlow: 'required', loginOnEmailVerification: false, rejectQueryTokens: true } });
  esmFiles = await buildEsm();
});
after(async () => { await stack?.close(); });

/** `vite build` (the unbundled ESM output, with source maps) into a temp dir; returns every file's text. */
async function buildEsm() {
  const outDir = mkdtempSync(join(tmpdir(), 'lr-esm-'));
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    return readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
      .map((d) => ({ path: join(d.parentPath ?? d.path, d.name).slice(outDir.length + 1), text: readFileSync(join(d.parentPath ?? d.path, d.name), 'utf8') }));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe('built output (B1-03, B3-07)', () => {
  it('neither the CDN file nor any file of the ESM build (with source maps) holds the secret or its header name', () => {
    assert.ok(esmFiles.length > 10, `ESM build produced ${esmFiles.length} files`);
    assert.ok(esmFiles.some((f) => f.path.endsWith('.js.map')), 'source maps are scanned too');
    for (const { path, text } of [{ path: 'cdn/lr-elements.js', text: stack.cdn }, ...esmFiles]) {
      assert.ok(!text.includes(stack.apiSecret), `${path} contains the API secret`);
      assert.doesNotMatch(text, /apisecret|X-LoginRadius-ApiSecret/i, `${path} mentions the API secret header or field`);
    }
  });
  it('B3-07: no polyfill in the built output (polyfill-support, @webcomponents)', () => {
    for (const { path, text } of [{ path: 'cdn/lr-elements.js', text: stack.cdn }, ...esmFiles.filter((f) => f.path.endsWith('.js'))]) {
      assert.doesNotMatch(text, /polyfill-support|@webcomponents\//, path);
    }
  });
});

for (const engine of ENGINES) {
  describe(`journey on the strict CSP + Trusted Types page (${engine.name})`, () => {
    let browser;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });

    it('register → verify → sign in → edit profile → add/remove email → change password → sign out', { timeout: 120000 }, async (t) => {
      const run = `${engine.name}-${Date.now().toString(36)}`;
      const email = `journey-${run}@example.com`;
      const second = `journey-${run}-alt@example.com`;
      const dir = join(OUT, engine.name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      stack.reports.length = 0;

      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 900 });
      const j = journey(page, { dir, t });
      try {
        await j.goto(stack.url('app.html'));
        await page.waitForSelector('lr-login input[autocomplete="current-password"]', WAIT);
        await page.waitForSelector('lr-register input[autocomplete="new-password"]', WAIT);
        await page.waitForSelector('lr-profile-editor .lr-profile__signed-out', WAIT);
        await page.waitForSelector('lr-email-manager .lr-emails__signed-out', WAIT);

        // ── 00 initial (signed out) ──────────────────────────────────────────────────────────────────────────
        await j.step('initial', async () => {}, {
          'B5-07 Tab order through lr-login is email → password → show toggle → submit → forgot, in visual order, each with a visible focus indicator': async () => {
            await page.focus('lr-login input[name=email]');
            const seen = [await j.active()];
            for (let i = 0; i < 5; i++) {
              await page.keyboard.press('Tab');
              seen.push(await j.active());
            }
            assert.deepEqual(seen.map((s) => s.what), [
              'lr-login input[name=email]', 'lr-login input[name=password]', 'lr-login button.lr-field__toggle',
              'lr-login button.lr-form__submit', 'lr-login button.lr-login__forgot', 'lr-register input[name=FirstName]',
            ]);
            // Visual (reading) order: each next control is on the same row further right, or further down.
            const inLogin = seen.slice(0, 5);
            for (let i = 1; i < inLogin.length; i++) {
              const [a, b] = [inLogin[i - 1].rect, inLogin[i].rect];
              const sameRow = Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < Math.max(a.bottom - a.top, b.bottom - b.top) / 2;
              assert.ok(sameRow ? b.left > a.left : b.top >= a.top, `${inLogin[i].what} is not after ${inLogin[i - 1].what} visually`);
            }
            // Keyboard focus is visible (WCAG 2.4.7): :focus-visible matches and an outline or box-shadow is drawn.
            for (const s of seen.slice(1, 5)) assert.ok(s.focusVisible && s.indicator, `${s.what}: focus-visible ${s.focusVisible}, indicator ${s.indicator}`);
            await page.evaluate(() => document.activeElement?.blur());
          },
          'B3-02 the adopted styles really apply under style-src \'self\'': async () => {
            assert.deepEqual(await page.evaluate(STYLED), { display: 'grid', background: true, cursor: 'pointer' });
          },
          'labels of the minified build keep their words apart ("First name (optional)")': async () => {
            const labels = await page.evaluate(() => [...document.querySelectorAll('lr-register label')].map((l) => l.textContent.replace(/\s+/g, ' ').trim()));
            assert.ok(labels.includes('First name (optional)'), labels.join(' | '));
          },
          'B5-04 / B1-01 paste is accepted in every credential field (lr-login, lr-register)': async () => {
            await j.pasteCheck(['lr-login input[name=email]', 'lr-login input[name=password]', 'lr-register input[name=email]', 'lr-register input[name=password]']);
          },
          'B5-05 autocomplete tokens on the signed-out forms': async () => {
            const tokens = await page.evaluate(() => [...document.querySelectorAll('lr-login input, lr-register input')].map((i) => `${i.closest('lr-login, lr-register').localName} ${i.name}=${i.getAttribute('autocomplete')}`));
            assert.deepEqual(tokens, [
              'lr-login email=username', 'lr-login password=current-password', 'lr-register FirstName=given-name',
              'lr-register LastName=family-name', 'lr-register email=username', 'lr-register password=new-password',
            ]);
          },
          'B5-03 live regions (role=status, role=alert) are present from the first render and empty': async () => {
            const regions = await page.evaluate(() => [...document.querySelectorAll('lr-login, lr-register, lr-profile-editor, lr-email-manager')].map((el) => ({
              tag: el.localName, status: el.querySelector(':scope [role=status]')?.textContent.trim(), alert: el.querySelector(':scope [role=alert]')?.textContent.trim(),
            })));
            for (const r of regions) assert.deepEqual([r.status, r.alert], ['', ''], r.tag);
          },
        });

        // ── 01 invalid submits: focus on the first invalid field ────────────────────────────────────────────
        await j.step('invalid-submit', async () => {
          await j.markRegions();
          await page.click('lr-login .lr-form__submit');
          await page.waitForSelector('lr-login input[name=email][aria-invalid="true"]', WAIT);
        }, {
          'B5-02 lr-login: focus on the first invalid field, aria-invalid + aria-describedby to visible text': async () => {
            const f = await j.invalidState('lr-login');
            assert.equal(f.active, 'lr-login input[name=email]');
            assert.deepEqual(f.invalid, [
              { name: 'email', error: 'Enter your email address.', visible: true },
              { name: 'password', error: 'Enter your password.', visible: true },
            ]);
          },
          'B5-02 lr-register: focus on the first invalid field after an empty submit': async () => {
            await page.click('lr-register .lr-form__submit');
            await page.waitForSelector('lr-register input[name=email][aria-invalid="true"]', WAIT);
            const f = await j.invalidState('lr-register');
            assert.equal(f.active, 'lr-register input[name=email]');
            assert.deepEqual(f.invalid.map((i) => i.name), ['email', 'password']);
            for (const i of f.invalid) assert.ok(i.error && i.visible, `${i.name}: error "${i.error}" visible ${i.visible}`);
          },
        });

        // ── 02 register ────────────────────────────────────────────────────────────────────────────────────
        await j.step('register', async () => {
          await j.markRegions();
          await j.typeInto('lr-register input[name=FirstName]', 'Ada');
          await j.typeInto('lr-register input[name=LastName]', 'Lovelace');
          await j.typeInto('lr-register input[name=email]', email);
          await j.typeInto('lr-register input[name=password]', PASSWORD);
          await page.keyboard.press('Enter'); // implicit submission
          await page.waitForSelector('lr-register .lr-register__done', WAIT);
        }, {
          'B5-03 lr-register status region (present before) says to check the email; focus on the notice': async () => {
            assert.equal(await j.region('lr-register', 'status'), MSG.registered(email));
            assert.equal(await j.region('lr-register', 'alert'), '');
            assert.equal((await j.active()).what, 'lr-register p.lr-next__text'); // the sent step's notice (issue 16)
          },
          'the account exists, unverified, with the names typed': async () => {
            const account = await stack.admin(`?email=${encodeURIComponent(email)}`);
            assert.equal(account.FirstName, 'Ada');
            assert.equal(account.LastName, 'Lovelace');
            assert.equal(account.EmailVerified, false);
            assert.ok(j.requests.some((r) => new URL(r.url).pathname === '/sott'), 'the SOTT came from the host page /sott');
          },
        });

        // ── 03 open the verification link ──────────────────────────────────────────────────────────────────
        let link;
        await j.step('verify-link', async () => {
          const mail = (await stack.outbox(email)).filter((m) => m.Kind === 'verification').at(-1);
          assert.ok(mail, 'a verification mail in the outbox');
          link = new URL(mail.Link);
          assert.equal(link.origin + link.pathname, stack.url('link.html'));
          await j.goto(link.href);
          await page.waitForSelector('lr-email-link[view="verified"]', WAIT);
        }, {
          'B5-03 lr-email-link status region says verified; the link token left the address bar': async () => {
            assert.equal(await j.region('lr-email-link', 'status'), MSG.verified);
            assert.equal(await j.region('lr-email-link', 'alert'), '');
            const search = await page.evaluate(() => location.search);
            assert.ok(!search.includes(link.searchParams.get('vtoken')), `vtoken still in ${search}`);
          },
          'the account is verified': async () => {
            assert.equal((await stack.admin(`?email=${encodeURIComponent(email)}`)).EmailVerified, true);
          },
        });

        // ── 04 wrong password ──────────────────────────────────────────────────────────────────────────────
        await j.goto(stack.url('app.html'));
        await page.waitForSelector('lr-login[session-state="anonymous"] input[autocomplete="current-password"]', WAIT);
        await j.step('login-wrong-password', async () => {
          await j.markRegions();
          await j.typeInto('lr-login input[name=email]', email);
          await j.typeInto('lr-login input[name=password]', WRONG_PASSWORD);
          await page.keyboard.press('Enter'); // B5-07: Enter submits
          await page.waitForFunction(() => document.querySelector('lr-login [role=alert]')?.textContent.trim() !== '', WAIT);
        }, {
          'B5-03 lr-login alert region (present before) has the error; focus back on the password; email kept': async () => {
            assert.equal(await j.region('lr-login', 'alert'), MSG.wrongPassword);
            assert.equal((await j.active()).what, 'lr-login input[name=password]');
            assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('lr-login input')].map((i) => i.value)), [email, '']);
          },
        });

        // ── 05 sign in ─────────────────────────────────────────────────────────────────────────────────────
        await j.step('login', async () => {
          await j.markRegions();
          await j.typeInto('lr-login input[name=password]', PASSWORD);
          await page.keyboard.press('Enter');
          await page.waitForSelector('lr-login[session-state="authenticated"] .lr-login__sign-out', WAIT);
          await page.waitForSelector('lr-profile-editor form.lr-profile__form', WAIT);
          await page.waitForSelector('lr-profile-editor .lr-profile__no-identities', WAIT);
          await page.waitForSelector('lr-email-manager .lr-emails__item', WAIT);
          assert.ok(await j.readTokens(), 'getAccessToken() gives the token after sign-in');
        }, {
          'B5-03 lr-login status region (present before) says signed in; the alert is cleared': async () => {
            assert.equal(await j.region('lr-login', 'status'), MSG.signedIn);
            assert.equal(await j.region('lr-login', 'alert'), '');
            assert.match(await page.$eval('lr-login .lr-login__who', (e) => e.textContent.trim()), /Ada Lovelace/);
          },
          'every element is signed in and shows the account': async () => {
            const states = await page.evaluate(() => [...document.querySelectorAll('lr-login, lr-register, lr-profile-editor, lr-email-manager')].map((e) => e.getAttribute('session-state')));
            assert.deepEqual(states, ['authenticated', 'authenticated', 'authenticated', 'authenticated']);
            assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('lr-profile-editor form.lr-profile__form input')].map((i) => i.value)), ['Ada', 'Lovelace']);
            assert.deepEqual(await j.addresses(), [email]);
          },
          'B1-03 the session used the token in Authorization: Bearer': async () => {
            const [token] = j.tokens;
            assert.ok(j.requests.some((r) => r.headers.authorization === `Bearer ${token}`), 'no request carried the Bearer header');
          },
          'B5-05 autocomplete tokens on the signed-in forms': async () => {
            const tokens = await page.evaluate(() => [...document.querySelectorAll('lr-profile-editor form.lr-profile__form input, lr-email-manager input')].map((i) => `${i.name}=${i.getAttribute('autocomplete')}`));
            assert.deepEqual(tokens, ['FirstName=given-name', 'LastName=family-name', 'email=email']);
          },
        });

        // ── 06 edit the profile ────────────────────────────────────────────────────────────────────────────
        await j.step('profile-save', async () => {
          await j.markRegions();
          await j.retype('lr-profile-editor form.lr-profile__form input[name=FirstName]', 'Augusta Ada');
          await j.retype('lr-profile-editor form.lr-profile__form input[name=LastName]', 'King');
          await page.click('lr-profile-editor .lr-profile__save');
          await page.waitForFunction((m) => document.querySelector('lr-profile-editor [role=status]')?.textContent.trim() === m, WAIT, MSG.saved);
          await page.waitForFunction(() => document.querySelector('lr-login .lr-login__who')?.textContent.includes('Augusta Ada King'), WAIT);
        }, {
          'B5-03 lr-profile-editor status region (present before) says saved': async () => {
            assert.equal(await j.region('lr-profile-editor', 'status'), MSG.saved);
            assert.equal(await j.region('lr-profile-editor', 'alert'), '');
          },
          'the names are stored': async () => {
            const account = await stack.admin(`?email=${encodeURIComponent(email)}`);
            assert.deepEqual([account.FirstName, account.LastName], ['Augusta Ada', 'King']);
          },
        });

        // ── 07 add an email address ────────────────────────────────────────────────────────────────────────
        await j.step('email-add', async () => {
          await j.markRegions();
          await j.typeInto('lr-email-manager form.lr-emails__add input[name=email]', second);
          await page.keyboard.press('Enter');
          await page.waitForFunction((m) => document.querySelector('lr-email-manager [role=status]')?.textContent.trim() === m, WAIT, MSG.added(second));
        }, {
          'B5-03 lr-email-manager status region (present before) says added; the address is listed, not verified': async () => {
            assert.equal(await j.region('lr-email-manager', 'status'), MSG.added(second));
            assert.equal(await j.region('lr-email-manager', 'alert'), '');
            assert.deepEqual(await j.addresses(), [email, second]);
            assert.equal(await page.$eval('lr-email-manager form.lr-emails__add input[name=email]', (i) => i.value), '');
          },
          'B5-04 paste is accepted in the add-email field': async () => {
            await j.pasteCheck(['lr-email-manager form.lr-emails__add input[name=email]']);
          },
          'a verification link was sent to the new address': async () => {
            const mail = (await stack.outbox(second)).filter((m) => m.Kind === 'verification');
            assert.equal(mail.length, 1);
            assert.ok(mail[0].Link.startsWith(stack.url('link.html')));
          },
        });

        // ── 08 remove it again (with confirmation) ─────────────────────────────────────────────────────────
        await j.step('email-remove-confirm', async () => {
          await j.markRegions();
          const clicked = await page.evaluate((addr) => {
            const row = [...document.querySelectorAll('lr-email-manager .lr-emails__item')].find((r) => r.querySelector('.lr-emails__address')?.textContent === addr);
            row?.querySelector('.lr-emails__remove')?.click();
            return !!row;
          }, second);
          assert.ok(clicked, 'the row of the added address');
          await page.waitForSelector('lr-email-manager .lr-emails__confirm', WAIT);
        }, {
          'the confirmation takes focus and names the address': async () => {
            assert.equal((await j.active()).what, 'lr-email-manager p.lr-emails__confirm');
            assert.equal(await page.$eval('lr-email-manager .lr-emails__confirm', (e) => e.textContent.trim()), `Remove ${second} from your account?`);
          },
        });
        await j.step('email-remove', async () => {
          await page.click('lr-email-manager .lr-emails__remove-yes');
          await page.waitForFunction((m) => document.querySelector('lr-email-manager [role=status]')?.textContent.trim() === m, WAIT, MSG.removed(second));
        }, {
          'B5-03 lr-email-manager status region (present before) says removed; the address is gone': async () => {
            assert.equal(await j.region('lr-email-manager', 'status'), MSG.removed(second));
            assert.equal(await j.region('lr-email-manager', 'alert'), '');
            assert.deepEqual(await j.addresses(), [email]);
            const account = await stack.admin(`?email=${encodeURIComponent(email)}`);
            assert.deepEqual(account.Email.map((e) => e.Value), [email]);
          },
        });

        // ── 09 change the password ─────────────────────────────────────────────────────────────────────────
        await j.step('password-invalid-submit', async () => {
          await j.markRegions();
          await page.click('lr-profile-editor .lr-profile__password-open');
          await page.waitForSelector('lr-profile-editor form.lr-profile__password-form input[name=currentPassword]', WAIT);
          await page.click('lr-profile-editor .lr-profile__password-submit');
          await page.waitForSelector('lr-profile-editor input[name=currentPassword][aria-invalid="true"]', WAIT);
        }, {
          'B5-02 focus on the first invalid field (current password), both fields described': async () => {
            const f = await j.invalidState('lr-profile-editor');
            assert.equal(f.active, 'lr-profile-editor input[name=currentPassword]');
            assert.deepEqual(f.invalid, [
              { name: 'currentPassword', error: 'Enter your current password.', visible: true },
              { name: 'newPassword', error: 'Enter a new password.', visible: true },
            ]);
          },
          'B5-04 paste is accepted in the change-password fields': async () => {
            await j.pasteCheck(['lr-profile-editor input[name=currentPassword]', 'lr-profile-editor input[name=newPassword]']);
          },
          'B5-05 / B5-06 the change-password form carries the account email as a hidden username': async () => {
            const tokens = await page.evaluate(() => [...document.querySelectorAll('lr-profile-editor form.lr-profile__password-form input')].map((i) => `${i.getAttribute('autocomplete')}${i.hidden ? ' hidden' : ''}=${i.type === 'password' ? '' : i.value}`));
            assert.deepEqual(tokens, [`username hidden=${email}`, 'current-password=', 'new-password=']);
          },
        });
        await j.step('password-change', async () => {
          await j.typeInto('lr-profile-editor input[name=currentPassword]', PASSWORD);
          await j.typeInto('lr-profile-editor input[name=newPassword]', NEW_PASSWORD);
          await page.keyboard.press('Enter');
          await page.waitForFunction((m) => document.querySelector('lr-profile-editor [role=status]')?.textContent.trim() === m, WAIT, MSG.passwordChanged);
          await j.readTokens();
        }, {
          'B5-03 lr-profile-editor status region (present before) says changed; the form left the DOM': async () => {
            assert.equal(await j.region('lr-profile-editor', 'status'), MSG.passwordChanged);
            assert.equal(await j.region('lr-profile-editor', 'alert'), '');
            assert.equal(await page.$('lr-profile-editor form.lr-profile__password-form'), null);
          },
          'the new password works, the old one does not': async () => {
            assert.equal((await apiLogin(email, PASSWORD)).ErrorCode, 966);
            assert.ok((await apiLogin(email, NEW_PASSWORD)).access_token);
          },
        });

        // ── 10 sign out ────────────────────────────────────────────────────────────────────────────────────
        await j.step('logout', async () => {
          await j.markRegions();
          await page.click('lr-login .lr-login__sign-out');
          await page.waitForSelector('lr-login[session-state="anonymous"] input[autocomplete="current-password"]', WAIT);
          await page.waitForSelector('lr-profile-editor .lr-profile__signed-out', WAIT);
          await page.waitForSelector('lr-email-manager .lr-emails__signed-out', WAIT);
        }, {
          'B5-03 lr-login status region (present before) says signed out': async () => {
            assert.equal(await j.region('lr-login', 'status'), MSG.signedOut);
            assert.equal(await j.region('lr-login', 'alert'), '');
          },
          'the session is gone in the page and on the server; nothing of the account stays in the DOM': async () => {
            assert.equal(await page.evaluate(() => document.querySelector('lr-login').getAccessToken()), undefined);
            for (const token of j.tokens) {
              const r = await fetch(`${stack.apiBase}/identity/v2/auth/access_token/validate?apikey=${stack.apiKey}`, { headers: { authorization: `Bearer ${token}` } });
              assert.ok((await r.json()).ErrorCode, 'the token was invalidated on sign-out');
            }
            const text = await page.evaluate(() => document.body.textContent);
            for (const s of ['Augusta', 'King', email]) assert.ok(!text.includes(s), `"${s}" still on the page`);
          },
        });

        // ── 11 passwordless (issue 13): email a sign-in link → open it on the link page → signed in → sign out ───
        let pwlLink;
        await j.step('passwordless-send', async () => {
          await j.markRegions();
          await sendPasswordless(page, j, email, 'both');
        }, {
          'B5-03 the confirmation names the address; focus in the code field (one-time-code)': async () => {
            const notice = await page.$eval('lr-login .lr-login__passwordless-sent .lr-notice', (e) => e.textContent.trim());
            assert.ok(notice.includes(email), notice);
            assert.equal((await j.active()).what, 'lr-login input[name=otp]');
            assert.equal(await page.$eval('lr-login input[name=otp]', (i) => i.getAttribute('autocomplete')), 'one-time-code');
          },
          'the email carries a one-time link to the link page with vtype=oneclicksignin': async () => {
            const mail = (await stack.outbox(email)).filter((m) => m.Kind === 'passwordless').at(-1);
            assert.ok(mail, 'a passwordless mail in the outbox');
            pwlLink = new URL(mail.Link);
            assert.equal(pwlLink.origin + pwlLink.pathname, stack.url('link.html'));
            assert.equal(pwlLink.searchParams.get('vtype'), 'oneclicksignin');
          },
        });
        await j.step('passwordless-link', async () => {
          await j.goto(pwlLink.href);
          await page.waitForSelector('lr-email-link[view="verified"]', WAIT);
          assert.ok(await j.readTokens(), 'getAccessToken() gives the token after the passwordless sign-in');
        }, {
          'B5-03 lr-email-link status region says signed in; the link token left the address bar': async () => {
            assert.equal(await j.region('lr-email-link', 'status'), 'You are now signed in.');
            assert.equal(await j.region('lr-email-link', 'alert'), '');
            assert.ok(!(await page.evaluate(() => location.search)).includes(pwlLink.searchParams.get('vtoken')));
          },
        });
        await j.goto(stack.url('app.html'));
        await page.waitForSelector('lr-login[session-state="authenticated"] .lr-login__sign-out', WAIT);
        await j.step('passwordless-logout', async () => {
          await page.click('lr-login .lr-login__sign-out');
          await page.waitForSelector('lr-login[session-state="anonymous"] input[autocomplete="current-password"]', WAIT);
        });

        // Once more over everything recorded in the whole journey (the per-step checks already did this stepwise).
        await t.test('whole journey: B1-03 / B1-10 no leak of any token seen, B3 no violation or report', async () => {
          await new Promise((r) => setTimeout(r, 300)); // late CSP reports
          assert.ok(j.tokens.size >= 1, 'at least one access token was read');
          assert.ok(j.requests.length > 20, `${j.requests.length} requests recorded`);
          await j.checkCsp();
          await j.checkLeaks();
        });
      } finally {
        await page.close();
      }
    });
  });
}

/** `<lr-login passwordless=mode>`: opens the passwordless form, sends to `email`; resolves at the code field. */
async function sendPasswordless(page, j, email, mode) {
  await page.evaluate((m) => document.querySelector('lr-login').setAttribute('passwordless', m), mode);
  await page.waitForSelector('lr-login .lr-login__passwordless', WAIT);
  await page.click('lr-login .lr-login__passwordless');
  await page.waitForSelector('lr-login .lr-login__passwordless-form input[name=email]', WAIT);
  await page.$eval('lr-login .lr-login__passwordless-form input[name=email]', (i) => { i.value = ''; });
  await j.typeInto('lr-login .lr-login__passwordless-form input[name=email]', email);
  await page.keyboard.press('Enter');
  await page.waitForSelector('lr-login .lr-login__passwordless-sent input[name=otp]', WAIT);
}

// ── MFA leg (issue 12), Chromium and Firefox, same page policy and the same checks after every step ─────────────────
// set up the authenticator in <lr-mfa-settings> (QR drawn as SVG under img-src 'self') → sign out → sign in with a
// TOTP code → sign out → sign in with a backup code → remove the authenticator. Besides the journey's checks: no
// key, TOTP code or backup code in any lr-* event or console line, in no attribute, and once set up not in the DOM.
const totpAt = (key, steps) => TOTP.generate({ secret: Secret.fromBase32(key), timestamp: Date.now() + mfaOffset * 1000 + steps * 30_000 });
let mfaOffset = 0;
for (const engine of ENGINES) {
  describe(`journey, MFA leg, on the strict CSP + Trusted Types page (${engine.name})`, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
      stack.page('mfa.html', `
        <section aria-labelledby="h-login"><h2 id="h-login">Sign in</h2><lr-login ${stack.attrs}></lr-login></section>
        <section aria-labelledby="h-mfa"><h2 id="h-mfa">Two-step sign-in</h2><lr-mfa-settings ${stack.attrs} issuer="Journey"></lr-mfa-settings></section>`, { title: 'MFA' });
      // Optional MFA: the first sign-in has no second step; the clock sits mid-way through a 30 s TOTP step.
      mfaOffset = Math.round(15 - ((Date.now() / 1000) % 30));
      await stack.control('config', 'PUT', { mfa: 'optional', clockOffsetSeconds: mfaOffset });
    });
    after(async () => {
      await stack.control('config', 'PUT', { mfa: 'off', clockOffsetSeconds: 0 });
      await browser?.close();
    });

    it('set up in lr-mfa-settings → sign out → TOTP sign-in → backup-code sign-in → remove', { timeout: 120000 }, async (t) => {
      const email = `journey-mfa-${engine.name}-${Date.now().toString(36)}@example.com`;
      await stack.user(email, PASSWORD);
      const dir = join(OUT, `mfa-${engine.name}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      stack.reports.length = 0;
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 1100 });
      const consoleLines = [];
      page.on('console', (m) => consoleLines.push(m.text()));
      const j = journey(page, { dir, t });
      const secrets = new Set();
      let key = '';
      let codes = [];
      const signIn = async () => {
        await page.waitForSelector('lr-login[session-state="anonymous"] input[name=password]', WAIT);
        await j.typeInto('lr-login input[name=email]', email);
        await j.typeInto('lr-login input[name=password]', PASSWORD);
        await page.keyboard.press('Enter');
      };
      const signOut = async () => {
        await page.click('lr-login .lr-login__sign-out');
        await page.waitForSelector('lr-mfa-settings .lr-mfa-settings__signed-out', WAIT);
      };
      const enterCode = async (code) => {
        secrets.add(code);
        await j.typeInto('input[name=code]', code);
        await page.keyboard.press('Enter');
      };
      /** No key or code in events, the console or any attribute; `inDom: false` also none in the page's text. */
      const noSecret = (inDom = true) => async () => {
        const g = await j.recorded();
        const dom = await page.evaluate(() => ({
          attrs: [...document.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join('\n'),
          text: document.body.textContent,
        }));
        for (const s of secrets) {
          for (const e of g.events) assert.ok(!e.detail.includes(s), `a code or key in ${e.type}`);
          for (const line of consoleLines) assert.ok(!line.includes(s), `a code or key in the console: ${line.slice(0, 60)}`);
          assert.ok(!dom.attrs.includes(s), 'a code or key in an attribute');
          if (!inDom) assert.ok(!dom.text.replace(/\s/g, '').includes(s), 'a code or key still in the page');
        }
      };
      try {
        await j.goto(stack.url('mfa.html'));
        await j.step('mfa-signed-in', async () => {
          await signIn();
          await page.waitForSelector('lr-mfa-settings .lr-mfa-settings__set-up', WAIT);
        });
        await j.step('mfa-setup', async () => {
          await page.click('lr-mfa-settings .lr-mfa-settings__set-up');
          await page.waitForSelector('lr-mfa-settings .lr-setup__qr svg.lr-qr path', WAIT);
          key = (await page.$eval('lr-mfa-settings .lr-setup__key code', (c) => c.textContent)).replace(/\s/g, '');
          secrets.add(key);
        }, {
          'the QR code is inline SVG (no image under img-src \'self\'); the key grouped; the code field typed for codes': async () => {
            assert.equal(await page.$$eval('lr-mfa-settings img', (i) => i.length), 0);
            assert.match(await page.$eval('lr-mfa-settings .lr-setup__key code', (c) => c.textContent), /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
            assert.deepEqual(await page.$eval('lr-mfa-settings input[name=code]', (i) => [i.getAttribute('autocomplete'), i.inputMode, document.activeElement === i]), ['one-time-code', 'numeric', true]);
          },
          'no key in an event, the console or an attribute': noSecret(),
        });
        await j.step('mfa-enabled', async () => {
          await enterCode(totpAt(key, 0));
          await page.waitForSelector('lr-mfa-settings .lr-mfa-settings__codes', WAIT);
          codes = await page.$$eval('lr-mfa-settings .lr-mfa-settings__code-list code', (c) => c.map((x) => x.textContent));
          codes.forEach((c) => secrets.add(c));
        }, {
          'ten backup codes shown once; lr-mfa-enabled and lr-backup-codes-created carry the method and the count only': async () => {
            assert.equal(codes.length, 10);
            const ev = (await events(page)).filter((e) => /^lr-(mfa|backup)/.test(e.type)).map((e) => [e.type, e.detail]);
            assert.deepEqual(ev, [['lr-backup-codes-created', { count: 10 }], ['lr-mfa-enabled', { method: 'authenticator' }]]);
          },
          'no code or key in an event, the console or an attribute': noSecret(),
        });
        await j.step('mfa-codes-saved', async () => {
          await page.click('lr-mfa-settings .lr-mfa-settings__saved');
          await page.waitForSelector('lr-mfa-settings [data-method=authenticator][data-on]', WAIT);
        }, { 'the key and the codes have left the page': noSecret(false) });
        await j.step('mfa-sign-out', signOut);
        await j.step('mfa-totp-step', async () => {
          await signIn();
          await page.waitForSelector('lr-login .lr-mfa input[name=code]', WAIT);
        }, {
          'lr-mfa-required names the methods only; focus on the code field': async () => {
            const req = (await events(page, 'lr-mfa-required')).map((e) => e.detail);
            assert.deepEqual(req, [{ methods: ['authenticator', 'backupcode'] }]);
            assert.equal((await j.active()).what, 'lr-login input[name=code]');
          },
        });
        await j.step('mfa-totp-signed-in', async () => {
          await enterCode(totpAt(key, 1)); // the setup used this step's code: the next one
          await page.waitForSelector('lr-login[session-state="authenticated"] .lr-login__sign-out', WAIT);
        }, { 'no code or key in an event, the console, an attribute or the page': noSecret(false) });
        await j.step('mfa-sign-out-2', signOut);
        await j.step('mfa-backup-signed-in', async () => {
          await signIn();
          await page.waitForSelector('lr-login .lr-mfa__use-backupcode', WAIT);
          await page.click('lr-login .lr-mfa__use-backupcode');
          await page.waitForSelector('lr-login .lr-mfa input[name=code][inputmode=text]', WAIT);
          await enterCode(codes[0]);
          await page.waitForSelector('lr-login[session-state="authenticated"] .lr-login__sign-out', WAIT);
        }, { 'no code or key in an event, the console, an attribute or the page': noSecret(false) });
        // Passwordless on the MFA site (issue 13): the emailed code answers with the challenge and <lr-login> runs
        // the same second step (a backup code here: the next TOTP step is outside the ±1 window until 30 s pass).
        await j.step('mfa-sign-out-3', signOut);
        await j.step('mfa-passwordless-code', async () => {
          await sendPasswordless(page, j, email, 'code');
          const mail = (await stack.outbox(email)).filter((m) => m.Kind === 'passwordless').at(-1);
          assert.ok(mail?.Otp, 'a passwordless code in the outbox');
          secrets.add(mail.Otp);
          secrets.add(mail.Token);
          await j.typeInto('lr-login .lr-login__code-form input[name=otp]', mail.Otp);
          await page.keyboard.press('Enter');
          await page.waitForSelector('lr-login .lr-mfa input[name=code]', WAIT);
        }, {
          'the code\'s challenge opens the second step (lr-mfa-required, methods only), focus on its code field': async () => {
            const req = (await events(page, 'lr-mfa-required')).map((e) => e.detail);
            assert.deepEqual(req.at(-1), { methods: ['authenticator', 'backupcode'] });
            assert.equal(req.length, 3);
            assert.equal((await j.active()).what, 'lr-login input[name=code]');
          },
          'no code in an event, the console or an attribute': noSecret(),
        });
        await j.step('mfa-passwordless-signed-in', async () => {
          await page.click('lr-login .lr-mfa__use-backupcode');
          await page.waitForSelector('lr-login .lr-mfa input[name=code][inputmode=text]', WAIT);
          await enterCode(codes[1]);
          await page.waitForSelector('lr-login[session-state="authenticated"] .lr-login__sign-out', WAIT);
        }, { 'no code or key in an event, the console, an attribute or the page': noSecret(false) });
        await j.step('mfa-removed', async () => {
          await page.waitForSelector('lr-mfa-settings .lr-mfa-settings__remove', WAIT);
          await page.click('lr-mfa-settings .lr-mfa-settings__remove');
          await page.waitForSelector('lr-mfa-settings .lr-mfa-settings__remove-yes', WAIT);
          await page.click('lr-mfa-settings .lr-mfa-settings__remove-yes');
          await page.waitForSelector('lr-mfa-settings .lr-mfa-settings__set-up', WAIT);
        }, {
          'lr-mfa-disabled names the method; the next sign-in has no second step': async () => {
            assert.deepEqual((await events(page, 'lr-mfa-disabled')).map((e) => e.detail), [{ method: 'authenticator' }]);
            const r = await fetch(`${stack.apiBase}/identity/v2/auth/login/2fa?apikey=${stack.apiKey}`, {
              method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
            }).then((x) => x.json());
            assert.equal(r.SecondFactorAuthentication, null);
          },
          'no code or key anywhere': noSecret(false),
        });
      } finally {
        await page.close();
      }
    });
  });
}

// ── WebKit (MiniBrowser through WebKitWebDriver under Xvfb, WebDriver classic; puppeteer cannot drive it) ───────────
// Sign-in part of the journey: initial, invalid submit, wrong password, sign in, sign out — after each, zero CSP
// violations / reports / errors, axe clean, no token in event details or the DOM; the page's requests are taken from
// the emulator's request log (WebDriver classic has no network events): no token in any URL, Authorization sent.
describe('journey, sign-in part, on the strict CSP + Trusted Types page (webkit)', { skip: webkitMissing.length ? `not installed: ${webkitMissing.join(', ')}` : false }, () => {
  let wk;
  before(async () => { wk = await startWebKit(); });
  after(async () => { await wk?.close(); });

  it('initial → invalid submit → wrong password → sign in → sign out', { timeout: 90000 }, async (t) => {
    const email = `journey-webkit-${Date.now().toString(36)}@example.com`;
    await stack.user(email, PASSWORD, { FirstName: 'Grace', LastName: 'Hopper' });
    const dir = join(OUT, 'webkit');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    stack.reports.length = 0;
    const { wd, exec, execAsync, until, waitFor, element, type, enter } = wk;
    const region = (tag, role) => exec((tag, role) => document.querySelector(tag).querySelector(`:scope [role=${role}]`).textContent.trim(), tag, role);
    const activeName = () => exec(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.localName);
    const tokens = new Set();
    let n = 0;
    let broken = '';

    const step = async (name, action, checks = {}) => {
      const label = `${String(n++).padStart(2, '0')}-${name}`;
      await t.test(label, async (st) => {
        if (broken) return st.skip(`an earlier step failed (${broken})`);
        try {
          await action();
        } catch (err) {
          broken = label;
          throw err;
        }
        for (const [what, fn] of Object.entries(checks)) await st.test(what, fn);
        // Two animation frames first: WebKit's screenshot is the last painted frame.
        await execAsync(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        writeFileSync(join(dir, `${label}.png`), Buffer.from(await wd.takeScreenshot(), 'base64'));
        await st.test('B3-01/B3-05 zero CSP / Trusted Types violations and reports, no unhandled rejection or uncaught error', async () => {
          await new Promise((r) => setTimeout(r, 150));
          const g = await exec(() => window.__lr);
          assert.deepEqual({ violations: g.violations, reports: stack.reports, unhandled: g.unhandled, errors: g.errors }, { violations: [], reports: [], unhandled: [], errors: [] });
        });
        await st.test('B1-03/B1-10 token never in a request URL (emulator log), an lr-* event detail or the DOM', async () => {
          const tk = await execAsync(() => document.querySelector('lr-login').getAccessToken());
          if (tk) tokens.add(tk);
          const g = await exec(() => window.__lr);
          const dom = await exec(() => ({ html: document.documentElement.outerHTML, url: location.href, values: [...document.querySelectorAll('input')].map((i) => i.value) }));
          const { Requests } = await stack.control('requests');
          const fromPage = Requests.filter((r) => r.Origin === stack.origin);
          for (const token of tokens) {
            for (const r of fromPage) assert.ok(!r.Url.includes(token) && !/[?&]access_token=/i.test(r.Url), `token in ${r.Method} ${r.Url}`);
            for (const e of g.events) assert.ok(!e.detail.includes(token), `token in ${e.type}`);
            assert.ok(!dom.html.includes(token) && !dom.url.includes(token) && !dom.values.some((v) => v.includes(token)), 'token in the DOM');
          }
          for (const e of g.events) assert.doesNotMatch(e.detail, /access_token|refresh_token/i, e.type);
          assert.ok(!dom.html.includes(PASSWORD), 'the password in the DOM markup');
        });
        await st.test('B5-01 axe (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): zero violations', async () => {
          const from = (await exec(() => window.__lr.violations.length));
          if (!(await exec(() => typeof window.axe === 'object'))) await wd.executeScript(`${AXE_SOURCE}; return true`, []);
          const violations = await execAsync((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
            .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((x) => `${x.target.join(' ')} :: ${x.failureSummary}`) }))), AXE_TAGS);
          assert.deepEqual(violations, []);
          assert.equal(await exec(() => window.__lr.violations.length), from, 'axe itself (test tooling) caused CSP / Trusted Types violations');
        });
      });
    };

    await wd.navigateTo(stack.url('app.html'));
    await waitFor('lr-login[session-state="anonymous"] input[autocomplete="current-password"]');
    await step('initial', async () => {}, {
      'B3-02 the adopted styles really apply under style-src \'self\'': async () => {
        assert.deepEqual(await wd.executeScript(`return (${STYLED})()`, []), { display: 'grid', background: true, cursor: 'pointer' });
      },
      'B5-04 paste is not blocked in the credential fields': async () => {
        const r = await exec(() => [...document.querySelectorAll('lr-login input, lr-register input[name=email], lr-register input[name=password]')].map((i) => {
          const dt = new DataTransfer();
          dt.setData('text/plain', 'x');
          return i.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
            && i.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', data: 'x', bubbles: true, cancelable: true }));
        }));
        assert.deepEqual(r, [true, true, true, true]);
      },
    });
    await step('invalid-submit', async () => {
      await wd.elementClick(await element('lr-login .lr-form__submit'));
      await waitFor('lr-login input[name=email][aria-invalid="true"]');
    }, {
      'B5-02 focus on the first invalid field': async () => assert.equal(await activeName(), 'email'),
    });
    await step('login-wrong-password', async () => {
      await type('lr-login input[name=email]', email);
      await type('lr-login input[name=password]', WRONG_PASSWORD);
      await enter('lr-login input[name=password]');
      await until(() => document.querySelector('lr-login [role=alert]').textContent.trim() !== '', null, 'the alert');
    }, {
      'B5-03 the alert region has the error; focus on the password': async () => {
        assert.equal(await region('lr-login', 'alert'), MSG.wrongPassword);
        assert.equal(await activeName(), 'password');
      },
    });
    await step('login', async () => {
      await type('lr-login input[name=password]', PASSWORD);
      await enter('lr-login input[name=password]');
      await waitFor('lr-login[session-state="authenticated"] .lr-login__sign-out');
      await waitFor('lr-profile-editor form.lr-profile__form');
      await waitFor('lr-email-manager .lr-emails__item');
    }, {
      'B5-03 the status region says signed in': async () => assert.equal(await region('lr-login', 'status'), MSG.signedIn),
      'B1-03 the page sent Authorization on its authenticated calls': async () => {
        const { Requests } = await stack.control('requests');
        const account = Requests.filter((r) => r.Origin === stack.origin && r.Method === 'GET' && r.Url.startsWith('/identity/v2/auth/account'));
        assert.ok(account.length > 0 && account.every((r) => r.Authorization), JSON.stringify(account));
      },
    });
    await step('logout', async () => {
      await wd.elementClick(await element('lr-login .lr-login__sign-out'));
      await waitFor('lr-login[session-state="anonymous"] input[autocomplete="current-password"]');
      await waitFor('lr-profile-editor .lr-profile__signed-out');
    }, {
      'B5-03 the status region says signed out': async () => assert.equal(await region('lr-login', 'status'), MSG.signedOut),
      'a token was read while signed in': () => assert.equal(tokens.size, 1),
    });
  });
});

/** Signs in through the Auth API from Node (another client, not the page). */
async function apiLogin(email, password) {
  const r = await fetch(`${stack.apiBase}/identity/v2/auth/login?apikey=${stack.apiKey}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  return r.json();
}

/** The recorder and the step runner of one journey on one page. */
function journey(page, { dir, t }) {
  const requests = [];
  const consoleLines = [];
  const pageErrors = [];
  const tokens = new Set();
  const pastGuards = []; // what the guard recorded on pages already left
  let axeWindows = []; // [from, to) indices of the current page's violations recorded while axe ran
  const axeReports = new Set(); // indices in stack.reports of CSP reports that arrived while axe ran
  let n = 0;
  let broken = '';

  page.on('request', (r) => {
    const rec = { url: r.url(), method: r.method(), headers: r.headers(), body: undefined };
    // Chromium (CDP) has the body at once; Firefox (BiDi) fetches it on demand.
    rec.done = (async () => {
      try {
        rec.body = r.postData?.();
      } catch {
        rec.body = undefined;
      }
      if (rec.body === undefined && r.hasPostData()) rec.body = await r.fetchPostData().catch((e) => `[body unavailable: ${e.message}]`);
    })();
    requests.push(rec);
  });
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));

  const j = {
    requests, tokens,

    async goto(url) {
      if (page.url().startsWith('http')) pastGuards.push(await guard(page));
      axeWindows = [];
      await page.goto(url);
    },

    /** Runs one step as a sub-test: the action, the step's own checks, a screenshot, then B3, B1 and B5 checks. */
    async step(name, action, checks = {}) {
      const label = `${String(n++).padStart(2, '0')}-${name}`;
      await t.test(label, async (st) => {
        if (broken) return st.skip(`an earlier step failed (${broken})`);
        try {
          await action();
        } catch (err) {
          broken = label;
          await page.screenshot({ path: join(dir, `${label}-FAILED.png`), fullPage: true }).catch(() => {});
          throw err;
        }
        for (const [what, fn] of Object.entries(checks)) await st.test(what, fn);
        await page.screenshot({ path: join(dir, `${label}.png`), fullPage: true });
        await st.test('B3-01/B3-05 zero CSP / Trusted Types violations and reports, no unhandled rejection or uncaught error', () => j.checkCsp());
        await st.test('B1-03/B1-10 token only in Authorization: Bearer; no secret in any request; no token in console, events or DOM', () => j.checkLeaks());
        await st.test('B5-01 axe (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): zero violations', () => j.checkAxe());
      });
    },

    /** All the guard recorded on every page of the journey; the current page's axe windows left out. */
    async recorded() {
      const current = await guard(page);
      const inAxe = (i) => axeWindows.some(([a, b]) => i >= a && i < b);
      const all = [...pastGuards, { ...current, violations: current.violations.filter((_, i) => !inAxe(i)) }];
      return {
        violations: all.flatMap((g) => g.violations), unhandled: all.flatMap((g) => g.unhandled),
        errors: all.flatMap((g) => g.errors), events: all.flatMap((g) => g.events),
      };
    },

    async checkCsp() {
      await new Promise((r) => setTimeout(r, 150)); // a report is posted asynchronously
      const g = await j.recorded();
      const seen = { violations: g.violations, reports: stack.reports.filter((_, i) => !axeReports.has(i)), unhandled: g.unhandled, errors: g.errors, pageErrors };
      assert.deepEqual(seen, { violations: [], reports: [], unhandled: [], errors: [], pageErrors: [] });
    },

    /** Reads the access token through the host API of every element on the page (all share the session). */
    async readTokens() {
      const found = await page.evaluate(async () => {
        const els = [...document.querySelectorAll('lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link')];
        return Promise.all(els.map((e) => e.getAccessToken()));
      });
      for (const tk of found) if (tk) tokens.add(tk);
      return found.find(Boolean);
    },

    async checkLeaks() {
      await j.readTokens();
      await Promise.all(requests.map((r) => r.done));
      const problems = new Set();
      const expect = (ok, problem) => { if (!ok) problems.add(problem); };
      const secret = stack.apiSecret;
      const passwords = [PASSWORD, NEW_PASSWORD, WRONG_PASSWORD];
      for (const r of requests) {
        const where = `${r.method} ${r.url}`;
        const body = r.body ?? '';
        expect(!r.url.includes(secret) && !body.includes(secret), `API secret in ${where}`);
        for (const [h, v] of Object.entries(r.headers)) {
          expect(!v.includes(secret) && !/apisecret/i.test(h), `API secret in header ${h} of ${where}`);
          for (const pw of passwords) expect(!v.includes(pw), `a password in header ${h} of ${where}`);
        }
        for (const pw of passwords) expect(!r.url.includes(pw), `a password in the URL ${where}`);
        for (const tk of tokens) {
          expect(!r.url.includes(tk), `the access token in the URL ${where}`);
          expect(!body.includes(tk), `the access token in the body of ${where}`);
          for (const [h, v] of Object.entries(r.headers)) {
            if (!v.includes(tk)) continue;
            expect(h === 'authorization', `the access token in header ${h} of ${where}`);
            expect(h !== 'authorization' || v === `Bearer ${tk}`, `Authorization of ${where} is not exactly "Bearer <token>"`);
          }
        }
      }
      const g = await j.recorded();
      const dom = await page.evaluate(() => ({
        html: document.documentElement.outerHTML, text: document.body.innerText, url: location.href, title: document.title,
        values: [...document.querySelectorAll('input, textarea, select')].map((i) => i.value),
      }));
      for (const tk of tokens) {
        for (const line of consoleLines) expect(!line.includes(tk), `the access token in the console: ${line.slice(0, 80)}`);
        for (const e of g.events) expect(!e.detail.includes(tk), `the access token in the detail of ${e.type} from ${e.tag}`);
        expect(!dom.html.includes(tk), 'the access token in the DOM (markup or attributes)');
        expect(!dom.text.includes(tk) && !dom.url.includes(tk) && !dom.title.includes(tk), 'the access token in the page text, URL or title');
        expect(!dom.values.some((v) => v.includes(tk)), 'the access token in an input value');
      }
      for (const e of g.events) {
        expect(!/access_token|refresh_token|vtoken/i.test(e.detail), `a token field in the detail of ${e.type}`);
        for (const pw of passwords) expect(!e.detail.includes(pw), `a password in the detail of ${e.type}`);
        expect(!e.detail.includes(secret), `the API secret in the detail of ${e.type}`);
      }
      for (const line of consoleLines) for (const s of [...passwords, secret]) expect(!line.includes(s), `a password or the secret in the console: ${line.slice(0, 80)}`);
      for (const pw of passwords) expect(!dom.html.includes(pw), 'a password in the DOM markup (attributes)');
      assert.deepEqual([...problems], []);
    },

    async checkAxe() {
      const from = (await guard(page)).violations.length;
      const reportsFrom = stack.reports.length;
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async (tags) => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((x) => `${x.target.join(' ')} :: ${x.failureSummary}`) }));
      }, AXE_TAGS);
      await new Promise((r) => setTimeout(r, 50));
      const to = (await guard(page)).violations.length;
      axeWindows.push([from, to]);
      const caused = (await guard(page)).violations.slice(from, to);
      const causedReports = stack.reports.length - reportsFrom;
      for (let i = reportsFrom; i < stack.reports.length; i++) axeReports.add(i);
      assert.deepEqual(violations, [], 'axe violations');
      assert.deepEqual(caused, [], 'axe itself (test tooling, not the product) caused CSP / Trusted Types violations');
      assert.equal(causedReports, 0, 'axe itself caused CSP reports');
    },

    /** The focused element: a short selector-like description, its box and whether focus is visibly drawn. */
    active() {
      return page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return { what: 'body' };
        const host = a.closest('lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link');
        const own = a.getAttribute('name') ? `${a.localName}[name=${a.getAttribute('name')}]` : `${a.localName}.${[...a.classList].at(-1)}`;
        const r = a.getBoundingClientRect();
        const cs = getComputedStyle(a);
        const indicator = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
        let focusVisible = false;
        try { focusVisible = a.matches(':focus-visible'); } catch { /* old engine */ }
        return { what: `${host ? host.localName : 'page'} ${own}`, rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right }, indicator, focusVisible };
      });
    },

    /** Focuses an input and types like a user. */
    async typeInto(selector, text) {
      await page.focus(selector);
      await page.keyboard.type(text);
    },

    /** Selects the input's text and types over it. */
    async retype(selector, text) {
      await page.$eval(selector, (i) => { i.focus(); i.select(); });
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
    },

    /** Remembers the live regions present now, so `region()` can assert the one that speaks existed before. */
    markRegions() {
      return page.evaluate(() => { window.__journeyRegions = new Set(document.querySelectorAll('[role=status], [role=alert]')); });
    },

    /** The text of an element's own live region; asserts it was in the DOM before the step (B5-03). */
    async region(tag, role) {
      const r = await page.evaluate((tag, role) => {
        const el = document.querySelector(tag)?.querySelector(`:scope [role=${role}]`);
        return { text: el?.textContent.trim() ?? null, before: !window.__journeyRegions || window.__journeyRegions.has(el) };
      }, tag, role);
      assert.ok(r.text !== null, `${tag} has a role=${role} region`);
      assert.ok(r.before, `${tag} role=${role}: the region was not present before the step`);
      return r.text;
    },

    /** The focused field and every invalid field of an element, with its described error text. */
    async invalidState(tag) {
      const s = await page.evaluate((tag) => {
        const el = document.querySelector(tag);
        const invalid = [...el.querySelectorAll('[aria-invalid="true"]')].map((i) => {
          const errors = (i.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error')).map((id) => document.getElementById(id));
          return {
            name: i.getAttribute('name'), error: errors.map((e) => e?.textContent.trim() ?? '').join(' '),
            visible: errors.length > 0 && errors.every((e) => e && e.getRootNode() === i.getRootNode() && e.checkVisibility()),
          };
        });
        return { invalid };
      }, tag);
      return { ...s, active: (await j.active()).what };
    },

    /**
     * Paste in each field: a `paste` ClipboardEvent and an `insertFromPaste` beforeinput are not cancelled, no
     * `onpaste` handler is set, and a pasted value (set + `input` with inputType insertFromPaste) stays after the
     * element re-renders. The field is restored afterwards.
     */
    async pasteCheck(selectors) {
      for (const sel of selectors) {
        const r = await page.evaluate(async (sel) => {
          const input = document.querySelector(sel);
          const host = input.closest('lr-login, lr-register, lr-profile-editor, lr-email-manager, lr-email-link');
          const before = input.value;
          const text = 'pasted@example.com';
          const dt = new DataTransfer();
          dt.setData('text/plain', text);
          input.focus();
          const paste = input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true }));
          const beforeinput = input.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', data: text, bubbles: true, cancelable: true, composed: true }));
          input.value = text;
          input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: text, bubbles: true, composed: true }));
          await host.updateComplete;
          const kept = input.value === text;
          input.value = before;
          input.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true, composed: true }));
          await host.updateComplete;
          input.blur();
          return { paste, beforeinput, kept, onpaste: input.onpaste === null && input.form?.onpaste == null && input.getAttribute('onpaste') === null };
        }, sel);
        assert.deepEqual(r, { paste: true, beforeinput: true, kept: true, onpaste: true }, sel);
      }
    },

    /** The addresses listed by the email manager. */
    addresses() {
      return page.evaluate(() => [...document.querySelectorAll('lr-email-manager .lr-emails__item .lr-emails__address')].map((e) => e.textContent.trim()));
    },
  };
  return j;
}
