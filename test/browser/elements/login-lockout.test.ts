/**
 * `<lr-login>` against the live service's answers (issue 11): sign-in by username or either, and each lockout
 * state of the emulator's Auth Security lockout (1198 suspend, 1132 CAPTCHA, 1148 security question, 991 block)
 * with its lifting. The locks come from real failed logins, never from faults.
 */
import {expect, fixture, oneEvent} from '@open-wc/testing';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import {PASSWORD, admin, createAccount, emu, env, noSecrets, record, resetAll, ui, until, fillValue as fill} from './support.js';

const PET = '7d3a1f0c9b2e4d6a8c5b1e0f3a2d4c6b';
const CAPTCHA_PASS = 'emulator-captcha-pass';

async function mount(attrs = ''): Promise<LrLogin> {
  const wrapper = await fixture<HTMLDivElement>(`<div><lr-login apikey="${env.apiKey}" api-base="${env.apiBase}" ${attrs}></lr-login></div>`);
  const el = wrapper.querySelector('lr-login')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

const idInput = (el: Element) => el.querySelector<HTMLInputElement>('.lr-login__form [autocomplete=username]')!;
const lock = (el: Element) => el.querySelector<HTMLElement>('.lr-login__lock');

/** One sign-in attempt; resolves with the `lr-error` or `lr-logged-in` it ends with. */
async function attempt(el: LrLogin, id: string, password: string): Promise<CustomEvent> {
  if (idInput(el).value !== id) fill(idInput(el), id);
  fill(ui.input(el, 'password'), password);
  const done = Promise.race([oneEvent(el, 'lr-error'), oneEvent(el, 'lr-logged-in')]);
  ui.submit(el).click();
  const e = (await done) as CustomEvent;
  await el.updateComplete;
  return e;
}

/** Logins that fail until the lock applies (the attempt reaching the threshold still answers 966). */
async function failTimes(el: LrLogin, id: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) expect((await attempt(el, id, 'wrong-password')).detail.code).to.equal(966);
}

describe('<lr-login> login-id and the live lockout', () => {
  beforeEach(resetAll);

  describe('login-id', () => {
    it('username: a text field named username, its own label and texts, signs in by username', async () => {
      const user = await createAccount({UserName: 'ada_l'});
      const el = await mount('login-id="username"');
      const input = idInput(el);
      expect([input.name, input.type, input.autocomplete]).to.deep.equal(['username', 'text', 'username']);
      expect(document.querySelector(`label[for="${input.id}"]`)!.textContent!.trim()).to.equal('Username');
      ui.submit(el).click();
      await el.updateComplete;
      expect(ui.describedBy(input)).to.include('Enter your username.');
      const wrong = await attempt(el, 'ada_l', 'nope');
      expect(wrong.detail).to.include({code: 966, message: 'Username or password is incorrect.'});
      const unknown = await attempt(el, 'nobody_here', 'nope');
      expect(unknown.detail).to.include({code: 966, message: 'Username or password is incorrect.'});
      const ok = await attempt(el, 'ADA_L', user.password);
      expect(ok.type).to.equal('lr-logged-in');
      expect(ok.detail.profile.Uid).to.equal(user.Uid);
    });

    it('either: one field for an address or a username, checked as such', async () => {
      const user = await createAccount({UserName: 'grace_h'});
      const el = await mount('login-id="either"');
      const input = idInput(el);
      expect([input.name, input.type, input.autocomplete]).to.deep.equal(['username', 'text', 'username']);
      expect(document.querySelector(`label[for="${input.id}"]`)!.textContent!.trim()).to.equal('Email or username');
      fill(input, 'grace@');
      fill(ui.input(el, 'password'), 'x');
      ui.submit(el).click();
      await el.updateComplete;
      expect(ui.describedBy(input)).to.include('Enter an email address in the format name@example.com, or your username.');
      expect(await emu.requests('POST', '/identity/v2/auth/login')).to.have.length(0);
      expect((await attempt(el, 'grace_h', 'nope')).detail.message).to.equal('Email/username or password is incorrect.');
      expect((await attempt(el, user.email, user.password)).type).to.equal('lr-logged-in');
      await el.updateComplete;
      el.querySelector<HTMLButtonElement>('.lr-login__sign-out')!.click();
      await until(() => idInput(el), 'the sign-in form again');
      expect(document.activeElement).to.equal(idInput(el));
      expect((await attempt(el, 'grace_h', user.password)).type).to.equal('lr-logged-in');
    });

    it('email stays the default (type=email, name=email)', async () => {
      const el = await mount('login-id="bogus"');
      expect([idInput(el).name, idInput(el).type]).to.deep.equal(['email', 'email']);
    });
  });

  describe('lockout', () => {
    it('1198: says when to try again, counts down, keeps the password, then signs in', async () => {
      await emu.setConfig({lockout: {threshold: 2, type: 'suspend', suspendSeconds: 3}});
      const user = await createAccount();
      const el = await mount();
      await failTimes(el, user.email, 2);
      const e = await attempt(el, user.email, user.password);
      expect(e.detail).to.include({code: 1198, message: 'Too many failed attempts: this account is locked for now. Try again later, or contact the site for help.'});
      await until(() => lock(el)?.dataset.lock === 'suspend', 'the suspend step');
      expect(ui.alert(el)).to.equal(e.detail.message);
      expect(ui.status(el)).to.match(/^You can try again at .+\.$/);
      expect(lock(el)!.textContent!.trim()).to.match(/^You can try again in [1-3] seconds?\.$/);
      expect(ui.input(el, 'password').value, 'what the user typed is kept').to.equal(user.password);
      expect(ui.submit(el).disabled).to.equal(true);
      await expect(el).to.be.accessible();
      await until(() => !ui.submit(el).disabled, 'the end of the suspend', 6000);
      expect(ui.status(el)).to.equal('You can try again now.');
      expect(lock(el)).to.equal(null);
      expect((await attempt(el, user.email, user.password)).type).to.equal('lr-logged-in');
    });

    it('1198: typing another account ends the wait for this one', async () => {
      await emu.setConfig({lockout: {threshold: 1, type: 'suspend', suspendSeconds: 300}});
      const user = await createAccount();
      const other = await createAccount();
      const el = await mount();
      await failTimes(el, user.email, 1);
      expect((await attempt(el, user.email, user.password)).detail.code).to.equal(1198);
      await until(() => ui.submit(el).disabled, 'the suspend step');
      expect(lock(el)!.textContent).to.match(/in 5 minutes\./);
      fill(idInput(el), other.email);
      await el.updateComplete;
      expect(ui.submit(el).disabled).to.equal(false);
      expect(lock(el)).to.equal(null);
      expect((await attempt(el, other.email, other.password)).type).to.equal('lr-logged-in');
    });

    it('1132: the next sign-in carries the captchaProvider token; a wrong one is 982; the right one lifts the lock', async () => {
      await emu.setConfig({lockout: {threshold: 1, type: 'captcha'}});
      const user = await createAccount();
      const el = await mount();
      const tokens = ['not-the-token', CAPTCHA_PASS];
      let calls = 0;
      el.captchaProvider = () => tokens[calls++]!;
      const events = record(el, ['lr-error', 'lr-logged-in']);
      await failTimes(el, user.email, 1);
      expect(calls, 'no CAPTCHA before the service asks').to.equal(0);
      const e = await attempt(el, user.email, user.password);
      expect(e.detail.code).to.equal(1132);
      await until(() => lock(el)?.dataset.lock === 'captcha', 'the CAPTCHA step');
      expect(lock(el)!.textContent!.trim()).to.equal('To continue, select “Sign in” again and complete the CAPTCHA check.');
      expect(ui.input(el, 'password').value).to.equal(user.password);
      await expect(el).to.be.accessible();
      expect((await attempt(el, user.email, user.password)).detail.code).to.equal(982);
      expect(ui.alert(el)).to.equal('The CAPTCHA check failed. Please try again.');
      expect(lock(el)?.dataset.lock, 'still a CAPTCHA step').to.equal('captcha');
      const ok = await attempt(el, user.email, user.password);
      expect(ok.type).to.equal('lr-logged-in');
      expect(calls).to.equal(2);
      noSecrets(events.events, CAPTCHA_PASS, user.password);
      expect((await admin.getAccount(user.email))!['IsLoginLocked']).to.equal(false);
    });

    it('1132 without a captchaProvider: says the page cannot show the check', async () => {
      await emu.setConfig({lockout: {threshold: 1, type: 'captcha'}});
      const user = await createAccount();
      const el = await mount();
      await failTimes(el, user.email, 1);
      expect((await attempt(el, user.email, user.password)).detail.code).to.equal(1132);
      await until(() => lock(el), 'the CAPTCHA step');
      expect(lock(el)!.textContent!.trim()).to.match(/^This page cannot show the CAPTCHA check/);
      await expect(el).to.be.accessible();
    });

    it('1148: shows the security question, sends the answer, 1094 on the field, the right answer lifts the lock', async () => {
      await emu.setConfig({lockout: {threshold: 1, type: 'securityquestion'}});
      const user = await createAccount();
      await admin.updateAccount(user.Uid, {securityquestionanswer: {[PET]: 'Rex'}});
      const el = await mount();
      await failTimes(el, user.email, 1);
      expect((await attempt(el, user.email, user.password)).detail.code).to.equal(1148);
      await until(() => ui.input(el, 'securityanswer'), 'the question field');
      const answer = ui.input(el, 'securityanswer');
      expect(document.querySelector(`label[for="${answer.id}"]`)!.textContent!.trim()).to.equal('What was the name of your first pet?');
      expect(document.activeElement).to.equal(answer);
      expect(ui.status(el)).to.equal('To continue, answer your security question and sign in again.');
      await expect(el).to.be.accessible();
      ui.submit(el).click();
      await el.updateComplete;
      expect(ui.describedBy(answer)).to.include('Enter the answer to your security question.');
      fill(answer, 'Max');
      const wrong = await attempt(el, user.email, user.password);
      expect(wrong.detail.code).to.equal(1094);
      expect(answer.getAttribute('aria-invalid')).to.equal('true');
      expect(ui.describedBy(answer)).to.include('This answer is not correct.');
      expect(el.querySelector('.lr-form__actions .lr-message'), 'said once, on the field').to.equal(null);
      expect([answer.value, ui.input(el, 'password').value]).to.deep.equal(['Max', user.password]);
      await expect(el).to.be.accessible();
      fill(answer, 'rex');
      expect((await attempt(el, user.email, user.password)).type).to.equal('lr-logged-in');
    });

    it('1148 for an account without answers: contact the site', async () => {
      await emu.setConfig({lockout: {threshold: 1, type: 'securityquestion'}});
      const user = await createAccount({UserName: 'no_answers'});
      const el = await mount('login-id="username"');
      await failTimes(el, 'no_answers', 1);
      expect((await attempt(el, 'no_answers', user.password)).detail.code).to.equal(1148);
      await until(() => lock(el)?.textContent?.includes('contact the site'), 'the no-question text');
      expect(ui.input(el, 'securityanswer')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('991: a blocked account is told to contact the site', async () => {
      await emu.setConfig({lockout: {threshold: 1, type: 'block'}});
      const user = await createAccount();
      const el = await mount();
      await failTimes(el, user.email, 1);
      const e = await attempt(el, user.email, user.password);
      expect(e.detail).to.include({code: 991, message: 'This account is blocked. Please contact the site for help.'});
      expect(ui.alert(el)).to.equal(e.detail.message);
      expect(ui.input(el, 'password').value).to.equal(user.password);
      expect(lock(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('per-IP rate limits stay 429 with a countdown (not a lock)', async () => {
      await emu.setConfig({rateLimit: {max: 1, windowSeconds: 2}});
      const user = await createAccount();
      const el = await mount();
      await failTimes(el, user.email, 1);
      const e = await attempt(el, user.email, user.password);
      expect(e.detail.kind).to.equal('rate-limited');
      expect(lock(el)).to.equal(null);
      expect(ui.submit(el).disabled, 'the 429 countdown').to.equal(true);
    });
  });
});
