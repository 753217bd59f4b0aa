import {expect, fixture, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import * as api from '../../../src/core/client.js';
import {LrError} from '../../../src/core/errors.js';
import {getSession} from '../../../src/core/session.js';
import {de} from '../../../src/i18n/de.js';
import {setMessages} from '../../../src/i18n/index.js';
import {ActionController} from '../../../src/internal/controllers/action.js';
import {createAccount, emu, env, resetAll, sleep, until} from '../helpers/index.js';
import {deferred, TestActionHost} from './host.js';

const alertText = (el: Element) => el.querySelector('[role=alert]')!.textContent!.trim();
const statusText = (el: Element) => el.querySelector('[role=status]')!.textContent!.trim();
const slotText = (el: Element, sel: string) => el.querySelector(`${sel} .lr-message`)?.textContent?.trim() ?? '';
const networkError = () => new LrError('network', 'The network request failed');

async function mount(lang = 'en'): Promise<TestActionHost> {
  const wrapper = await fixture<HTMLElement>(
    `<div lang="${lang}"><test-action-host apikey="${env.apiKey}" api-base="${env.apiBase}"></test-action-host></div>`,
  );
  const el = wrapper.querySelector<TestActionHost>('test-action-host')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

describe('ActionController', () => {
  beforeEach(resetAll);
  afterEach(() => {
    ActionController.successMs = 10000;
    return emu.clearFaults();
  });

  it('is busy while an action runs: blocked, one request per action, the progress text at its slot', async () => {
    const el = await mount();
    const answer = deferred<string>();
    let calls = 0;
    const first = el.act.run(() => (calls++, answer.promise), {progress: 'login.busy'});
    const second = await el.act.run(async () => (calls++, 'again'));
    await el.updateComplete;
    expect(second).to.deep.equal({ok: false});
    expect(calls).to.equal(1);
    expect(el.act.busy && el.act.blocked).to.equal(true);
    expect(el.querySelector<HTMLButtonElement>('.lr-form__submit')!.disabled).to.equal(true);
    expect(slotText(el, '.lr-form__actions')).to.equal('Signing in…');
    expect(statusText(el)).to.equal('Signing in…');
    expect(el.querySelector('[role=status]')!.hasAttribute('data-echo'), 'on screen: the region only announces').to.equal(true);
    answer.resolve('value');
    expect(await first).to.deep.equal({ok: true, value: 'value'});
    await el.updateComplete;
    expect(el.act.busy).to.equal(false);
    expect(el.querySelector<HTMLButtonElement>('.lr-form__submit')!.disabled).to.equal(false);
    expect(slotText(el, '.lr-form__actions')).to.equal('');
  });

  it('drops the answer of an older action when a newer one starts (its signal aborts)', async () => {
    const el = await mount();
    const old = deferred<string>();
    let signal: AbortSignal | undefined;
    const first = el.act.run((s) => ((signal = s), old.promise), {slot: 'item'});
    const second = el.act.run(async () => 'new');
    expect(signal!.aborted).to.equal(true);
    old.reject(networkError());
    expect(await first).to.deep.equal({ok: false});
    expect(await second).to.deep.equal({ok: true, value: 'new'});
    await el.updateComplete;
    expect(alertText(el), 'the stale failure is not shown').to.equal('');
    expect(slotText(el, '.item')).to.equal('');
  });

  it('drops an answer that arrives after a sign-out, and after a config change', async () => {
    const a = await createAccount();
    const el = await mount();
    await getSession().login(a.email, a.password);
    const answer = deferred<string>();
    const pending = el.act.run(() => answer.promise);
    await getSession().logout();
    answer.reject(networkError());
    expect(await pending).to.deep.equal({ok: false});
    await el.updateComplete;
    expect(alertText(el)).to.equal('');

    const again = deferred<string>();
    const next = el.act.run(() => again.promise);
    el.apiBase = env.apiBase + '/';
    await el.updateComplete;
    again.resolve('late');
    expect(await next).to.deep.equal({ok: false});
  });

  it('shows a failure at its slot, announces it once in the alert region, and reports lr-error', async () => {
    const el = await mount();
    const reported = oneEvent(el, 'lr-error');
    const r = await el.act.run(() => Promise.reject(networkError()));
    const ev = (await reported) as CustomEvent;
    await el.updateComplete;
    expect(r.ok).to.equal(false);
    const text = 'We could not reach the sign-in service. Check your internet connection and try again.';
    expect(ev.detail).to.deep.equal({kind: 'network', message: text});
    expect(slotText(el, '.lr-form__actions')).to.equal(text);
    expect(alertText(el)).to.equal(text);
    expect(el.querySelector('[role=alert]')!.hasAttribute('data-echo')).to.equal(true);
    expect(el.querySelectorAll('.lr-message').length, 'shown once').to.equal(1);
  });

  it('clears a message when the user edits its form', async () => {
    const el = await mount();
    await el.act.run(() => Promise.reject(networkError()));
    await el.updateComplete;
    expect(alertText(el)).not.to.equal('');
    el.querySelector<HTMLInputElement>('input[name=name]')!.focus();
    await sendKeys({type: 'x'});
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(slotText(el, '.lr-form__actions')).to.equal('');
  });

  it('clears a message when another action starts in the same element', async () => {
    const el = await mount();
    await el.act.run(() => Promise.reject(networkError()), {slot: 'item'});
    await el.updateComplete;
    expect(slotText(el, '.item')).not.to.equal('');
    const answer = deferred();
    const next = el.act.run(() => answer.promise);
    await el.updateComplete;
    expect(slotText(el, '.item')).to.equal('');
    expect(alertText(el)).to.equal('');
    answer.resolve();
    await next;
  });

  it('clears a message when the session state changes (sign-in, sign-out)', async () => {
    const a = await createAccount();
    const el = await mount();
    el.act.notify('login.signedOut');
    await el.updateComplete;
    expect(statusText(el)).to.equal('You have signed out.');
    await getSession().login(a.email, a.password);
    await el.updateComplete;
    expect(statusText(el)).to.equal('');
    el.act.notify('login.success');
    await el.updateComplete;
    await getSession().logout();
    await el.updateComplete;
    expect(statusText(el)).to.equal('');
  });

  it('re-renders a message already shown in the new language after a language switch', async () => {
    setMessages('de', de);
    const el = await mount();
    await el.act.run(() => Promise.reject(networkError()));
    await el.updateComplete;
    const english = slotText(el, '.lr-form__actions');
    el.parentElement!.setAttribute('lang', 'de');
    await until(() => slotText(el, '.lr-form__actions') !== english, 'the message to change language');
    expect(slotText(el, '.lr-form__actions')).to.equal(de['error.network']);
    expect(alertText(el)).to.equal(de['error.network']);
  });

  it('clears a success message by itself after successMs; an error stays', async () => {
    ActionController.successMs = 150;
    const el = await mount();
    el.act.notify('login.success', undefined, {slot: 'item'});
    await el.updateComplete;
    expect(slotText(el, '.item')).to.equal('You are signed in.');
    el.act.notify('error.generic', undefined, {tone: 'error'});
    await sleep(400);
    await el.updateComplete;
    expect(slotText(el, '.item')).to.equal('');
    expect(slotText(el, '.lr-form__actions')).to.equal('Something went wrong. Please try again.');
  });

  it('counts a 429 down at its slot, blocks new actions, then says "try again now"', async () => {
    const el = await mount();
    const limited = oneEvent(el, 'lr-rate-limited');
    await el.act.run(() => Promise.reject(new LrError('rate-limited', 'HTTP 429', {status: 429, retryAfter: 1})));
    expect(((await limited) as CustomEvent).detail).to.deep.equal({retryAfterSeconds: 1});
    await el.updateComplete;
    expect(el.act.blocked).to.equal(true);
    expect(slotText(el, '.lr-form__actions')).to.contain('You can try again in 1 second.');
    expect(await el.act.run(async () => 1)).to.deep.equal({ok: false});
    await until(() => !el.act.blocked, 'the countdown to end', 3000);
    await el.updateComplete;
    expect(statusText(el)).to.equal('You can try again now.');
  });

  it('focuses a control after success, and never leaves focus on <body> when the focused control goes away', async () => {
    const el = await mount();
    el.querySelector<HTMLButtonElement>('.lr-form__submit')!.focus();
    el.done = true; // the form (and the focused button) leave the DOM
    await el.updateComplete;
    expect(document.activeElement).not.to.equal(document.body);
    expect(el.contains(document.activeElement)).to.equal(true);
    await el.act.focus('.item-button');
    expect(document.activeElement).to.equal(el.querySelector('.item-button'));
  });

  it('runs real requests: a 500 from the API is shown and reported with its kind', async () => {
    await emu.setFaults({path: '/identity/v2/auth/login', status: 500, times: 1});
    const el = await mount();
    const r = await el.act.run((signal) => api.login(envConfig(), 'a@example.test', 'x', {signal}));
    expect(r.ok === false && r.error?.kind).to.equal('server');
    await el.updateComplete;
    expect(alertText(el)).to.contain('having trouble');
  });
});

function envConfig() {
  return {apiKey: env.apiKey, apiBase: env.apiBase, timeoutMs: 15000};
}
