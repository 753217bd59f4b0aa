/**
 * Passwordless sign-in (issue 13) in real browsers against the emulator: `<lr-login passwordless>` sends the
 * email (link and/or code), `<lr-email-link>` completes the link, the code signs in, the resend cooldown, a used
 * link offers "Send a new link", unknown addresses look sent, and no token or code leaks into events.
 */
import {expect} from '@open-wc/testing';
import '../../../src/elements/lr-email-link/lr-email-link.js';
import type {LrEmailLink} from '../../../src/elements/lr-email-link/email-link.js';
import '../../../src/elements/lr-login/lr-login.js';
import type {LrLogin} from '../../../src/elements/lr-login/login.js';
import {$, linkParams, mail, mount, session, settle, statusText} from './account-support.js';
import {createAccount, emu, noSecrets, record, requests, resetAll, typeInto, uniqueEmail} from './support.js';

const EVENTS = ['lr-passwordless-sent', 'lr-logged-in', 'lr-error', 'lr-mfa-required', 'lr-session-changed'];
const SEND = '/identity/v2/auth/login/passwordlesslogin/email';
const LINK_PAGE = `${location.origin}/sign-in-link`;

const login = (attrs: string) => mount<LrLogin>('lr-login', `passwordless-url="${LINK_PAGE}" ${attrs}`);

/** Opens the passwordless form (from the password form's button unless `no-password`) and sends to `email`. */
async function send(el: LrLogin, email: string): Promise<void> {
  await settle(el, () => el.querySelector('.lr-login__passwordless, .lr-login__passwordless-form'), 'passwordless loaded');
  el.querySelector<HTMLButtonElement>('.lr-login__passwordless')?.click();
  await settle(el, () => el.querySelector('.lr-login__passwordless-form'), 'passwordless form');
  const input = $<HTMLInputElement>(el, '.lr-login__passwordless-form input[name=email]');
  input.value = '';
  await typeInto(input, email);
  $<HTMLButtonElement>(el, '.lr-login__passwordless-form .lr-form__submit').click();
  await settle(el, () => el.querySelector('.lr-login__passwordless-sent'), 'sent confirmation');
}

describe('passwordless sign-in', function () {
  this.timeout(30000);
  beforeEach(() => resetAll());

  it('link: outbox link → <lr-email-link> → signed in; the confirmation names the address', async () => {
    const a = await createAccount({FirstName: 'Lin'});
    const el = await login('passwordless="link"');
    const r = record(el, EVENTS);
    await expect(el).to.be.accessible();
    await send(el, a.email);
    expect($(el, '.lr-login__passwordless-sent .lr-notice').textContent).to.include(a.email);
    expect(el.querySelector('input[name=otp]'), 'no code field in link mode').to.equal(null);
    expect(document.activeElement).to.equal($(el, '.lr-login__passwordless-sent .lr-notice'));
    await expect(el).to.be.accessible();
    expect(r.of('lr-passwordless-sent').map((e) => e.detail)).to.deep.equal([{email: a.email}]);
    const m = await mail(a.email, 'passwordless');
    const {vtype, vtoken, url} = linkParams(m.Link);
    expect(url.origin + url.pathname).to.equal(LINK_PAGE);
    expect(vtype).to.equal('oneclicksignin');
    el.remove();
    // Listening from before the mount: the link element signs in as it connects, and may do so before mount() resolves.
    const lr = record(document, EVENTS);
    const link = await mount<LrEmailLink>('lr-email-link', `vtype="${vtype}" vtoken="${vtoken}"`);
    await settle(link, () => link.view === 'verified', 'signed in by the link');
    expect($(link, '.lr-link__message').textContent).to.include('signed in');
    expect(session().state).to.equal('authenticated');
    expect(session().profile?.Email).to.equal(a.email);
    lr.stop();
    expect(lr.of('lr-logged-in').map((e) => e.target)).to.deep.equal([link]);
    noSecrets([...r.events, ...lr.events], vtoken, m.Otp ?? undefined, await session().getAccessToken());
  });

  it('code: the code field (one-time-code) signs in; a wrong code is marked on the field and kept', async () => {
    const a = await createAccount({FirstName: 'Cody'});
    const el = await login('passwordless="code" no-password');
    const r = record(el, EVENTS);
    expect(el.querySelector('input[name=password]'), 'no password form').to.equal(null);
    await send(el, a.email);
    const otp = $<HTMLInputElement>(el, 'input[name=otp]');
    expect(otp.getAttribute('autocomplete')).to.equal('one-time-code'); // Firefox's IDL does not reflect this token
    expect(otp.inputMode).to.equal('numeric');
    expect(document.activeElement).to.equal(otp);
    const m = await mail(a.email, 'passwordless');
    const wrong = m.Otp === '000000' ? '111111' : '000000';
    await typeInto(otp, wrong);
    $<HTMLButtonElement>(el, '.lr-login__code-form .lr-form__submit').click();
    await settle(el, () => otp.getAttribute('aria-invalid') === 'true', 'wrong code marked');
    expect(otp.value).to.equal(wrong);
    expect(r.of('lr-error')[0]!.detail.code).to.equal(1067);
    otp.value = '';
    await typeInto(otp, m.Otp!);
    $<HTMLButtonElement>(el, '.lr-login__code-form .lr-form__submit').click();
    await settle(el, () => r.of('lr-logged-in').length, 'signed in'); // dispatched after the focus moved
    expect(r.of('lr-logged-in')).to.have.length(1);
    expect(document.activeElement).to.equal($(el, '.lr-login__who'));
    noSecrets(r.events, m.Otp!, m.Token!, await session().getAccessToken());
  });

  it('resend: disabled with a countdown, then one more email', async () => {
    const a = await createAccount();
    const el = await login('passwordless="both" resend-cooldown="2"');
    await send(el, a.email);
    const resend = $<HTMLButtonElement>(el, '.lr-login__passwordless-resend');
    expect(resend.disabled).to.equal(true);
    const hint = document.getElementById(resend.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.match(/\d second/);
    resend.click();
    expect(await requests('GET', SEND)).to.have.length(1);
    await settle(el, () => !resend.disabled, 'cooldown over', 5000);
    resend.click();
    await settle(el, () => /new email/.test(statusText(el)), 'resent announced');
    expect(await requests('GET', SEND)).to.have.length(2);
    expect((await emu.outbox(a.email)).filter((m) => m.Kind === 'passwordless')).to.have.length(2);
    expect(resend.disabled, 'a new cooldown').to.equal(true);
  });

  it('an unknown address looks exactly like a sent email', async () => {
    const el = await login('passwordless="link"');
    const r = record(el, EVENTS);
    const email = uniqueEmail('nobody');
    await send(el, email);
    expect($(el, '.lr-login__passwordless-sent .lr-notice').textContent).to.include(email);
    expect(r.of('lr-error')).to.have.length(0);
    expect(await emu.outbox(email)).to.have.length(0);
  });

  it('a used link offers "Send a new link" when the address is known, and sends it', async () => {
    const a = await createAccount();
    const el = await login('passwordless="link"');
    await send(el, a.email);
    const {vtype, vtoken} = linkParams((await mail(a.email, 'passwordless')).Link);
    el.remove();
    const first = await mount<LrEmailLink>('lr-email-link', `vtype="${vtype}" vtoken="${vtoken}"`);
    await settle(first, () => first.view === 'verified', 'first use signs in');
    first.remove();
    await session().logout();
    const again = await mount<LrEmailLink>('lr-email-link', `vtype="${vtype}" vtoken="${vtoken}" email="${a.email}"`);
    const r = record(again, EVENTS);
    await settle(again, () => again.view === 'failed', 'used link refused');
    expect($(again, '.lr-link__message').textContent).to.include('already been used');
    expect(document.activeElement).to.equal($(again, '.lr-link__message'));
    await expect(again).to.be.accessible();
    $<HTMLButtonElement>(again, '.lr-link__send-new').click();
    await settle(again, () => r.of('lr-passwordless-sent').length === 1, 'new link sent');
    expect((await emu.outbox(a.email)).filter((m) => m.Kind === 'passwordless')).to.have.length(2);
    expect(session().state).to.equal('anonymous');
  });
});
