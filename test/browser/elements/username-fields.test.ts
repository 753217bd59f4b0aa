/**
 * `UserName` and the other writable profile fields (issue 11): in `<lr-register fields>` with the availability
 * check and 1017, and in `<lr-profile-editor fields>` with save, 1017 and 1134 on the field. Real emulator answers.
 */
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/lr-profile-editor/lr-profile-editor.js';
import type {LrProfileEditor} from '../../../src/elements/lr-profile-editor/profile-editor.js';
import '../../../src/elements/lr-register/lr-register.js';
import type {LrRegister} from '../../../src/elements/lr-register/register.js';
import {adminCreate, mount as mountTag, settle, signIn} from './account-support.js';
import {PASSWORD, admin, createAccount, emu, env, resetAll, typeInto, ui, uniqueEmail, until, fillValue as fill} from './support.js';

const USERNAME = '/identity/v2/auth/username';

async function mountRegister(fields: string): Promise<LrRegister> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('lr-register');
  el.setAttribute('apikey', env.apiKey);
  el.setAttribute('api-base', env.apiBase);
  el.setAttribute('fields', fields);
  el.sott = await admin.sott();
  wrapper.append(el);
  await el.ready;
  await el.updateComplete;
  return el;
}

describe('UserName in <lr-register>', () => {
  beforeEach(resetAll);
  afterEach(() => emu.clearFaults());

  it('asks for a username before the email (username token; the email becomes autocomplete=email)', async () => {
    const el = await mountRegister('FirstName,UserName');
    const name = ui.input(el, 'UserName');
    expect([name.type, name.autocomplete]).to.deep.equal(['text', 'username']);
    expect(ui.input(el, 'email').autocomplete).to.equal('email');
    expect(document.querySelector(`label[for="${name.id}"]`)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Username (optional)');
    expect(el.querySelector('.lr-register__names [name=UserName]'), 'not among the names').to.equal(null);
    const fields = [...el.querySelectorAll('input')].map((i) => i.name);
    expect(fields.indexOf('UserName')).to.be.lessThan(fields.indexOf('email'));
    await expect(el).to.be.accessible();
  });

  it('checks the username on blur after a change and marks a taken one (1017 text on the field)', async () => {
    await createAccount({UserName: 'taken_name'});
    const el = await mountRegister('UserName');
    const name = ui.input(el, 'UserName');
    await typeInto(name, 'Taken_Name');
    expect(await emu.requests('GET', USERNAME), 'no request while typing').to.have.length(0);
    await sendKeys({press: 'Tab'});
    await until(() => name.getAttribute('aria-invalid') === 'true', 'the taken error');
    await el.updateComplete;
    expect(ui.describedBy(name)).to.include('This username is already taken.');
    await expect(el).to.be.accessible();
    // A free name: checked once more, no error.
    fill(name, 'free_name');
    await el.updateComplete;
    name.dispatchEvent(new Event('change', {bubbles: true}));
    await until(async () => (await emu.requests('GET', USERNAME)).length === 2, 'the second check');
    await el.updateComplete;
    expect(name.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('registers with the username; a username taken meanwhile (1017) shows on its field, the input kept', async () => {
    await emu.setConfig({verificationFlow: 'optional'});
    const el = await mountRegister('UserName');
    const email = uniqueEmail('uname');
    fill(ui.input(el, 'UserName'), 'new_user');
    fill(ui.input(el, 'email'), email);
    fill(ui.input(el, 'password'), PASSWORD);
    await createAccount({UserName: 'new_user'}); // taken after the check could have run
    const failed = oneEvent(el, 'lr-error');
    ui.submit(el).click();
    expect(((await failed) as CustomEvent).detail.code).to.equal(1017);
    await el.updateComplete;
    const name = ui.input(el, 'UserName');
    expect(ui.describedBy(name)).to.include('This username is already taken.');
    expect(document.activeElement).to.equal(name);
    expect([name.value, ui.input(el, 'email').value, ui.input(el, 'password').value]).to.deep.equal(['new_user', email, PASSWORD]);
    await expect(el).to.be.accessible();
    fill(name, 'newer_user');
    el.sott = await admin.sott();
    const done = oneEvent(el, 'lr-registered');
    ui.submit(el).click();
    await done;
    expect((await admin.getAccount(email))!['UserName']).to.equal('newer_user');
  });
});

describe('UserName and the other writable fields in <lr-profile-editor>', () => {
  beforeEach(resetAll);
  const FIELDS = 'UserName,ProfileName,HomeTown,Industry,Designation,Website,TimeZone,Company';

  async function editor(profile: Record<string, unknown> = {}) {
    const email = uniqueEmail('fields');
    await adminCreate(email, PASSWORD, {UserName: 'first_name', ...profile});
    await signIn(email, PASSWORD);
    const el = await mountTag<LrProfileEditor>('lr-profile-editor', `fields="${FIELDS}"`);
    await settle(el, () => el.querySelector('form.lr-profile__form'), 'the profile form');
    return {el, email};
  }
  const field = (el: Element, name: string) => el.querySelector<HTMLInputElement>(`form.lr-profile__form [name="${name}"]`)!;
  const saveButton = (el: Element) => el.querySelector<HTMLButtonElement>('.lr-profile__save')!;
  /** Saves, expects the refusal `code`, and returns the UserName field (marked invalid). */
  async function saveRefused(el: LrProfileEditor, code: number): Promise<HTMLInputElement> {
    const failed = oneEvent(el, 'lr-error');
    saveButton(el).click();
    expect(((await failed) as CustomEvent).detail.code).to.equal(code);
    await el.updateComplete;
    const name = field(el, 'UserName');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    return name;
  }

  it('renders each field with its label and autocomplete token, and saves them', async () => {
    const {el, email} = await editor({HomeTown: 'Leeds'});
    const tokens = Object.fromEntries(FIELDS.split(',').map((n) => [n, field(el, n).getAttribute('autocomplete')]));
    expect(tokens).to.deep.equal({
      UserName: 'username', ProfileName: 'on', HomeTown: 'on', Industry: 'on', Designation: 'organization-title',
      Website: 'url', TimeZone: 'on', Company: 'organization',
    });
    expect(field(el, 'Website').inputMode).to.equal('url');
    expect([field(el, 'UserName').value, field(el, 'HomeTown').value]).to.deep.equal(['first_name', 'Leeds']);
    await expect(el).to.be.accessible();
    const values = {UserName: 'second_name', ProfileName: 'Ada L.', HomeTown: 'London', Industry: 'Computing', Designation: 'Analyst', Website: 'https://ada.example', TimeZone: 'Europe/London'};
    for (const [k, v] of Object.entries(values)) fill(field(el, k), v);
    const saved = oneEvent(el, 'lr-profile-updated');
    saveButton(el).click();
    await saved;
    const stored = (await admin.getAccount(email))!;
    for (const [k, v] of Object.entries(values)) expect(stored[k], k).to.equal(v);
    expect(field(el, 'UserName').value).to.equal('second_name');
  });

  it('1017: a taken username shows on its field, once, and the edits stay', async () => {
    await createAccount({UserName: 'someone_else'});
    const {el} = await editor();
    fill(field(el, 'HomeTown'), 'York');
    fill(field(el, 'UserName'), 'someone_else');
    const name = await saveRefused(el, 1017);
    expect(ui.describedBy(name)).to.include('This username is already taken.');
    expect(document.activeElement).to.equal(name);
    expect(el.querySelector('.lr-profile__form .lr-form__actions .lr-message'), 'said once, on the field').to.equal(null);
    expect([name.value, field(el, 'HomeTown').value]).to.deep.equal(['someone_else', 'York']);
    await expect(el).to.be.accessible();
  });

  it('1134: an invalid username (Errors[]) shows on its field', async () => {
    const {el} = await editor();
    fill(field(el, 'UserName'), 'has space');
    const name = await saveRefused(el, 1134);
    expect(ui.describedBy(name)).to.include('This value was not accepted. Check it and try again.');
    expect(name.value).to.equal('has space');
    await expect(el).to.be.accessible();
  });
});
