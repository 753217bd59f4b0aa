import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/lr-register/lr-register.js';
import type {LrRegister} from '../../../src/elements/lr-register/register.js';
import {
  PASSWORD,
  admin,
  createAccount,
  emu,
  env,
  noSecrets,
  record,
  resetAll,
  runCredentialFormSuite,
  typeInto,
  ui,
  uniqueEmail,
  until,
} from './support.js';

const REGISTER = '/identity/v2/auth/register';
const REGISTER_CAPTCHA = '/identity/v2/auth/register/captcha';
const AVAILABILITY = '/identity/v2/auth/email';
const EVENTS = ['lr-registered', 'lr-logged-in', 'lr-logged-out', 'lr-session-changed', 'lr-error', 'lr-rate-limited'];
const UNAVAILABLE = 'Registration is not available right now. Please try again later.';

/** Mounts an `<lr-register>` on the emulator; `props` are set before it connects. */
async function mount(attrs: Record<string, string | boolean> = {}, props: Partial<LrRegister> = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('lr-register');
  el.setAttribute('apikey', env.apiKey);
  el.setAttribute('api-base', env.apiBase);
  for (const [k, v] of Object.entries(attrs)) if (v !== false) el.setAttribute(k, v === true ? '' : v);
  Object.assign(el, props);
  wrapper.append(el);
  await el.ready;
  await el.updateComplete;
  return el;
}

/** Types the fields (names first when present) and submits with Enter. */
async function fill(el: LrRegister, values: {email: string; password?: string; FirstName?: string; LastName?: string}) {
  for (const name of ['FirstName', 'LastName'] as const) {
    const v = values[name];
    if (v) await typeInto(ui.input(el, name), v);
  }
  await typeInto(ui.input(el, 'email'), values.email);
  await typeInto(ui.input(el, 'password'), values.password ?? PASSWORD);
}

async function submitAndWait(el: LrRegister, name: string, values: Parameters<typeof fill>[1]): Promise<CustomEvent> {
  await fill(el, values);
  const ev = oneEvent(el, name);
  await sendKeys({press: 'Enter'});
  const e = (await ev) as CustomEvent;
  await el.updateComplete;
  return e;
}

describe('<lr-register>', () => {
  beforeEach(resetAll);
  afterEach(() => emu.clearFaults());

  runCredentialFormSuite('lr-register', () => mount({fields: 'FirstName,LastName'}), [
    {name: 'FirstName', type: 'text', autocomplete: 'given-name'},
    {name: 'LastName', type: 'text', autocomplete: 'family-name'},
    {name: 'email', type: 'email', autocomplete: 'username'},
    {name: 'password', type: 'password', autocomplete: 'new-password'},
  ]);

  describe('structure', () => {
    it('has sensible defaults', () => {
      const el = document.createElement('lr-register');
      expect(el.sott).to.equal('');
      expect(el.sottUrl).to.equal('');
      expect(el.sottProvider).to.equal(undefined);
      expect(el.captcha).to.equal(false);
      expect(el.captchaProvider).to.equal(undefined);
      expect(el.verificationUrl).to.equal('');
      expect(el.fields).to.equal('');
      expect(el.requiredFields).to.equal('');
      expect(el.checkAvailability).to.equal(false);
      expect(el.passwordMinLength).to.equal(8);
      expect(el.hideWhenSignedIn).to.equal(false);
      expect(el.email).to.equal('');
    });

    it('maps attributes to properties', async () => {
      const el = await mount({
        sott: 's',
        'sott-url': '/sott',
        captcha: true,
        'verification-url': 'https://app.example/v',
        fields: 'FirstName, LastName',
        'required-fields': 'FirstName',
        'check-availability': true,
        'password-min-length': '10',
        'hide-when-signed-in': true,
        email: 'pre@example.test',
      });
      expect(el.sott).to.equal('s');
      expect(el.sottUrl).to.equal('/sott');
      expect(el.captcha).to.equal(true);
      expect(el.verificationUrl).to.equal('https://app.example/v');
      expect(el.fields).to.equal('FirstName, LastName');
      expect(el.requiredFields).to.equal('FirstName');
      expect(el.checkAvailability).to.equal(true);
      expect(el.passwordMinLength).to.equal(10);
      expect(el.hideWhenSignedIn).to.equal(true);
      expect(ui.input(el, 'email').value).to.equal('pre@example.test');
      expect(ui.input(el, 'password').minLength).to.equal(10);
    });

    it('renders a real light-DOM form with the right autocomplete tokens', async () => {
      const el = await mount({fields: 'FirstName,LastName', 'required-fields': 'LastName'});
      expect(el.shadowRoot).to.equal(null);
      const email = document.querySelector<HTMLInputElement>('lr-register input[autocomplete="username"]')!;
      const password = document.querySelector<HTMLInputElement>('lr-register input[autocomplete="new-password"]')!;
      const first = document.querySelector<HTMLInputElement>('lr-register input[autocomplete="given-name"]')!;
      const last = document.querySelector<HTMLInputElement>('lr-register input[autocomplete="family-name"]')!;
      for (const input of [email, password, first, last]) {
        expect(input, 'input').to.exist;
        expect(input.form).to.equal(email.form);
        expect(document.querySelector(`label[for="${input.id}"]`)).to.exist;
      }
      expect(email.type).to.equal('email');
      expect(password.type).to.equal('password');
      expect(password.maxLength).to.be.at.least(64);
      expect(first.required).to.equal(false);
      expect(last.required).to.equal(true);
      expect(document.querySelector(`label[for="${first.id}"]`)!.textContent).to.contain('(optional)');
      expect(email.form!.querySelector('button[type=submit]')).to.exist;
      expect(ui.describedBy(password)).to.deep.equal(['Use at least 8 characters.']);
      expect(el.querySelector('[role=alert]')).to.exist;
      expect(el.querySelector('[role=status]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('validation', () => {
    it('focuses the first invalid field on submit and clears errors as they are fixed', async () => {
      const el = await mount({fields: 'FirstName,LastName', 'required-fields': 'FirstName'});
      ui.submit(el).click();
      await el.updateComplete;
      const first = ui.input(el, 'FirstName');
      expect(document.activeElement).to.equal(first);
      expect(first.getAttribute('aria-invalid')).to.equal('true');
      expect(ui.describedBy(first)).to.deep.equal(['First name is required.']);
      expect(ui.input(el, 'LastName').hasAttribute('aria-invalid'), 'optional field').to.equal(false);
      expect(ui.input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      await typeInto(ui.input(el, 'password'), 'short');
      await el.updateComplete;
      const password = ui.input(el, 'password');
      expect(password.getAttribute('aria-invalid')).to.equal('true');
      // The hint turned into the error: one line (the hint hidden), recoloured, the only description.
      expect(ui.describedBy(password)).to.deep.equal(['Use at least 8 characters.']);
      expect(document.getElementById(`${password.id}-hint`)!.hidden, 'hint hidden while the error shows').to.equal(true);
      expect(document.getElementById(`${password.id}-error`)!.textContent!.trim()).to.equal('Use at least 8 characters.');
      await typeInto(password, ' and longer');
      await el.updateComplete;
      expect(password.hasAttribute('aria-invalid')).to.equal(false);
      expect(ui.describedBy(password)).to.deep.equal(['Use at least 8 characters.']);
      expect((await emu.requests('POST', REGISTER)).length).to.equal(0);
    });
  });

  describe('verification flows', () => {
    it('required: says "check your email", no session, and fires lr-registered {verificationRequired: true}', async () => {
      await emu.setConfig({verificationFlow: 'required'});
      const email = uniqueEmail('req');
      const el = await mount(
        {fields: 'FirstName', 'verification-url': `${location.origin}/verify`},
        {sottProvider: () => admin.sott()},
      );
      const rec = record(el, EVENTS);
      const ev = await submitAndWait(el, 'lr-registered', {email, FirstName: 'Ada'});
      rec.stop();
      expect(ev.detail).to.deep.equal({email, verificationRequired: true});
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(el.querySelector('form'), 'form gone').to.equal(null);
      expect(ui.$(el, '.lr-register__done').textContent).to.contain(email);
      expect(ui.$(el, '.lr-register__done').textContent).to.contain('verification link');
      expect(document.activeElement).to.equal(ui.$(el, '.lr-register__done .lr-notice'));
      expect(el.sessionState).to.equal('anonymous');
      expect(await el.getAccessToken()).to.equal(undefined);
      expect(rec.of('lr-logged-in')).to.have.length(0);
      const mail = await emu.lastMail(email, 'verification');
      expect(mail.Link).to.contain(`${location.origin}/verify?`);
      const account = await admin.getAccount(email);
      expect(account!.FirstName).to.equal('Ada');
      noSecrets(rec.events, PASSWORD);
      await expect(el).to.be.accessible();
    });

    it('optional: signs the user in and fires lr-registered {verificationRequired: false} and lr-logged-in', async () => {
      await emu.setConfig({verificationFlow: 'optional'});
      const email = uniqueEmail('opt');
      const el = await mount({fields: 'FirstName,LastName'}, {sott: await admin.sott()});
      const rec = record(el, EVENTS);
      const loggedIn = oneEvent(el, 'lr-logged-in');
      const ev = await submitAndWait(el, 'lr-registered', {email, FirstName: 'Grace', LastName: 'Hopper'});
      const li = (await loggedIn) as CustomEvent;
      rec.stop();
      expect(ev.detail).to.deep.equal({email, verificationRequired: false});
      expect(li.detail.profile).to.deep.include({Email: email, FirstName: 'Grace', LastName: 'Hopper'});
      expect(el.sessionState).to.equal('authenticated');
      expect(el.querySelector('input[type=password]')).to.equal(null);
      expect(ui.$(el, '.lr-register__done').textContent).to.contain('Grace Hopper');
      const token = await el.getAccessToken();
      expect(token).to.be.a('string').and.not.empty;
      noSecrets(rec.events, PASSWORD, token);
      expect(await emu.outbox(email)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('disabled: signs the user in without a verification email (SOTT from sott-url)', async () => {
      await emu.setConfig({verificationFlow: 'disabled'});
      const sott = await admin.sott();
      const email = uniqueEmail('dis');
      const el = await mount({'sott-url': `data:application/json,${encodeURIComponent(JSON.stringify({Sott: sott}))}`});
      const ev = await submitAndWait(el, 'lr-registered', {email});
      expect(ev.detail).to.deep.equal({email, verificationRequired: false});
      expect(el.sessionState).to.equal('authenticated');
      expect(await emu.outbox(email)).to.have.length(0);
    });

    it('accepts a plain-text SOTT from sott-url', async () => {
      await emu.setConfig({verificationFlow: 'required'});
      const sott = await admin.sott();
      const el = await mount({'sott-url': `data:text/plain,${encodeURIComponent(sott)}`});
      const ev = await submitAndWait(el, 'lr-registered', {email: uniqueEmail('txt')});
      expect(ev.detail.verificationRequired).to.equal(true);
    });

    it('hides itself once signed in with hide-when-signed-in', async () => {
      await emu.setConfig({verificationFlow: 'optional'});
      const el = await mount({'hide-when-signed-in': true}, {sottProvider: async () => admin.sott()});
      await submitAndWait(el, 'lr-registered', {email: uniqueEmail('hide')});
      expect(getComputedStyle(el).display).to.equal('none');
    });

    it('registers in captcha mode through /auth/register/captcha', async () => {
      await emu.setConfig({verificationFlow: 'required'});
      const config = await emu.getConfig();
      const el = await mount({captcha: true}, {captchaProvider: async () => config.captchaTestToken});
      const ev = await submitAndWait(el, 'lr-registered', {email: uniqueEmail('cap')});
      expect(ev.detail.verificationRequired).to.equal(true);
      expect((await emu.requests('POST', REGISTER_CAPTCHA)).length).to.equal(1);
      expect((await emu.requests('POST', REGISTER)).length).to.equal(0);
    });
  });

  describe('errors', () => {
    it('says registration is unavailable without a SOTT (1048) and keeps the input', async () => {
      const el = await mount();
      const email = uniqueEmail('nosott');
      const err = await submitAndWait(el, 'lr-error', {email});
      expect(err.detail).to.deep.equal({kind: 'api', code: 1048, message: UNAVAILABLE});
      expect(ui.alert(el)).to.equal(UNAVAILABLE);
      expect(ui.input(el, 'email').value).to.equal(email);
      expect(ui.input(el, 'password').value).to.equal(PASSWORD);
      expect(ui.submit(el).disabled).to.equal(false);
      noSecrets([err], PASSWORD);
      await expect(el).to.be.accessible();
    });

    it('says registration is unavailable with an invalid SOTT (1049)', async () => {
      const el = await mount({sott: 'not-a-valid-sott'});
      const err = await submitAndWait(el, 'lr-error', {email: uniqueEmail('badsott')});
      expect(err.detail).to.deep.equal({kind: 'api', code: 1049, message: UNAVAILABLE});
      expect(ui.alert(el)).to.equal(UNAVAILABLE);
    });

    it('does not register when the SOTT endpoint fails', async () => {
      const el = await mount({'sott-url': `${location.origin}/__no-such-sott-endpoint`});
      const err = await submitAndWait(el, 'lr-error', {email: uniqueEmail('sotturl')});
      expect(err.detail.message).to.equal(UNAVAILABLE);
      expect((await emu.requests('POST', REGISTER)).length).to.equal(0);
    });

    it('shows the CAPTCHA failure (1218)', async () => {
      const el = await mount({captcha: true}, {captchaProvider: () => 'wrong-token'});
      const err = await submitAndWait(el, 'lr-error', {email: uniqueEmail('badcap')});
      expect(err.detail.code).to.equal(1218);
      expect(ui.alert(el)).to.equal('The CAPTCHA check failed. Please try again.');
    });

    it('puts "already registered" (936) on the email field', async () => {
      const {email} = await createAccount();
      const el = await mount({}, {sottProvider: () => admin.sott()});
      const err = await submitAndWait(el, 'lr-error', {email});
      expect(err.detail.code).to.equal(936);
      const input = ui.input(el, 'email');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(ui.describedBy(input)).to.deep.equal([err.detail.message]);
      expect(err.detail.message).to.contain('already exists');
      expect(document.activeElement).to.equal(input);
      expect(ui.alert(el)).to.equal('Some fields were not accepted. Check them and try again.');
      expect(ui.input(el, 'password').value).to.equal(PASSWORD);
      await expect(el).to.be.accessible();
      // Editing the field clears the server error.
      await typeInto(input, 'x');
      await el.updateComplete;
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
    });

    it('puts a weak password (1216) on the password field', async () => {
      await emu.setConfig({passwordPolicy: {commonPasswordProtection: true}}); // a site with the live protection on
      const el = await mount({}, {sottProvider: () => admin.sott()});
      const err = await submitAndWait(el, 'lr-error', {email: uniqueEmail('weak'), password: '12345678'});
      expect(err.detail.code).to.equal(1216);
      const password = ui.input(el, 'password');
      expect(password.getAttribute('aria-invalid')).to.equal('true');
      expect(ui.describedBy(password).at(-1)).to.contain('too weak');
      expect(document.activeElement).to.equal(password);
    });

    it('maps 1134 Errors[] onto the fields', async () => {
      await emu.setConfig({passwordMinLength: 12});
      const el = await mount({}, {sottProvider: () => admin.sott()});
      const err = await submitAndWait(el, 'lr-error', {email: uniqueEmail('policy'), password: 'tulip-rv9'});
      expect(err.detail.code).to.equal(1134);
      const password = ui.input(el, 'password');
      expect(password.getAttribute('aria-invalid')).to.equal('true');
      // The error replaces the hint (one line): described by the error only.
      expect(ui.describedBy(password)).to.deep.equal([document.getElementById(`${password.id}-error`)!.textContent!.trim()]);
      expect(document.getElementById(`${password.id}-hint`)!.hidden).to.equal(true);
      expect(ui.input(el, 'email').hasAttribute('aria-invalid')).to.equal(false);
      expect(ui.alert(el)).to.equal('Some fields were not accepted. Check them and try again.');
    });

    it('sends one request however often the form is submitted while busy', async () => {
      await emu.setConfig({verificationFlow: 'required'});
      await emu.setFaults({path: REGISTER, method: 'POST', delayMs: 600, times: 1});
      const el = await mount({}, {sottProvider: () => admin.sott()});
      await fill(el, {email: uniqueEmail('double')});
      const done = oneEvent(el, 'lr-registered');
      ui.submit(el).click();
      ui.submit(el).click();
      await el.updateComplete;
      expect(ui.submit(el).disabled).to.equal(true);
      expect(ui.$(el, 'form').getAttribute('aria-busy')).to.equal('true');
      await sendKeys({press: 'Enter'});
      await done;
      expect((await emu.requests('POST', REGISTER)).length).to.equal(1);
    });

    it('counts down a 429 and says so plainly when the network drops', async () => {
      await emu.setFaults({path: REGISTER, method: 'POST', status: 429, retryAfter: 1, times: 1});
      const el = await mount({}, {sottProvider: () => admin.sott()});
      const limited = oneEvent(el, 'lr-rate-limited');
      const err = await submitAndWait(el, 'lr-error', {email: uniqueEmail('rl')});
      expect(err.detail.kind).to.equal('rate-limited');
      expect(((await limited) as CustomEvent).detail).to.deep.equal({retryAfterSeconds: 1});
      expect(ui.submit(el).disabled).to.equal(true);
      expect(ui.status(el)).to.equal('You can try again in 1 second.');
      await until(() => !ui.submit(el).disabled, 'submit to re-enable', 4000);

      await emu.setFaults({path: REGISTER, method: 'POST', drop: true});
      const offline = oneEvent(el, 'lr-error');
      await sendKeys({press: 'Enter'});
      const net = (await offline) as CustomEvent;
      await el.updateComplete;
      expect(net.detail.kind).to.equal('network');
      expect(ui.alert(el)).to.contain('internet connection');
      expect(ui.input(el, 'password').value).to.equal(PASSWORD);
    });
  });

  describe('availability check', () => {
    it('checks on blur after a change, never per keystroke, and marks a taken address', async () => {
      const {email} = await createAccount();
      const el = await mount({'check-availability': true});
      const input = ui.input(el, 'email');
      await typeInto(input, email);
      expect((await emu.requests('GET', AVAILABILITY)).length, 'no request while typing').to.equal(0);
      await sendKeys({press: 'Tab'});
      await until(() => input.getAttribute('aria-invalid') === 'true', 'the availability error');
      await el.updateComplete;
      expect(ui.describedBy(input)[0]).to.contain('already exists');
      expect((await emu.requests('GET', AVAILABILITY)).length).to.equal(1);
      // A free address: checked once, no error.
      input.focus();
      await typeInto(input, 'x');
      await el.updateComplete;
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      await sendKeys({press: 'Tab'});
      await until(async () => (await emu.requests('GET', AVAILABILITY)).length === 2, 'the second check');
      await el.updateComplete;
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
    });

    it('makes no availability request without check-availability', async () => {
      const {email} = await createAccount();
      const el = await mount();
      await typeInto(ui.input(el, 'email'), email);
      await sendKeys({press: 'Tab'});
      await new Promise((r) => setTimeout(r, 300));
      expect((await emu.requests('GET', AVAILABILITY)).length).to.equal(0);
    });
  });
});
