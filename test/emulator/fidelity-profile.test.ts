/**
 * Issue 11, items 4–6: profile writes of every documented writable field (Auth Update Profile and Account Update)
 * with LoginRadius's codes, read-only fields ignored, `PhoneIDVerified` / `EmailVerified` on create, removing the
 * Primary promotes a Secondary, and the site's password policy.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, M, PASSWORD, assertError, regBody, start } from './helpers.js';

const WRITES = {
  UserName: 'ada_l', HomeTown: 'London', Industry: 'Computing', TimeZone: 'Europe/London', Company: 'Analytical Engines Ltd',
  Designation: 'Programmer', Website: 'https://ada.example', ProfileName: 'ada', LocalLanguage: 'en-GB', TagLine: 'Poetical science',
  Addresses: [{ Type: 'Home', Address1: '12 St James Sq', City: 'London', PostalCode: 'SW1Y', Country: 'United Kingdom' }],
};
const ADDRESS = { Type: 'Home', Address1: '12 St James Sq', Address2: null, City: 'London', State: null, PostalCode: 'SW1Y', Region: null, Country: 'United Kingdom' };

test('Auth Update Profile applies UserName, HomeTown, Industry, TimeZone, Addresses, Company, Designation, Website, ProfileName…', async (t) => {
  const h = await start(t);
  const { token, profile } = await h.userWithToken('ada@example.com');
  const r = await h.api('PUT', `${A}/account`, { token, json: WRITES });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.IsPosted, true);
  const { Addresses, ...text } = WRITES;
  for (const [k, v] of Object.entries(text)) assert.equal(r.body.Data[k], v, k);
  assert.deepEqual(r.body.Data.Addresses, [ADDRESS]);
  assert.deepEqual(Addresses.length, 1);
  // Stored: the Account API and a new login see the same; the username logs in.
  const stored = (await h.admin('GET', `${M}/${profile.Uid}`)).body;
  for (const k of Object.keys(WRITES)) assert.deepEqual(stored[k], r.body.Data[k], k);
  assert.equal((await h.api('POST', `${A}/login`, { json: { username: 'ada_l', password: PASSWORD } })).status, 200);
  assert.deepEqual((await h.api('GET', `${A}/username`, { query: { username: 'ada_l' } })).body, { IsExist: true });
});

test('profile writes: 1017 for a taken username (Auth and Account API), 1134 Errors[] for invalid values; nothing applied', async (t) => {
  const h = await start(t);
  const { token, profile } = await h.userWithToken('ada@example.com');
  await h.createUser('bob@example.com', PASSWORD, { UserName: 'bob' });
  const taken = await h.api('PUT', `${A}/account`, { token, json: { UserName: 'Bob', HomeTown: 'Paris' } });
  assertError(taken, 403, 1017);
  assert.equal(taken.body.Message, 'This username is already registered with this website');
  assertError(await h.admin('PUT', `${M}/${profile.Uid}`, { json: { UserName: 'BOB' } }), 403, 1017);
  for (const [json, field] of [
    [{ UserName: 'two words' }, 'UserName'], [{ UserName: 'x'.repeat(33) }, 'UserName'], [{ UserName: 7 }, 'UserName'],
    [{ HomeTown: 12 }, 'HomeTown'], [{ TimeZone: 'x'.repeat(300) }, 'TimeZone'], [{ Industry: 'a\u0000b' }, 'Industry'],
    [{ Addresses: { City: 'London' } }, 'Addresses'], [{ Addresses: ['London'] }, 'Addresses'], [{ Addresses: [{ City: 5 }] }, 'Addresses.City'],
  ] as const) {
    const r = await h.api('PUT', `${A}/account`, { token, json: { ...json, Company: 'Never saved' } });
    assertError(r, 403, 1134);
    assert.equal(r.body.Description, 'Validation failed for one or more fields, please check the errors field for more information.');
    assert.equal(r.body.Errors[0].FieldName, field, JSON.stringify(json));
  }
  const now = (await h.api('GET', `${A}/account`, { token })).body;
  assert.equal(now.HomeTown, null);
  assert.equal(now.Company, null);
  assert.equal(now.UserName, null);
});

test('read-only fields in a profile write are ignored, as live: Uid, EmailVerified, dates, counters, IsActive (Auth)', async (t) => {
  const h = await start(t);
  const { token, profile } = await h.userWithToken('ada@example.com');
  const r = await h.api('PUT', `${A}/account`, {
    token,
    json: { Uid: 'f'.repeat(32), ID: 'e'.repeat(32), EmailVerified: false, CreatedDate: '2000-01-01T00:00:00Z', NoOfLogins: 99, IsActive: false, IsLoginLocked: true, PhoneIdVerified: true, Password: 'x', Industry: 'Computing' },
  });
  assert.equal(r.status, 200, r.text);
  const p = r.body.Data;
  assert.equal(p.Industry, 'Computing');
  for (const k of ['Uid', 'ID', 'CreatedDate', 'IsLoginLocked', 'PhoneIdVerified']) assert.deepEqual(p[k], profile[k], k);
  assert.equal(p.EmailVerified, true);
  assert.equal(p.IsActive, true);
  assert.equal(p.NoOfLogins, 1);
  await h.login('ada@example.com');
});

test('Account API create honours PhoneIDVerified and EmailVerified; Account Update writes the new fields too', async (t) => {
  const h = await start(t);
  const r = await h.admin('POST', M, { json: { ...regBody('ada@example.com'), EmailVerified: true, PhoneId: '+14155550100', PhoneIDVerified: true, ...WRITES } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.EmailVerified, true);
  assert.equal(r.body.PhoneIdVerified, true);
  assert.equal(r.body.TimeZone, 'Europe/London');
  assert.deepEqual(r.body.Addresses, [ADDRESS]);
  const plain = await h.admin('POST', M, { json: { ...regBody('bob@example.com'), PhoneId: '+14155550101' } });
  assert.equal(plain.body.PhoneIdVerified, false);
  assert.equal(plain.body.EmailVerified, false);
  // No phone, nothing to verify.
  assert.equal((await h.admin('POST', M, { json: { ...regBody('cy@example.com'), PhoneIDVerified: true } })).body.PhoneIdVerified, false);
  const u = await h.admin('PUT', `${M}/${plain.body.Uid}`, { json: { PhoneIDVerified: true, Designation: 'Engineer', Addresses: null } });
  assert.equal(u.status, 200, u.text);
  assert.equal(u.body.PhoneIdVerified, true);
  assert.equal(u.body.Designation, 'Engineer');
  assertError(await h.admin('POST', M, { json: { ...regBody('dee@example.com'), PhoneIDVerified: 'yes' } }), 403, 1134);
});

test('removing the Primary promotes a Secondary (Auth and Account API); the last address still answers 1005', async (t) => {
  const h = await start(t);
  const { token, profile } = await h.userWithToken('ada@example.com');
  await h.api('POST', `${A}/email`, { token, json: { email: 'ada2@example.com', type: 'Secondary' } });
  const r = await h.api('DELETE', `${A}/email`, { token, json: { email: 'ada@example.com' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsDeleted: true });
  const p = (await h.api('GET', `${A}/account`, { token })).body;
  assert.deepEqual(p.Email, [{ Type: 'Primary', Value: 'ada2@example.com' }]);
  const last = await h.api('DELETE', `${A}/email`, { token, json: { email: 'ada2@example.com' } });
  assertError(last, 403, 1005);
  assert.equal(last.body.Description, 'This email address cannot be deleted as this is the only email address in your Profile, please add an additional email address in order to remove this.');
  // Account API: a verified Secondary is preferred over an unverified one.
  await h.admin('PUT', `${M}/${profile.Uid}/email`, { json: { Email: [{ Type: 'Secondary', Value: 'ada3@example.com' }] } });
  const m = await h.admin('DELETE', `${M}/${profile.Uid}/email`, { json: { email: 'ada2@example.com' } });
  assert.equal(m.status, 200, m.text);
  assert.deepEqual(m.body.Email, [{ Type: 'Primary', Value: 'ada3@example.com' }]);
  assertError(await h.admin('DELETE', `${M}/${profile.Uid}/email`, { json: { email: 'ada3@example.com' } }), 403, 1005);
});

test('password policy defaults (a new LoginRadius site): 6–32 characters, no complexity, common passwords allowed', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled' });
  assert.deepEqual((await h.control('GET', '/config')).body.passwordPolicy, { minLength: 6, maxLength: 32, complexity: false, commonPasswordProtection: false });
  // LoginRadius's own SDK tests set the password `password` on their live site.
  assert.equal((await h.register(regBody('ada@example.com', 'password'))).status, 200);
  const short = await h.register(regBody('bob@example.com', 'abcde'));
  assertError(short, 403, 1134);
  assert.deepEqual(short.body.Errors, [{ FieldName: 'Password', ErrorMessage: 'The Password field must be at least 6 characters in length.' }]);
  const long = await h.register(regBody('bob@example.com', 'x'.repeat(33)));
  assert.deepEqual(long.body.Errors, [{ FieldName: 'Password', ErrorMessage: 'The Password field must not exceed 32 characters in length.' }]);
  const app = (await h.api('GET', '/ciam/appinfo')).body;
  assert.deepEqual(app.PasswordLength, { Min: 6, Max: 32 });
  assert.equal(app.RegistrationFormSchema[1].rules, 'required|min_length[6]|max_length[32]');
});

test('password policy switches: length, complexity (1134), common-password protection (1216) on every password write', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled' });
  await h.config({ passwordPolicy: { minLength: 10, complexity: true, commonPasswordProtection: true } });
  assert.deepEqual((await h.control('GET', '/config')).body.passwordPolicy, { minLength: 10, maxLength: 32, complexity: true, commonPasswordProtection: true });
  const weak = await h.register(regBody('ada@example.com', 'qwertyuiop'));
  assertError(weak, 403, 1216);
  assert.equal(weak.body.Description, 'A potential password vulnerability was detected.');
  assert.equal(weak.body.Message, 'Weak password');
  const simple = await h.register(regBody('ada@example.com', 'tulipsandroses'));
  assertError(simple, 403, 1134);
  assert.deepEqual(simple.body.Errors, [{ FieldName: 'Password', ErrorMessage: 'The Password field must contain at least one number and one symbol.' }]);
  assertError(await h.register(regBody('ada@example.com', 'Tulips-42')), 403, 1134); // 9 < 10
  assert.equal((await h.register(regBody('ada@example.com', 'Tulips-and-42'))).status, 200);
  // The same policy on change, reset by token, set by the Account API and create.
  const { access_token: token, Profile } = await h.login('ada@example.com', 'Tulips-and-42');
  assertError(await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: 'Tulips-and-42', newpassword: 'tulipsandroses' } }), 403, 1134);
  assertError(await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: 'Tulips-and-42', newpassword: '1234567890' } }), 403, 1216);
  assertError(await h.admin('PUT', `${M}/${Profile.Uid}/password`, { json: { password: 'no-digits-here' } }), 403, 1134);
  assertError(await h.admin('POST', M, { json: regBody('bob@example.com', 'short-1') }), 403, 1134);
  // Off again: a site without the protection accepts it.
  await h.config({ passwordPolicy: { minLength: 6, complexity: false, commonPasswordProtection: false } });
  assert.equal((await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: 'Tulips-and-42', newpassword: 'qwertyuiop' } })).status, 200);
  for (const bad of [{ minLength: 0 }, { maxLength: 129 }, { minLength: 20, maxLength: 10 }, { complexity: 1 }, { strength: 'high' }]) {
    assertError(await h.control('PUT', '/config', { passwordPolicy: bad }), 403, 1134);
  }
});

test('the strong policy the demo passes to createEmulator: 10–64 characters, a number and a symbol, no common password', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled', passwordPolicy: { minLength: 10, maxLength: 64, complexity: true, commonPasswordProtection: true } });
  assertError(await h.register(regBody('ada@example.com', '1234567890')), 403, 1216);
  assertError(await h.register(regBody('ada@example.com', 'Tulips-42')), 403, 1134);
  assertError(await h.register(regBody('ada@example.com', 'tulipsandroses')), 403, 1134);
  assert.equal((await h.register(regBody('ada@example.com', 'Walk-the-demo-1st'))).status, 200);
  assert.deepEqual((await h.api('GET', '/ciam/appinfo')).body.PasswordLength, { Min: 10, Max: 64 });
});
