import {expect, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {clear, createStore, get} from 'idb-keyval';
import * as api from '../../../src/core/client.js';
import '../../../src/elements/lr-email-link/lr-email-link.js';
import type {LrEmailLink} from '../../../src/elements/lr-email-link/email-link.js';
import '../../../src/elements/lr-profile-editor/lr-profile-editor.js';
import type {LrProfileEditor} from '../../../src/elements/lr-profile-editor/profile-editor.js';
import {
  $,
  adminCreate,
  adminGet,
  alertText,
  cfg,
  describedError,
  expectNoTokens,
  linkParams,
  mail,
  mount,
  session,
  settle,
  signIn,
  statusText,
  typeText,
} from './account-support.js';
import {
  PASSWORD,
  getSott,
  record,
  requests,
  resetAll,
  runCredentialFormSuite,
  setConfig,
  setFaults,
  uniqueEmail,
} from './support.js';

const TAG = 'lr-email-link';
const LINK_PAGE = `${location.origin}/email-link`;
const EVENTS = ['lr-email-verified', 'lr-password-reset', 'lr-account-deleted', 'lr-logged-in', 'lr-logged-out', 'lr-error'];
const NEW_PASSWORD = 'a fresh and long passphrase';

const message = (el: Element) => $(el, '.lr-link__message');

/** Mounts the link element for an emailed link (its `vtype`/`vtoken` as attributes). */
async function open(link: string | null, extra = ''): Promise<LrEmailLink> {
  const {vtype, vtoken} = linkParams(link);
  return mount<LrEmailLink>(TAG, `vtype="${vtype}" vtoken="${vtoken}" ${extra}`);
}

/** Registers through the Auth API (SOTT from the host's server) and returns the verification mail. */
async function register(email: string) {
  await api.register(
    cfg(),
    {Email: [{Type: 'Primary', Value: email}], Password: PASSWORD, FirstName: 'Ada'},
    await getSott(),
    {verificationUrl: LINK_PAGE},
  );
  return mail(email, 'verification');
}

/** Waits for a result view. */
const viewIs = (el: LrEmailLink, ...views: string[]) =>
  settle(el, () => views.includes(el.getAttribute('view') ?? ''), `view ${views.join('|')}`);

describe('<lr-email-link>', function () {
  this.timeout(30000); // real typing in three engines, real emulator
  beforeEach(resetAll);
  afterEach(() => setFaults([]));

  runCredentialFormSuite(TAG, () => mount<LrEmailLink>(TAG, 'vtype="reset" vtoken="any-token"'), [
    {name: 'password', type: 'password', autocomplete: 'new-password'},
    {name: 'confirmPassword', type: 'password', autocomplete: 'new-password'},
  ]);

  describe('structure', () => {
    it('has sensible defaults and maps attributes to properties', async () => {
      const d = document.createElement(TAG);
      expect([d.vtype, d.vtoken, d.email, d.passwordMinLength, d.keepUrl, d.view]).to.deep.equal([
        '',
        '',
        '',
        8,
        false,
        'idle',
      ]);
      const el = await mount<LrEmailLink>(
        TAG,
        'vtype="reset" vtoken="t0k3n" email="a@example.test" password-min-length="12" keep-url',
      );
      expect([el.vtype, el.vtoken, el.email, el.passwordMinLength, el.keepUrl]).to.deep.equal([
        'reset',
        't0k3n',
        'a@example.test',
        12,
        true,
      ]);
      expect(el.view).to.equal('reset-form');
      expect(el.getAttribute('view')).to.equal('reset-form');
      expect(el.shadowRoot).to.equal(null);
    });

    it('says so when the link is incomplete or of an unknown type', async () => {
      const missing = await mount<LrEmailLink>(TAG);
      expect(missing.view).to.equal('failed');
      expect(message(missing).textContent).to.contain('This link is incomplete');
      expect(alertText(missing)).to.contain('This link is incomplete');
      await expect(missing).to.be.accessible();
      const unknown = await mount<LrEmailLink>(TAG, 'vtype="autologin" vtoken="abc"');
      expect(message(unknown).textContent).to.contain('This link is not recognised');
      expect(await requests()).to.have.length(0);
    });
  });

  describe('emailverification', () => {
    it('verifies the address and signs the user in when the API returns a token', async () => {
      const email = uniqueEmail('verify');
      const m = await register(email);
      const {vtoken, url} = linkParams(m.Link);
      expect(url.origin + url.pathname).to.equal(LINK_PAGE);
      const el = document.createElement(TAG);
      const log = record(el, EVENTS);
      const verified = oneEvent(el, 'lr-email-verified');
      Object.assign(el, {apikey: cfg().apiKey, apiBase: cfg().apiBase, vtype: 'emailverification', vtoken});
      document.body.append(el);
      try {
        const ev = (await verified) as CustomEvent;
        await el.updateComplete;
        expect(ev.detail).to.deep.equal({email});
        expect(ev.bubbles && ev.composed).to.equal(true);
        expect(log.of('lr-logged-in')).to.have.length(1);
        expect(message(el).textContent).to.contain('verified and you are now signed in');
        expect(document.activeElement).to.equal(message(el));
        expect(session().state).to.equal('authenticated');
        expect(session().profile!.Email).to.equal(email);
        expect((await adminGet(email))!.EmailVerified).to.equal(true);
        expectNoTokens(log.events, vtoken, await session().getAccessToken());
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('verifies without signing in when login on verification is off', async () => {
      await setConfig({loginOnEmailVerification: false});
      const email = uniqueEmail('nologin');
      const m = await register(email);
      const el = await open(m.Link);
      await viewIs(el, 'verified');
      expect(message(el).textContent!.trim()).to.equal('Your email address is verified.');
      expect(statusText(el)).to.equal('Your email address is verified.');
      expect(session().state).to.equal('anonymous');
    });

    it('reads vtype and vtoken from the page URL and removes them from the address bar', async () => {
      const email = uniqueEmail('fromurl');
      const m = await register(email);
      const {vtype, vtoken} = linkParams(m.Link);
      const before = location.href;
      const url = new URL(before);
      url.searchParams.set('vtype', vtype);
      url.searchParams.set('vtoken', vtoken);
      history.replaceState(history.state, '', url.href);
      try {
        const el = await mount<LrEmailLink>(TAG);
        await viewIs(el, 'verified');
        expect(location.search).not.to.contain(vtoken);
        expect(location.search).not.to.contain('vtype');
        expect(new URL(location.href).searchParams.toString()).to.equal(new URL(before).searchParams.toString());
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    it('explains a used (974), an expired (975) and an invalid (973) verification link', async () => {
      const email = uniqueEmail('used');
      const m = await register(email);
      await viewIs(await open(m.Link), 'verified');
      const log = record(document, ['lr-error']);
      const used = await open(m.Link);
      await viewIs(used, 'failed');
      expect(message(used).textContent).to.contain('already been used');
      expect(document.activeElement).to.equal(message(used));
      await expect(used).to.be.accessible();

      const other = uniqueEmail('expired');
      const m2 = await register(other);
      await setConfig({clockOffsetSeconds: 25 * 3600});
      const expired = await open(m2.Link);
      await viewIs(expired, 'failed');
      expect(message(expired).textContent).to.contain('has expired');

      const invalid = await mount<LrEmailLink>(TAG, 'vtype="emailverification" vtoken="0123456789abcdef"');
      await viewIs(invalid, 'failed');
      expect(message(invalid).textContent).to.contain('not valid');
      expect(log.of('lr-error').map((e) => e.detail.code)).to.deep.equal([974, 975, 973]);
      expect(used.querySelector('.lr-link__retry'), 'a used link cannot be retried').to.equal(null);
      log.stop();
    });

    it('offers a retry when the service failed, and the retry works', async () => {
      const email = uniqueEmail('retry');
      const m = await register(email);
      await setFaults([{path: '/identity/v2/auth/email', method: 'GET', status: 503, body: 'html', times: 1}]);
      const el = await open(m.Link);
      await viewIs(el, 'failed');
      expect(alertText(el)).to.contain('having trouble');
      const verified = oneEvent(el, 'lr-email-verified');
      $<HTMLButtonElement>(el, '.lr-link__retry').click();
      await verified;
      await viewIs(el, 'verified');
    });
  });

  describe('reset', () => {
    async function resetLink(email: string) {
      await adminCreate(email, PASSWORD);
      await api.forgotPassword(cfg(), email, LINK_PAGE);
      return mail(email, 'reset');
    }

    it('sets a new password through a new-password form; the old one stops working', async () => {
      const email = uniqueEmail('reset');
      const m = await resetLink(email);
      expect(linkParams(m.Link).vtype).to.equal('reset');
      const el = await open(m.Link, `email="${email}"`);
      const log = record(el, EVENTS);
      expect(el.view).to.equal('reset-form');
      const f = $<HTMLFormElement>(el, 'form.lr-link__reset-form');
      const username = f.querySelector<HTMLInputElement>('input[autocomplete=username]')!;
      expect(username.hidden).to.equal(true);
      expect(username.value).to.equal(email);
      const [pw, confirm] = [...f.querySelectorAll<HTMLInputElement>('input[type=password]')];
      expect(pw!.type).to.equal('password');
      expect(pw!.getAttribute('autocomplete')).to.equal('new-password');
      expect(confirm!.getAttribute('autocomplete')).to.equal('new-password');
      expect(confirm!.form).to.equal(pw!.form);
      await expect(el).to.be.accessible();
      // Empty submit: both required, focus on the first.
      f.requestSubmit();
      await el.updateComplete;
      expect(document.activeElement).to.equal(pw);
      expect(describedError(pw!)).to.equal('Enter a new password.');
      expect(describedError(confirm!)).to.equal('Repeat the new password.');
      // Mismatch lands on the confirmation.
      await typeText(pw!, NEW_PASSWORD);
      await typeText(confirm!, NEW_PASSWORD + '!');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(confirm!.getAttribute('aria-invalid')).to.equal('true');
      expect(describedError(confirm!)).to.equal('The two passwords do not match.');
      expect(document.activeElement).to.equal(confirm);
      await expect(el).to.be.accessible();
      expect(await requests('PUT', '/identity/v2/auth/password/reset')).to.have.length(0);
      await sendKeys({press: 'Backspace'});
      const done = oneEvent(el, 'lr-password-reset');
      await sendKeys({press: 'Enter'});
      await done;
      await viewIs(el, 'reset-done');
      expect(el.querySelector('form'), 'the password form left the DOM').to.equal(null);
      expect(message(el).textContent).to.contain('You can now sign in with your new password');
      expect(document.activeElement).to.equal(message(el));
      expectNoTokens(log.events, linkParams(m.Link).vtoken, NEW_PASSWORD);
      expect((await api.login(cfg(), email, PASSWORD).catch((e) => e)).code).to.equal(966);
      expect((await api.login(cfg(), email, NEW_PASSWORD)).access_token).to.be.a('string');
    });

    it('explains a used, an expired and an invalid reset link (the form is replaced)', async () => {
      const email = uniqueEmail('reset-used');
      const m = await resetLink(email);
      const submitNew = async (el: LrEmailLink) => {
        const inputs = el.querySelectorAll<HTMLInputElement>('form input');
        await typeText(inputs[0]!, NEW_PASSWORD);
        await typeText(inputs[1]!, NEW_PASSWORD);
        await sendKeys({press: 'Enter'});
        await viewIs(el, 'reset-done', 'failed');
      };
      await submitNew(await open(m.Link));
      const used = await open(m.Link);
      await submitNew(used);
      expect(message(used).textContent).to.contain('already been used');
      expect(used.querySelector('form.lr-link__reset-form'), 'the password form is replaced').to.equal(null);

      const other = uniqueEmail('reset-expired');
      const m2 = await resetLink(other);
      await setConfig({clockOffsetSeconds: 2 * 3600});
      const expired = await open(m2.Link);
      await submitNew(expired);
      expect(message(expired).textContent).to.contain('has expired');

      const invalid = await mount<LrEmailLink>(TAG, 'vtype="reset" vtoken="nope-nope-nope"');
      await submitNew(invalid);
      expect(message(invalid).textContent).to.contain('not valid');
      await expect(invalid).to.be.accessible();
    });

    it('puts a refused (too common) password on the password field and keeps the form', async () => {
      await setConfig({passwordPolicy: {commonPasswordProtection: true}}); // a site with the live protection on
      const email = uniqueEmail('reset-weak');
      const m = await resetLink(email);
      const el = await open(m.Link);
      const [pw, confirm] = [...el.querySelectorAll<HTMLInputElement>('form input')];
      await typeText(pw!, 'qwertyuiop');
      await typeText(confirm!, 'qwertyuiop');
      const err = oneEvent(el, 'lr-error');
      await sendKeys({press: 'Enter'});
      const e = (await err) as CustomEvent;
      await el.updateComplete;
      expect([1216, 1134]).to.include(e.detail.code);
      expect(el.view).to.equal('reset-form');
      expect(pw!.getAttribute('aria-invalid')).to.equal('true');
      expect(document.activeElement).to.equal(pw);
    });
  });

  describe('deleteuser', () => {
    it('asks first, then deletes the account and clears the session everywhere', async () => {
      const email = uniqueEmail('delete');
      await adminCreate(email, PASSWORD, {FirstName: 'Ada'});
      await signIn(email, PASSWORD);
      const editor = await mount<LrProfileEditor>('lr-profile-editor');
      await settle(editor, () => editor.querySelector('form'), 'the profile editor');
      await api.deleteAccount(cfg(), (await session().getAccessToken())!, LINK_PAGE);
      const m = await mail(email, 'delete');
      expect(linkParams(m.Link).vtype).to.equal('deleteuser');

      // "Keep my account" deletes nothing.
      const keep = await open(m.Link);
      expect(keep.view).to.equal('delete-confirm');
      await expect(keep).to.be.accessible();
      $<HTMLButtonElement>(keep, '.lr-link__delete-keep').click();
      await viewIs(keep, 'delete-kept');
      expect(document.activeElement).to.equal(message(keep));
      expect(await requests('GET', '/identity/v2/auth/account/delete')).to.have.length(0);
      expect(await adminGet(email)).to.not.equal(null);

      const otherTab = new BroadcastChannel('lr-elements:' + session().id);
      const broadcast: unknown[] = [];
      otherTab.onmessage = (e) => broadcast.push(e.data);
      try {
        const el = await open(m.Link);
        const log = record(el, EVENTS);
        const deleted = oneEvent(el, 'lr-account-deleted');
        $<HTMLButtonElement>(el, '.lr-link__delete-submit').click();
        await deleted;
        await viewIs(el, 'deleted');
        expect(message(el).textContent).to.contain('Your account has been deleted');
        expect(document.activeElement).to.equal(message(el));
        expect(await adminGet(email), 'the account is gone').to.equal(null);
        expect(session().state).to.equal('anonymous');
        expect(await session().getAccessToken()).to.equal(undefined);
        expect(await get(`${cfg().apiBase}|${cfg().apiKey}`, createStore('lr-elements', 'session'))).to.equal(undefined);
        await settle(editor, () => !editor.querySelector('form'), 'the profile editor to empty', 1000);
        await settle(el, () => broadcast.length > 0, 'the broadcast to other tabs', 1000);
        expect(broadcast).to.deep.include({t: 'logout'});
        expect(log.of('lr-logged-out').map((e) => e.detail)).to.deep.equal([{reason: 'user'}]);
        expectNoTokens(log.events, linkParams(m.Link).vtoken);
        await expect(el).to.be.accessible();
      } finally {
        otherTab.close();
      }
    });

    it('explains an invalid or used deletion link (1119)', async () => {
      const el = await mount<LrEmailLink>(TAG, 'vtype="deleteuser" vtoken="not-a-real-token"');
      const err = oneEvent(el, 'lr-error');
      $<HTMLButtonElement>(el, '.lr-link__delete-submit').click();
      const e = (await err) as CustomEvent;
      await viewIs(el, 'failed');
      expect(e.detail.code).to.equal(1119);
      expect(message(el).textContent).to.contain('no longer valid');
      await clear(createStore('lr-elements', 'session'));
    });
  });
});
