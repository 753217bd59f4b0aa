import {expect, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import * as api from '../../../src/core/client.js';
import {_resetSessionsForTests} from '../../../src/core/session.js';
import '../../../src/elements/lr-login/lr-login.js';
import '../../../src/elements/lr-profile-editor/lr-profile-editor.js';
import type {LrProfileEditor} from '../../../src/elements/lr-profile-editor/profile-editor.js';
import {
  $,
  adminCreate,
  adminGet,
  adminUpdate,
  alertText,
  cfg,
  describedError,
  expectNoTokens,
  linkParams,
  mail,
  mount,
  retype,
  revokeToken,
  session,
  settle,
  signIn,
  statusText,
  typeText,
} from './account-support.js';
import {
  PASSWORD,
  record,
  requests,
  resetAll,
  runCredentialFormSuite,
  setConfig,
  setFaults,
  uniqueEmail,
  until,
} from './support.js';

const TAG = 'lr-profile-editor';
const EVENTS = [
  'lr-profile-updated',
  'lr-password-changed',
  'lr-account-deletion-requested',
  'lr-error',
  'lr-session-expired',
  'lr-logged-out',
  'lr-session-changed',
];

const form = (el: Element) => $<HTMLFormElement>(el, 'form.lr-profile__form');
const input = (el: Element, name: string) => $<HTMLInputElement>(el, `form.lr-profile__form [name="${name}"]`);
const save = (el: Element) => $<HTMLButtonElement>(el, '.lr-profile__save');

/** A verified account, signed in through the page's session, and an editor showing its profile. */
async function signedInEditor(attrs = '', fields: Record<string, unknown> = {FirstName: 'Ada', LastName: 'Lovelace'}) {
  const email = uniqueEmail('profile');
  await adminCreate(email, PASSWORD, fields);
  await signIn(email, PASSWORD);
  const el = await mount<LrProfileEditor>(TAG, attrs);
  await settle(el, () => el.querySelector('form.lr-profile__form'), 'the profile form');
  return {el, email};
}

describe('<lr-profile-editor>', function () {
  this.timeout(30000); // real typing in three engines, real emulator
  beforeEach(resetAll);
  afterEach(async () => {
    await setFaults([]);
    delete (window as {__xss?: unknown}).__xss;
  });

  runCredentialFormSuite(
    TAG,
    async () => {
      const {el} = await signedInEditor();
      $<HTMLButtonElement>(el, '.lr-profile__password-open').click();
      await until(() => el.querySelector('form.lr-profile__password-form'), 'the change-password form (loaded when first opened)');
      await el.updateComplete;
      return el;
    },
    [
      {name: 'currentPassword', type: 'password', autocomplete: 'current-password'},
      {name: 'newPassword', type: 'password', autocomplete: 'new-password'},
    ],
  );

  describe('structure', () => {
    it('has sensible defaults', () => {
      const el = document.createElement(TAG);
      expect(el.fields).to.equal('FirstName,LastName');
      expect(el.deleteUrl).to.equal('');
      expect(el.verificationUrl).to.equal('');
      expect(el.passwordMinLength).to.equal(8);
      expect(el.headingLevel).to.equal(3);
      expect(el.hideWhenSignedOut).to.equal(false);
      expect(el.noIdentities).to.equal(false);
      expect(el.noDelete).to.equal(false);
    });

    it('maps attributes to properties', async () => {
      const el = await mount<LrProfileEditor>(
        TAG,
        'fields="FirstName, BirthDate PhoneNumbers" delete-url="http://localhost/del" verification-url="http://localhost/v" password-min-length="10" heading-level="2" hide-when-signed-out no-identities no-delete',
      );
      expect(el.fields).to.equal('FirstName, BirthDate PhoneNumbers');
      expect([...el.querySelectorAll('input')].map((i) => i.name), 'signed out: no inputs').to.deep.equal([]);
      expect(el.deleteUrl).to.equal('http://localhost/del');
      expect(el.verificationUrl).to.equal('http://localhost/v');
      expect(el.passwordMinLength).to.equal(10);
      expect(el.headingLevel).to.equal(2);
      expect(el.hideWhenSignedOut).to.equal(true);
      expect(el.noIdentities).to.equal(true);
      expect(el.noDelete).to.equal(true);
      expect(el.getAttribute('session-state')).to.equal('anonymous');
    });

    it('shows only a sign-in message while signed out (nothing with hide-when-signed-out), and passes axe', async () => {
      const el = await mount<LrProfileEditor>(TAG);
      expect(el.shadowRoot).to.equal(null);
      expect(el.querySelector('form')).to.equal(null);
      expect($(el, '.lr-profile__signed-out').textContent).to.contain('Sign in');
      expect(el.querySelector('[role=alert]'), 'alert region from the first render').to.exist;
      expect(el.querySelector('[role=status]'), 'status region from the first render').to.exist;
      await expect(el).to.be.accessible();
      const hidden = await mount<LrProfileEditor>(TAG, 'hide-when-signed-out');
      expect(hidden.querySelector('.lr-profile__signed-out')).to.equal(null);
      expect(hidden.querySelector('form')).to.equal(null);
    });
  });

  describe('loading', () => {
    it('says it is loading while the profile is read, passes axe, and offers a retry when the read fails', async () => {
      const email = uniqueEmail('slow');
      await adminCreate(email, PASSWORD, {FirstName: 'Ada'});
      await signIn(email, PASSWORD);
      await setFaults([{path: '/identity/v2/auth/account', method: 'GET', delayMs: 800, times: 1}]);
      const el = await mount<LrProfileEditor>(TAG);
      await settle(el, () => el.querySelector('.lr-profile__loading'), 'the loading notice');
      expect($(el, '.lr-profile__loading').textContent).to.equal('Loading your profile…');
      await expect(el).to.be.accessible();
      await settle(el, () => el.querySelector('form.lr-profile__form'), 'the profile form');
      el.parentElement!.remove();
      _resetSessionsForTests(); // a new page: the profile read above is shared only within one page
      // A failing read (503, retried by the client, then given up) leaves a retry button.
      await setFaults([{path: '/identity/v2/auth/account', method: 'GET', status: 503, times: 4}]);
      const failing = await mount<LrProfileEditor>(TAG);
      await settle(failing, () => failing.querySelector('.lr-profile__retry'), 'the retry button');
      expect(alertText(failing)).to.contain('having trouble');
      await expect(failing).to.be.accessible();
      $<HTMLButtonElement>(failing, '.lr-profile__retry').click();
      await settle(failing, () => failing.querySelector('form.lr-profile__form'), 'the profile form after retry');
      expect(input(failing, 'FirstName').value).to.equal('Ada');
      expect(alertText(failing)).to.equal('');
    });
  });

  describe('editing', () => {
    it('loads the profile into a light-DOM form with autocomplete tokens, and passes axe', async () => {
      const {el, email} = await signedInEditor();
      expect(input(el, 'FirstName').value).to.equal('Ada');
      expect(input(el, 'LastName').value).to.equal('Lovelace');
      expect(document.querySelector('lr-profile-editor input[autocomplete="given-name"]')).to.equal(input(el, 'FirstName'));
      expect(document.querySelector('lr-profile-editor input[autocomplete="family-name"]')).to.equal(input(el, 'LastName'));
      // The change-password form holds the current email in a hidden username field.
      $<HTMLButtonElement>(el, '.lr-profile__password-open').click();
      await until(() => el.querySelector('form.lr-profile__password-form'), 'the change-password form (loaded when first opened)');
      await el.updateComplete;
      const pw = $<HTMLFormElement>(el, 'form.lr-profile__password-form');
      const username = pw.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
      expect(username.hidden).to.equal(true);
      expect(username.value).to.equal(email);
      expect(pw.querySelector('input[type=password][autocomplete="current-password"]')).to.exist;
      expect(pw.querySelector('input[type=password][autocomplete="new-password"]')).to.exist;
      expect(document.activeElement).to.equal(pw.querySelector('input[autocomplete="current-password"]'));
      await settle(el, () => el.querySelector('.lr-profile__no-identities'), 'the linked accounts');
      expect($(el, '.lr-profile__no-identities').textContent).to.contain('No linked accounts');
      await expect(el).to.be.accessible();
    });

    it('renders every configurable field with its type and autocomplete token', async () => {
      const {el} = await signedInEditor(
        'fields="Prefix,FirstName,MiddleName,LastName,Suffix,NickName,BirthDate,Gender,PhoneNumbers,Company,City,State,Country,Unknown"',
        {
          FirstName: 'Ada',
          BirthDate: '12-10-1985',
          Gender: 'F',
          PhoneNumbers: [{PhoneType: 'Mobile', PhoneNumber: '+44 20 7946 0000'}],
          Country: {Code: 'GB', Name: 'United Kingdom'},
          City: 'London',
        },
      );
      const expected: [string, string, string][] = [
        ['Prefix', 'text', 'honorific-prefix'],
        ['FirstName', 'text', 'given-name'],
        ['MiddleName', 'text', 'additional-name'],
        ['LastName', 'text', 'family-name'],
        ['Suffix', 'text', 'honorific-suffix'],
        ['NickName', 'text', 'nickname'],
        ['BirthDate', 'date', 'bday'],
        ['Gender', 'select-one', 'sex'],
        ['PhoneNumbers', 'tel', 'tel'],
        ['Company', 'text', 'organization'],
        ['City', 'text', 'address-level2'],
        ['State', 'text', 'address-level1'],
        ['Country', 'text', 'country-name'],
      ];
      const controls = [...form(el).querySelectorAll<HTMLInputElement>('input, select')];
      expect(controls.map((c) => c.name)).to.deep.equal(expected.map(([n]) => n));
      for (const [name, type, token] of expected) {
        const c = input(el, name);
        expect(c.type, name).to.equal(type);
        expect(c.getAttribute('autocomplete'), name).to.equal(token);
        expect(c.id, name).to.match(/^lr\d+-/);
        expect(document.querySelector(`label[for="${c.id}"]`), `label of ${name}`).to.exist;
      }
      expect(input(el, 'BirthDate').value).to.equal('1985-12-10');
      expect(input(el, 'Gender').value).to.equal('F');
      expect(input(el, 'PhoneNumbers').value).to.equal('+44 20 7946 0000');
      expect(input(el, 'Country').value).to.equal('United Kingdom');
      expect(input(el, 'City').value).to.equal('London');
      await expect(el).to.be.accessible();
    });

    it('saves only the changed fields, updates the session and fires lr-profile-updated without tokens', async () => {
      const {el, email} = await signedInEditor('fields="FirstName,LastName,BirthDate,Gender,PhoneNumbers"');
      const login = await mount<HTMLElement & {updateComplete: Promise<boolean>; ready: Promise<unknown>}>('lr-login');
      expect(login.textContent).to.contain('Ada Lovelace');
      const uid = (await adminGet(email))!.Uid;
      // Someone else changes the last name after the editor loaded: an untouched field must not be sent back.
      await adminUpdate(uid, {LastName: 'Byron'});
      const log = record(el, EVENTS);
      await retype(input(el, 'FirstName'), 'Augusta');
      await retype(input(el, 'PhoneNumbers'), '+44 20 7946 0001');
      input(el, 'BirthDate').value = '1985-12-10';
      input(el, 'BirthDate').dispatchEvent(new Event('input', {bubbles: true}));
      const gender = input(el, 'Gender') as unknown as HTMLSelectElement;
      gender.value = 'F';
      gender.dispatchEvent(new Event('change', {bubbles: true}));
      const saved = oneEvent(el, 'lr-profile-updated');
      save(el).click();
      await el.updateComplete;
      expect(save(el).disabled, 'busy while saving').to.equal(true);
      const ev = (await saved) as CustomEvent;
      await el.updateComplete;
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(ev.detail.profile.FirstName).to.equal('Augusta');
      expect(ev.detail.profile.Uid).to.equal(uid);
      expect(statusText(el)).to.equal('Your profile has been saved.');
      const stored = (await adminGet(email))!;
      expect(stored.FirstName).to.equal('Augusta');
      expect(stored.LastName, 'untouched field not sent').to.equal('Byron');
      expect(stored.BirthDate).to.equal('12-10-1985');
      expect(stored.Gender).to.equal('F');
      expect(stored.PhoneNumbers).to.deep.equal([{PhoneType: 'Mobile', PhoneNumber: '+44 20 7946 0001'}]);
      // The session carries the new name to the other elements.
      expect(session().profile!.FirstName).to.equal('Augusta');
      await settle(login as never, () => login.textContent!.includes('Augusta'), 'lr-login to show the new name');
      expect((await requests('PUT', '/identity/v2/auth/account')).length).to.equal(1);
      expectNoTokens(log.events, await el.getAccessToken());
      // Saving again without changes sends nothing.
      save(el).click();
      await el.updateComplete;
      expect(statusText(el)).to.equal('There are no changes to save.');
      expect((await requests('PUT', '/identity/v2/auth/account')).length).to.equal(1);
    });

    it('shows the saved values in a fresh element after a reload', async () => {
      const {el, email} = await signedInEditor('fields="FirstName,City"');
      await retype(input(el, 'City'), 'Marylebone');
      const saved = oneEvent(el, 'lr-profile-updated');
      await sendKeys({press: 'Enter'}); // implicit submission
      await saved;
      el.parentElement!.remove();
      _resetSessionsForTests(); // as if the page had been reloaded: the token stays in IndexedDB
      const fresh = await mount<LrProfileEditor>(TAG, 'fields="FirstName,City"');
      await settle(fresh, () => fresh.querySelector('form.lr-profile__form'), 'the profile form');
      expect(input(fresh, 'City').value).to.equal('Marylebone');
      expect(input(fresh, 'FirstName').value).to.equal('Ada');
      expect((await adminGet(email))!.City).to.equal('Marylebone');
    });

    it('puts server validation errors (1134 Errors[]) on their fields and keeps every edit', async () => {
      const {el} = await signedInEditor('fields="FirstName,BirthDate,PhoneNumbers"');
      await retype(input(el, 'FirstName'), 'Augusta');
      await retype(input(el, 'PhoneNumbers'), 'call me maybe');
      const err = oneEvent(el, 'lr-error');
      save(el).click();
      const e = (await err) as CustomEvent;
      await el.updateComplete;
      expect(e.detail.code).to.equal(1134);
      expect(e.detail.kind).to.equal('api');
      const phone = input(el, 'PhoneNumbers');
      expect(phone.getAttribute('aria-invalid')).to.equal('true');
      expect(describedError(phone)).to.equal('This value was not accepted. Check it and try again.');
      expect(document.activeElement).to.equal(phone);
      expect(input(el, 'FirstName').getAttribute('aria-invalid')).to.equal(null);
      expect(alertText(el)).to.equal('Some fields were not accepted. Check them and try again.');
      expect(input(el, 'FirstName').value).to.equal('Augusta');
      expect(phone.value).to.equal('call me maybe');
      await expect(el).to.be.accessible();
      // Fixing the field clears its error; the save then goes through.
      await retype(input(el, 'PhoneNumbers'), '+1 555 0100');
      await el.updateComplete;
      expect(phone.getAttribute('aria-invalid')).to.equal(null);
      const saved = oneEvent(el, 'lr-profile-updated');
      save(el).click();
      await saved;
    });

    it('renders hostile profile text as text (XSS canary)', async () => {
      const canary = '<img src=x onerror=window.__xss=1>';
      const {el} = await signedInEditor('fields="FirstName,LastName,City"', {
        FirstName: canary,
        LastName: '"><svg onload=window.__xss=2>',
        City: '</select><script>window.__xss=3</script>',
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(input(el, 'FirstName').value).to.equal(canary);
      expect(el.querySelector('img, svg, script')).to.equal(null);
      expect((window as {__xss?: unknown}).__xss).to.equal(undefined);
    });
  });

  describe('expired session', () => {
    it('keeps unsaved edits on screen when the token was revoked, ends the session once and does not retry', async () => {
      const {el, email} = await signedInEditor();
      const log = record(el, EVENTS);
      await retype(input(el, 'FirstName'), 'Augusta');
      await retype(input(el, 'LastName'), 'King');
      await revokeToken((await el.getAccessToken())!);
      const err = oneEvent(el, 'lr-error');
      save(el).click();
      const e = (await err) as CustomEvent;
      await el.updateComplete;
      expect(e.detail.code).to.equal(905);
      expect(alertText(el)).to.equal(
        'Your session has expired — sign in again. Your changes are still here: save them once you are signed in.',
      );
      expect(input(el, 'FirstName').value).to.equal('Augusta');
      expect(input(el, 'LastName').value).to.equal('King');
      expect(save(el).disabled, 'no save without a session').to.equal(true);
      expect(el.sessionState).to.equal('anonymous');
      expect(log.of('lr-session-expired').length).to.equal(1);
      expect(el.querySelector('.lr-profile__password'), 'no password form without a session').to.equal(null);
      expect((await requests('PUT', '/identity/v2/auth/account')).length, 'not retried').to.equal(1);
      await expect(el).to.be.accessible();
      // Signing in again as the same user keeps the edits, and they can be saved.
      await signIn(email, PASSWORD);
      await settle(el, () => !save(el).disabled, 'the form to be usable again');
      expect(input(el, 'FirstName').value).to.equal('Augusta');
      expect(input(el, 'LastName').value).to.equal('King');
      expect(alertText(el)).to.equal('');
      const saved = oneEvent(el, 'lr-profile-updated');
      save(el).click();
      await saved;
      const stored = (await adminGet(email))!;
      expect([stored.FirstName, stored.LastName]).to.deep.equal(['Augusta', 'King']);
    });

    it('keeps unsaved edits when the token expired (emulator clock one hour ahead: 906)', async () => {
      const {el} = await signedInEditor();
      await retype(input(el, 'FirstName'), 'Augusta');
      await setConfig({clockOffsetSeconds: 3600});
      const err = oneEvent(el, 'lr-error');
      save(el).click();
      const e = (await err) as CustomEvent;
      await el.updateComplete;
      expect(e.detail.code).to.equal(906);
      expect(alertText(el)).to.contain('Your session has expired — sign in again');
      expect(input(el, 'FirstName').value).to.equal('Augusta');
      expect(el.sessionState).to.equal('anonymous');
    });

    it('keeps edits and the form on a network failure, with the input re-enabled', async () => {
      const {el} = await signedInEditor();
      await retype(input(el, 'FirstName'), 'Augusta');
      // No `times`: browsers may retry an idempotent PUT once on a reset connection.
      await setFaults([{path: '/identity/v2/auth/account', method: 'PUT', drop: true}]);
      const err = oneEvent(el, 'lr-error');
      save(el).click();
      const e = (await err) as CustomEvent;
      await el.updateComplete;
      expect(e.detail.kind).to.equal('network');
      expect(alertText(el)).to.contain('could not reach');
      expect(input(el, 'FirstName').value).to.equal('Augusta');
      expect(save(el).disabled).to.equal(false);
      expect(el.sessionState).to.equal('authenticated');
    });
  });

  describe('session changes', () => {
    it('empties itself when the user signs out in another element', async () => {
      const {el} = await signedInEditor();
      await retype(input(el, 'FirstName'), 'Unsaved');
      const t0 = Date.now();
      await session().logout();
      await settle(el, () => !el.querySelector('form'), 'the editor to empty', 1000);
      expect(Date.now() - t0).to.be.below(1000);
      expect(el.textContent).not.to.contain('Ada');
      expect(el.textContent).not.to.contain('Lovelace');
      expect(el.querySelector('input')).to.equal(null);
      expect($(el, '.lr-profile__signed-out')).to.exist;
    });

    it('empties itself within a second when another tab signs out', async () => {
      const {el} = await signedInEditor();
      const other = new BroadcastChannel('lr-elements:' + session().id); // what another tab's session posts on
      const t0 = Date.now();
      other.postMessage({t: 'logout'});
      other.close();
      await settle(el, () => !el.querySelector('form'), 'the editor to empty', 1000);
      expect(Date.now() - t0).to.be.below(1000);
      expect(el.textContent).not.to.contain('Lovelace');
      expect(statusText(el)).to.equal('You signed out in another tab.');
    });

    it('loads the profile when the user signs in after the element was rendered', async () => {
      const email = uniqueEmail('late');
      await adminCreate(email, PASSWORD, {FirstName: 'Grace'});
      const el = await mount<LrProfileEditor>(TAG);
      expect(el.querySelector('form')).to.equal(null);
      await signIn(email, PASSWORD);
      await settle(el, () => el.querySelector('form.lr-profile__form'), 'the profile form');
      expect(input(el, 'FirstName').value).to.equal('Grace');
    });
  });

  describe('change password', () => {
    it('puts a wrong current password (967) on its field, then changes the password: old fails, new works', async () => {
      const {el, email} = await signedInEditor();
      const log = record(el, EVENTS);
      $<HTMLButtonElement>(el, '.lr-profile__password-open').click();
      await until(() => el.querySelector('form.lr-profile__password-form'), 'the change-password form (loaded when first opened)');
      await el.updateComplete;
      const pw = () => $<HTMLFormElement>(el, 'form.lr-profile__password-form');
      const current = () => pw().querySelector<HTMLInputElement>('input[name=currentPassword]')!;
      const next = () => pw().querySelector<HTMLInputElement>('input[name=newPassword]')!;
      // Empty submit: both fields required, focus on the first.
      pw().requestSubmit();
      await el.updateComplete;
      expect(document.activeElement).to.equal(current());
      expect(current().getAttribute('aria-invalid')).to.equal('true');
      expect(describedError(current())).to.equal('Enter your current password.');
      expect(describedError(next())).to.equal('Enter a new password.');
      await typeText(current(), 'not my password');
      await typeText(next(), 'a brand new passphrase');
      const err = oneEvent(el, 'lr-error');
      await sendKeys({press: 'Enter'});
      const e = (await err) as CustomEvent;
      await el.updateComplete;
      expect(e.detail.code).to.equal(967);
      expect(current().getAttribute('aria-invalid')).to.equal('true');
      expect(describedError(current())).to.equal('Your current password is incorrect.');
      expect(document.activeElement).to.equal(current());
      expect(next().value, 'the new password is kept').to.equal('a brand new passphrase');
      await expect(el).to.be.accessible();
      await typeText(current(), PASSWORD);
      const changed = oneEvent(el, 'lr-password-changed');
      await sendKeys({press: 'Enter'});
      const ev = (await changed) as CustomEvent;
      await el.updateComplete;
      expect(ev.detail).to.equal(null);
      expect(el.querySelector('form.lr-profile__password-form'), 'the password form left the DOM').to.equal(null);
      expect(document.activeElement).to.equal($(el, '.lr-profile__password-done'));
      expect(statusText(el)).to.equal('Your password has been changed.');
      expectNoTokens(log.events, PASSWORD, 'a brand new passphrase');
      const old = await api.login(cfg(), email, PASSWORD).catch((x) => x);
      expect(old.code, 'old password').to.equal(966);
      const fresh = await api.login(cfg(), email, 'a brand new passphrase');
      expect(fresh.access_token).to.be.a('string');
    });
  });

  describe('delete account', () => {
    it('asks for confirmation, then sends the deletion email to the delete-url', async () => {
      const deleteUrl = `${location.origin}/account/deleted`;
      const {el, email} = await signedInEditor(`delete-url="${deleteUrl}"`);
      $<HTMLButtonElement>(el, '.lr-profile__delete-start').click();
      await el.updateComplete;
      expect(document.activeElement).to.equal($(el, '.lr-profile__delete-confirm'));
      expect($(el, '.lr-profile__delete-confirm').textContent).to.contain(email);
      await expect(el).to.be.accessible();
      // Cancel goes back and nothing is sent.
      $<HTMLButtonElement>(el, '.lr-profile__delete-cancel').click();
      await el.updateComplete;
      expect(document.activeElement).to.equal($(el, '.lr-profile__delete-start'));
      $<HTMLButtonElement>(el, '.lr-profile__delete-start').click();
      await el.updateComplete;
      const requested = oneEvent(el, 'lr-account-deletion-requested');
      $<HTMLButtonElement>(el, '.lr-profile__delete-send').click();
      await requested;
      await el.updateComplete;
      expect(document.activeElement).to.equal($(el, '.lr-profile__delete-sent'));
      expect(statusText(el)).to.contain('Check your email');
      const m = await mail(email, 'delete');
      const {vtype, vtoken, url} = linkParams(m.Link);
      expect(url.origin + url.pathname).to.equal(deleteUrl);
      expect(vtype).to.equal('deleteuser');
      expect(vtoken).to.have.length.above(20);
      expect(await adminGet(email), 'not deleted before the link is opened').to.not.equal(null);
    });
  });
});
