/**
 * Where messages show, how long they stay and what they say after a language switch (issue 10, for <lr-login>,
 * <lr-register> and <lr-email-link>): real elements against the emulator.
 */
import {expect, fixture, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import '../../../src/elements/lr-email-link/lr-email-link.js';
import '../../../src/elements/lr-register/lr-register.js';
import type {LrRegister} from '../../../src/elements/lr-register/register.js';
import {de} from '../../../src/i18n/de.js';
import {setMessages} from '../../../src/i18n/index.js';
import {PASSWORD, admin, createAccount, emu, env, resetAll, typeInto, typeKeys, ui, uniqueEmail, until} from './support.js';

/** The visible text of an element: its text without the live regions that only announce (data-echo). */
function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const echo of copy.querySelectorAll('[data-echo]')) echo.remove();
  return copy.textContent!.replace(/\s+/g, ' ');
}
const count = (text: string, part: string) => text.split(part).length - 1;
const message = (el: Element) => el.querySelector<HTMLElement>('.lr-message')?.textContent?.trim() ?? '';

async function mountLogin(attrs = '', lang = 'en'): Promise<LrLogin> {
  const wrapper = await fixture<HTMLElement>(
    `<div lang="${lang}"><lr-login apikey="${env.apiKey}" api-base="${env.apiBase}" ${attrs}></lr-login></div>`,
  );
  const el = wrapper.querySelector('lr-login')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

async function signIn(el: LrLogin, email: string, password: string, event: 'lr-logged-in' | 'lr-error') {
  const done = oneEvent(el, event);
  await typeInto(ui.input(el, 'email'), email);
  await typeInto(ui.input(el, 'password'), password);
  await sendKeys({press: 'Enter'});
  await done;
  await el.updateComplete;
}

describe('messages of <lr-login>, <lr-register>, <lr-email-link>', () => {
  beforeEach(resetAll);
  afterEach(() => emu.clearFaults());

  it('signing out in one element while another shows "signed in as": neither says both', async () => {
    const {email} = await createAccount();
    const a = await mountLogin();
    const b = await mountLogin();
    await signIn(a, email, PASSWORD, 'lr-logged-in');
    await b.updateComplete;
    expect(visibleText(b)).to.contain(`Signed in as ${email}`);
    const out = oneEvent(a, 'lr-logged-out');
    a.querySelector<HTMLButtonElement>('.lr-login__sign-out')!.click();
    await out;
    await Promise.all([a.updateComplete, b.updateComplete]);
    for (const el of [a, b]) {
      expect(visibleText(el)).not.to.contain('Signed in as');
      expect(ui.input(el, 'password'), 'the form is back').to.exist;
    }
    expect(count(visibleText(a), 'You have signed out.'), 'said once, at the form').to.equal(1);
    expect(ui.status(a)).to.equal('You have signed out.');
    expect(visibleText(b)).not.to.contain('You are signed in.');
    expect(document.activeElement).to.equal(ui.input(a, 'email'));
  });

  it('a failed sign-in message shows at the submit row and disappears when the user edits the field', async () => {
    const {email} = await createAccount();
    const el = await mountLogin();
    await signIn(el, email, 'not the password', 'lr-error');
    const row = ui.submit(el).closest('.lr-form__actions')!;
    expect(row.querySelector('.lr-message')!.textContent!.trim()).to.equal('Email or password is incorrect.');
    expect(ui.alert(el)).to.equal('Email or password is incorrect.');
    expect(count(visibleText(el), 'Email or password is incorrect.'), 'shown once').to.equal(1);
    expect(document.activeElement).to.equal(ui.input(el, 'password'));
    await typeKeys('x');
    await el.updateComplete;
    expect(message(el)).to.equal('');
    expect(ui.alert(el)).to.equal('');
  });

  it('a success notice shows next to its button (resend verification), and focus stays in the element', async () => {
    await emu.setConfig({verificationFlow: 'required'});
    const email = uniqueEmail('resend');
    await createAccount({email, verified: false});
    const el = await mountLogin(`verification-url="${location.origin}/verify"`);
    await signIn(el, email, PASSWORD, 'lr-error');
    await until(() => el.querySelector('.lr-login__resend'), 'the resend button (loaded on the 970)');
    const resend = el.querySelector<HTMLButtonElement>('.lr-login__resend')!;
    expect(resend.closest('.lr-form__actions')!.querySelector('.lr-message')!.textContent).to.contain('not verified');
    resend.focus();
    const sent = oneEvent(el, 'lr-verification-sent');
    resend.click();
    await sent;
    await el.updateComplete;
    const row = ui.submit(el).closest('.lr-form__actions')!;
    expect(row.querySelector('.lr-message')!.textContent).to.contain(`We sent a new link to ${email}`);
    expect(row.querySelector('.lr-message')!.getAttribute('data-tone')).to.equal('success');
    expect(count(visibleText(el), 'We sent a new link'), 'shown once').to.equal(1);
    expect(document.activeElement, 'the resend button has gone; focus is not on <body>').to.equal(ui.submit(el));
  });

  it('says "If an account exists…" once after forgot password', async () => {
    const el = await mountLogin(`reset-password-url="${location.origin}/reset"`);
    el.querySelector<HTMLButtonElement>('.lr-login__forgot')!.click();
    await until(() => el.querySelector('.lr-login__forgot-form'), 'the forgot-password view'); // loaded on first use
    await el.updateComplete;
    await typeInto(el.querySelector<HTMLInputElement>('.lr-login__forgot-form input[name=email]')!, 'who@example.test');
    const done = oneEvent(el, 'lr-password-reset-requested');
    await sendKeys({press: 'Enter'});
    await done;
    await el.updateComplete;
    expect(count(visibleText(el), 'If an account exists'), 'visible once').to.equal(1);
    expect(ui.status(el), 'still announced').to.contain('If an account exists');
    expect(document.activeElement).to.equal(el.querySelector('.lr-login__forgot-sent .lr-notice'));
  });

  it('a language switch changes the messages already shown, and "Signed in as"', async () => {
    setMessages('de', de);
    const {email} = await createAccount();
    const el = await mountLogin();
    await signIn(el, email, 'not the password', 'lr-error');
    expect(message(el)).to.equal('Email or password is incorrect.');
    el.parentElement!.setAttribute('lang', 'de');
    await until(() => message(el) === de['code.966'], 'the shown message in German');
    expect(ui.alert(el)).to.equal(de['code.966']);
    await typeInto(ui.input(el, 'password'), PASSWORD);
    const inside = oneEvent(el, 'lr-logged-in');
    await sendKeys({press: 'Enter'});
    await inside;
    await el.updateComplete;
    expect(el.querySelector('.lr-login__who')!.textContent!.trim()).to.equal(`Angemeldet als ${email}`);
    el.parentElement!.setAttribute('lang', 'en');
    await until(() => el.querySelector('.lr-login__who')!.textContent!.trim() === `Signed in as ${email}`, 'English');
  });

  it('the register form-level message goes when the field is edited, and stays at the submit row until then', async () => {
    const {email} = await createAccount();
    const wrapper = await fixture<HTMLElement>(
      `<div><lr-register apikey="${env.apiKey}" api-base="${env.apiBase}"></lr-register></div>`,
    );
    const el = wrapper.querySelector<LrRegister>('lr-register')!;
    el.sottProvider = () => admin.sott();
    await el.ready;
    await el.updateComplete;
    await typeInto(ui.input(el, 'email'), email);
    await typeInto(ui.input(el, 'password'), PASSWORD);
    const failed = oneEvent(el, 'lr-error');
    ui.submit(el).click();
    await failed;
    await el.updateComplete;
    const row = ui.submit(el).closest('.lr-form__actions')!;
    expect(row.querySelector('.lr-message')!.textContent!.trim()).to.equal(
      'Some fields were not accepted. Check them and try again.',
    );
    expect(document.activeElement).to.equal(ui.input(el, 'email'));
    await typeKeys('m');
    await el.updateComplete;
    expect(message(el)).to.equal('');
    expect(ui.alert(el)).to.equal('');
  });

  it('a language switch re-renders the text of an email-link step already shown', async () => {
    setMessages('de', de);
    const wrapper = await fixture<HTMLElement>(
      `<div lang="en"><lr-email-link apikey="${env.apiKey}" api-base="${env.apiBase}" vtype="reset"></lr-email-link></div>`,
    );
    const el = wrapper.querySelector('lr-email-link')!;
    await el.updateComplete;
    const text = () => el.querySelector('.lr-link__message')!.textContent!.trim();
    expect(text()).to.contain('This link is incomplete');
    expect(document.activeElement).to.equal(el.querySelector('.lr-link__message'));
    wrapper.setAttribute('lang', 'de');
    await until(() => text() === de['link.missing'], 'the step text in German');
    expect(ui.alert(el)).to.equal(de['link.missing']);
  });
});
