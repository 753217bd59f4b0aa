/**
 * The whole signed-in life of an account, through the elements and the emulator's outbox: register → verify
 * by link → edit the profile → reload → add, verify and remove an email → change the password → forgot and
 * reset it by link → delete the account by link.
 */
import {expect, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import * as api from '../../../src/core/client.js';
import {_resetSessionsForTests} from '../../../src/core/session.js';
import '../../../src/elements/lr-email-link/lr-email-link.js';
import type {LrEmailLink} from '../../../src/elements/lr-email-link/email-link.js';
import '../../../src/elements/lr-email-manager/lr-email-manager.js';
import type {LrEmailManager} from '../../../src/elements/lr-email-manager/email-manager.js';
import '../../../src/elements/lr-login/lr-login.js';
import '../../../src/elements/lr-profile-editor/lr-profile-editor.js';
import type {LrProfileEditor} from '../../../src/elements/lr-profile-editor/profile-editor.js';
import {
  $,
  adminGet,
  cfg,
  linkParams,
  mail,
  mount,
  retype,
  session,
  settle,
  typeText,
} from './account-support.js';
import {PASSWORD, getSott, record, resetAll, uniqueEmail, until} from './support.js';

const LINK_PAGE = `${location.origin}/account/email-link`;
const CHANGED = 'changed password, long enough';
const RESET = 'reset password, also long enough';
const ALL = [
  'lr-email-verified',
  'lr-logged-in',
  'lr-logged-out',
  'lr-profile-updated',
  'lr-email-added',
  'lr-email-removed',
  'lr-verification-sent',
  'lr-password-changed',
  'lr-password-reset',
  'lr-account-deletion-requested',
  'lr-account-deleted',
  'lr-error',
  'lr-session-changed',
  'lr-session-expired',
];

/** Opens an emailed link in `<lr-email-link>` and waits for its result view. */
async function openLink(link: string | null): Promise<LrEmailLink> {
  const {vtype, vtoken} = linkParams(link);
  const el = await mount<LrEmailLink>('lr-email-link', `vtype="${vtype}" vtoken="${vtoken}"`);
  return el;
}

const profileInput = (el: Element, name: string) => $<HTMLInputElement>(el, `form.lr-profile__form [name="${name}"]`);
const emailRow = (el: Element, email: string) =>
  [...el.querySelectorAll('.lr-emails__item')].find((r) => $(r, '.lr-emails__address').textContent === email);

describe('account flows through the outbox', function () {
  this.timeout(120000);
  beforeEach(resetAll);

  it('register → verify → edit → reload → add/verify/remove email → change, forget and reset password → delete', async () => {
    const email = uniqueEmail('life');
    const log = record(document, ALL);

    // ── Register (SOTT made by the host's server) and verify through the emailed link ──────────────────────
    await api.register(cfg(), {Email: [{Type: 'Primary', Value: email}], Password: PASSWORD}, await getSott(), {
      verificationUrl: LINK_PAGE,
    });
    const verify = await openLink((await mail(email, 'verification')).Link);
    await settle(verify, () => verify.view === 'verified', 'the address to be verified');
    expect(session().state, 'signed in by the verification').to.equal('authenticated');
    verify.parentElement!.remove();

    // ── Edit the profile ───────────────────────────────────────────────────────────────────────────────────
    const editorAttrs = `fields="FirstName,LastName,City" delete-url="${LINK_PAGE}"`;
    let editor = await mount<LrProfileEditor>('lr-profile-editor', editorAttrs);
    await settle(editor, () => editor.querySelector('form.lr-profile__form'), 'the profile form');
    await retype(profileInput(editor, 'FirstName'), 'Ada');
    await retype(profileInput(editor, 'LastName'), 'Lovelace');
    await retype(profileInput(editor, 'City'), 'London');
    const saved = oneEvent(editor, 'lr-profile-updated');
    await sendKeys({press: 'Enter'});
    expect(((await saved) as CustomEvent).detail.profile.FirstName).to.equal('Ada');

    // ── Reload: a fresh page reads the stored session and the saved profile ────────────────────────────────
    editor.parentElement!.remove();
    _resetSessionsForTests();
    editor = await mount<LrProfileEditor>('lr-profile-editor', editorAttrs);
    await settle(editor, () => editor.querySelector('form.lr-profile__form'), 'the profile form after reload');
    expect(['FirstName', 'LastName', 'City'].map((n) => profileInput(editor, n).value)).to.deep.equal([
      'Ada',
      'Lovelace',
      'London',
    ]);

    // ── Add a second address, verify it through its link, remove it ────────────────────────────────────────
    const manager = await mount<LrEmailManager>('lr-email-manager', `verification-url="${LINK_PAGE}"`);
    await settle(manager, () => emailRow(manager, email), 'the email list');
    const second = uniqueEmail('second');
    await typeText($(manager, 'form.lr-emails__add input[name=email]'), second);
    const added = oneEvent(manager, 'lr-email-added');
    await sendKeys({press: 'Enter'});
    await added;
    const verifySecond = await openLink((await mail(second, 'verification')).Link);
    await settle(verifySecond, () => verifySecond.view === 'verified', 'the second address to be verified');
    await manager.refresh();
    await settle(manager, () => emailRow(manager, second)?.hasAttribute('data-verified'), 'the second address verified');
    $<HTMLButtonElement>(emailRow(manager, second)!, '.lr-emails__remove').click();
    await manager.updateComplete;
    const removed = oneEvent(manager, 'lr-email-removed');
    $<HTMLButtonElement>(manager, '.lr-emails__remove-yes').click();
    await removed;
    expect((await adminGet(email))!.Email.map((e: {Value: string}) => e.Value)).to.deep.equal([email]);

    // ── Change the password: the old one fails, the new one works ──────────────────────────────────────────
    await editor.updateComplete;
    $<HTMLButtonElement>(editor, '.lr-profile__password-open').click();
    await until(() => editor.querySelector('form.lr-profile__password-form'), 'the change-password form (loaded when first opened)');
    await editor.updateComplete;
    await typeText($(editor, 'input[name=currentPassword]'), PASSWORD);
    await typeText($(editor, 'input[name=newPassword]'), CHANGED);
    const changed = oneEvent(editor, 'lr-password-changed');
    await sendKeys({press: 'Enter'});
    await changed;
    expect((await api.login(cfg(), email, PASSWORD).catch((e) => e)).code, 'old password').to.equal(966);
    expect((await api.login(cfg(), email, CHANGED)).access_token).to.be.a('string');

    // ── Forgot password, reset through the link, sign in again with <lr-login> ─────────────────────────────
    await api.forgotPassword(cfg(), email, LINK_PAGE);
    const reset = await openLink((await mail(email, 'reset')).Link);
    const [pw, confirm] = [...reset.querySelectorAll<HTMLInputElement>('form input')];
    await typeText(pw!, RESET);
    await typeText(confirm!, RESET);
    const wasReset = oneEvent(reset, 'lr-password-reset');
    await sendKeys({press: 'Enter'});
    await wasReset;
    expect((await api.login(cfg(), email, CHANGED).catch((e) => e)).code, 'pre-reset password').to.equal(966);
    // The reset ended every session (the emulator's rule): sign out locally, then sign in with the new password.
    await session().logout();
    await settle(editor, () => !editor.querySelector('form'), 'the editor to empty on sign-out', 1000);
    const login = await mount<HTMLElement & {ready: Promise<unknown>; updateComplete: Promise<boolean>}>('lr-login');
    await typeText($(login, 'input[name=email]'), email);
    await typeText($(login, 'input[name=password]'), RESET);
    const loggedIn = oneEvent(login, 'lr-logged-in');
    await sendKeys({press: 'Enter'});
    await loggedIn;
    await settle(editor, () => editor.querySelector('form.lr-profile__form'), 'the editor to reload after sign-in');
    expect(profileInput(editor, 'FirstName').value).to.equal('Ada');

    // ── Delete the account with email confirmation ─────────────────────────────────────────────────────────
    $<HTMLButtonElement>(editor, '.lr-profile__delete-start').click();
    await editor.updateComplete;
    const requested = oneEvent(editor, 'lr-account-deletion-requested');
    $<HTMLButtonElement>(editor, '.lr-profile__delete-send').click();
    await requested;
    const del = await openLink((await mail(email, 'delete')).Link);
    expect(del.view).to.equal('delete-confirm');
    const deleted = oneEvent(del, 'lr-account-deleted');
    $<HTMLButtonElement>(del, '.lr-link__delete-submit').click();
    await deleted;
    expect(await adminGet(email), 'the Account API no longer knows the account').to.equal(null);
    expect(session().state).to.equal('anonymous');
    expect(await session().getAccessToken()).to.equal(undefined);
    await settle(editor, () => !editor.querySelector('form'), 'the editor to empty', 1000);
    await settle(manager, () => !manager.querySelector('ul'), 'the email manager to empty', 1000);

    // Every event of the journey, in order of the steps, and none carried a token or a password.
    const names = log.events.map((e) => e.type);
    for (const name of ALL.filter((n) => !['lr-error', 'lr-session-expired', 'lr-verification-sent'].includes(n))) {
      expect(names, name).to.include(name);
    }
    for (const e of log.events) {
      const text = JSON.stringify(e.detail ?? null);
      expect(text, e.type).not.to.match(/access_token|refresh_token/i);
      for (const secret of [PASSWORD, CHANGED, RESET]) expect(text, e.type).not.to.contain(secret);
    }
    log.stop();
  });
});
