import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import '../../../src/elements/lr-login/lr-login.js';
import {LrLogin} from '../../../src/elements/lr-login/login.js';
import {msg, setLocaleLoader, setMessages} from '../../../src/i18n/index.js';
import {defineElement} from '../../../src/internal/define.js';
import {env, resetAll, ui} from './support.js';

async function mountIn(container: string): Promise<LrLogin> {
  const wrapper = await fixture<HTMLElement>(container);
  const el = document.createElement('lr-login');
  el.apikey = env.apiKey;
  el.apiBase = env.apiBase;
  (wrapper.querySelector('[data-slot]') ?? wrapper).append(el);
  await el.ready;
  await el.updateComplete;
  return el;
}

describe('element infrastructure', () => {
  beforeEach(resetAll);

  describe('defineElement', () => {
    it('skips a second definition of the same class silently and warns for a different class', () => {
      const warn = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        defineElement('lr-login', LrLogin);
        expect(warnings).to.have.length(0);
        class Other extends LitElement {}
        defineElement('lr-login', Other);
        expect(warnings).to.have.length(1);
        expect(String(warnings[0]![0])).to.contain('<lr-login>');
        expect(customElements.get('lr-login')).to.equal(LrLogin);
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('messages', () => {
    it('fills placeholders and picks plural forms', () => {
      expect(msg('error.retryIn', {count: 1})).to.equal('You can try again in 1 second.');
      expect(msg('error.retryIn', {count: 7})).to.equal('You can try again in 7 seconds.');
      expect(msg('login.signedInAs', {name: 'Ada'})).to.equal('Signed in as Ada');
      expect(msg('code.966')).to.equal(msg('code.1023'));
    });

    it('falls back from a regional locale to its language and then to English', () => {
      setMessages('x-lrtest', {'login.submit': 'Enter'});
      expect(msg('login.submit', {}, 'x-lrtest-CH')).to.equal('Enter');
      expect(msg('login.forgot', {}, 'x-lrtest-CH')).to.equal('Forgot your password?');
      expect(msg('login.submit', {}, 'zz')).to.equal('Sign in');
    });

    it('uses the nearest ancestor lang and re-renders when messages change', async () => {
      const el = await mountIn('<section lang="x-lrview"><div data-slot></div></section>');
      expect(ui.submit(el).textContent!.trim()).to.equal('Sign in');
      setMessages('x-lrview', {'login.submit': 'Log on', 'field.email': 'E-mail address'});
      await el.updateComplete;
      expect(ui.submit(el).textContent!.trim()).to.equal('Log on');
      expect(el.querySelector('label')!.textContent!.trim()).to.equal('E-mail address');
      // A sibling outside that lang keeps English.
      const en = await mountIn('<div></div>');
      expect(ui.submit(en).textContent!.trim()).to.equal('Sign in');
    });

    it('loads a missing locale once through the registered loader', async () => {
      const asked: string[] = [];
      setLocaleLoader(async (locale) => {
        asked.push(locale);
        return {'login.forgot': 'Mot de passe oublié ?'};
      });
      try {
        const el = await mountIn('<div lang="x-lrload"><div data-slot></div></div>');
        await mountIn('<div lang="x-lrload"><div data-slot></div></div>');
        await new Promise((r) => setTimeout(r, 50));
        await el.updateComplete;
        expect(asked).to.deep.equal(['x-lrload']);
        expect(el.querySelector('.lr-login__forgot')!.textContent!.trim()).to.equal('Mot de passe oublié ?');
      } finally {
        setLocaleLoader(undefined);
      }
    });
  });

  describe('styling', () => {
    it('switches colours with .lr-theme-dark / .lr-theme-light', async () => {
      const light = await mountIn('<div class="lr-theme-light"></div>');
      const dark = await mountIn('<div class="lr-theme-dark"></div>');
      const bg = (el: Element) => getComputedStyle(ui.input(el, 'email')).backgroundColor;
      expect(bg(light)).to.equal('rgb(255, 255, 255)');
      expect(bg(dark)).not.to.equal(bg(light));
      expect(getComputedStyle(dark).colorScheme).to.contain('dark');
    });

    it('lets page CSS override the tokens (layered styles lose to unlayered ones)', async () => {
      const el = await mountIn('<div></div>');
      const style = document.createElement('style');
      style.textContent = 'lr-login { --lr-button-background: rgb(1, 2, 3); } lr-login .lr-form__submit { color: rgb(4, 5, 6); }';
      document.head.append(style);
      try {
        expect(getComputedStyle(ui.submit(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(ui.submit(el)).color).to.equal('rgb(4, 5, 6)');
      } finally {
        style.remove();
      }
    });

    it('moves through the form in a logical Tab order with a visible focus ring', async () => {
      const el = await mountIn('<div><button id="before">before</button><div data-slot></div></div>');
      document.getElementById('before')!.focus();
      const order: string[] = [];
      for (let i = 0; i < 5; i++) {
        await sendKeys({press: 'Tab'});
        const a = document.activeElement as HTMLElement;
        order.push(a.getAttribute('name') ?? a.className.split(' ')[0]!);
        const cs = getComputedStyle(a);
        expect(cs.outlineStyle, `${order.at(-1)} outline`).not.to.equal('none');
        expect(parseFloat(cs.outlineWidth), `${order.at(-1)} outline width`).to.be.greaterThan(0);
      }
      expect(order).to.deep.equal(['email', 'password', 'lr-field__toggle', 'lr-form__submit', 'lr-form__link']);
      expect(el.contains(document.activeElement)).to.equal(true);
    });
  });
});
