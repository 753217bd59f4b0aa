import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import type {MessagePart} from '../../../src/i18n/en.js';
import {ensureLocale, hasMessage, msg, setLocaleLoader, setMessages} from '../../../src/i18n/index.js';
import {mfa as deMfa} from '../../../src/i18n/de/mfa.js';
import {mfaStep as deMfaStep} from '../../../src/i18n/de/mfa-step.js';
import {PASSWORD, admin, createAccount, emu, env, resetAll, typeInto, until} from '../elements/support.js';

/**
 * Issue 14: the texts come in parts, one per element and per lazily loaded step (src/i18n/en/<part>.ts), each
 * loading with the module that shows it. A part that loads later (the second step of a sign-in, loaded only when
 * a sign-in meets MFA) still takes a host's override made before it loaded, and comes in German through the part
 * loader (src/i18n/de/parts.ts), loaded lazily here through dynamic `import()`; the German parts are imported
 * statically only to compare with. (The whole table, src/i18n/de.js, serves the same step: de.test.ts.)
 */

const asked: string[] = [];
const askedParts: MessagePart[] = [];

function usePartLoader(): void {
  setLocaleLoader((locale) => {
    asked.push(locale);
    if (locale !== 'de') return undefined;
    return import('../../../src/i18n/de/parts.js').then((m) => (part: MessagePart) => (askedParts.push(part), m.default(part)));
  });
}

async function mountLogin(lang: string): Promise<LrLogin> {
  const wrapper = await fixture<HTMLElement>(`<div lang="${lang}"></div>`);
  const el = document.createElement('lr-login');
  el.apikey = env.apiKey;
  el.apiBase = env.apiBase;
  wrapper.append(el);
  await el.ready;
  return el;
}

const text = (el: Element, sel: string) => el.querySelector(sel)?.textContent?.trim() ?? '';
const labelOf = (el: Element, name: string) => {
  const input = el.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  return el.querySelector(`label[for="${input.id}"]`)!.textContent!.trim();
};

/** An MFA site, a user with the authenticator app, and the password step submitted: resolves at the second step. */
async function toSecondStep(el: LrLogin): Promise<void> {
  await emu.setConfig({mfa: 'required'});
  const user = await createAccount();
  await admin.mfaEnroll(user.email, PASSWORD);
  await until(() => el.querySelector('input[name=email]'), 'the sign-in form');
  await typeInto(el.querySelector<HTMLInputElement>('input[name=email]')!, user.email);
  await typeInto(el.querySelector<HTMLInputElement>('input[name=password]')!, PASSWORD);
  await sendKeys({press: 'Enter'});
  await until(() => el.querySelector('.lr-mfa input[name=code]'), 'the second step', 10000);
}

describe('message parts (issue 14)', function () {
  this.timeout(30000);
  beforeEach(async () => {
    await resetAll();
    asked.length = 0;
    askedParts.length = 0;
  });
  afterEach(() => setLocaleLoader(undefined));

  it('a German page loads only the parts of what it shows; a step part loaded later keeps an earlier override and comes in German', async () => {
    // First test of the page: the second step (and its texts) has not loaded.
    expect(hasMessage('mfa.submit'), 'the step part is not loaded yet').to.equal(false);
    expect(hasMessage('login.submit')).to.equal(true);
    setMessages('de', {'mfa.submit': 'Weiter zum Konto'});
    usePartLoader();
    const el = await mountLogin('de');
    await until(() => text(el, '.lr-form__submit') === 'Anmelden', 'the form in German');
    expect(asked).to.deep.equal(['de']);
    expect([...askedParts].sort(), 'forgot password is a lazy view: its part comes with it').to.deep.equal(['login', 'shared']);

    await toSecondStep(el);
    expect(askedParts, 'the step part is asked for as soon as it loads').to.include('mfa-step');
    // What a step can await after its import() to show its first text in the locale.
    await ensureLocale('de-AT');
    expect(msg('mfa.restart', {}, 'de-AT')).to.equal(deMfaStep['mfa.restart']);
    await until(() => labelOf(el, 'code') === deMfa['mfa.field.code'], 'the code label in German');
    expect(text(el, '.lr-mfa__submit'), 'the override made before the part loaded').to.equal('Weiter zum Konto');
    expect(el.querySelector('.lr-mfa')!.textContent).to.contain(deMfaStep['mfa.intro.authenticator'] as string);
    expect(text(el, '.lr-mfa__restart')).to.equal(deMfaStep['mfa.restart']);
    expect(askedParts.filter((p) => p === 'mfa-step'), 'each part once').to.have.length(1);
    expect(askedParts).to.not.include('mfa-settings');
    expect(askedParts).to.not.include('profile');

    // An override after the part loaded wins as well; English stays English.
    setMessages('de', {'mfa.restart': 'Von vorn'});
    await until(() => text(el, '.lr-mfa__restart') === 'Von vorn', 'the later override');
    expect(msg('mfa.submit')).to.equal('Verify');
    expect(msg('mfa.submit', {}, 'de-AT')).to.equal('Weiter zum Konto');
  });
});
