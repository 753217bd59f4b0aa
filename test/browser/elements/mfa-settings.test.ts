/**
 * `<lr-mfa-settings>` (issue 12) against the real emulator: enable / remove the authenticator, email codes on and
 * off, backup codes shown once and regenerated (the old ones stop working). TOTP codes from `admin.totp`.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/lr-mfa-settings/lr-mfa-settings.js';
import type {LrMfaSettings} from '../../../src/elements/lr-mfa-settings/mfa-settings.js';
import {$, describedError, mount, session, settle, signIn} from './account-support.js';
import {PASSWORD, admin, createAccount, emu, noSecrets, record, resetAll, typeInto} from './support.js';

const TAG = 'lr-mfa-settings';
const EVENTS = ['lr-mfa-enabled', 'lr-mfa-disabled', 'lr-backup-codes-created', 'lr-error'];
const A = '/identity/v2/auth';
const midStep = () => Math.round(15 - ((Date.now() / 1000) % 30));

async function signedInSettings(mfa: 'optional' | 'required' = 'optional') {
  await emu.setConfig({mfa, clockOffsetSeconds: midStep()});
  const user = await createAccount();
  await signIn(user.email, PASSWORD);
  const el = await mount<LrMfaSettings>(TAG);
  await settle(el, () => el.querySelector('.lr-mfa-settings'), 'the settings');
  return {el, user};
}

const factor = (el: Element, method: string) => $(el, `.lr-mfa-settings__factor[data-method=${method}]`);

/** Sets up the authenticator through the element; returns the key read from the screen and the codes shown. */
async function enableAuthenticator(el: LrMfaSettings, rec: ReturnType<typeof record>) {
  if (!el.querySelector('.lr-mfa-settings__setup')) $(el, '.lr-mfa-settings__set-up').click();
  await settle(el, () => el.querySelector('.lr-mfa-settings__setup .lr-qr'), 'the setup');
  const key = $(el, '.lr-setup__key code').textContent!.replace(/\s/g, '');
  const totp = await admin.totp(key);
  await typeInto($<HTMLInputElement>(el, 'input[name=code]'), totp);
  await sendKeys({press: 'Enter'});
  await settle(el, () => rec.of('lr-mfa-enabled').length, 'lr-mfa-enabled');
  return {key, totp};
}

describe('<lr-mfa-settings>', function () {
  this.timeout(40000);
  beforeEach(resetAll);

  it('says to sign in while signed out (axe clean), nothing with hide-when-signed-out', async () => {
    const el = await mount<LrMfaSettings>(TAG);
    await settle(el, () => el.querySelector('.lr-mfa-settings__signed-out'), 'signed-out text');
    await expect(el).to.be.accessible();
    const hidden = await mount<LrMfaSettings>(TAG, 'hide-when-signed-out');
    expect(hidden.textContent!.trim()).to.equal('');
  });

  it('shows which factors are on; sets up the authenticator (QR, key, code) and shows backup codes once', async () => {
    const {el} = await signedInSettings();
    const rec = record(el, EVENTS);
    expect(factor(el, 'authenticator').hasAttribute('data-on')).to.equal(false);
    expect(factor(el, 'authenticator').textContent).to.contain('Off');
    await expect(el).to.be.accessible();
    $(el, '.lr-mfa-settings__set-up').click();
    await settle(el, () => el.querySelector('.lr-mfa-settings__setup .lr-qr'), 'the setup');
    const input = $<HTMLInputElement>(el, 'input[name=code]');
    expect([input.getAttribute('autocomplete'), input.inputMode]).to.deep.equal(['one-time-code', 'numeric']);
    expect(document.activeElement).to.equal(input);
    expect(el.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
    rec.events.length = 0;
    const {key, totp} = await enableAuthenticator(el, rec);
    expect(rec.of('lr-mfa-enabled')[0]!.detail).to.deep.equal({method: 'authenticator'});
    expect(rec.of('lr-backup-codes-created')[0]!.detail).to.deep.equal({count: 10});
    await settle(el, () => el.querySelector('.lr-mfa-settings__codes'), 'the backup codes');
    const codes = [...el.querySelectorAll('.lr-mfa-settings__code-list code')].map((c) => c.textContent!);
    expect(codes).to.have.length(10);
    expect($(el, '.lr-mfa-settings__codes').textContent).to.contain('won’t be shown again');
    expect(document.activeElement).to.equal($(el, '.lr-mfa-settings__codes .lr-notice'));
    expect($(el, '.lr-mfa-settings__download')).to.not.equal(null);
    await expect(el).to.be.accessible();
    $(el, '.lr-mfa-settings__saved').click();
    await settle(el, () => !el.querySelector('.lr-mfa-settings__codes'), 'the codes gone');
    expect(factor(el, 'authenticator').hasAttribute('data-on')).to.equal(true);
    expect(el.textContent!.includes(codes[0]!)).to.equal(false);
    expect(document.activeElement).to.equal($(el, '.lr-mfa-settings__regenerate'));
    noSecrets(rec.events, key, totp, ...codes);
  });

  it('a wrong code at setup: the message at the field, the code kept and focused', async () => {
    const {el} = await signedInSettings();
    const rec = record(el, EVENTS);
    $(el, '.lr-mfa-settings__set-up').click();
    await settle(el, () => el.querySelector('.lr-mfa-settings__setup .lr-qr'), 'the setup');
    const key = $(el, '.lr-setup__key code').textContent!.replace(/\s/g, '');
    const right = await admin.totp(key);
    const wrong = right === '123456' ? '654321' : '123456';
    const input = $<HTMLInputElement>(el, 'input[name=code]');
    await typeInto(input, wrong);
    await sendKeys({press: 'Enter'});
    await settle(el, () => rec.of('lr-error').length, 'lr-error');
    expect(describedError(input)).to.equal('This code is not correct. Check it and try again.');
    expect([input.value, document.activeElement === input]).to.deep.equal([wrong, true]);
    await expect(el).to.be.accessible();
  });

  it('removes the authenticator after a confirmation (lr-mfa-disabled)', async () => {
    const {el} = await signedInSettings();
    const rec = record(el, EVENTS);
    await enableAuthenticator(el, rec);
    $(el, '.lr-mfa-settings__saved').click();
    await el.updateComplete;
    $(el, '.lr-mfa-settings__remove').click();
    await el.updateComplete;
    expect(document.activeElement).to.equal($(el, '[data-method=authenticator] .lr-notice'));
    expect(await emu.requests('DELETE', `${A}/account/2fa/authenticator`)).to.have.length(0);
    await expect(el).to.be.accessible();
    $(el, '.lr-mfa-settings__remove-yes').click();
    await settle(el, () => rec.of('lr-mfa-disabled').length, 'lr-mfa-disabled');
    expect(rec.of('lr-mfa-disabled')[0]!.detail).to.deep.equal({method: 'authenticator'});
    await settle(el, () => el.querySelector('.lr-mfa-settings__set-up'), 'set up offered again');
    expect(factor(el, 'authenticator').hasAttribute('data-on')).to.equal(false);
  });

  it('regenerates backup codes after a confirmation: the old ones stop working', async () => {
    const {el, user} = await signedInSettings();
    const rec = record(el, EVENTS);
    await enableAuthenticator(el, rec);
    const first = [...el.querySelectorAll('.lr-mfa-settings__code-list code')].map((c) => c.textContent!);
    $(el, '.lr-mfa-settings__saved').click();
    await el.updateComplete;
    $(el, '.lr-mfa-settings__regenerate').click();
    await el.updateComplete;
    expect($(el, '[data-method=backupcode] .lr-notice').textContent).to.contain('old backup codes will stop working');
    await expect(el).to.be.accessible();
    $(el, '.lr-mfa-settings__regenerate-yes').click();
    await settle(el, () => rec.of('lr-backup-codes-created').length === 2, 'new codes');
    await settle(el, () => el.querySelector('.lr-mfa-settings__codes'), 'the codes');
    const second = [...el.querySelectorAll('.lr-mfa-settings__code-list code')].map((c) => c.textContent!);
    expect(second).to.have.length(10);
    expect(second.some((c) => first.includes(c))).to.equal(false);
    // An old code no longer signs in.
    const login = await fetch(`${session().config.apiBase}${A}/login/2fa?apikey=${session().config.apiKey}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({email: user.email, password: PASSWORD}),
    }).then((r) => r.json());
    const sfat = login.SecondFactorAuthentication.SecondFactorAuthenticationToken;
    const old = await fetch(`${session().config.apiBase}${A}/login/2fa/verification/backupcode?apikey=${session().config.apiKey}&secondfactorauthenticationtoken=${sfat}`, {
      method: 'PUT',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({backupcode: first[0]}),
    }).then((r) => r.json());
    expect(old.ErrorCode).to.equal(1129);
  });

  it('turns codes by email on (address confirmed with an emailed code) and off', async () => {
    const {el, user} = await signedInSettings();
    const rec = record(el, EVENTS);
    $(el, '.lr-mfa-settings__email-on').click();
    await settle(el, () => el.querySelector('.lr-mfa-settings__email'), 'the email form');
    await expect(el).to.be.accessible();
    $(el, '.lr-mfa-settings__send').click();
    await settle(el, () => el.querySelector('.lr-mfa-settings__sent'), 'the sent notice');
    const otp = (await emu.lastMail(user.email, 'mfa-otp')).Otp!;
    await typeInto($<HTMLInputElement>(el, 'input[name=code]'), otp);
    await sendKeys({press: 'Enter'});
    await settle(el, () => rec.of('lr-mfa-enabled').length, 'lr-mfa-enabled');
    expect(rec.of('lr-mfa-enabled')[0]!.detail).to.deep.equal({method: 'emailotp'});
    await settle(el, () => el.querySelector('.lr-mfa-settings__codes, .lr-mfa-settings__email-off'), 'enabled');
    if (el.querySelector('.lr-mfa-settings__saved')) $(el, '.lr-mfa-settings__saved').click();
    await settle(el, () => el.querySelector('.lr-mfa-settings__email-off'), 'turn off offered');
    expect(factor(el, 'emailotp').hasAttribute('data-on')).to.equal(true);
    $(el, '.lr-mfa-settings__email-off').click();
    await settle(el, () => rec.of('lr-mfa-disabled').length, 'lr-mfa-disabled');
    expect(rec.of('lr-mfa-disabled')[0]!.detail).to.deep.equal({method: 'emailotp'});
    noSecrets(rec.events, otp);
  });

  it('says plainly when the site has no multi-factor sign-in (1097), without lr-error; refresh() follows a change', async () => {
    await emu.setConfig({mfa: 'off'});
    const user = await createAccount();
    await signIn(user.email, PASSWORD);
    const rec = record(document, ['lr-error']);
    const el = await mount<LrMfaSettings>(TAG);
    await settle(el, () => el.querySelector('.lr-mfa-settings__site-off'), 'the notice');
    expect(el.textContent).to.contain('Two-step sign-in is not turned on for this site.');
    expect(rec.events).to.have.length(0);
    await expect(el).to.be.accessible();
    await emu.setConfig({mfa: 'optional'});
    await el.refresh();
    await settle(el, () => el.querySelector('.lr-mfa-settings__set-up'), 'the settings');
    rec.stop();
  });
});
