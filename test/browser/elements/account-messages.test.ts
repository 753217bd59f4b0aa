/**
 * Where the signed-in elements' messages appear, how long they stay, where focus goes, and how many requests a
 * page with both of them makes (issue 10): `<lr-profile-editor>` and `<lr-email-manager>`, real emulator.
 */
import {expect, fixture, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/lr-email-manager/lr-email-manager.js';
import type {LrEmailManager} from '../../../src/elements/lr-email-manager/email-manager.js';
import '../../../src/elements/lr-login/lr-login.js';
import '../../../src/elements/lr-profile-editor/lr-profile-editor.js';
import type {LrProfileEditor} from '../../../src/elements/lr-profile-editor/profile-editor.js';
import {load, save} from '../../../src/core/store.js';
import {de} from '../../../src/i18n/de.js';
import {setMessages} from '../../../src/i18n/index.js';
import {ActionController} from '../../../src/internal/controllers/action.js';
import {$, adminCreate, alertText, describedError, mount, removeLast, retype, settle, signIn, statusText, typeText} from './account-support.js';
import {emu, env, PASSWORD, requests, resetAll, resetPage, setFaults, sleep, uniqueEmail, until} from './support.js';

const PROFILE = '/identity/v2/auth/account';
const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';
/** The visible message of an actions row (`ActionController.message()`), '' when none. */
const rowMessage = (el: Element, sel: string) => text(el.querySelector(`${sel} .lr-message`));
const onBody = () => !document.activeElement || document.activeElement === document.body;

async function signedIn(fields: Record<string, unknown> = {FirstName: 'Ada', LastName: 'Lovelace'}) {
  const email = uniqueEmail('messages');
  await adminCreate(email, PASSWORD, fields);
  await signIn(email, PASSWORD);
  return email;
}

async function editor(attrs = ''): Promise<LrProfileEditor> {
  const el = await mount<LrProfileEditor>('lr-profile-editor', attrs);
  await settle(el, () => el.querySelector('form.lr-profile__form'), 'the profile form');
  return el;
}

async function manager(): Promise<LrEmailManager> {
  const el = await mount<LrEmailManager>('lr-email-manager');
  await settle(el, () => el.querySelector('.lr-emails__item'), 'the email list');
  return el;
}

const first = (el: Element) => $<HTMLInputElement>(el, 'form.lr-profile__form input[name=FirstName]');

describe('signed-in elements: messages, focus and requests', function () {
  this.timeout(30000);
  beforeEach(resetAll);
  afterEach(async () => {
    ActionController.successMs = 10000;
    await setFaults([]);
  });

  it('shows "saved" next to the Save button (not above the heading), keeps focus there, and clears it after a while', async () => {
    await signedIn();
    ActionController.successMs = 1500;
    const el = await editor();
    await retype(first(el), 'Augusta');
    const saveButton = $<HTMLButtonElement>(el, '.lr-profile__save');
    saveButton.focus();
    const saved = oneEvent(el, 'lr-profile-updated');
    await sendKeys({press: 'Enter'}); // the focused Save button is disabled while the request runs
    await saved;
    await el.updateComplete;
    await sleep(50);
    expect(rowMessage(el, 'form.lr-profile__form .lr-form__actions')).to.equal('Your profile has been saved.');
    const message = el.querySelector('form.lr-profile__form .lr-message')!;
    expect(message.parentElement === saveButton.parentElement, 'in the row of its button').to.equal(true);
    // The live region announces it, visually hidden because the text is on screen already.
    expect(statusText(el)).to.equal('Your profile has been saved.');
    expect(el.querySelector('[role=status]')!.hasAttribute('data-echo')).to.equal(true);
    const heading = el.querySelector('.lr-profile__heading')!;
    expect(heading.compareDocumentPosition(message) & Node.DOCUMENT_POSITION_FOLLOWING, 'below the heading').to.not.equal(0);
    expect(onBody(), 'focus not on <body> after saving').to.equal(false);
    expect(document.activeElement === $(el, '.lr-profile__save'), 'focus stays on Save').to.equal(true);
    await until(() => !el.querySelector('form.lr-profile__form .lr-message'), 'the notice to clear itself', 4000);
    expect(statusText(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('keeps focus on the field when saving with Enter from it', async () => {
    await signedIn();
    const el = await editor();
    await retype(first(el), 'Grace');
    const saved = oneEvent(el, 'lr-profile-updated');
    await sendKeys({press: 'Enter'});
    await saved;
    await el.updateComplete;
    await sleep(50);
    expect(onBody()).to.equal(false);
    expect(document.activeElement === first(el), 'focus stays on the field').to.equal(true);
  });

  it('shows "added" next to the Add button and keeps focus in the add form (never <body>)', async () => {
    await signedIn();
    const el = await manager();
    const second = uniqueEmail('added');
    await setFaults([{path: '/identity/v2/auth/email', method: 'POST', delayMs: 300, times: 1}]);
    const submit = $<HTMLButtonElement>(el, '.lr-emails__add-submit');
    await typeText($(el, 'form.lr-emails__add input[name=email]'), second);
    submit.focus();
    const added = oneEvent(el, 'lr-email-added');
    await sendKeys({press: 'Enter'});
    await added;
    await el.updateComplete;
    await sleep(50);
    const message = el.querySelector('form.lr-emails__add .lr-form__actions .lr-message');
    expect(text(message)).to.contain(`We added ${second}`);
    expect(message!.parentElement === submit.parentElement, 'in the row of its button').to.equal(true);
    expect(onBody(), 'focus not on <body> after adding').to.equal(false);
    expect(el.contains(document.activeElement), 'focus stays in the element').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says the only-address refusal once, inside the item', async () => {
    const email = await signedIn();
    const el = await manager();
    await removeLast(el, email);
    const why = `${email} is your only email address, so it cannot be removed. Add another address first.`;
    const shown = [...el.querySelectorAll('.lr-message, .lr-notice, .lr-emails__note p')].filter((n) => text(n) === why);
    expect(shown.length, 'on screen once').to.equal(1);
    expect(!!shown[0]!.closest('.lr-emails__item'), 'inside the item').to.equal(true);
    expect(alertText(el)).to.equal(why);
    expect(el.querySelector('[role=alert]')!.hasAttribute('data-echo'), 'the region only announces it').to.equal(true);
  });

  it('shows "Your current password is incorrect." only on its field, gone when the error changes', async () => {
    await signedIn();
    const el = await editor();
    $<HTMLButtonElement>(el, '.lr-profile__password-open').click();
    await until(() => el.querySelector('form.lr-profile__password-form'), 'the change-password form (loaded when first opened)');
    await el.updateComplete;
    const form = () => $<HTMLFormElement>(el, 'form.lr-profile__password-form');
    const current = () => form().querySelector<HTMLInputElement>('input[name=currentPassword]')!;
    const next = () => form().querySelector<HTMLInputElement>('input[name=newPassword]')!;
    await typeText(current(), 'not my password');
    await typeText(next(), 'a brand new passphrase');
    const err = oneEvent(el, 'lr-error');
    form().requestSubmit();
    await err;
    await el.updateComplete;
    const wrong = 'Your current password is incorrect.';
    expect(describedError(current())).to.equal(wrong);
    expect(rowMessage(el, 'form.lr-profile__password-form .lr-form__actions'), 'not repeated at the submit row').to.equal('');
    expect(el.textContent!.split(wrong).length - 1, 'once on screen, once in the (hidden) alert region').to.equal(2);
    expect(el.querySelector('[role=alert]')!.hasAttribute('data-echo')).to.equal(true);
    // The user edits: the message goes with its cause, and the new error ("too short") is the only one.
    await retype(next(), 'short');
    next().dispatchEvent(new Event('change', {bubbles: true}));
    await typeText(current(), 'x');
    await el.updateComplete;
    expect(el.textContent).not.to.contain(wrong);
    expect(alertText(el)).to.equal('');
    expect(describedError(next())).to.contain('at least 8');
  });

  it('clears "Some fields were not accepted" once the fields are edited', async () => {
    await signedIn();
    const el = await editor('fields="FirstName,PhoneNumbers"');
    await retype($<HTMLInputElement>(el, 'input[name=PhoneNumbers]'), 'call me maybe');
    const err = oneEvent(el, 'lr-error');
    $<HTMLButtonElement>(el, '.lr-profile__save').click();
    await err;
    await el.updateComplete;
    const notAccepted = 'Some fields were not accepted. Check them and try again.';
    expect(rowMessage(el, 'form.lr-profile__form .lr-form__actions')).to.equal(notAccepted);
    await typeText($<HTMLInputElement>(el, 'input[name=PhoneNumbers]'), '1');
    await el.updateComplete;
    expect(rowMessage(el, 'form.lr-profile__form .lr-form__actions')).to.equal('');
    expect(alertText(el)).to.equal('');
  });

  it('re-renders messages already on screen when the language changes', async () => {
    const email = await signedIn();
    const wrapper = await fixture<HTMLElement>(
      `<div lang="en"><lr-profile-editor apikey="${env.apiKey}" api-base="${env.apiBase}"></lr-profile-editor>
        <lr-email-manager apikey="${env.apiKey}" api-base="${env.apiBase}"></lr-email-manager></div>`,
    );
    const el = wrapper.querySelector<LrProfileEditor>('lr-profile-editor')!;
    const emails = wrapper.querySelector<LrEmailManager>('lr-email-manager')!;
    await settle(el, () => el.querySelector('form.lr-profile__form'), 'the profile form');
    await settle(emails, () => emails.querySelector('.lr-emails__item'), 'the email list');
    await retype(first(el), 'Augusta');
    const saved = oneEvent(el, 'lr-profile-updated');
    $<HTMLButtonElement>(el, '.lr-profile__save').click();
    await saved;
    await removeLast(emails, email);
    expect(rowMessage(el, 'form.lr-profile__form .lr-form__actions')).to.equal('Your profile has been saved.');
    setMessages('de', de); // what a page does to ship German (or a locale loader)
    wrapper.setAttribute('lang', 'de');
    const german = de['profile.saved'] as string;
    await until(() => rowMessage(el, 'form.lr-profile__form .lr-form__actions') === german, 'the saved notice in German');
    expect(statusText(el)).to.equal(german);
    const only = (de['emails.cannotRemoveOnly'] as string).replace('{email}', email);
    await until(() => text(emails.querySelector('.lr-emails__item .lr-message')) === only, 'the refusal in German');
    expect(alertText(emails)).to.equal(only);
  });

  it('makes one validate and one read-profile request for a page with login, profile editor and email manager', async () => {
    await signedIn();
    // As if the page was opened later: the stored token's last validation is old, so it is validated again.
    const key = `${env.apiBase}|${env.apiKey}`;
    await save(key, {...(await load(key))!, validatedAt: 0});
    await resetPage({keepStorage: true});
    await emu.clearRequests();
    const attrs = `apikey="${env.apiKey}" api-base="${env.apiBase}"`;
    const wrapper = await fixture<HTMLElement>(
      `<div><lr-login ${attrs}></lr-login><lr-profile-editor ${attrs}></lr-profile-editor><lr-email-manager ${attrs}></lr-email-manager></div>`,
    );
    const el = wrapper.querySelector<LrProfileEditor>('lr-profile-editor')!;
    const emails = wrapper.querySelector<LrEmailManager>('lr-email-manager')!;
    await settle(el, () => el.querySelector('form.lr-profile__form'), 'the profile form');
    await settle(emails, () => emails.querySelector('.lr-emails__item'), 'the email list');
    await sleep(300);
    expect((await requests('GET', '/identity/v2/auth/access_token/validate')).length, 'validate').to.equal(1);
    expect((await requests('GET', PROFILE)).length, 'read profile').to.equal(1);
    expect(first(el).value).to.equal('Ada');
  });
});
