import {expect, fixture, oneEvent} from '@open-wc/testing';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import {msg, setLocaleLoader} from '../../../src/i18n/index.js';
import {mfaStep as deMfaStep} from '../../../src/i18n/de/mfa-step.js';
import {PASSWORD, admin, createAccount, emu, env, resetAll, ui, uniqueEmail, until} from '../elements/support.js';

/**
 * The shipped German table (src/i18n/de.ts) is loaded lazily through `setLocaleLoader` and a dynamic
 * `import()`: this file never imports it statically.
 */
const asked: string[] = [];
let loads = 0;

function useGermanLoader(): void {
  setLocaleLoader((locale) => {
    asked.push(locale);
    if (locale !== 'de') return undefined;
    loads++;
    return import('../../../src/i18n/de.js').then((m) => m.default);
  });
}

/** Mounts `<lr-login>` inside `<div lang=…>` (or with no lang) and waits until its locale is in place. */
async function mountLogin(lang: string | null, expectedSubmit: string): Promise<LrLogin> {
  const wrapper = await fixture<HTMLElement>(lang === null ? '<div></div>' : `<div lang="${lang}"></div>`);
  const el = document.createElement('lr-login');
  el.apikey = env.apiKey;
  el.apiBase = env.apiBase;
  wrapper.append(el);
  await el.ready;
  await until(() => ui.submit(el)?.textContent?.trim() === expectedSubmit, `submit button reads "${expectedSubmit}"`, 5000);
  return el;
}

const labels = (el: Element) => [...el.querySelectorAll('.lr-login__form label')].map((l) => l.textContent!.trim());
const fieldError = (el: Element, name: string) =>
  ui.input(el, name).closest('.lr-field')!.querySelector('.lr-field__error')!.textContent!.trim();

function setValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true}));
}

describe('German locale (lazy, src/i18n/de.ts)', () => {
  beforeEach(async () => {
    await resetAll();
    asked.length = 0;
    useGermanLoader();
  });
  afterEach(() => setLocaleLoader(undefined));

  it('serves lang="de-AT" from the German table (regional locale falls back to its language)', async () => {
    const el = await mountLogin('de-AT', 'Anmelden');
    // The loader only knows `de`: it is asked for `de-at`, then for the parent `de`. (First test: nothing loaded yet.)
    expect(asked).to.deep.equal(['de-at', 'de']);
    expect(labels(el)).to.deep.equal(['E-Mail-Adresse', 'Passwort']);
    expect(msg('error.retryIn', {count: 1}, 'de-AT')).to.equal('Sie können es in 1 Sekunde erneut versuchen.');
    expect(msg('error.retryIn', {count: 5}, 'de-AT')).to.equal('Sie können es in 5 Sekunden erneut versuchen.');
  });

  it('loads on demand and shows German labels and links', async () => {
    const el = await mountLogin('de', 'Anmelden');
    expect(labels(el)).to.deep.equal(['E-Mail-Adresse', 'Passwort']);
    expect(el.querySelector('.lr-login__forgot')!.textContent!.trim()).to.equal('Passwort vergessen?');
    expect(el.querySelector('.lr-field__toggle')!.textContent!.trim()).to.equal('Passwort anzeigen');
  });

  it('validates in German on submit', async () => {
    const el = await mountLogin('de', 'Anmelden');
    ui.submit(el).click();
    await el.updateComplete;
    expect(fieldError(el, 'email')).to.equal('Geben Sie Ihre E-Mail-Adresse ein.');
    expect(fieldError(el, 'password')).to.equal('Geben Sie Ihr Passwort ein.');
    setValue(ui.input(el, 'email'), 'not-an-address');
    await el.updateComplete;
    expect(fieldError(el, 'email')).to.equal('Geben Sie eine E-Mail-Adresse im Format name@example.com ein.');
  });

  it('reports a wrong password in German, with the same message as an unknown account', async () => {
    const email = uniqueEmail('de');
    await createAccount({email});
    const el = await mountLogin('de', 'Anmelden');
    const tryLogin = async (address: string) => {
      setValue(ui.input(el, 'email'), address);
      setValue(ui.input(el, 'password'), `${PASSWORD}-wrong`);
      const error = oneEvent(el, 'lr-error');
      ui.submit(el).click();
      return (await error).detail;
    };
    const wrong = await tryLogin(email);
    await el.updateComplete;
    expect(wrong).to.deep.equal({kind: 'api', code: 966, message: 'E-Mail-Adresse oder Passwort ist falsch.'});
    expect(ui.alert(el)).to.equal('E-Mail-Adresse oder Passwort ist falsch.');
    const unknown = await tryLogin(uniqueEmail('de-nobody'));
    expect(unknown).to.deep.equal(wrong);
  });

  it('keeps English elements English on the same page, and loads the module once', async () => {
    const de = await mountLogin('de', 'Anmelden');
    const en = await mountLogin(null, 'Sign in');
    const enLang = await mountLogin('en-GB', 'Sign in');
    expect(labels(en)).to.deep.equal(['Email', 'Password']);
    expect(labels(enLang)).to.deep.equal(['Email', 'Password']);
    expect(labels(de)).to.deep.equal(['E-Mail-Adresse', 'Passwort']);
    expect(asked.filter((l) => l.startsWith('en'))).to.deep.equal([]);
    expect(loads).to.be.at.most(1);
    expect(msg('login.signedInAs', {name: 'Ada'}, 'de')).to.equal('Angemeldet als Ada');
    expect(msg('login.signedInAs', {name: 'Ada'})).to.equal('Signed in as Ada');
  });

  it('follows a lang change on an ancestor after the element is on the page', async () => {
    const el = await mountLogin('en', 'Sign in');
    el.parentElement!.lang = 'de';
    await until(() => ui.submit(el)?.textContent?.trim() === 'Anmelden', 'submit button reads "Anmelden"', 5000);
    expect(labels(el)).to.deep.equal(['E-Mail-Adresse', 'Passwort']);
    el.parentElement!.lang = 'en';
    await until(() => ui.submit(el)?.textContent?.trim() === 'Sign in', 'submit button reads "Sign in" again', 5000);
  });

  it('serves the texts of a step that loads later (the second step of a sign-in) from the same whole table', async function () {
    this.timeout(20000);
    // Issue 14: the step's texts are a part of their own that loads with the step, after the table was loaded.
    await emu.setConfig({mfa: 'required'});
    const user = await createAccount();
    await admin.mfaEnroll(user.email, PASSWORD);
    const el = await mountLogin('de', 'Anmelden');
    setValue(ui.input(el, 'email'), user.email);
    setValue(ui.input(el, 'password'), PASSWORD);
    ui.submit(el).click();
    await until(() => el.querySelector('.lr-mfa input[name=code]'), 'the second step', 10000);
    await el.updateComplete;
    expect(el.querySelector('.lr-mfa__submit')!.textContent!.trim()).to.equal(deMfaStep['mfa.submit']);
    expect(el.querySelector('.lr-mfa')!.textContent).to.contain(deMfaStep['mfa.intro.authenticator'] as string);
    expect(loads).to.be.at.most(1);
  });
});
