import {expect, fixture} from '@open-wc/testing';
import {getSession, Session} from '../../../src/core/session.js';
import {load, save} from '../../../src/core/store.js';
import {admin, createAccount, emu, env, resetAll, resetPage, until} from '../helpers/index.js';
import {TestDataHost} from './host.js';

const PROFILE = '/identity/v2/auth/account';
const reads = async () => (await emu.requests('GET', PROFILE)).length;

async function mountTwo(): Promise<[TestDataHost, TestDataHost]> {
  const wrapper = await fixture<HTMLElement>(
    `<div><test-data-host apikey="${env.apiKey}" api-base="${env.apiBase}"></test-data-host>
      <test-data-host apikey="${env.apiKey}" api-base="${env.apiBase}"></test-data-host></div>`,
  );
  const [a, b] = [...wrapper.querySelectorAll<TestDataHost>('test-data-host')] as [TestDataHost, TestDataHost];
  await Promise.all([a.ready, b.ready]);
  return [a, b];
}

describe('SignedInData', () => {
  beforeEach(resetAll);
  afterEach(() => emu.clearFaults());

  it('is signed-out without a session, then ready after a sign-in, with one profile read for two elements', async () => {
    const acc = await createAccount({FirstName: 'Dora'});
    const [a, b] = await mountTwo();
    await until(() => a.data.status === 'signed-out' && b.data.status === 'signed-out', 'signed-out');
    await emu.clearRequests();
    await getSession().login(acc.email, acc.password);
    await until(() => a.data.status === 'ready' && b.data.status === 'ready', 'both ready');
    expect(a.data.value!.FirstName).to.equal('Dora');
    expect(b.data.value).to.equal(a.data.value);
    expect(await reads()).to.equal(1);
  });

  it('loads on a page that starts signed in: one validate and one profile read for both elements', async () => {
    const acc = await createAccount();
    await getSession().login(acc.email, acc.password);
    // As if the page was opened later: the stored token's last validation is old, so it is validated again.
    const key = `${env.apiBase}|${env.apiKey}`;
    await save(key, {...(await load(key))!, validatedAt: 0});
    await resetPage({keepStorage: true});
    await emu.clearRequests();
    const [a, b] = await mountTwo();
    await until(() => a.data.status === 'ready' && b.data.status === 'ready', 'both ready');
    expect((await emu.requests('GET', '/identity/v2/auth/access_token/validate')).length).to.equal(1);
    expect(await reads()).to.equal(1);
  });

  it('clear()s on sign-out and drops an answer that arrives after it', async () => {
    const acc = await createAccount();
    await getSession().login(acc.email, acc.password);
    await emu.setFaults({path: PROFILE, method: 'GET', delayMs: 600, times: 1});
    const [a] = await mountTwo();
    expect(a.data.status).to.equal('loading');
    await getSession().logout();
    expect(a.data.status).to.equal('signed-out');
    await new Promise((r) => setTimeout(r, 900));
    expect(a.data.status, 'the late answer is dropped').to.equal('signed-out');
    expect(a.data.value).to.equal(undefined);
  });

  it('fails visibly (lr-error) and load() retries; a quiet reload keeps the value on failure', async () => {
    const acc = await createAccount();
    await getSession().login(acc.email, acc.password);
    await emu.setFaults({path: PROFILE, method: 'GET', status: 500, body: 'html'});
    const wrapper = await fixture<HTMLElement>(`<div></div>`);
    const el = document.createElement('test-data-host') as TestDataHost;
    const errors: CustomEvent[] = [];
    el.addEventListener('lr-error', (e) => errors.push(e as CustomEvent));
    wrapper.append(el);
    await until(() => el.data.status === 'failed', 'failed');
    expect(el.data.error!.kind).to.equal('server');
    expect(errors).to.have.length(1);
    await emu.clearFaults();
    await el.data.load();
    expect(el.data.status).to.equal('ready');
    await emu.setFaults({path: PROFILE, method: 'GET', status: 500, body: 'html'});
    await el.data.load({quiet: true});
    expect(el.data.status).to.equal('ready');
    expect(el.data.value).not.to.equal(undefined);
  });

  it('re-reads quietly when the page becomes visible, and when another tab changes the profile', async () => {
    const acc = await createAccount({FirstName: 'Old'});
    await getSession().login(acc.email, acc.password);
    const [a] = await mountTwo();
    await until(() => a.data.status === 'ready', 'ready');
    await admin.updateAccount(acc.Uid, {FirstName: 'New'});
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => a.data.value?.FirstName === 'New', 'the visible page to re-read');
    expect(a.data.status).to.equal('ready');

    await admin.updateAccount(acc.Uid, {FirstName: 'Third'});
    const other = new Session({apiKey: env.apiKey, apiBase: env.apiBase});
    await other.ready;
    await other.setProfile({...other.profile!, FirstName: 'Third'});
    await until(() => a.data.value?.FirstName === 'Third', 'the other-tab change to re-read');
    other._dispose();
  });
});
