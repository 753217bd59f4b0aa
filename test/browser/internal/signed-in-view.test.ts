import {expect, fixture} from '@open-wc/testing';
import {html, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import * as api from '../../../src/core/client.js';
import {getSession} from '../../../src/core/session.js';
import {ActionController} from '../../../src/internal/controllers/action.js';
import {SignedInData} from '../../../src/internal/controllers/signed-in-data.js';
import {SignedInView} from '../../../src/internal/controllers/signed-in-view.js';
import {defineElement} from '../../../src/internal/define.js';
import {LrElement} from '../../../src/internal/lr-element.js';
// The host below shows lr-profile-editor's texts: like an element, it imports their part (issue 14).
import '../../../src/i18n/en/profile.js';
import {createAccount, emu, env, resetAll, resetPage, until} from '../helpers/index.js';

/** A signed-in-only element: the profile's first name when ready, the view's placeholder otherwise. */
class TestViewHost extends LrElement {
  @property({type: Boolean}) hideWhenSignedOut = false;
  readonly act = new ActionController(this);
  readonly data = new SignedInData(this);
  userChanges = 0;
  readonly view = new SignedInView(this, this.act, this.data, {
    prefix: 'test',
    loading: 'profile.loading',
    signedOut: 'profile.signedOut',
    onUserChange: () => this.userChanges++,
  });

  override render(): TemplateResult {
    const body = this.data.value ? html`<p class="name">${this.data.value.FirstName}</p>` : this.view.placeholder();
    return html`${body}${this.act.regions()}`;
  }
}
defineElement('test-view-host', TestViewHost);

const PROFILE = '/identity/v2/auth/account';
const text = (el: Element, sel: string) => el.querySelector(sel)?.textContent?.trim() ?? '';

async function mount(): Promise<TestViewHost> {
  const wrapper = await fixture<HTMLElement>(`<div><test-view-host apikey="${env.apiKey}" api-base="${env.apiBase}"></test-view-host></div>`);
  const el = wrapper.querySelector<TestViewHost>('test-view-host')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

describe('SignedInView', () => {
  beforeEach(resetAll);
  afterEach(() => emu.clearFaults());

  it('renders the signed-out body, then the data; a sign-out elsewhere empties it and calls onUserChange', async () => {
    const acc = await createAccount({FirstName: 'Dora'});
    const el = await mount();
    expect(text(el, '.test__signed-out')).to.contain('Sign in');
    await getSession().login(acc.email, acc.password);
    await until(() => text(el, '.name') === 'Dora', 'the data');
    const changes = el.userChanges;
    await getSession().logout();
    await el.updateComplete;
    expect(el.querySelector('.name')).to.equal(null);
    expect(el.userChanges, 'the user on screen changed').to.equal(changes + 1);
  });

  it('says "You signed out in another tab." after the change, and clears it on the next sign-in', async () => {
    const acc = await createAccount({FirstName: 'Dora'});
    await getSession().login(acc.email, acc.password);
    const el = await mount();
    await until(() => text(el, '.name') === 'Dora', 'the data');
    const other = new BroadcastChannel('lr-elements:' + getSession().id);
    other.postMessage({t: 'logout'});
    other.close();
    await until(() => text(el, '.lr-message') === 'You signed out in another tab.', 'the notice at its slot');
    expect(el.querySelector('[role=status]')!.hasAttribute('data-echo'), 'on screen once').to.equal(true);
    await getSession().login(acc.email, acc.password);
    await until(() => text(el, '.name') === 'Dora', 'the data again');
    expect(el.querySelector('.lr-message'), 'the notice no longer holds').to.equal(null);
  });

  it('says "Your session has expired" when the stored token is rejected on load', async () => {
    const acc = await createAccount();
    await getSession().login(acc.email, acc.password);
    await api.invalidateToken({apiKey: env.apiKey, apiBase: env.apiBase, timeoutMs: 15000}, (await getSession().getAccessToken())!);
    const {load, save} = await import('../../../src/core/store.js');
    const key = `${env.apiBase}|${env.apiKey}`;
    await save(key, {...(await load(key))!, validatedAt: 0}); // as if opened later: validated again
    await resetPage({keepStorage: true});
    const el = await mount();
    await until(() => text(el, '.lr-message') === 'Your session has expired. Please sign in again.', 'the notice');
    expect(text(el, '.test__signed-out')).to.contain('Sign in');
  });

  it('announces a failed read in the alert region, shows it beside the retry button, and clears it once loaded', async () => {
    const acc = await createAccount({FirstName: 'Dora'});
    await getSession().login(acc.email, acc.password);
    await emu.setFaults({path: PROFILE, method: 'GET', status: 500, body: 'html'});
    const el = await mount();
    await until(() => el.querySelector('.test__retry'), 'the retry button', 12000);
    await el.updateComplete;
    const failed = text(el, '.test__load-failed .lr-notice');
    expect(failed).to.contain('having trouble');
    expect(text(el, '[role=alert]')).to.equal(failed);
    expect(el.querySelector('[role=alert]')!.hasAttribute('data-echo'), 'the text is on screen: only announced').to.equal(true);
    await emu.clearFaults();
    el.querySelector<HTMLButtonElement>('.test__retry')!.click();
    await until(() => text(el, '.name') === 'Dora', 'the data after retry');
    await el.updateComplete;
    expect(text(el, '[role=alert]')).to.equal('');
  });
});
