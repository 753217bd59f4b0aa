import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import * as api from '../../../src/core/client.js';
import '../../../src/elements/lr-email-link/lr-email-link.js';
import type {LrEmailLink} from '../../../src/elements/lr-email-link/email-link.js';
import '../../../src/elements/lr-email-manager/lr-email-manager.js';
import type {LrEmailManager} from '../../../src/elements/lr-email-manager/email-manager.js';
import {
  $,
  adminCreate,
  adminGet,
  alertText,
  cfg,
  expectNoTokens,
  linkParams,
  mail,
  mount,
  removeLast,
  session,
  settle,
  signIn,
  statusText,
  typeText,
} from './account-support.js';
import {
  PASSWORD,
  outbox,
  record,
  requests,
  resetAll,
  runCredentialFormSuite,
  setFaults,
  uniqueEmail,
} from './support.js';

const TAG = 'lr-email-manager';
const EVENTS = ['lr-email-added', 'lr-email-removed', 'lr-verification-sent', 'lr-error', 'lr-session-changed'];
const VERIFY_URL = `${location.origin}/verify-email`;

const rows = (el: Element) => [...el.querySelectorAll<HTMLLIElement>('.lr-emails__item')];
const row = (el: Element, email: string) => rows(el).find((r) => $(r, '.lr-emails__address').textContent === email)!;
const addInput = (el: Element) => $<HTMLInputElement>(el, 'form.lr-emails__add input[name=email]');

async function signedInManager(attrs = `verification-url="${VERIFY_URL}"`, email = uniqueEmail('emails')) {
  await adminCreate(email, PASSWORD);
  await signIn(email, PASSWORD);
  const el = await mount<LrEmailManager>(TAG, attrs);
  await settle(el, () => rows(el).length > 0, 'the email list');
  return {el, email};
}

/** Adds an address through the form and waits for lr-email-added. */
async function add(el: LrEmailManager, email: string): Promise<CustomEvent> {
  await typeText(addInput(el), email);
  const added = oneEvent(el, 'lr-email-added');
  await sendKeys({press: 'Enter'});
  const ev = (await added) as CustomEvent;
  await el.updateComplete;
  return ev;
}

describe('<lr-email-manager>', function () {
  this.timeout(30000); // real typing in three engines, real emulator
  beforeEach(resetAll);
  afterEach(() => setFaults([]));

  runCredentialFormSuite(TAG, async () => (await signedInManager()).el, [
    {name: 'email', type: 'email', autocomplete: 'email'},
  ]);

  it('has sensible defaults and maps attributes to properties', async () => {
    const d = document.createElement(TAG);
    expect([d.verificationUrl, d.resendCooldown, d.headingLevel, d.hideWhenSignedOut]).to.deep.equal(['', 30, 3, false]);
    const el = await mount<LrEmailManager>(
      TAG,
      'verification-url="http://localhost/v" resend-cooldown="5" heading-level="2" hide-when-signed-out',
    );
    expect([el.verificationUrl, el.resendCooldown, el.headingLevel, el.hideWhenSignedOut]).to.deep.equal([
      'http://localhost/v',
      5,
      2,
      true,
    ]);
  });

  it('shows only a sign-in message while signed out, and passes axe', async () => {
    const el = await mount<LrEmailManager>(TAG);
    expect(el.querySelector('ul, form')).to.equal(null);
    expect($(el, '.lr-emails__signed-out').textContent).to.contain('Sign in');
    expect(el.querySelector('[role=alert]')).to.exist;
    expect(el.querySelector('[role=status]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('lists the addresses with type and verified state, in light DOM, and passes axe', async () => {
    const {el, email} = await signedInManager();
    const r = row(el, email);
    expect($(r, '.lr-emails__type').textContent!.trim()).to.equal('Primary');
    expect($(r, '.lr-emails__state').textContent!.trim()).to.equal('Verified');
    expect(r.hasAttribute('data-primary')).to.equal(true);
    expect(r.querySelector('.lr-emails__resend'), 'no resend for a verified address').to.equal(null);
    const inputEl = document.querySelector<HTMLInputElement>('lr-email-manager input[type=email][autocomplete=email]');
    expect(inputEl).to.equal(addInput(el));
    expect(inputEl!.form).to.be.instanceOf(HTMLFormElement);
    await expect(el).to.be.accessible();
  });

  it('adds an address (optimistic row), sends its verification link, and the link verifies it', async () => {
    const {el} = await signedInManager();
    const log = record(el, EVENTS);
    const second = uniqueEmail('second');
    await setFaults([{path: '/identity/v2/auth/email', method: 'POST', delayMs: 600, times: 1}]);
    await typeText(addInput(el), second);
    const added = oneEvent(el, 'lr-email-added');
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    // Shown at once while the (slowed down) request runs.
    expect(row(el, second)?.hasAttribute('data-pending')).to.equal(true);
    expect($(row(el, second), '.lr-emails__state').textContent!.trim()).to.equal('Adding…');
    expect($<HTMLButtonElement>(el, '.lr-emails__add-submit').disabled).to.equal(true);
    const ev = (await added) as CustomEvent;
    await el.updateComplete;
    expect(ev.detail).to.deep.equal({email: second});
    expect(ev.bubbles && ev.composed).to.equal(true);
    expect(statusText(el)).to.contain(`We added ${second}`);
    expect(addInput(el).value).to.equal('');
    const r = row(el, second);
    expect($(r, '.lr-emails__type').textContent!.trim()).to.equal('Secondary');
    expect($(r, '.lr-emails__state').textContent!.trim()).to.equal('Not verified');
    await expect(el).to.be.accessible();
    const m = await mail(second, 'verification');
    const {vtype, vtoken, url} = linkParams(m.Link);
    expect(url.origin + url.pathname).to.equal(VERIFY_URL);
    expect(vtype).to.equal('emailverification');
    // The page the link opens: <lr-email-link> verifies it.
    const page = document.createElement('div');
    const verified = oneEvent(page, 'lr-email-verified'); // listen before the element starts (it verifies at once)
    const link = Object.assign(document.createElement('lr-email-link'), {
      apikey: cfg().apiKey,
      apiBase: cfg().apiBase,
      vtype,
      vtoken,
      email: second,
    }) as LrEmailLink;
    page.append(link);
    document.body.append(page);
    try {
      expect(((await verified) as CustomEvent).detail).to.deep.equal({email: second});
    } finally {
      page.remove();
    }
    await el.refresh();
    await settle(el, () => row(el, second)?.hasAttribute('data-verified'), 'the address to show as verified');
    expect($(row(el, second), '.lr-emails__state').textContent!.trim()).to.equal('Verified');
    expectNoTokens(log.events, vtoken, await el.getAccessToken());
  });

  it('resends the verification link with a visible cooldown', async () => {
    const {el} = await signedInManager(`verification-url="${VERIFY_URL}" resend-cooldown="2"`);
    const second = uniqueEmail('resend');
    await add(el, second);
    const resend = () => $<HTMLButtonElement>(row(el, second), '.lr-emails__resend');
    // Just added: the link was sent a moment ago, so resending waits.
    expect(resend().disabled).to.equal(true);
    const wait = $(row(el, second), '.lr-emails__cooldown');
    expect(wait.textContent).to.match(/You can resend in \d seconds?\./);
    expect(wait.parentElement, 'the countdown beside its button').to.equal(resend().parentElement);
    expect(resend().getAttribute('aria-label')).to.equal(`Resend verification link to ${second}`);
    await settle(el, () => !resend().disabled, 'the cooldown to end', 4000);
    const sent = oneEvent(el, 'lr-verification-sent');
    resend().click();
    const ev = (await sent) as CustomEvent;
    await el.updateComplete;
    expect(ev.detail).to.deep.equal({email: second});
    expect(statusText(el)).to.equal(`We sent a new verification link to ${second}.`);
    expect(resend().disabled, 'cooling down again').to.equal(true);
    const mails = (await outbox(second)).filter((m) => m.Kind === 'verification');
    expect(mails.length).to.equal(2);
    resend().click(); // ignored while cooling down
    await el.updateComplete;
    expect((await requests('PUT', '/identity/v2/auth/register')).length).to.equal(1);
  });

  it('removes a secondary address after confirmation', async () => {
    const {el, email} = await signedInManager();
    const second = uniqueEmail('gone');
    await add(el, second);
    $<HTMLButtonElement>(row(el, second), '.lr-emails__remove').click();
    await el.updateComplete;
    const confirm = $(el, '.lr-emails__confirm');
    expect(document.activeElement).to.equal(confirm);
    expect(confirm.textContent).to.contain(`Remove ${second} from your account?`);
    await expect(el).to.be.accessible();
    // "Keep it" goes back without a request.
    $<HTMLButtonElement>(el, '.lr-emails__remove-no').click();
    await el.updateComplete;
    expect(el.querySelector('.lr-emails__confirm')).to.equal(null);
    expect(document.activeElement).to.equal($(row(el, second), '.lr-emails__remove'));
    $<HTMLButtonElement>(row(el, second), '.lr-emails__remove').click();
    await el.updateComplete;
    const removed = oneEvent(el, 'lr-email-removed');
    $<HTMLButtonElement>(el, '.lr-emails__remove-yes').click();
    const ev = (await removed) as CustomEvent;
    await el.updateComplete;
    expect(ev.detail).to.deep.equal({email: second});
    expect(row(el, second)).to.equal(undefined);
    expect(statusText(el)).to.equal(`${second} has been removed from your account.`);
    expect(document.activeElement).to.equal($(el, '.lr-emails > .lr-emails__heading'));
    const stored = (await adminGet(email))!;
    expect(stored.Email.map((e: {Value: string}) => e.Value)).to.deep.equal([email]);
  });

  it('offers no Remove on the only address (issue 16), and Remove on each once there are two', async () => {
    const {el, email} = await signedInManager();
    expect($(row(el, email), '.lr-emails__remove'), 'no Remove that leads nowhere').to.equal(null);
    await expect(el).to.be.accessible();
    const second = uniqueEmail('other');
    await add(el, second);
    await settle(el, () => el.querySelectorAll('.lr-emails__remove').length === 2, 'Remove on both');
    expect($(row(el, email), '.lr-emails__remove').getAttribute('aria-label')).to.equal(`Remove ${email}`);
  });

  it('says why the last address cannot be removed when the list was out of date (1005), and keeps it', async () => {
    const {el, email} = await signedInManager();
    const log = record(el, EVENTS);
    await removeLast(el, email);
    const e = log.of('lr-error').at(-1)!;
    const why = `${email} is your only email address, so it cannot be removed. Add another address first.`;
    expect(e.detail).to.deep.equal({kind: 'api', code: 1005, message: why});
    expect(alertText(el)).to.equal(why);
    const r = row(el, email);
    expect(r, 'still listed').to.exist;
    expect($(r, '.lr-emails__note').textContent!.trim()).to.equal(why);
    // The list is re-read: the address removed elsewhere is gone, and the only one left has no Remove.
    await settle(el, () => rows(el).length === 1, 'the list re-read');
    expect($(row(el, email), '.lr-emails__remove')).to.equal(null);
    expect($(row(el, email), '.lr-emails__note').textContent!.trim()).to.equal(why);
    expect(document.activeElement && document.activeElement !== document.body, 'focus not on <body>').to.equal(true);
    expect(log.of('lr-email-removed')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('removes the primary address while another exists: the other one becomes primary (as the live service does)', async () => {
    const {el, email} = await signedInManager();
    const other = uniqueEmail('other');
    await add(el, other);
    $<HTMLButtonElement>(row(el, email), '.lr-emails__remove').click();
    await el.updateComplete;
    const removed = oneEvent(el, 'lr-email-removed');
    $<HTMLButtonElement>(el, '.lr-emails__remove-yes').click();
    await removed;
    await waitUntil(() => rows(el).length === 1 && row(el, other)?.hasAttribute('data-primary'), 'the other address is primary');
    expect(row(el, email), 'removed row gone').to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('rolls the optimistic row back visibly when the address is refused, with the reason on the field', async () => {
    const {el} = await signedInManager();
    const taken = uniqueEmail('taken');
    await adminCreate(taken, PASSWORD);
    await typeText(addInput(el), taken);
    const err = oneEvent(el, 'lr-error');
    await sendKeys({press: 'Enter'});
    const e = (await err) as CustomEvent;
    await el.updateComplete;
    expect(e.detail.code).to.equal(936);
    expect(row(el, taken), 'row rolled back').to.equal(undefined);
    const i = addInput(el);
    expect(i.value, 'input kept').to.equal(taken);
    expect(i.getAttribute('aria-invalid')).to.equal('true');
    expect(document.getElementById(`${i.id}-error`)!.textContent!.trim()).to.equal(
      'This email address belongs to another account.',
    );
    expect(document.activeElement).to.equal(i);
    await expect(el).to.be.accessible();
  });

  it('refuses an address already on the account without a request, and validates the format', async () => {
    const {el, email} = await signedInManager();
    await typeText(addInput(el), email.toUpperCase());
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(addInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(document.getElementById(`${addInput(el).id}-error`)!.textContent!.trim()).to.equal(
      'This email address is already on your account.',
    );
    expect(await requests('POST', '/identity/v2/auth/email')).to.have.length(0);
    addInput(el).value = '';
    await typeText(addInput(el), 'not-an-email');
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(document.getElementById(`${addInput(el).id}-error`)!.textContent!.trim()).to.equal(
      'Enter an email address in the format name@example.com.',
    );
  });

  it('renders a hostile address as text (XSS canary)', async () => {
    const {el} = await signedInManager();
    // The most hostile shape both the browser and the API accept as an address (no < > or spaces allowed).
    const hostile = `x'onfocus=window.__xss=1'@example.test`;
    await add(el, hostile);
    const r = row(el, hostile);
    expect($(r, '.lr-emails__address').textContent).to.equal(hostile);
    for (const b of r.querySelectorAll('button')) {
      expect(b.hasAttribute('onfocus')).to.equal(false);
      b.focus();
    }
    expect(el.querySelector('[onfocus], svg, img, script')).to.equal(null);
    expect((window as {__xss?: unknown}).__xss).to.equal(undefined);
  });

  it('turns a 429 on resend into that address\'s cooldown', async () => {
    const {el} = await signedInManager(`verification-url="${VERIFY_URL}" resend-cooldown="1"`);
    const second = uniqueEmail('limited');
    await add(el, second);
    const resend = () => $<HTMLButtonElement>(row(el, second), '.lr-emails__resend');
    await settle(el, () => !resend().disabled, 'the first cooldown to end', 3000);
    await setFaults([{path: '/identity/v2/auth/register', method: 'PUT', status: 429, retryAfter: 4, times: 1}]);
    const limited = oneEvent(el, 'lr-rate-limited');
    resend().click();
    const ev = (await limited) as CustomEvent;
    await el.updateComplete;
    expect(ev.detail).to.deep.equal({retryAfterSeconds: 4});
    expect(alertText(el)).to.contain('Too many attempts');
    expect(resend().disabled).to.equal(true);
    // The countdown shows on that address's row, under the refusal.
    expect($(row(el, second), '.lr-emails__note').textContent).to.match(/You can try again in [34] seconds\./);
  });

  it('empties itself (and keeps nothing) when the token is rejected during an add', async () => {
    const {el, email} = await signedInManager();
    const log = record(el, ['lr-session-expired', 'lr-error']);
    await api.invalidateToken(cfg(), (await el.getAccessToken())!);
    await typeText(addInput(el), uniqueEmail('late'));
    await sendKeys({press: 'Enter'});
    await settle(el, () => !el.querySelector('ul'), 'the list to empty');
    expect(log.of('lr-session-expired')).to.have.length(1);
    expect(statusText(el)).to.equal('Your session has expired. Please sign in again.');
    expect(el.textContent).not.to.contain(email);
    expect(el.sessionState).to.equal('anonymous');
  });

  it('empties itself within a second when another tab signs out', async () => {
    const {el, email} = await signedInManager();
    const other = new BroadcastChannel('lr-elements:' + session().id); // what another tab's session posts on
    const t0 = Date.now();
    other.postMessage({t: 'logout'});
    other.close();
    await settle(el, () => !el.querySelector('ul'), 'the list to empty', 1000);
    expect(Date.now() - t0).to.be.below(1000);
    expect(el.textContent).not.to.contain(email);
    expect(statusText(el)).to.equal('You signed out in another tab.');
  });

  it('empties itself when the user signs out elsewhere', async () => {
    const {el, email} = await signedInManager();
    const t0 = Date.now();
    await session().logout();
    await settle(el, () => !el.querySelector('ul'), 'the list to empty', 1000);
    expect(Date.now() - t0).to.be.below(1000);
    expect(el.textContent).not.to.contain(email);
  });
});
