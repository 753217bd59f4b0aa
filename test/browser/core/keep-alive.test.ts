/**
 * Session keep-alive (issue 13) against the real emulator: a 6-second token, real key presses (WebDriver /
 * CDP input, trusted events) and two "tabs" (same-origin iframes, each with its own core modules, Session and
 * BroadcastChannel). Failures come from the emulator's fault controls.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as Core from '../../../src/core/index.js';
import { apiBase, apiKey, createAccount, emu, resetAll, resetPage, sleep, until } from '../helpers/index.js';
import { setPageVisible } from '../helpers/visibility.js';

const { auth } = emu;
const SLIDE = auth('access_token/sliding_token');
const LIFETIME = 6;

type Tab = { frame: HTMLIFrameElement; core: typeof Core; session: Core.Session };

/** Opens a "tab": a same-origin iframe with its own copy of the core. */
async function openTab(opts: { keepAlive?: boolean } = {}): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.title = 'tab';
  frame.style.width = '20rem';
  const ready = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = '/test/browser/fixtures/tab.html';
  document.body.append(frame);
  await ready;
  const win = frame.contentWindow as Window & { lrTab?: typeof Core };
  await until(() => win.lrTab, 'tab modules loaded', 10000);
  const core = win.lrTab!;
  core.configure({ apiKey, apiBase, ...(opts.keepAlive === false ? { keepAlive: false } : {}) });
  const session = core.getSession();
  await session.ready;
  return { frame, core, session };
}

/** One real key press in a tab's text field (a trusted `keydown` in that document). */
async function typeIn(tab: Tab, key = 'a'): Promise<void> {
  const input = tab.frame.contentDocument!.querySelector<HTMLInputElement>('#typing')!;
  tab.frame.contentWindow!.focus();
  input.focus();
  await sendKeys({ press: key === ' ' ? 'Space' : key });
}

async function signIn(tab: Tab) {
  const a = await createAccount({ FirstName: 'Kim' });
  await tab.session.login(a.email, a.password);
  return a;
}

/** Saves a profile change with the tab's current token (what a "Save" button does). */
const save = (tab: Tab, FirstName: string) =>
  tab.session.withToken((t) => tab.core.api.updateProfile(tab.session.config, t, { FirstName }));

const slides = async () => (await emu.requests('GET', SLIDE)).map((r) => Date.parse(r.Time));

describe('session keep-alive (6-second tokens)', function () {
  this.timeout(60000);
  let frames: HTMLIFrameElement[] = [];

  beforeEach(async () => {
    await resetAll();
    await emu.setConfig({ accessTokenLifetimeSeconds: LIFETIME });
  });
  afterEach(async () => {
    for (const f of frames) f.remove();
    frames = [];
    await resetPage();
  });

  const tab = async (opts?: { keepAlive?: boolean }) => {
    const t = await openTab(opts);
    frames.push(t.frame);
    return t;
  };

  it('a user typing for 20 s in either of two tabs saves without expiry, with one extension per period across both', async () => {
    const a = await tab();
    const b = await tab();
    await signIn(a);
    await until(() => b.session.state === 'authenticated', 'second tab follows the sign-in', 3000);
    await emu.clearRequests();
    const start = Date.now();
    // Both tabs have input (each one every second, alternating), so both want to extend when the token is due.
    for (let i = 0; Date.now() - start < 20000; i++) {
      await typeIn(i % 2 ? b : a);
      await sleep(1000);
    }
    await save(a, 'Kimberly');
    await save(b, 'Kim');
    expect(a.session.state).to.equal('authenticated');
    expect(b.session.state).to.equal('authenticated');
    const times = await slides();
    // 20 s of a 6 s token extended at 2/3 (4 s): about five extensions, and never two for one period.
    expect(times.length, `sliding requests: ${times.length}`).to.be.within(4, 6);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, 'gap between extensions').to.be.above(3000);
    // Both tabs hold the current token and expiry.
    expect(await b.session.getAccessToken()).to.equal(await a.session.getAccessToken());
  });

  it('an idle tab lets the token lapse: no extension, and the API then refuses it (906)', async () => {
    const a = await tab();
    await signIn(a);
    const token = (await a.session.getAccessToken())!;
    await emu.clearRequests();
    await sleep(LIFETIME * 1000 + 1500);
    expect(await slides()).to.have.length(0);
    let code: number | undefined;
    await a.core.api.validateToken(a.session.config, token).catch((e: Core.LrError) => (code = e.code));
    expect(code).to.equal(906);
    await save(a, 'Late').catch(() => undefined);
    expect(a.session.state).to.equal('anonymous'); // expires as today
  });

  it('a hidden tab (really in the background) makes no extension despite recent input and lets the token lapse', async () => {
    const a = await tab();
    await signIn(a);
    const doc = a.frame.contentDocument!;
    const seen: string[] = [];
    doc.addEventListener('visibilitychange', () => seen.push(doc.visibilityState));
    await emu.clearRequests();
    // Visible and in use: the token is extended (at 2/3 of its 6 s).
    const start = Date.now();
    while ((await slides()).length < 2 && Date.now() - start < 12000) {
      await typeIn(a);
      await sleep(500);
    }
    expect((await slides()).length, 'extensions while visible and in use').to.equal(2);
    // An input just now (so the tab is "in use" by input), then the page goes to the background.
    await typeIn(a);
    await setPageVisible(false);
    const hiddenAt = Date.now();
    try {
      expect(doc.visibilityState).to.equal('hidden');
      expect(seen, 'visibilitychange fired').to.deep.equal(['hidden']);
      const expired = new Promise<void>((resolve) => a.session.addEventListener('expired', () => resolve(), { once: true }));
      await sleep(LIFETIME * 1000 + 1500); // past the due time (4 s after the last extension) and the expiry (6 s)
      expect((await slides()).filter((t) => t >= hiddenAt), 'extensions while hidden').to.have.length(0);
      await setPageVisible(true);
      // The tab's own document (an iframe) may hear of it a moment after the page (seen in WebKit under load).
      await until(() => seen.length > 1, 'visibilitychange in the tab', 5000);
      expect(seen).to.deep.equal(['hidden', 'visible']);
      await typeIn(a); // back and active, but too late: nothing is extended after the expiry
      await sleep(500);
      expect(await slides(), 'no extension after the expiry').to.have.length(2);
      await save(a, 'Late').catch(() => undefined);
      await expired; // lr-session-expired on the elements
      expect(a.session.state).to.equal('anonymous');
    } finally {
      if (document.visibilityState === 'hidden') await setPageVisible(true);
    }
  });

  it('an idle tab extends once the user comes back before the expiry', async () => {
    const a = await tab();
    await signIn(a);
    await emu.clearRequests();
    await sleep(LIFETIME * 1000 * (2 / 3) + 800); // due, but no input yet: waiting
    expect(await slides()).to.have.length(0);
    await typeIn(a);
    await until(async () => (await slides()).length === 1, 'an extension on input', 3000);
    await sleep(1500); // past the original expiry
    await save(a, 'Back');
    expect(a.session.state).to.equal('authenticated');
  });

  it('input made before the sign-in counts as use (the keep-alive loads at the sign-in; its listeners run from the start)', async () => {
    const a = await tab();
    const account = await createAccount({ FirstName: 'Kim' });
    await typeIn(a); // typing on the signed-out page, before keep-alive.ts is loaded
    await a.session.login(account.email, account.password);
    await emu.clearRequests();
    await until(async () => (await slides()).length === 1, 'an extension at 2/3 of the lifetime without further input', LIFETIME * 1000);
    expect(a.session.state).to.equal('authenticated');
  });

  it('configure({keepAlive: false}) turns it off', async () => {
    const a = await tab({ keepAlive: false });
    await signIn(a);
    await emu.clearRequests();
    const end = Date.now() + LIFETIME * 1000 + 500;
    while (Date.now() < end) {
      await typeIn(a);
      await sleep(700);
    }
    expect(await slides()).to.have.length(0);
  });

  it('keep-alive="off" on an element turns it off', async () => {
    const a = await tab();
    const doc = a.frame.contentDocument!;
    const el = doc.createElement('lr-login');
    el.setAttribute('keep-alive', 'off');
    doc.body.append(el);
    await signIn(a);
    await emu.clearRequests();
    const end = Date.now() + LIFETIME * 1000 * (2 / 3) + 1500;
    while (Date.now() < end) {
      await typeIn(a);
      await sleep(700);
    }
    expect(await slides()).to.have.length(0);
  });

  it('a network failure or 5xx during an extension does not sign out; the retry extends', async () => {
    const a = await tab();
    await signIn(a);
    await emu.clearRequests();
    await emu.setFaults({ path: SLIDE, status: 503, times: 3 }); // three failed tries within the last third of 6 s
    const start = Date.now();
    while (Date.now() - start < LIFETIME * 1000 + 2000) {
      await typeIn(a);
      await sleep(700);
    }
    expect(a.session.state).to.equal('authenticated');
    const all = await emu.requests('GET', SLIDE);
    expect(all.length, 'failed tries and a successful retry').to.be.above(3);
    await save(a, 'Still here');
    expect(a.session.state).to.equal('authenticated');
  });
});
