/**
 * The Session against the real emulator and real IndexedDB: restore, validate-once, expiry, offline,
 * logout, other tabs (a second Session instance with its own BroadcastChannel), storage failures.
 */
import { expect } from '@open-wc/testing';
import * as api from '../../../src/core/client.js';
import { getSession, Session, type SessionState } from '../../../src/core/session.js';
import { load, save } from '../../../src/core/store.js';
import {
  admin,
  apiBase,
  apiKey,
  assertNoSecrets,
  cfg,
  createAccount,
  emu,
  failIndexedDBOpen,
  hangIndexedDBOpen,
  PASSWORD,
  quotaExceededOnWrite,
  recordEvents,
  removeIndexedDB,
  resetAll,
  resetPage,
  SESSION_EVENTS,
  until,
  uniqueEmail,
} from '../helpers/index.js';

const { auth } = emu;
const KEY = `${apiBase}|${apiKey}`;
const VALIDATE = auth('access_token/validate');

/** Signs a fresh account in through a Session, then "reloads the page" (storage kept). */
async function signedInThenReload({ fresh = false, FirstName = 'Ada' } = {}) {
  const a = await createAccount({ FirstName });
  const s = getSession();
  await s.ready;
  await s.login(a.email, a.password);
  const token = (await s.getAccessToken())!;
  if (!fresh) {
    // Pretend the last validation is old, so the next load must ask the API.
    await save(KEY, { ...(await load(KEY))!, validatedAt: 0 });
  }
  await resetPage({ keepStorage: true });
  await emu.clearRequests();
  return { ...a, token };
}

const states = (r: ReturnType<typeof recordEvents>) =>
  r.of('change').map((e) => (e.detail as { state: SessionState; source: string }).state + '/' + (e.detail as any).source);

describe('core session', () => {
  beforeEach(() => resetAll());
  afterEach(() => resetPage());

  it('empty storage → anonymous without any request', async () => {
    const s = getSession();
    const r = recordEvents(s, SESSION_EVENTS);
    expect(s.state).to.equal('loading');
    await s.ready;
    expect(s.state).to.equal('anonymous');
    expect(s.profile).to.equal(undefined);
    expect(states(r)).to.deep.equal(['anonymous/load']);
    expect(await s.getAccessToken()).to.equal(undefined);
    expect(await emu.requests()).to.deep.equal([]);
  });

  it('login → authenticated, minimal profile stored, events without token or password', async () => {
    const a = await createAccount({ FirstName: 'Ada', LastName: 'L', Gender: 'F' });
    const s = getSession();
    await s.ready;
    const r = recordEvents(s, SESSION_EVENTS);
    const profile = await s.login(a.email, a.password);
    const token = (await s.getAccessToken())!;
    expect(token).to.be.a('string').and.not.empty;
    expect(s.state).to.equal('authenticated');
    expect(profile).to.deep.equal({
      Uid: a.Uid, Email: a.email, FirstName: 'Ada', LastName: 'L', FullName: profile.FullName, EmailVerified: true,
    });
    expect(r.types()).to.deep.equal(['change', 'logged-in']);
    expect(r.of('change')[0]!.detail).to.deep.equal({ state: 'authenticated', profile, source: 'self' });
    expect(r.of('logged-in')[0]!.detail).to.deep.equal({ profile });
    assertNoSecrets(r.events, token, a.password);
    const stored = (await load(KEY))!;
    expect(Object.keys(stored).sort()).to.deep.equal(['expiresAt', 'profile', 'since', 'token', 'validatedAt']);
    expect(stored.token).to.equal(token);
    expect(Object.keys(stored.profile).sort()).to.deep.equal(['Email', 'EmailVerified', 'FirstName', 'FullName', 'LastName', 'Uid']);
  });

  it('a failed login changes nothing and stores nothing', async () => {
    const a = await createAccount();
    const s = getSession();
    await s.ready;
    const r = recordEvents(s, SESSION_EVENTS);
    const e = await s.login(a.email, 'wrong password here').catch((x) => x);
    expect([e.kind, e.code]).to.deep.equal(['api', 966]);
    expect(s.state).to.equal('anonymous');
    expect(r.events).to.deep.equal([]);
    expect(await load(KEY)).to.equal(undefined);
  });

  it('restores the session on reload with exactly one validate request, whatever the number of callers', async () => {
    const a = await signedInThenReload();
    await emu.setFaults({ path: VALIDATE, delayMs: 150 }); // keep the first validation in flight a while
    const s = getSession();
    const r = recordEvents(s, SESSION_EVENTS);
    expect(getSession()).to.equal(s);
    expect(getSession({ apiBase, apiKey })).to.equal(s);
    expect(getSession({ apiBase: apiBase + '/', apiKey })).to.equal(s);
    await Promise.all([s.ready, getSession().ready, getSession().getAccessToken()]);
    expect(s.state).to.equal('authenticated');
    expect(s.profile).to.include({ Uid: a.Uid, Email: a.email, FirstName: 'Ada' });
    expect(states(r)).to.deep.equal(['authenticated/load']);
    expect(r.of('logged-in')).to.deep.equal([]); // a restore is not a sign-in
    expect(await s.getAccessToken()).to.equal(a.token);
    const reqs = await emu.requests();
    expect(reqs.map((x) => x.Url.split('?')[0])).to.deep.equal([VALIDATE]);
    expect(reqs[0]!.Authorization).to.equal(true);
    expect(reqs[0]!.Url).not.to.contain(a.token);
    assertNoSecrets(r.events, a.token);
  });

  it('two tabs loading at once validate once (Web Locks, storage re-read under the lock)', async function () {
    if (!navigator.locks) this.skip();
    await signedInThenReload();
    await emu.setFaults({ path: VALIDATE, delayMs: 200 });
    const tabA = new Session({ apiBase, apiKey });
    const tabB = new Session({ apiBase, apiKey });
    await Promise.all([tabA.ready, tabB.ready]);
    expect([tabA.state, tabB.state]).to.deep.equal(['authenticated', 'authenticated']);
    expect(await emu.requests('GET', VALIDATE)).to.have.length(1);
  });

  it('a token validated seconds ago by another tab is not validated again', async () => {
    await signedInThenReload({ fresh: true });
    const s = getSession();
    await s.ready;
    expect(s.state).to.equal('authenticated');
    expect(await emu.requests()).to.deep.equal([]);
  });

  it('an expired token on load → cleared, `expired`, anonymous', async () => {
    await signedInThenReload();
    await emu.setConfig({ clockOffsetSeconds: 3600 }); // past the 900 s token lifetime
    const s = getSession();
    const r = recordEvents(s, SESSION_EVENTS);
    await s.ready;
    expect(s.state).to.equal('anonymous');
    expect(r.types()).to.deep.equal(['expired', 'change']);
    expect(states(r)).to.deep.equal(['anonymous/load']);
    expect(await load(KEY)).to.equal(undefined);
    expect(await s.getAccessToken()).to.equal(undefined);
  });

  it('a token invalidated on the server → cleared on load (905)', async () => {
    const a = await signedInThenReload();
    await api.invalidateToken(cfg(), a.token);
    const s = getSession();
    const r = recordEvents(s, SESSION_EVENTS);
    await s.ready;
    expect(s.state).to.equal('anonymous');
    expect(r.of('expired')).to.have.length(1);
    expect(await load(KEY)).to.equal(undefined);
  });

  it('offline on load keeps the token (state unknown) and re-validates when back online', async () => {
    const a = await signedInThenReload();
    await emu.setFaults({ path: VALIDATE, drop: true });
    const s = getSession();
    const r = recordEvents(s, SESSION_EVENTS);
    await s.ready;
    expect(s.state).to.equal('unknown');
    expect(s.profile).to.include({ Uid: a.Uid });
    expect(await s.getAccessToken()).to.equal(a.token);
    expect((await load(KEY))!.token).to.equal(a.token);
    expect(r.of('expired')).to.deep.equal([]);
    await emu.clearFaults();
    window.dispatchEvent(new Event('online'));
    await until(() => s.state === 'authenticated', 'revalidation after online');
    expect(states(r)).to.deep.equal(['unknown/load', 'authenticated/load']);
    expect(r.of('logged-out')).to.deep.equal([]);
  });

  for (const [what, fault] of [
    ['503', { status: 503, body: 'html' }],
    ['500', { status: 500 }],
    ['429', { status: 429, retryAfter: 5 }],
    ['a timeout', { delayMs: 1500 }],
  ] as const) {
    it(`${what} on load keeps the token (state unknown)`, async () => {
      const a = await signedInThenReload();
      await emu.setFaults({ path: VALIDATE, ...fault });
      const s = getSession({ apiBase, apiKey, timeoutMs: 500 });
      await s.ready;
      expect(s.state).to.equal('unknown');
      expect((await load(KEY))!.token).to.equal(a.token);
    });
  }

  it('logout clears local state first, then invalidates the token on the server', async () => {
    const a = await createAccount();
    const s = getSession();
    await s.ready;
    await s.login(a.email, a.password);
    const token = (await s.getAccessToken())!;
    const r = recordEvents(s, SESSION_EVENTS);
    await s.logout();
    expect(s.state).to.equal('anonymous');
    expect(r.types()).to.deep.equal(['change', 'logged-out']);
    expect(r.of('logged-out')[0]!.detail).to.deep.equal({ reason: 'user' });
    expect(await load(KEY)).to.equal(undefined);
    expect(await s.getAccessToken()).to.equal(undefined);
    const e = await api.validateToken(cfg(), token).catch((x) => x);
    expect(e.code).to.equal(905);
  });

  it('logout while offline still signs out locally', async () => {
    const a = await createAccount();
    const s = getSession();
    await s.ready;
    await s.login(a.email, a.password);
    await emu.setFaults({ path: auth('access_token/invalidate'), drop: true });
    await s.logout(); // does not throw
    expect(s.state).to.equal('anonymous');
    expect(await load(KEY)).to.equal(undefined);
    await resetPage({ keepStorage: true });
    const again = getSession();
    await again.ready;
    expect(again.state).to.equal('anonymous');
  });

  it('other tabs follow sign-in, profile changes and sign-out within 1 s', async () => {
    const a = await createAccount({ FirstName: 'Ada' });
    const here = getSession();
    const other = new Session({ apiBase, apiKey }); // another tab: its own BroadcastChannel
    await Promise.all([here.ready, other.ready]);
    const r = recordEvents(other, SESSION_EVENTS);

    await here.login(a.email, a.password);
    const token = (await here.getAccessToken())!;
    await until(() => other.state === 'authenticated', 'other tab signed in', 1000);
    expect(r.of('logged-in')[0]!.detail).to.deep.equal({ profile: here.profile });
    expect(r.of('change')[0]!.detail).to.deep.include({ state: 'authenticated', source: 'other-tab' });
    expect(await other.getAccessToken()).to.equal(token);

    await here.setProfile({ ...here.profile!, FirstName: 'Grace' });
    await until(() => other.profile?.FirstName === 'Grace', 'other tab profile', 1000);
    expect(r.of('change').pop()!.detail).to.deep.include({ state: 'authenticated', source: 'other-tab' });
    expect(r.of('logged-in')).to.have.length(1);

    await here.logout();
    await until(() => other.state === 'anonymous', 'other tab signed out', 1000);
    expect(r.of('logged-out')[0]!.detail).to.deep.equal({ reason: 'other-tab' });
    expect(r.of('change').pop()!.detail).to.deep.equal({ state: 'anonymous', profile: undefined, source: 'other-tab' });
    assertNoSecrets(r.events, token, a.password);
  });

  it('handleError(905/906) signs out once with `expired`, and other tabs follow', async () => {
    const a = await createAccount();
    const s = getSession();
    const other = new Session({ apiBase, apiKey });
    await Promise.all([s.ready, other.ready]);
    await s.login(a.email, a.password);
    await until(() => other.state === 'authenticated', 'other tab signed in', 1000);
    const token = (await s.getAccessToken())!;
    await api.invalidateToken(cfg(), token);
    const r = recordEvents(s, SESSION_EVENTS);
    const e = await api.readProfile(cfg(), token).catch((x) => x);
    expect(s.handleError(new Error('unrelated'))).to.equal(false);
    expect(s.handleError(e)).to.equal(true);
    expect(s.handleError(e)).to.equal(false);
    expect(r.types()).to.deep.equal(['expired', 'change', 'logged-out']);
    expect(r.of('logged-out')[0]!.detail).to.deep.equal({ reason: 'expired' });
    await until(() => other.state === 'anonymous', 'other tab signed out', 1000);
    expect(await load(KEY)).to.equal(undefined);
  });

  it('refreshProfile() picks up server-side changes; a revoked token signs out', async () => {
    const a = await createAccount({ FirstName: 'Old' });
    const s = getSession();
    await s.ready;
    await s.login(a.email, a.password);
    await admin.updateAccount(a.Uid, { FirstName: 'New' });
    const r = recordEvents(s, SESSION_EVENTS);
    expect((await s.refreshProfile())!.FirstName).to.equal('New');
    expect(s.profile!.FirstName).to.equal('New');
    expect((await load(KEY))!.profile.FirstName).to.equal('New');
    expect(r.of('change')[0]!.detail).to.deep.include({ source: 'self' });
    await api.invalidateToken(cfg(), (await s.getAccessToken())!);
    const e = await s.refreshProfile().catch((x) => x);
    expect(e.code).to.equal(905);
    expect(s.state).to.equal('anonymous');
    expect(r.of('expired')).to.have.length(1);
  });

  it('adopt() takes over a token from registration (optional verification flow)', async () => {
    await emu.setConfig({ verificationFlow: 'optional' });
    const email = uniqueEmail('reg');
    const res = await api.register(cfg(), { Email: [{ Type: 'Primary', Value: email }], Password: PASSWORD }, await admin.sott(), {
      verificationUrl: location.origin + '/verify',
    });
    const s = getSession();
    await s.ready;
    const r = recordEvents(s, SESSION_EVENTS);
    const profile = await s.adopt(res.Data!);
    expect(profile).to.include({ Email: email, EmailVerified: false });
    expect(s.state).to.equal('authenticated');
    expect(r.types()).to.deep.equal(['change', 'logged-in']);
    assertNoSecrets(r.events, res.Data!.access_token, PASSWORD);
  });

  describe('when IndexedDB fails', () => {
    const cases: [string, () => void, string][] = [
      ['is missing', removeIndexedDB, 'unsupported'],
      ['cannot be opened', () => void failIndexedDBOpen(), 'error'],
      ['is full', quotaExceededOnWrite, 'quota'],
    ];
    for (const [what, breakIt, reason] of cases) {
      it(`${what}: the session works in memory and says so once`, async () => {
        await resetPage();
        breakIt();
        const a = await createAccount();
        const s = getSession();
        const r = recordEvents(s, SESSION_EVENTS);
        await s.ready;
        expect(s.state).to.equal('anonymous');
        await s.login(a.email, a.password);
        expect(s.state).to.equal('authenticated');
        expect(await s.getAccessToken()).to.be.a('string');
        await s.setProfile({ ...s.profile!, FirstName: 'Mem' });
        await s.logout();
        expect(s.state).to.equal('anonymous');
        expect(r.of('storage-unavailable').map((e) => e.detail)).to.deep.equal([{ reason }]);
        expect(s.storageUnavailable).to.equal(reason);
      });
    }

    it('hangs: ready still settles (anonymous) within about 2 s', async () => {
      await resetPage();
      hangIndexedDBOpen();
      const s = getSession();
      const r = recordEvents(s, SESSION_EVENTS);
      const t0 = performance.now();
      await s.ready;
      expect(performance.now() - t0).to.be.below(3500);
      expect(s.state).to.equal('anonymous');
      expect(r.of('storage-unavailable').map((e) => e.detail)).to.deep.equal([{ reason: 'timeout' }]);
    });
  });
});
