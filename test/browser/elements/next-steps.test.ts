/**
 * Issue 16 (element side): a next step after every email-link outcome, the register card's "sent" step, the
 * sign-in before verifying (no second email unless asked), no verification state when the site does not verify,
 * the show-password toggle's name following its state, and the hint that turns into the error. Real emulator.
 */
import {expect, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import * as api from '../../../src/core/client.js';
import '../../../src/elements/lr-email-link/lr-email-link.js';
import type {LrEmailLink} from '../../../src/elements/lr-email-link/email-link.js';
import type {LrEmailManager} from '../../../src/elements/lr-email-manager/email-manager.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import type {LrRegister} from '../../../src/elements/lr-register/register.js';
import '../../../src/elements/lr-email-manager/lr-email-manager.js';
import '../../../src/elements/lr-login/lr-login.js';
import '../../../src/elements/lr-register/lr-register.js';
import {$, adminCreate, alertText, cfg, linkParams, mail, mount, settle, signIn, statusText, typeText} from './account-support.js';
import {until} from './support.js';
import {PASSWORD, admin, emu, getSott, outbox, requests, resetAll, setConfig, setFaults, uniqueEmail} from './support.js';

const LINK_PAGE = `${location.origin}/email-link`;
const RESEND = emu.auth('register'); // PUT: Resend Verification Email
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const verificationMails = async (to: string) => (await outbox(to)).filter((m) => m.Kind === 'verification');

/** Registers (Auth API, SOTT) and returns the verification mail. */
async function register(email: string) {
  await api.register(cfg(), {Email: [{Type: 'Primary', Value: email}], Password: PASSWORD}, await getSott(), {verificationUrl: LINK_PAGE});
  return mail(email, 'verification');
}

async function link(vtype: string, vtoken: string, extra = ''): Promise<LrEmailLink> {
  const el = await mount<LrEmailLink>('lr-email-link', `vtype="${vtype}" vtoken="${vtoken}" next-url="/signin" ${extra}`);
  await settle(el, () => !['idle', 'verifying'].includes(el.view), 'a result');
  return el;
}

describe('issue 16: next steps', function () {
  this.timeout(30000);
  beforeEach(resetAll);
  afterEach(() => setFaults([]));

  describe('<lr-email-link>', () => {
    it('names the verified address and offers "Continue" when the link signed the user in', async () => {
      const email = uniqueEmail('next');
      const {vtoken} = linkParams((await register(email)).Link);
      const el = await link('emailverification', vtoken);
      expect(el.view).to.equal('verified');
      expect(text($(el, '.lr-link__message'))).to.equal(`Your email address ${email} is verified and you are now signed in.`);
      const next = $<HTMLAnchorElement>(el, 'a.lr-link__next');
      expect([text(next), next.getAttribute('href')]).to.deep.equal(['Continue', '/signin']);
      await expect(el).to.be.accessible();
      // A host's own unlayered link colour (every site has one) must not paint the text the colour of the button.
      const host = document.head.appendChild(document.createElement('style'));
      host.textContent = 'a { color: rgb(26, 86, 196); }';
      try {
        const cs = getComputedStyle(next);
        expect(cs.color, 'text colour differs from the button').to.not.equal(cs.backgroundColor);
        expect(cs.color).to.not.equal('rgb(26, 86, 196)');
      } finally {
        host.remove();
      }
    });

    it('offers "Sign in" after a verification without sign-in and after a new password', async () => {
      await setConfig({loginOnEmailVerification: false});
      const email = uniqueEmail('next');
      const {vtoken} = linkParams((await register(email)).Link);
      const el = await link('emailverification', vtoken, `email="${email}"`);
      expect(text($(el, '.lr-link__message'))).to.equal(`Your email address ${email} is verified.`);
      expect(text($(el, 'a.lr-link__next'))).to.equal('Sign in');
      const reset = await link('reset', await admin.forgotToken(email));
      await typeText($(reset, 'input[name=password]'), 'a brand new passphrase');
      await typeText($(reset, 'input[name=confirmPassword]'), 'a brand new passphrase');
      const done = oneEvent(reset, 'lr-password-reset');
      await sendKeys({press: 'Enter'});
      await done;
      await reset.updateComplete;
      expect(text($(reset, 'a.lr-link__next'))).to.equal('Sign in');
      await expect(reset).to.be.accessible();
    });

    it('offers "Send a new link to …" for a used verification link whose address is known', async () => {
      const email = uniqueEmail('used');
      const {vtoken} = linkParams((await register(email)).Link);
      await api.verifyEmail(cfg(), vtoken);
      await admin.updateAccount((await admin.getAccount(email))!.Uid!, {EmailVerified: false});
      const el = await link('emailverification', vtoken, `email="${email}"`);
      expect(el.view).to.equal('failed');
      expect(text($(el, '.lr-link__message'))).to.contain('already been used');
      await settle(el, () => el.querySelector('.lr-link__resend'), 'the resend button (loaded with the failed step)');
      const resend = $<HTMLButtonElement>(el, '.lr-link__resend');
      expect(text(resend)).to.equal(`Send a new link to ${email}`);
      expect(text($(el, 'a.lr-link__next'))).to.equal('Sign in');
      await expect(el).to.be.accessible();
      const before = (await verificationMails(email)).length;
      const sent = oneEvent(el, 'lr-verification-sent');
      resend.click();
      expect(((await sent) as CustomEvent).detail).to.deep.equal({email});
      await el.updateComplete;
      const mails = await verificationMails(email);
      expect(mails.length).to.equal(before + 1);
      expect(mails.at(-1)!.Link).to.contain(`${location.origin}${location.pathname}?`);
      expect(text($(el, '.lr-next__actions .lr-message'))).to.equal(`We sent a new link to ${email}. Open it to finish.`);
      expect(text($(el, '.lr-resend__wait')), 'the countdown beside the button').to.match(/You can send another in \d+ seconds?\./);
      await expect(el).to.be.accessible();
    });

    it('asks for the address when a used link did not carry it, then sends the new link', async () => {
      const email = uniqueEmail('typed');
      const {vtoken} = linkParams((await register(email)).Link);
      await api.verifyEmail(cfg(), vtoken);
      await admin.updateAccount((await admin.getAccount(email))!.Uid!, {EmailVerified: false});
      const el = await link('emailverification', vtoken);
      const form = $<HTMLFormElement>(el, 'form.lr-link__renew');
      expect(text(form)).to.contain('Enter your email address and we will send you a new link.');
      await expect(el).to.be.accessible();
      await typeText($(form, 'input[name=email]'), email);
      const sent = oneEvent(el, 'lr-verification-sent');
      await sendKeys({press: 'Enter'});
      await sent;
      await settle(el, () => !el.querySelector('form.lr-link__renew'), 'the form to give way to the button');
      expect(text($(el, '.lr-link__resend'))).to.equal(`Send a new link to ${email}`);
      expect(statusText(el)).to.equal(`We sent a new link to ${email}. Open it to finish.`);
      expect(document.activeElement).to.equal($(el, '.lr-link__message'));
      await expect(el).to.be.accessible();
    });

    it('offers a new reset link for a used reset link', async () => {
      const email = uniqueEmail('reset');
      await adminCreate(email, PASSWORD);
      const token = await admin.forgotToken(email);
      await api.resetPassword(cfg(), token, 'the first new passphrase');
      const el = await link('reset', token, `email="${email}"`);
      await typeText($(el, 'input[name=password]'), 'another new passphrase');
      await typeText($(el, 'input[name=confirmPassword]'), 'another new passphrase');
      await sendKeys({press: 'Enter'});
      await settle(el, () => el.view === 'failed', 'the used-link step');
      expect(text($(el, '.lr-link__message'))).to.contain('already been used');
      const resend = $<HTMLButtonElement>(el, '.lr-link__resend');
      expect(text(resend)).to.equal(`Send a new link to ${email}`);
      await expect(el).to.be.accessible();
      resend.click();
      await settle(el, () => text(el.querySelector('.lr-next__actions .lr-message')).includes(email), 'the sent notice');
      const resets = (await outbox(email)).filter((m) => m.Kind === 'reset');
      expect(resets.length).to.equal(1);
      expect(resets[0]!.Link).to.contain(`${location.origin}${location.pathname}?`);
    });
  });

  describe('<lr-register>', () => {
    it('shows "Check your email" with the address and a resend whose countdown sits beside it', async () => {
      const el = await mount<LrRegister>('lr-register', `verification-url="${LINK_PAGE}"`);
      el.sottProvider = () => admin.sott();
      const email = uniqueEmail('sent');
      await typeText($(el, 'input[name=email]'), email);
      await typeText($(el, 'input[name=password]'), PASSWORD);
      const done = oneEvent(el, 'lr-registered');
      await sendKeys({press: 'Enter'});
      await done;
      await settle(el, () => el.querySelector('.lr-register__sent'), 'the sent step');
      const step = $(el, '.lr-register__sent');
      expect(text($(step, '.lr-next__title'))).to.equal('Check your email');
      expect(text($(step, '.lr-notice'))).to.equal(`We sent a verification link to ${email}. Open it to finish creating your account.`);
      await until(() => step.querySelector('.lr-register__resend'), 'the resend button (loaded with the step)');
      const resend = $<HTMLButtonElement>(step, '.lr-register__resend');
      expect(resend.disabled, 'the API has just sent one').to.equal(true);
      const wait = $(step, '.lr-resend__wait');
      expect(resend.parentElement).to.equal(wait.parentElement);
      expect(resend.getAttribute('aria-describedby')).to.equal(wait.id);
      await expect(el).to.be.accessible();
    });
  });

  describe('<lr-login> before verifying', () => {
    it('says the API sent a link, and sends no second email on a retried sign-in unless asked', async () => {
      await setConfig({verificationFlow: 'required'});
      const email = uniqueEmail('unverified');
      await adminCreate(email, PASSWORD, {EmailVerified: false});
      const el = await mount<LrLogin>('lr-login', `verification-url="${LINK_PAGE}"`);
      await typeText($(el, 'input[name=email]'), email);
      await typeText($(el, 'input[name=password]'), PASSWORD);
      for (const attempt of [1, 2]) {
        const err = oneEvent(el, 'lr-error');
        await sendKeys({press: 'Enter'});
        expect(((await err) as CustomEvent).detail.code).to.equal(970);
        const said = `Your email address is not verified yet. We just sent a new verification link to ${email}: open it, then sign in.`;
        expect(alertText(el), `attempt ${attempt}`).to.equal(said);
        expect(text($(el, '.lr-login__form .lr-message'))).to.equal(said);
        await until(() => el.querySelector('.lr-login__resend'), 'resend offered (loaded on the 970)');
        await expect(el).to.be.accessible();
      }
      // Only the API's own mails (one per 970 answer): the element sent none of its own.
      expect(await requests('PUT', RESEND)).to.have.length(0);
      expect(await verificationMails(email)).to.have.length(2);
    });
  });

  describe('<lr-email-manager> with verification off', () => {
    it('shows no "Not verified" and no resend when the signed-in primary address is unverified', async () => {
      await setConfig({verificationFlow: 'disabled'});
      const email = uniqueEmail('noverify');
      await adminCreate(email, PASSWORD, {EmailVerified: false});
      await signIn(email, PASSWORD);
      const el = await mount<LrEmailManager>('lr-email-manager');
      await settle(el, () => el.querySelector('.lr-emails__item'), 'the list');
      expect(text(el)).not.to.contain('Not verified');
      expect(el.querySelector('.lr-emails__state')).to.equal(null);
      expect(el.querySelector('.lr-emails__resend')).to.equal(null);
      expect(el.querySelector('.lr-emails__remove'), 'no Remove on the only address').to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('show-password toggle and hints', () => {
    it('is an icon button inside the field whose name follows aria-pressed, on both reset fields', async () => {
      const el = await mount<LrEmailLink>('lr-email-link', 'vtype="reset" vtoken="any-token"');
      const toggles = [...el.querySelectorAll<HTMLButtonElement>('.lr-field__toggle')];
      expect(toggles, 'one per password field, the repeat field too').to.have.length(2);
      const inputs = [...el.querySelectorAll<HTMLInputElement>('input[type=password]')];
      for (const [i, t] of toggles.entries()) {
        expect(t.closest('.lr-field__control')).to.equal(inputs[i]!.closest('.lr-field__control'));
        expect(t.querySelector('svg')).to.exist;
        expect([text(t), t.getAttribute('aria-pressed')]).to.deep.equal(['Show password', 'false']);
        // Inside the frame: the input keeps the control's full width.
        expect(inputs[i]!.getBoundingClientRect().width).to.equal(t.closest('.lr-field__control')!.getBoundingClientRect().width);
      }
      toggles[1]!.click();
      await el.updateComplete;
      for (const t of el.querySelectorAll<HTMLButtonElement>('.lr-field__toggle')) {
        expect([text(t), t.getAttribute('aria-pressed')]).to.deep.equal(['Hide password', 'true']);
      }
      expect([...el.querySelectorAll<HTMLInputElement>('.lr-field__input')].map((i) => i.type)).to.deep.equal(['text', 'text']);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.lr-field__toggle').click();
      await el.updateComplete;
      expect(text($(el, '.lr-field__toggle'))).to.equal('Show password');
    });

    it('turns the hint into the error (one line) and back', async () => {
      const el = await mount<LrEmailLink>('lr-email-link', 'vtype="reset" vtoken="any-token"');
      const input = $<HTMLInputElement>(el, 'input[name=password]');
      const hint = document.getElementById(`${input.id}-hint`)!;
      const error = document.getElementById(`${input.id}-error`)!;
      expect(input.getAttribute('aria-describedby')).to.equal(hint.id);
      await typeText(input, 'short');
      input.dispatchEvent(new Event('change', {bubbles: true}));
      await el.updateComplete;
      expect([hint.hidden, error.hidden, text(error)]).to.deep.equal([true, false, 'Use at least 8 characters.']);
      expect(input.getAttribute('aria-describedby')).to.equal(error.id);
      expect(getComputedStyle(error).color).not.to.equal(getComputedStyle($(el, '.lr-field__label')).color);
      await expect(el).to.be.accessible();
      await typeText(input, ' and longer');
      await el.updateComplete;
      expect([hint.hidden, error.hidden]).to.deep.equal([false, true]);
      expect(input.getAttribute('aria-describedby')).to.equal(hint.id);
    });
  });
});
