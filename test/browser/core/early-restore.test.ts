/**
 * Issue 14, early session restore: the session of an element found before its upgrade (what the CDN loader does as
 * it discovers tags) starts reading IndexedDB and validating at once, with the element's attributes or the page's
 * `configure()`; the element, once upgraded, binds to that same Session and sees its load change once, as when
 * the restore began at its own upgrade. Real emulator, real IndexedDB; each test upgrades an element of its own
 * (a tag stays defined for the rest of the file), imported only after the restore is under way or done.
 */
import { expect } from '@open-wc/testing';
import * as api from '../../../src/core/client.js';
import { configure, expectSession } from '../../../src/core/early-session.js';
import { getSession, startSession, type SessionState } from '../../../src/core/session.js';
import { load, save } from '../../../src/core/store.js';
import { apiBase, apiKey, cfg, createAccount, emu, recordEvents, resetAll, resetPage, SESSION_EVENTS, sleep, until } from '../helpers/index.js';

const KEY = `${apiBase}|${apiKey}`;
const VALIDATE = emu.auth('access_token/validate');
type LrEl = HTMLElement & { sessionState: SessionState; ready: Promise<SessionState> };

/** Signs a fresh account in, marks its validation as old (so a load must ask the API), then "reloads the page". */
async function signedInThenReload() {
  const a = await createAccount({ FirstName: 'Ada' });
  const s = getSession();
  await s.ready;
  await s.login(a.email, a.password);
  const token = (await s.getAccessToken())!;
  await save(KEY, { ...(await load(KEY))!, validatedAt: 0 });
  await resetPage({ keepStorage: true });
  await emu.clearRequests();
  return { ...a, token };
}

/** An `lr-*` element in the page that is not upgraded yet, with the given attributes. */
function pending(tag: string, attrs: Record<string, string> = { apikey: apiKey, 'api-base': apiBase }): LrEl {
  expect(customElements.get(tag), `${tag} is not defined yet`).to.equal(undefined);
  const el = document.createElement(tag) as LrEl;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.dataset.early = '';
  document.body.append(el);
  return el;
}

/** What `lr-session-changed` / `lr-session-expired` the page sees, as `state/source` and `expired`. */
function pageEvents() {
  const seen: string[] = [];
  const onChange = (e: Event) => {
    const d = (e as CustomEvent<{ state: string; source: string }>).detail;
    seen.push(`${(e.target as Element).localName}:${d.state}/${d.source}`);
  };
  const onExpired = (e: Event) => seen.push(`${(e.target as Element).localName}:expired`);
  document.addEventListener('lr-session-changed', onChange);
  document.addEventListener('lr-session-expired', onExpired);
  return { seen, stop: () => (document.removeEventListener('lr-session-changed', onChange), document.removeEventListener('lr-session-expired', onExpired)) };
}

/** Imports element modules (the upgrade), then returns what the page saw once `count` events are in (+100 ms). */
async function upgrade(events: ReturnType<typeof pageEvents>, count: number, ...modules: (() => Promise<unknown>)[]) {
  await Promise.all(modules.map((m) => m()));
  await until(() => events.seen.length >= count, `${count} session event(s)`);
  await sleep(100);
  events.stop();
  return events.seen;
}

const validated = async () => ((await load(KEY))?.validatedAt ?? 0) > 0;

describe('early session restore (issue 14)', () => {
  beforeEach(() => resetAll());
  afterEach(async () => {
    document.querySelectorAll('body > [data-early]').forEach((e) => e.remove());
    await resetPage();
  });

  it('starts before the element is upgraded; the element then dispatches its load change once, on one validate', async () => {
    const a = await signedInThenReload();
    const events = pageEvents();
    const el = pending('lr-login');
    expectSession(el);
    // The validation is made and stored while lr-login is still a plain element.
    await until(validated, 'the stored token validated before the upgrade');
    expect(await emu.requests('GET', VALIDATE)).to.have.length(1);
    expect(customElements.get('lr-login')).to.equal(undefined);
    expect(await upgrade(events, 1, () => import('../../../src/elements/lr-login/lr-login.js'))).to.deep.equal(['lr-login:authenticated/load']);
    expect(await el.ready).to.equal('authenticated');
    expect(await emu.requests('GET', VALIDATE)).to.have.length(1);
    expect(getSession().profile).to.include({ Uid: a.Uid, FirstName: 'Ada' });
  });

  it('late configure: an element without an API key waits for configure(), then restores before its upgrade', async () => {
    await signedInThenReload();
    configure({ apiKey: '' }); // the page has no API key yet
    const events = pageEvents();
    const el = pending('lr-register', {});
    expectSession(el);
    await sleep(300);
    expect(await emu.requests(), 'nothing is asked without an API key').to.deep.equal([]);
    // Two calls in a row are seen together (the first alone would name the default API base).
    configure({ apiKey });
    configure({ apiBase });
    await until(validated, 'the stored token validated before the upgrade');
    expect(await upgrade(events, 1, () => import('../../../src/elements/lr-register/lr-register.js'))).to.deep.equal(['lr-register:authenticated/load']);
    expect(await el.ready).to.equal('authenticated');
    const reqs = await emu.requests();
    expect(reqs.map((r) => r.Url.split('?')[0])).to.deep.equal([VALIDATE]);
  });

  it('several API keys: each element gets its own session, the stored one validated once, the other never asked', async () => {
    await signedInThenReload();
    const events = pageEvents();
    const mine = pending('lr-email-manager');
    const other = pending('lr-profile-editor', { apikey: 'another-api-key', 'api-base': apiBase });
    expectSession(mine);
    expectSession(other);
    // The host also asks for the session meanwhile: still the same one, still one validation.
    startSession({ apiKey, apiBase });
    await until(validated, 'the stored token validated before the upgrade');
    const seen = await upgrade(events, 2,
      () => import('../../../src/elements/lr-email-manager/lr-email-manager.js'),
      () => import('../../../src/elements/lr-profile-editor/lr-profile-editor.js'));
    expect(seen.sort()).to.deep.equal(['lr-email-manager:authenticated/load', 'lr-profile-editor:anonymous/load']);
    expect(await mine.ready).to.equal('authenticated');
    expect(await other.ready).to.equal('anonymous');
    expect(await emu.requests('GET', VALIDATE)).to.have.length(1);
    expect((await emu.requests()).filter((r) => r.Url.includes('another-api-key'))).to.deep.equal([]);
  });

  it('a token revoked on the server: the early restore ends the session as a late one did (cleared, expired, anonymous)', async () => {
    const a = await signedInThenReload();
    await api.invalidateToken(cfg(), a.token);
    await emu.clearRequests();
    const events = pageEvents();
    const el = pending('lr-mfa-settings');
    expectSession(el);
    await until(async () => !(await load(KEY)), 'the revoked token cleared before the upgrade');
    const seen = await upgrade(events, 2, () => import('../../../src/elements/lr-mfa-settings/lr-mfa-settings.js'));
    expect(seen).to.deep.equal(['lr-mfa-settings:expired', 'lr-mfa-settings:anonymous/load']);
    expect(await el.ready).to.equal('anonymous');
    expect(await emu.requests('GET', VALIDATE)).to.have.length(1);
    expect(await getSession().getAccessToken()).to.equal(undefined);
  });

  it('the Session started early holds its events until getSession(), then delivers them in order, once', async () => {
    await signedInThenReload();
    startSession({ apiKey, apiBase });
    await until(validated, 'restored');
    const s = getSession();
    // Restored already, and the listeners added right after the call still get the load change.
    expect(s.state).to.equal('authenticated');
    const r = recordEvents(s, SESSION_EVENTS);
    await s.ready;
    await sleep(0);
    expect(r.of('change').map((e) => `${(e.detail as any).state}/${(e.detail as any).source}`)).to.deep.equal(['authenticated/load']);
    // Released for good: later calls and changes go out as usual, after the held ones.
    expect(getSession()).to.equal(s);
    await s.logout();
    expect(r.of('change').map((e) => `${(e.detail as any).state}/${(e.detail as any).source}`)).to.deep.equal(['authenticated/load', 'anonymous/self']);
    expect(await emu.requests('GET', VALIDATE)).to.have.length(1);
    expect(r.of('logged-in')).to.deep.equal([]);
  });
});
