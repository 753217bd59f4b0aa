/**
 * Passwordless sign-in on a multi-factor site (issues 13 + 12): the link in `<lr-email-link>` and the code in
 * `<lr-login passwordless="code">` answer with a second-factor challenge, and the element runs the shared second step
 * until the user is signed in. Real emulator; TOTP codes from the manual key with the emulator's library
 * (`admin.totp`); no fetch stubs.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {sendPasswordlessLink} from '../../../src/core/passwordless.js';
import '../../../src/elements/lr-email-link/lr-email-link.js';
import type {LrEmailLink} from '../../../src/elements/lr-email-link/email-link.js';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import {$, cfg, linkParams, mail, mount, session, settle} from './account-support.js';
import {code, enterCode, wrongCodeKept} from './mfa-support.js';
import {PASSWORD, admin, createAccount, emu, noSecrets, record, resetAll, typeInto, typeKeys} from './support.js';

const EVENTS = ['lr-passwordless-sent', 'lr-mfa-required', 'lr-logged-in', 'lr-error', 'lr-session-changed'];
const A = '/identity/v2/auth';
const LINK_PAGE = `${location.origin}/sign-in-link`;

/** A clock offset that puts the emulator 15 s into a TOTP step, so a test never straddles one. */
const midStep = () => Math.round(15 - ((Date.now() / 1000) % 30));

/** An MFA site and a user with the authenticator set up (through a real MFA login). */
async function mfaUser(more: Record<string, unknown> = {}) {
  await emu.setConfig({mfa: 'required', clockOffsetSeconds: midStep(), ...more});
  const user = await createAccount({FirstName: 'Mia'});
  const {secret} = await admin.mfaEnroll(user.email, PASSWORD);
  await emu.control('DELETE', '/outbox');
  await emu.clearRequests();
  return {user, secret: secret!};
}

/** The passwordless email for `email` (sent as `<lr-login passwordless>` sends it) → the link's vtype/vtoken. */
async function linkFor(email: string) {
  await sendPasswordlessLink(cfg(), email, {verificationUrl: LINK_PAGE});
  const m = await mail(email, 'passwordless');
  return {...linkParams(m.Link), otp: m.Otp ?? undefined};
}

/** `<lr-login passwordless="code">`: sends the code to `email`; resolves when the code field shows. */
async function sendCode(el: LrLogin, email: string): Promise<void> {
  await settle(el, () => el.querySelector('.lr-login__passwordless-form'), 'the passwordless form');
  await typeInto($<HTMLInputElement>(el, '.lr-login__passwordless-form input[name=email]'), email);
  $<HTMLButtonElement>(el, '.lr-login__passwordless-form .lr-form__submit').click();
  await settle(el, () => el.querySelector('.lr-login__code-form'), 'the code field');
}


/** No code, key or token in events, attributes, the page text (outside the code field) or the address bar. */
function noLeak(events: Event[], ...secrets: (string | undefined)[]): void {
  noSecrets(events, ...secrets);
  const attrs = [...document.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' ');
  for (const s of secrets.filter((x): x is string => !!x)) {
    expect(attrs.includes(s), 'a secret in an attribute').to.equal(false);
    expect(document.body.textContent!.includes(s), 'a secret in the page text').to.equal(false);
    expect(location.href.includes(s), 'a secret in the URL').to.equal(false);
  }
}

/** Events heard on the document (the element under test is the only one mounted); stopped after each test. */
const listening: ReturnType<typeof record>[] = [];
const onDocument = () => {
  const r = record(document, EVENTS);
  listening.push(r);
  return r;
};

describe('passwordless sign-in with a second factor', function () {
  this.timeout(40000);
  beforeEach(resetAll);
  afterEach(() => {
    listening.splice(0).forEach((r) => r.stop());
    return emu.clearFaults();
  });

  it('link: <lr-email-link> shows the second step (focused, axe clean), the authenticator code signs in', async () => {
    const {user, secret} = await mfaUser();
    const {vtype, vtoken} = await linkFor(user.email);
    const rec = onDocument(); // before the mount: the link may complete before mount() returns (WebKit under load)
    const link = await mount<LrEmailLink>('lr-email-link', `vtype="${vtype}" vtoken="${vtoken}"`);
    await settle(link, () => link.querySelector('.lr-mfa'), 'the second step');
    expect(rec.of('lr-mfa-required').map((e) => e.detail)).to.deep.equal([{methods: ['authenticator', 'backupcode']}]);
    expect(document.activeElement).to.equal(code(link));
    expect(code(link).getAttribute('autocomplete')).to.equal('one-time-code');
    expect(session().state).to.equal('anonymous');
    expect(link.view).to.equal('second-factor'); // not `verifying` while the second step shows
    await link.updateComplete;
    expect(link.getAttribute('view')).to.equal('second-factor');
    await expect(link).to.be.accessible();
    const totp = await admin.totp(secret);
    await enterCode(link, totp);
    await settle(link, () => link.view === 'verified', 'signed in');
    expect(link.getAttribute('view')).to.equal('verified');
    expect(link.querySelector('.lr-mfa')).to.equal(null);
    expect($(link, '.lr-link__message').textContent).to.include('signed in');
    expect(document.activeElement).to.equal($(link, '.lr-link__message'));
    expect(rec.of('lr-logged-in').map((e) => e.detail.profile.Email)).to.deep.equal([user.email]);
    expect(session().state).to.equal('authenticated');
    const token = await session().getAccessToken();
    expect(token).to.be.a('string').and.not.equal('00000000-0000-0000-0000-000000000000');
    // The second step's call took the second-factor token of the passwordless answer in its query (contract §4.3).
    const [l2] = await emu.requests('PUT', `${A}/login/2fa/verification/authenticatorcode`);
    expect(l2!.Url).to.match(/[?&]secondfactorauthenticationtoken=[0-9a-f-]{32,36}(&|$)/i);
    expect(rec.of('lr-error')).to.have.length(0);
    noSecrets(rec.events, vtoken); // the test itself put the link's token in the vtoken attribute
    noLeak(rec.events, totp, secret, token!);
  });

  it('code: <lr-login passwordless="code"> → second step; a wrong code is marked and kept, the right one signs in', async () => {
    const {user, secret} = await mfaUser();
    const el = await mount<LrLogin>('lr-login', `passwordless="code" no-password passwordless-url="${LINK_PAGE}"`);
    const rec = record(el, EVENTS);
    await sendCode(el, user.email);
    const otp = (await mail(user.email, 'passwordless')).Otp!;
    await typeInto($<HTMLInputElement>(el, 'input[name=otp]'), otp);
    $<HTMLButtonElement>(el, '.lr-login__code-form .lr-form__submit').click();
    await settle(el, () => el.querySelector('.lr-mfa'), 'the second step');
    expect(rec.of('lr-mfa-required')).to.have.length(1);
    expect(document.activeElement).to.equal(code(el));
    await expect(el).to.be.accessible();
    const right = await admin.totp(secret);
    const {input, wrong} = await wrongCodeKept(el, rec, right);
    expect(session().state).to.equal('anonymous');
    await expect(el).to.be.accessible();
    input.select();
    await typeKeys(right);
    await sendKeys({press: 'Enter'});
    await settle(el, () => rec.of('lr-logged-in').length, 'lr-logged-in');
    expect(rec.of('lr-logged-in')[0]!.detail.profile.Email).to.equal(user.email);
    expect(el.querySelector('.lr-mfa')).to.equal(null);
    expect(document.activeElement).to.equal($(el, '.lr-login__who'));
    expect(session().state).to.equal('authenticated');
    noLeak(rec.events, otp, wrong, right, secret, (await session().getAccessToken())!);
  });

  it('code: an expired second step says so without asking for a password and goes back to the email form', async () => {
    const {user} = await mfaUser({mfaTokenLifetimeSeconds: 1});
    const el = await mount<LrLogin>('lr-login', `passwordless="code" no-password`);
    const rec = record(el, EVENTS);
    await sendCode(el, user.email);
    await typeInto($<HTMLInputElement>(el, 'input[name=otp]'), (await mail(user.email, 'passwordless')).Otp!);
    $<HTMLButtonElement>(el, '.lr-login__code-form .lr-form__submit').click();
    await settle(el, () => el.querySelector('.lr-mfa'), 'the second step');
    await new Promise((r) => setTimeout(r, 1200));
    await enterCode(el, '123456');
    await settle(el, () => el.querySelector('.lr-mfa__expired'), 'the expired notice');
    const notice = $(el, '.lr-mfa__expired .lr-notice').textContent!;
    expect(notice).to.contain('expired').and.contain('new sign-in email').and.not.contain('password');
    expect(rec.of('lr-error')[0]!.detail.code).to.equal(1104);
    $(el, '.lr-mfa__restart').click();
    await settle(el, () => el.querySelector('.lr-login__passwordless-form'), 'the email form');
    const email = $<HTMLInputElement>(el, '.lr-login__passwordless-form input[name=email]');
    expect(email.value).to.equal(user.email);
    expect(document.activeElement).to.equal(email);
    expect($(el, '.lr-login__passwordless-form').textContent).to.contain('new sign-in email');
    await expect(el).to.be.accessible();
  });

  it('code: an answer that is neither a session nor a challenge is refused, never adopted (the code kept)', async () => {
    const user = await createAccount();
    const zero = '00000000-0000-0000-0000-000000000000';
    await emu.setFaults({path: `${A}/login/passwordlesslogin/email/verifyotp`, status: 200, body: {access_token: zero, Profile: null}, times: 1});
    const el = await mount<LrLogin>('lr-login', `passwordless="code" no-password`);
    const rec = record(el, EVENTS);
    await sendCode(el, user.email);
    const otp = (await mail(user.email, 'passwordless')).Otp!;
    const input = $<HTMLInputElement>(el, 'input[name=otp]');
    await typeInto(input, otp);
    $<HTMLButtonElement>(el, '.lr-login__code-form .lr-form__submit').click();
    await settle(el, () => rec.of('lr-error').length, 'lr-error');
    expect(rec.of('lr-error')[0]!.detail.kind).to.equal('server');
    expect($(el, '.lr-login__code-form').textContent).to.contain('having trouble');
    expect(input.value).to.equal(otp);
    expect(rec.of('lr-logged-in')).to.have.length(0);
    expect(rec.of('lr-mfa-required')).to.have.length(0);
    expect(session().state).to.equal('anonymous');
    expect(await session().getAccessToken()).to.equal(undefined);
  });

  it('link: "start again" in the second step says the link is used and offers a new one to the address', async () => {
    const {user} = await mfaUser();
    const {vtype, vtoken} = await linkFor(user.email);
    const rec = onDocument(); // before the mount: the link may complete before mount() returns (WebKit under load)
    const link = await mount<LrEmailLink>('lr-email-link', `vtype="${vtype}" vtoken="${vtoken}"`);
    await settle(link, () => link.querySelector('.lr-mfa'), 'the second step');
    $(link, '.lr-mfa .lr-mfa__restart').click();
    await settle(link, () => link.view === 'failed', 'back at the link');
    expect($(link, '.lr-link__message').textContent).to.include('already been used');
    expect(document.activeElement).to.equal($(link, '.lr-link__message'));
    await expect(link).to.be.accessible();
    $<HTMLButtonElement>(link, '.lr-link__send-new').click();
    await settle(link, () => rec.of('lr-passwordless-sent').length, 'a new link sent');
    expect(rec.of('lr-passwordless-sent')[0]!.detail).to.deep.equal({email: user.email});
    expect((await emu.outbox(user.email)).filter((m) => m.Kind === 'passwordless')).to.have.length(2);
    expect(rec.of('lr-logged-in')).to.have.length(0);
    expect(session().state).to.equal('anonymous');
  });
});
