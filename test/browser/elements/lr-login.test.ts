import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {configure} from '../../../src/core/config.js';
import {LrError} from '../../../src/core/errors.js';
import {getSession, Session} from '../../../src/core/session.js';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import {
  PASSWORD,
  createAccount,
  emu,
  env,
  noSecrets,
  record,
  resetAll,
  runCredentialFormSuite,
  typeInto,
  typeKeys,
  uniqueEmail,
  until,
} from './support.js';

const {outbox, requests, setConfig} = emu;
const setFaults = (faults: emu.Fault[]) => emu.setFaults(...faults);

const LOGIN = '/identity/v2/auth/login';
const ALL_EVENTS = [
  'lr-logged-in',
  'lr-logged-out',
  'lr-session-changed',
  'lr-session-expired',
  'lr-error',
  'lr-rate-limited',
  'lr-verification-sent',
  'lr-password-reset-requested',
  'lr-storage-unavailable',
];

async function mount(attrs = ''): Promise<LrLogin> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><lr-login apikey="${env.apiKey}" api-base="${env.apiBase}" ${attrs}></lr-login></div>`,
  );
  const el = wrapper.querySelector('lr-login')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.querySelector<T & HTMLElement>(sel)!;
const emailInput = (el: Element) => $<HTMLInputElement>(el, 'input[name=email]');
const passwordInput = (el: Element) => $<HTMLInputElement>(el, 'input[name=password]');
const submit = (el: Element) => $<HTMLButtonElement>(el, '.lr-form__submit');
const alertText = (el: Element) => $(el, '[role=alert]').textContent!.trim();
const statusText = (el: Element) => $(el, '[role=status]').textContent!.trim();

async function fillAndSubmit(el: LrLogin, email: string, password: string): Promise<void> {
  await typeInto(emailInput(el), email);
  await typeInto(passwordInput(el), password);
  await sendKeys({press: 'Enter'});
}

/** Submits and resolves with the first `lr-error` or `lr-logged-in`. */
async function submitAndWait(el: LrLogin, name: 'lr-error' | 'lr-logged-in', email: string, password: string) {
  const ev = oneEvent(el, name);
  await fillAndSubmit(el, email, password);
  const e = (await ev) as CustomEvent;
  await el.updateComplete;
  return e;
}


describe('<lr-login>', () => {
  beforeEach(resetAll);
  afterEach(() => emu.clearFaults());

  runCredentialFormSuite('lr-login', () => mount(), [
    {name: 'email', type: 'email', autocomplete: 'username'},
    {name: 'password', type: 'password', autocomplete: 'current-password'},
  ]);

  describe('structure', () => {
    it('has sensible defaults', async () => {
      const el = document.createElement('lr-login');
      expect(el.apikey).to.equal('');
      expect(el.apiBase).to.equal('');
      expect(el.verificationUrl).to.equal('');
      expect(el.resetPasswordUrl).to.equal('');
      expect(el.hideWhenSignedIn).to.equal(false);
      expect(el.email).to.equal('');
    });

    it('maps attributes to properties', async () => {
      const el = await mount(
        'verification-url="https://app.example/verify" reset-password-url="https://app.example/reset" hide-when-signed-in email="a@example.test"',
      );
      expect(el.apikey).to.equal(env.apiKey);
      expect(el.apiBase).to.equal(env.apiBase);
      expect(el.verificationUrl).to.equal('https://app.example/verify');
      expect(el.resetPasswordUrl).to.equal('https://app.example/reset');
      expect(el.hideWhenSignedIn).to.equal(true);
      expect(emailInput(el).value).to.equal('a@example.test');
      expect(el.getAttribute('session-state')).to.equal('anonymous');
      expect(el.sessionState).to.equal('anonymous');
    });

    it('renders a real form in light DOM that the page can query', async () => {
      const el = await mount();
      expect(el.shadowRoot).to.equal(null);
      const email = document.querySelector<HTMLInputElement>('lr-login input[autocomplete~="username"]')!;
      const password = document.querySelector<HTMLInputElement>('lr-login input[autocomplete="current-password"]')!;
      expect(email, 'username input').to.exist;
      expect(password, 'password input').to.exist;
      expect(email.type).to.equal('email');
      expect(email.name).to.equal('email');
      expect(password.type).to.equal('password');
      expect(password.name).to.equal('password');
      expect(email.form).to.be.instanceOf(HTMLFormElement);
      expect(password.form).to.equal(email.form);
      expect(email.form!.noValidate).to.equal(true);
      const button = email.form!.querySelector<HTMLButtonElement>('button[type=submit]')!;
      expect(button.form).to.equal(email.form);
      // B1-01: no short maxlength, no autocomplete=off, paste not blocked.
      expect(password.maxLength === -1 || password.maxLength >= 64).to.equal(true);
      expect(el.querySelector('[autocomplete=off]')).to.equal(null);
      const paste = new Event('paste', {bubbles: true, cancelable: true});
      expect(password.dispatchEvent(paste)).to.equal(true);
      // Labels point at unique ids.
      for (const input of [email, password]) {
        expect(document.querySelector(`label[for="${input.id}"]`), input.name).to.exist;
        expect(document.querySelectorAll(`[id="${input.id}"]`).length).to.equal(1);
      }
      // Live regions are present from the first render.
      expect(el.querySelector('[role=alert]')).to.exist;
      expect(el.querySelector('[role=status]')).to.exist;
    });

    it('gives each instance its own ids and adopts its styles once per document', async () => {
      const a = await mount();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><lr-login apikey=${env.apiKey} api-base=${env.apiBase}></lr-login></div>`,
      );
      const b = wrapper.querySelector('lr-login')!;
      await b.ready;
      await b.updateComplete;
      expect(emailInput(a).id).not.to.equal(emailInput(b).id);
      const ours = document.adoptedStyleSheets.filter((s) =>
        [...s.cssRules].some((r) => r.cssText.includes('lr-login')),
      );
      expect(ours.length).to.equal(new Set(ours).size);
      expect(ours.length).to.be.greaterThan(0);
      expect(getComputedStyle(submit(a)).cursor).to.equal('pointer');
    });

    it('adopts its styles into an enclosing shadow root', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({mode: 'open'});
      const el = document.createElement('lr-login');
      el.apikey = env.apiKey;
      el.apiBase = env.apiBase;
      root.append(el);
      await el.ready;
      await el.updateComplete;
      expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
      expect(getComputedStyle(submit(el)).cursor).to.equal('pointer');
    });

    it('passes axe in the initial state', async () => {
      const el = await mount();
      await expect(el).to.be.accessible();
    });

    it('has a keyboard-reachable show-password toggle with aria-pressed', async () => {
      const el = await mount();
      const password = passwordInput(el);
      password.focus();
      await sendKeys({press: 'Tab'});
      const toggle = document.activeElement as HTMLButtonElement;
      expect(toggle.classList.contains('lr-field__toggle')).to.equal(true);
      expect(toggle.type).to.equal('button');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(passwordInput(el).type).to.equal('text');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(passwordInput(el).type).to.equal('password');
    });
  });

  describe('validation', () => {
    it('focuses the first invalid field on submit and sets, then clears, aria-invalid and aria-describedby', async () => {
      const el = await mount();
      const rec = record(el, ALL_EVENTS);
      submit(el).click();
      await el.updateComplete;
      const email = emailInput(el);
      expect(document.activeElement).to.equal(email);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = email.getAttribute('aria-describedby')!;
      expect(document.getElementById(describedBy)!.textContent!.trim()).to.equal('Enter your email address.');
      expect(passwordInput(el).getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      await typeKeys('ada@example.test');
      await el.updateComplete;
      expect(email.hasAttribute('aria-invalid')).to.equal(false);
      expect(email.hasAttribute('aria-describedby')).to.equal(false);
      expect((await requests('POST', LOGIN)).length).to.equal(0);
      expect(rec.events.filter((e) => e.type !== 'lr-session-changed')).to.have.length(0);
    });

    it('shows a field error only after the field loses focus with a change', async () => {
      const el = await mount();
      const email = emailInput(el);
      await typeInto(email, 'not-an-email');
      await el.updateComplete;
      expect(email.hasAttribute('aria-invalid'), 'no error while typing').to.equal(false);
      await sendKeys({press: 'Tab'});
      await el.updateComplete;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.contain(
        'name@example.com',
      );
    });
  });

  describe('signing in', () => {
    it('signs in, removes the password form, shows who is signed in and fires lr-logged-in without secrets', async () => {
      const email = uniqueEmail('ada');
      await createAccount({email});
      const el = await mount();
      const rec = record(document, ALL_EVENTS);
      const ev = await submitAndWait(el, 'lr-logged-in', email, PASSWORD);
      rec.stop();
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(ev.target).to.equal(el);
      expect(ev.detail.profile.Email).to.equal(email);
      expect(ev.detail.profile.Uid).to.be.a('string');
      expect(el.querySelector('input[type=password]'), 'password input gone').to.equal(null);
      expect(el.querySelector('form'), 'form gone').to.equal(null);
      expect($(el, '.lr-login__who').textContent).to.contain(email);
      expect(el.sessionState).to.equal('authenticated');
      expect(el.getAttribute('session-state')).to.equal('authenticated');
      expect(statusText(el)).to.equal('You are signed in.');
      const changed = rec.of('lr-session-changed').filter((e) => e.target === el);
      expect(changed.at(-1)!.detail).to.deep.include({state: 'authenticated', source: 'self'});
      const token = await el.getAccessToken();
      expect(token).to.be.a('string').and.not.empty;
      noSecrets(rec.events, PASSWORD, token);
      expect((await requests('POST', LOGIN)).length).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('reads autofilled values at submit time and sends a long Unicode password unchanged', async () => {
      const email = uniqueEmail('autofill');
      // 120 code points with spaces, accents, CJK and emoji (NFC), as a password manager would fill it.
      const password = ('Pässwörd 密码 🔑 ' + 'x'.repeat(10)).repeat(5).slice(0, 150);
      const trimmed = [...password].slice(0, 120).join('');
      await emu.setConfig({passwordPolicy: {maxLength: 128}}); // the live default allows 32; this site allows more
      await createAccount({email, password: trimmed});
      const el = await mount();
      // Autofill: values appear without key or input events.
      emailInput(el).value = email;
      passwordInput(el).value = trimmed;
      const done = oneEvent(el, 'lr-logged-in');
      submit(el).click();
      expect(((await done) as CustomEvent).detail.profile.Email).to.equal(email);
    });

    it('shows the signed-in view in a second element and lr-session-changed reaches every element', async () => {
      const email = uniqueEmail('two');
      await createAccount({email});
      const a = await mount();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><lr-login apikey=${env.apiKey} api-base=${env.apiBase}></lr-login></div>`,
      );
      const b = wrapper.querySelector('lr-login')!;
      await b.ready;
      const onB = oneEvent(b, 'lr-session-changed');
      await submitAndWait(a, 'lr-logged-in', email, PASSWORD);
      expect(((await onB) as CustomEvent).detail.state).to.equal('authenticated');
      await b.updateComplete;
      expect(b.querySelector('form')).to.equal(null);
      expect($(b, '.lr-login__who').textContent).to.contain(email);
    });

    it('hides itself while signed in with hide-when-signed-in', async () => {
      const email = uniqueEmail('hide');
      await createAccount({email});
      const el = await mount('hide-when-signed-in');
      await submitAndWait(el, 'lr-logged-in', email, PASSWORD);
      expect(getComputedStyle(el).display).to.equal('none');
      expect(el.querySelector('.lr-login__signed-in')).to.equal(null);
    });

    it('gives the same message for a wrong password and an unknown email, keeps the email, clears the password', async () => {
      const email = uniqueEmail('known');
      await createAccount({email});
      const el = await mount();
      const wrong = await submitAndWait(el, 'lr-error', email, 'wrong password here');
      const first = alertText(el);
      expect(first).to.equal('Email or password is incorrect.');
      expect(emailInput(el).value).to.equal(email);
      expect(passwordInput(el).value).to.equal('');
      expect(document.activeElement).to.equal(passwordInput(el));
      expect(wrong.detail).to.deep.equal({kind: 'api', code: 966, message: 'Email or password is incorrect.'});
      await expect(el).to.be.accessible();

      const el2 = await mount();
      const unknown = await submitAndWait(el2, 'lr-error', uniqueEmail('nobody'), 'wrong password here');
      expect(alertText(el2)).to.equal(first);
      expect(unknown.detail).to.deep.equal(wrong.detail);
      noSecrets([wrong, unknown], 'wrong password here');
    });

    it('offers to resend the verification email on 970, and the resend works', async () => {
      await setConfig({verificationFlow: 'required'});
      const email = uniqueEmail('unverified');
      await createAccount({email, verified: false});
      const el = await mount(`verification-url="${location.origin}/verify"`);
      const err = await submitAndWait(el, 'lr-error', email, PASSWORD);
      expect(err.detail.code).to.equal(970);
      expect(alertText(el)).to.contain('not verified');
      expect(passwordInput(el).value, 'password kept').to.equal(PASSWORD);
      await until(() => el.querySelector('.lr-login__resend'), 'the resend button (loaded on the 970)');
      const resend = $<HTMLButtonElement>(el, '.lr-login__resend');
      expect(resend).to.exist;
      const before = (await outbox(email)).filter((m) => m.Kind === 'verification').length;
      const sent = oneEvent(el, 'lr-verification-sent');
      resend.click();
      expect(((await sent) as CustomEvent).detail).to.deep.equal({email});
      await el.updateComplete;
      const mails = (await outbox(email)).filter((m) => m.Kind === 'verification');
      expect(mails.length).to.equal(before + 1);
      expect(mails.at(-1)!.Link).to.contain(`${location.origin}/verify?`);
      expect(statusText(el)).to.contain(email);
      expect(el.querySelector('.lr-login__resend')).to.equal(null);
    });
  });

  describe('failures', () => {
    it('counts down a 429 Retry-After in the status region and re-enables submit', async () => {
      await setFaults([{path: LOGIN, method: 'POST', status: 429, retryAfter: 2, times: 1}]);
      const el = await mount();
      const limited = oneEvent(el, 'lr-rate-limited');
      const err = await submitAndWait(el, 'lr-error', 'ada@example.test', PASSWORD);
      expect(((await limited) as CustomEvent).detail).to.deep.equal({retryAfterSeconds: 2});
      expect(err.detail.kind).to.equal('rate-limited');
      expect(alertText(el)).to.equal('Too many attempts. Please wait a moment before trying again.');
      expect(submit(el).disabled).to.equal(true);
      expect(statusText(el)).to.match(/You can try again in [12] seconds?\./);
      await until(() => statusText(el).includes('1 second.'), 'the countdown to reach 1 second');
      await until(() => !submit(el).disabled, 'submit to re-enable', 4000);
      await el.updateComplete;
      expect(statusText(el)).to.equal('You can try again now.');
      expect(emailInput(el).value).to.equal('ada@example.test');
      expect((await requests('POST', LOGIN)).length).to.equal(1);
    });

    it('says the service has trouble on a 500 with an HTML body, and keeps the input', async () => {
      await setFaults([{path: LOGIN, status: 500, body: 'html', times: 1}]);
      const el = await mount();
      const err = await submitAndWait(el, 'lr-error', 'ada@example.test', PASSWORD);
      expect(err.detail.kind).to.equal('server');
      expect(alertText(el)).to.equal(
        'The sign-in service is having trouble right now. Please try again in a few minutes.',
      );
      expect(alertText(el)).not.to.contain('<');
      expect(emailInput(el).value).to.equal('ada@example.test');
      expect(passwordInput(el).value).to.equal(PASSWORD);
      expect(submit(el).disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('says the request took too long on a timeout', async () => {
      configure({timeoutMs: 800});
      await setFaults([{path: LOGIN, delayMs: 3000, times: 1}]);
      const el = await mount();
      const err = await submitAndWait(el, 'lr-error', 'ada@example.test', PASSWORD);
      expect(err.detail).to.deep.equal({
        kind: 'timeout',
        message: 'The sign-in service took too long to answer. Please try again.',
      });
      expect(alertText(el)).to.equal(err.detail.message);
      expect(passwordInput(el).value).to.equal(PASSWORD);
    });

    it('says the connection failed when the network drops, and keeps the input', async () => {
      // No `times`: browsers may retry a request once when a reused connection drops.
      await setFaults([{path: LOGIN, drop: true}]);
      const el = await mount();
      const err = await submitAndWait(el, 'lr-error', 'ada@example.test', PASSWORD);
      expect(err.detail.kind).to.equal('network');
      expect(alertText(el)).to.contain('internet connection');
      expect(emailInput(el).value).to.equal('ada@example.test');
      expect(passwordInput(el).value).to.equal(PASSWORD);
      expect(submit(el).disabled).to.equal(false);
      expect(el.sessionState).to.equal('anonymous');
    });

    it('sends one request however often the form is submitted while busy', async () => {
      const email = uniqueEmail('double');
      await createAccount({email});
      await setFaults([{path: LOGIN, delayMs: 600, times: 1}]);
      const el = await mount();
      await typeInto(emailInput(el), email);
      await typeInto(passwordInput(el), PASSWORD);
      const done = oneEvent(el, 'lr-logged-in');
      const button = submit(el);
      button.click();
      button.click();
      await el.updateComplete;
      expect(button.disabled).to.equal(true);
      expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
      $<HTMLFormElement>(el, 'form').requestSubmit();
      passwordInput(el).focus();
      await sendKeys({press: 'Enter'});
      await done;
      expect((await requests('POST', LOGIN)).length).to.equal(1);
    });

    it('reports a missing API key instead of sending a request', async () => {
      configure({apiKey: ''});
      const wrapper = await fixture<HTMLDivElement>(html`<div><lr-login api-base=${env.apiBase}></lr-login></div>`);
      const el = wrapper.querySelector('lr-login')!;
      expect(await el.ready).to.equal('anonymous');
      await el.updateComplete;
      const err = await submitAndWait(el, 'lr-error', 'ada@example.test', PASSWORD);
      expect(err.detail.message).to.contain('API key');
      expect((await requests('POST', LOGIN)).length).to.equal(0);
    });
  });

  describe('forgot password', () => {
    async function requestReset(el: LrLogin, email: string): Promise<string> {
      $<HTMLButtonElement>(el, '.lr-login__forgot').click();
      // The view is a module of its own, loaded on this first click.
      await until(() => el.querySelector('.lr-login__forgot-form'), 'the forgot-password view');
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, '.lr-login__forgot-form input[name=email]');
      expect(document.activeElement).to.equal(input);
      input.value = '';
      await typeInto(input, email);
      const done = oneEvent(el, 'lr-password-reset-requested');
      await sendKeys({press: 'Enter'});
      expect(((await done) as CustomEvent).detail).to.equal(null);
      await el.updateComplete;
      return statusText(el);
    }

    it('answers the same whether or not the address exists; only the known one gets a reset email', async () => {
      const known = uniqueEmail('known');
      const unknown = uniqueEmail('unknown');
      await createAccount({email: known});
      const el = await mount(`reset-password-url="${location.origin}/reset"`);
      const a = await requestReset(el, known);
      expect($(el, '.lr-login__forgot-sent').textContent).to.contain(known);
      await expect(el).to.be.accessible();
      const el2 = await mount(`reset-password-url="${location.origin}/reset"`);
      const b = await requestReset(el2, unknown);
      expect(a.replace(known, 'X')).to.equal(b.replace(unknown, 'X'));
      expect(a).to.contain('If an account exists');
      const mails = (await outbox(known)).filter((m) => m.Kind === 'reset');
      expect(mails.length).to.equal(1);
      expect(mails[0]!.Link).to.contain(`${location.origin}/reset?`);
      expect(await outbox(unknown)).to.have.length(0);
    });

    it('carries the typed email between the views and back', async () => {
      const el = await mount();
      await typeInto(emailInput(el), 'carry@example.test');
      $<HTMLButtonElement>(el, '.lr-login__forgot').click();
      await until(() => el.querySelector('.lr-login__forgot-form'), 'the forgot-password view');
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '.lr-login__forgot-form input[name=email]').value).to.equal('carry@example.test');
      $<HTMLButtonElement>(el, '.lr-login__back').click();
      await el.updateComplete;
      expect(emailInput(el).value).to.equal('carry@example.test');
      expect(document.activeElement).to.equal(emailInput(el));
    });
  });

  describe('session', () => {
    it('signs out with lr-logged-out {reason: user} and shows the form again', async () => {
      const email = uniqueEmail('out');
      await createAccount({email});
      const el = await mount();
      await submitAndWait(el, 'lr-logged-in', email, PASSWORD);
      const token = await el.getAccessToken();
      const out = oneEvent(el, 'lr-logged-out');
      $<HTMLButtonElement>(el, '.lr-login__sign-out').click();
      const ev = (await out) as CustomEvent;
      expect(ev.detail).to.deep.equal({reason: 'user'});
      expect(ev.bubbles && ev.composed).to.equal(true);
      await el.updateComplete;
      expect(el.sessionState).to.equal('anonymous');
      expect(passwordInput(el)).to.exist;
      expect(statusText(el)).to.equal('You have signed out.');
      expect(await el.getAccessToken()).to.equal(undefined);
      expect(JSON.stringify(ev.detail)).not.to.contain(token!);
    });

    it('re-dispatches expiry, other-tab sign-out and storage failures from the element', async () => {
      const email = uniqueEmail('events');
      await createAccount({email});
      const el = await mount();
      await submitAndWait(el, 'lr-logged-in', email, PASSWORD);
      const rec = record(el, ALL_EVENTS);

      // Another tab signs out (a second Session on the same BroadcastChannel).
      const other = new Session({apiKey: env.apiKey, apiBase: env.apiBase});
      await other.ready;
      const loggedOut = oneEvent(el, 'lr-logged-out');
      await other.logout();
      expect(((await loggedOut) as CustomEvent).detail).to.deep.equal({reason: 'other-tab'});
      other._dispose();
      await el.updateComplete;
      expect(el.sessionState).to.equal('anonymous');
      expect(statusText(el)).to.equal('You signed out in another tab.');
      expect(rec.of('lr-session-changed').at(-1)!.detail).to.deep.include({state: 'anonymous', source: 'other-tab'});

      // Signed in again, then the API says the token expired.
      await submitAndWait(el, 'lr-logged-in', email, PASSWORD);
      const expired = oneEvent(el, 'lr-session-expired');
      getSession({apiKey: env.apiKey, apiBase: env.apiBase}).handleError(new LrError('api', 'expired', {code: 906}));
      expect(((await expired) as CustomEvent).detail).to.equal(null);
      await el.updateComplete;
      expect(rec.of('lr-logged-out').at(-1)!.detail).to.deep.equal({reason: 'expired'});
      expect(statusText(el)).to.equal('Your session has expired. Please sign in again.');
      expect(passwordInput(el)).to.exist;

      // Storage failures reported by the session reach the page from the element.
      const storage = oneEvent(el, 'lr-storage-unavailable');
      getSession({apiKey: env.apiKey, apiBase: env.apiBase}).dispatchEvent(
        new CustomEvent('storage-unavailable', {detail: {reason: 'quota'}}),
      );
      const se = (await storage) as CustomEvent;
      expect(se.detail).to.deep.equal({reason: 'quota'});
      expect(se.bubbles && se.composed).to.equal(true);
      rec.stop();
      for (const e of rec.events) expect(e.bubbles && e.composed, e.type).to.equal(true);
    });

    it('exposes the state to a late host: ready always settles', async () => {
      const el = document.createElement('lr-login');
      el.apikey = env.apiKey;
      el.apiBase = env.apiBase;
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.append(el);
      expect(await el.ready).to.equal('anonymous');
      expect(el.sessionState).to.equal('anonymous');
    });
  });
});
