/**
 * `<lr-login>` on a multi-factor site (issue 12): the shared second step against the real emulator. TOTP codes are
 * computed in Node from the manual key with the emulator's library (`admin.totp`), emailed codes come from the
 * outbox; no fetch stubs.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import {$, describedError, mount, settle} from './account-support.js';
import {code, enterCode, wrongCodeKept} from './mfa-support.js';
import {PASSWORD, admin, createAccount, emu, noSecrets, record, resetAll, typeInto, typeKeys} from './support.js';

const EVENTS = ['lr-mfa-required', 'lr-logged-in', 'lr-error', 'lr-session-changed'];
const A = '/identity/v2/auth';

/** A clock offset that puts the emulator 15 s into a TOTP step, so a test never straddles one. */
const midStep = () => Math.round(15 - ((Date.now() / 1000) % 30));

async function mfaSite(mfa: 'optional' | 'required' = 'required', more: Record<string, unknown> = {}) {
  await emu.setConfig({mfa, clockOffsetSeconds: midStep(), ...more});
}


/** Password step through the form; resolves when the second step shows. */
async function toSecondStep(el: LrLogin, email: string): Promise<void> {
  await typeInto($<HTMLInputElement>(el, 'input[name=email]'), email);
  await typeInto($<HTMLInputElement>(el, 'input[name=password]'), PASSWORD);
  await sendKeys({press: 'Enter'});
  await settle(el, () => el.querySelector('.lr-mfa'), 'the second step');
}

/** An MFA site, a user with the authenticator set up, and `<lr-login mfa>` at the second step. */
async function atSecondStep() {
  await mfaSite('required');
  const user = await createAccount();
  const {secret} = await admin.mfaEnroll(user.email, PASSWORD);
  await emu.clearRequests();
  const el = await mount<LrLogin>('lr-login', 'mfa');
  const rec = record(el, EVENTS);
  await toSecondStep(el, user.email);
  return {user, secret: secret!, el, rec};
}


/** No code, key or token in events, attributes or the document's text outside the code field. */
function noLeak(el: Element, events: Event[], ...secrets: string[]): void {
  noSecrets(events, ...secrets);
  const attrs = [...document.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' ');
  for (const s of secrets) {
    expect(attrs.includes(s), 'a secret in an attribute').to.equal(false);
    expect(document.body.textContent!.includes(s), 'a secret in the page text').to.equal(false);
  }
  expect(el.querySelector('img')).to.equal(null);
}

describe('<lr-login> with multi-factor sign-in', function () {
  this.timeout(40000);
  beforeEach(resetAll);
  afterEach(() => emu.clearFaults());

  it('sets up the authenticator at the first sign-in when the site requires it (QR as SVG, key, code), axe clean', async () => {
    await mfaSite('required');
    const user = await createAccount();
    const el = await mount<LrLogin>('lr-login');
    const rec = record(el, EVENTS);
    await toSecondStep(el, user.email);
    expect(rec.of('lr-mfa-required')[0]!.detail).to.deep.equal({methods: ['authenticator', 'emailotp']});
    // The plain login answered 1176 and the element moved to the MFA login.
    expect(await emu.requests('POST', `${A}/login`)).to.have.length(1);
    expect(await emu.requests('POST', `${A}/login/2fa`)).to.have.length(1);
    const path = $(el, '.lr-setup__qr svg.lr-qr path');
    expect(path.getAttribute('d')!.length).to.be.greaterThan(100);
    expect($(el, '.lr-setup__qr svg').getAttribute('role')).to.equal('img');
    const shown = $(el, '.lr-setup__key code').textContent!;
    expect(shown).to.match(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const input = code(el);
    expect([input.getAttribute('autocomplete'), input.inputMode, input.getAttribute('pattern'), input.type]).to.deep.equal(['one-time-code', 'numeric', '[0-9 \\-]{6,9}', 'text']);
    expect($(el, `label[for="${input.id}"]`).textContent!.trim()).to.equal('Code from the app');
    expect(document.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
    const key = shown.replace(/\s/g, '');
    const totp = await admin.totp(key);
    await enterCode(el, totp);
    await settle(el, () => rec.of('lr-logged-in').length, 'lr-logged-in');
    expect(el.querySelector('.lr-mfa')).to.equal(null);
    expect(el.sessionState).to.equal('authenticated');
    noLeak(el, rec.events, key, totp);
  });

  it('signs in with an authenticator code (mfa attribute: straight to the MFA login), a pasted code with a space', async () => {
    const {user, secret, el, rec} = await atSecondStep();
    expect(rec.of('lr-mfa-required')[0]!.detail.methods).to.deep.equal(['authenticator', 'backupcode']);
    expect(await emu.requests('POST', `${A}/login`)).to.have.length(0);
    expect(el.querySelector('.lr-setup')).to.equal(null);
    await expect(el).to.be.accessible();
    const totp = await admin.totp(secret);
    await enterCode(el, `${totp.slice(0, 3)} ${totp.slice(3)}`);
    await settle(el, () => rec.of('lr-logged-in').length, 'lr-logged-in');
    expect(rec.of('lr-logged-in')[0]!.detail.profile.Email).to.equal(user.email);
    noLeak(el, rec.events, secret, totp);
  });

  it('signs in with a backup code', async () => {
    await mfaSite('required');
    const user = await createAccount();
    await admin.mfaEnroll(user.email, PASSWORD);
    const codes = await admin.backupCodes(user.Uid);
    const el = await mount<LrLogin>('lr-login', 'mfa');
    const rec = record(el, EVENTS);
    await toSecondStep(el, user.email);
    $(el, '.lr-mfa__use-backupcode').click();
    await el.updateComplete;
    const input = code(el);
    expect(document.activeElement).to.equal(input);
    expect([input.inputMode, $(el, `label[for="${input.id}"]`).textContent!.trim()]).to.deep.equal(['text', 'Backup code']);
    await expect(el).to.be.accessible();
    await enterCode(el, codes[3]!);
    await settle(el, () => rec.of('lr-logged-in').length, 'lr-logged-in');
    expect(await emu.requests('PUT', `${A}/login/2fa/verification/backupcode`)).to.have.length(1);
    noLeak(el, rec.events, ...codes);
  });

  it('signs in with a code by email (already sent when it is the only factor), with a resend cooldown', async () => {
    await mfaSite('required');
    const user = await createAccount();
    await admin.mfaEnroll(user.email, PASSWORD, 'emailotp');
    await emu.control('DELETE', '/outbox');
    const el = await mount<LrLogin>('lr-login');
    const rec = record(el, EVENTS);
    await toSecondStep(el, user.email);
    expect(rec.of('lr-mfa-required')[0]!.detail.methods).to.deep.equal(['emailotp', 'backupcode']);
    expect($(el, '.lr-mfa__sent').textContent).to.contain(user.email);
    const resend = $<HTMLButtonElement>(el, '.lr-mfa__resend');
    expect(resend.disabled).to.equal(true);
    expect($(el, '.lr-mfa__cooldown').textContent).to.match(/in \d+ seconds?/);
    expect(code(el).inputMode).to.equal('numeric');
    await expect(el).to.be.accessible();
    const otp = (await emu.lastMail(user.email, 'mfa-otp')).Otp!;
    await enterCode(el, otp);
    await settle(el, () => rec.of('lr-logged-in').length, 'lr-logged-in');
    noLeak(el, rec.events, otp);
  });

  it('sends an email code during first-time setup when the user picks email', async () => {
    await mfaSite('required');
    const user = await createAccount();
    const el = await mount<LrLogin>('lr-login');
    const rec = record(el, EVENTS);
    await toSecondStep(el, user.email);
    $(el, '.lr-mfa__use-emailotp').click();
    await el.updateComplete;
    expect(el.querySelector('.lr-mfa input[name=code]')).to.equal(null);
    $(el, '.lr-mfa__send').click();
    await settle(el, () => el.querySelector('.lr-mfa__sent'), 'the sent notice');
    await expect(el).to.be.accessible();
    const otp = (await emu.lastMail(user.email, 'mfa-otp')).Otp!;
    await enterCode(el, otp);
    await settle(el, () => rec.of('lr-logged-in').length, 'lr-logged-in');
  });

  it('a wrong code: a clear message at the field, the code kept and focused, lr-error; then the right code works', async () => {
    const {secret, el, rec} = await atSecondStep();
    const right = await admin.totp(secret);
    const {input} = await wrongCodeKept(el, rec, right);
    await expect(el).to.be.accessible();
    input.select();
    await typeKeys(right);
    await sendKeys({press: 'Enter'});
    await settle(el, () => rec.of('lr-logged-in').length, 'lr-logged-in');
    noLeak(el, rec.events, secret, right);
  });

  it('a too short code is refused without a request', async () => {
    const {el} = await atSecondStep();
    await enterCode(el, '123');
    await el.updateComplete;
    expect(describedError(code(el))).to.equal('Enter the 6 digits of the code.');
    expect(await emu.requests('PUT', `${A}/login/2fa/verification/authenticatorcode`)).to.have.length(0);
  });

  it('an expired step offers "start again": back to the password with the email kept', async () => {
    await mfaSite('required', {mfaTokenLifetimeSeconds: 1});
    const user = await createAccount();
    await admin.mfaEnroll(user.email, PASSWORD);
    const el = await mount<LrLogin>('lr-login', 'mfa');
    const rec = record(el, EVENTS);
    await toSecondStep(el, user.email);
    await new Promise((r) => setTimeout(r, 1200));
    await enterCode(el, '123456');
    await settle(el, () => el.querySelector('.lr-mfa__expired'), 'the expired notice');
    expect($(el, '.lr-mfa__expired .lr-notice').textContent).to.contain('expired');
    expect(document.activeElement).to.equal($(el, '.lr-mfa__expired .lr-notice'));
    expect(rec.of('lr-error')[0]!.detail.code).to.equal(1104);
    await expect(el).to.be.accessible();
    $(el, '.lr-mfa__restart').click();
    await settle(el, () => el.querySelector('.lr-login__form'), 'the password form');
    expect($<HTMLInputElement>(el, 'input[name=email]').value).to.equal(user.email);
    expect(document.activeElement).to.equal($(el, 'input[name=password]'));
    expect($(el, '[role=status]').textContent).to.contain('expired');
  });

  it('says a locked account plainly (1198 after repeated wrong codes) and keeps the step', async () => {
    await mfaSite('required', {lockout: {threshold: 2, suspendSeconds: 60}});
    const user = await createAccount();
    await admin.mfaEnroll(user.email, PASSWORD);
    const el = await mount<LrLogin>('lr-login', 'mfa');
    const rec = record(el, EVENTS);
    await toSecondStep(el, user.email);
    for (let i = 0; i < 3; i++) {
      code(el).value = '';
      await enterCode(el, '000000');
      await settle(el, () => rec.of('lr-error').length > i, `lr-error ${i + 1}`);
    }
    expect(rec.of('lr-error').map((e) => e.detail.code)).to.include(1198);
    expect($(el, '[role=alert]').textContent).to.contain('Too many failed attempts');
    expect(el.querySelector('.lr-mfa')).to.not.equal(null);
  });
});
