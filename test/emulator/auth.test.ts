/** Authentication API (apikey only): login, tokens, profile, passwords, emails, delete, transport conventions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  A, API_KEY, DELETE_LINK, M, ISO_DATE, LINK, PASSWORD, PASSWORD2, RESET_LINK, assertError, start, vtoken,
} from './helpers.js';

// ------------------------------------------------------------------------------------------------ login
test('login: Profile, access_token, refresh_token and expires_in as an ISO date, 15 minutes ahead', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { FirstName: 'Ada' });
  const before = Date.now();
  const r = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['Profile', 'access_token', 'expires_in', 'refresh_token']);
  assert.equal(r.body.Profile.Email[0].Value, 'ada@example.com');
  assert.equal(r.body.Profile.FirstName, 'Ada');
  assert.equal(r.body.Profile.EmailVerified, true);
  assert.equal(r.body.Profile.NoOfLogins, 1);
  assert.match(r.body.Profile.Uid, /^[0-9a-f]{32}$/);
  assert.equal(r.body.Profile.Password, null);
  assert.equal(typeof r.body.access_token, 'string');
  assert.equal(typeof r.body.refresh_token, 'string');
  assert.notEqual(r.body.access_token, r.body.refresh_token);
  assert.match(r.body.expires_in, ISO_DATE);
  const lifetime = Date.parse(r.body.expires_in) - before;
  assert.ok(lifetime > 14.9 * 60_000 && lifetime <= 15 * 60_000 + 5000, `lifetime ${lifetime} ms`);
  // Email lookup is case-insensitive.
  const again = await h.api('POST', `${A}/login`, { json: { Email: 'ADA@Example.COM', Password: PASSWORD } });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.Profile.NoOfLogins, 2);
});

test('login: wrong password and unknown email give the same 966 body', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const wrong = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Not-The-Password-1' } });
  const unknown = await h.api('POST', `${A}/login`, { json: { email: 'nobody@example.com', password: 'Not-The-Password-1' } });
  assertError(wrong, 401, 966);
  assertError(unknown, 401, 966);
  assert.equal(wrong.text, unknown.text);
});

test('login: invalid email 1038; missing password 1134 with Errors[]; missing email 1134', async (t) => {
  const h = await start(t);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'not-an-email', password: PASSWORD } }), 400, 1038);
  const noPass = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com' } });
  assertError(noPass, 403, 1134);
  assert.equal(noPass.body.Errors[0].FieldName.toLowerCase(), 'password');
  const noEmail = await h.api('POST', `${A}/login`, { json: { password: PASSWORD } });
  assertError(noEmail, 403, 1134);
  assert.equal(noEmail.body.Errors[0].FieldName.toLowerCase(), 'email');
});

test('login: fields projection applies to the login wrapper', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { FirstName: 'Ada' });
  const r = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD }, query: { fields: 'access_token,Profile/FirstName' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['Profile', 'access_token']);
  assert.deepEqual(r.body.Profile, { FirstName: 'Ada' });
});

// ----------------------------------------------------------------------------------- validate, invalidate
test('validate, token info, invalidate → 905, and 906 once the clock passes the lifetime', async (t) => {
  const h = await start(t);
  const { token, login } = await h.userWithToken('ada@example.com');
  const v = await h.api('GET', `${A}/access_token/validate`, { token });
  assert.equal(v.status, 200, v.text);
  assert.deepEqual(v.body, { access_token: token, refresh_token: login.refresh_token, expires_in: login.expires_in });

  const info = await h.api('GET', `${A}/access_token`, { token });
  assert.equal(info.status, 200, info.text);
  assert.equal(info.body.access_token, token);
  assert.equal(info.body.provider, 'Email');
  assert.equal(typeof info.body.isrememberme, 'boolean');
  assert.match(info.body.expires_in, ISO_DATE);

  // Expiry: the default lifetime is 15 minutes.
  await h.config({ clockOffsetSeconds: 14 * 60 });
  assert.equal((await h.api('GET', `${A}/access_token/validate`, { token })).status, 200);
  await h.config({ clockOffsetSeconds: 15 * 60 + 1 });
  assertError(await h.api('GET', `${A}/access_token/validate`, { token }), 403, 906);
  assertError(await h.api('GET', `${A}/account`, { token }), 403, 906);
  await h.config({ clockOffsetSeconds: 0 });

  const inv = await h.api('GET', `${A}/access_token/invalidate`, { token });
  assert.equal(inv.status, 200, inv.text);
  assert.deepEqual(inv.body, { IsPosted: true });
  assertError(await h.api('GET', `${A}/access_token/validate`, { token }), 403, 905);
  assertError(await h.api('GET', `${A}/access_token/invalidate`, { token }), 403, 905);
  assertError(await h.api('GET', `${A}/account`, { token }), 403, 905);
});

test('tokens: missing 1060, unknown 905, configured lifetime is honoured', async (t) => {
  const h = await start(t, { accessTokenLifetimeSeconds: 60 });
  assertError(await h.api('GET', `${A}/access_token/validate`), 400, 1060);
  assertError(await h.api('GET', `${A}/access_token/validate`, { token: 'x'.repeat(43) }), 403, 905);
  const { token, login } = await h.userWithToken('ada@example.com');
  const lifetime = Date.parse(login.expires_in) - Date.now();
  assert.ok(lifetime > 50_000 && lifetime <= 61_000, `lifetime ${lifetime}`);
  await h.config({ clockOffsetSeconds: 61 });
  assertError(await h.api('GET', `${A}/access_token/validate`, { token }), 403, 906);
});

test('tokens: Bearer header, access_token query and body are all accepted; conflicting → 908; rejectQueryTokens', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  const viaQuery = await h.api('GET', `${A}/access_token/validate`, { query: { access_token: token } });
  assert.equal(viaQuery.status, 200, viaQuery.text);
  const both = await h.api('GET', `${A}/access_token/validate`, { token, query: { access_token: token } });
  assert.equal(both.status, 200, both.text);
  const other = await h.login('ada@example.com');
  assertError(await h.api('GET', `${A}/access_token/validate`, { token, query: { access_token: other.access_token } }), 403, 908);
  const viaBody = await h.api('PUT', `${A}/account`, { json: { access_token: token, FirstName: 'Body' } });
  assert.equal(viaBody.status, 200, viaBody.text);

  await h.config({ rejectQueryTokens: true });
  assertError(await h.api('GET', `${A}/access_token/validate`, { query: { access_token: token } }), 403, 908);
  assert.equal((await h.api('GET', `${A}/access_token/validate`, { token })).status, 200);
});

test('apikey: missing 922, wrong 920, query name in any casing, X-LoginRadius-ApiKey header', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  assertError(await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: null } }), 400, 922);
  assertError(await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: 'wrong-key' } }), 400, 920);
  for (const name of ['apiKey', 'ApiKey', 'APIKEY']) {
    const r = await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: null, [name]: API_KEY } });
    assert.equal(r.status, 200, `${name}: ${r.text}`);
  }
  const hdr = await h.api('GET', `${A}/access_token/validate`, { token, query: { apikey: null }, headers: { 'X-LoginRadius-ApiKey': API_KEY } });
  assert.equal(hdr.status, 200, hdr.text);
});

test('paths and query names are case-insensitive (access_token/Validate, InValidate, socialIdentity)', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  assert.equal((await h.api('GET', `${A}/access_token/Validate`, { token })).status, 200);
  assert.equal((await h.api('GET', '/Identity/V2/Auth/Account', { token })).status, 200);
  const social = await h.api('GET', `${A}/socialIdentity`, { token });
  assert.equal(social.status, 200, social.text);
  assert.deepEqual(social.body.Identities, []);
  assert.equal(social.body.Email[0].Value, 'ada@example.com');
  assert.equal((await h.api('GET', `${A}/socialidentity`, { token })).status, 200);
  const proj = await h.api('GET', `${A}/account`, { token, query: { Fields: 'Uid' } });
  assert.deepEqual(Object.keys(proj.body), ['Uid']);
  assert.equal((await h.api('GET', `${A}/access_token/InValidate`, { token })).status, 200);
  assertError(await h.api('GET', `${A}/access_token/validate`, { token }), 403, 905);
});

// ------------------------------------------------------------------------------------------------ profile
test('read profile: the bare profile object with core fields', async (t) => {
  const h = await start(t);
  const { token, profile } = await h.userWithToken('ada@example.com');
  const r = await h.api('GET', `${A}/account`, { token });
  assert.equal(r.status, 200, r.text);
  for (const k of ['Uid', 'ID', 'Email', 'EmailVerified', 'FirstName', 'LastName', 'FullName', 'BirthDate', 'Country',
    'PhoneNumbers', 'CustomFields', 'IsActive', 'IsDeleted', 'CreatedDate', 'ModifiedDate', 'LastLoginDate', 'NoOfLogins',
    'Provider', 'RegistrationProvider', 'Roles', 'Identities', 'Password']) {
    assert.ok(k in r.body, `profile has ${k}`);
  }
  assert.equal(r.body.Uid, profile.Uid);
  assert.deepEqual(r.body.Email, [{ Type: 'Primary', Value: 'ada@example.com' }]);
  assert.equal(r.body.Password, null);
  assert.match(r.body.CreatedDate, ISO_DATE);
});

test('update profile: only sent fields change; Uid, EmailVerified, Password, Roles are ignored (E1-14)', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { FirstName: 'Ada', LastName: 'Lovelace', City: 'London' });
  const { access_token: token, Profile: before } = await h.login('ada@example.com');
  const r = await h.api('PUT', `${A}/account`, {
    token,
    json: {
      FirstName: 'Augusta', Uid: 'ffffffffffffffffffffffffffffffff', EmailVerified: false, IsEmailVerified: false,
      Password: 'Hacked-Password-99', PasswordHash: '$scrypt$x', Roles: ['admin'], IsActive: false, Email: [{ Type: 'Primary', Value: 'evil@example.com' }],
    },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.IsPosted, true);
  assert.equal(r.body.Data.FirstName, 'Augusta');
  assert.equal(r.body.Data.LastName, 'Lovelace', 'unsent fields are kept');
  assert.equal(r.body.Data.City, 'London');
  assert.equal(r.body.Data.Uid, before.Uid);
  assert.equal(r.body.Data.EmailVerified, true);
  assert.equal(r.body.Data.Roles, null);
  assert.equal(r.body.Data.IsActive, true);
  assert.deepEqual(r.body.Data.Email, [{ Type: 'Primary', Value: 'ada@example.com' }]);
  // The password did not change.
  await h.login('ada@example.com', PASSWORD);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Hacked-Password-99' } }), 401, 966);
  const read = await h.api('GET', `${A}/account`, { token });
  assert.equal(read.body.FirstName, 'Augusta');
  assert.equal(read.body.LastName, 'Lovelace');
});

test('update profile: nullsupport clears, otherwise nulls are ignored; nested and typed fields', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { FirstName: 'Ada', LastName: 'Lovelace' });
  const { access_token: token } = await h.login('ada@example.com');
  let r = await h.api('PUT', `${A}/account`, { token, json: { LastName: null } });
  assert.equal(r.body.Data.LastName, 'Lovelace');
  r = await h.api('PUT', `${A}/account`, { token, json: { LastName: null }, query: { nullsupport: 'true' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.Data.LastName, null);
  r = await h.api('PUT', `${A}/account`, {
    token,
    json: { BirthDate: '1815-12-10', Country: { Code: 'GB', Name: 'United Kingdom' }, PhoneNumbers: [{ PhoneType: 'Mobile', PhoneNumber: '+44 20 7946 0000' }], CustomFields: { team: 'engines' } },
  });
  assertError(r, 403, 1134); // 1815 is before the accepted range (1900+)
  r = await h.api('PUT', `${A}/account`, {
    token,
    json: { birthdate: '1985-10-12', Country: { Code: 'GB', Name: 'United Kingdom' }, PhoneNumbers: [{ PhoneType: 'Mobile', PhoneNumber: '+44 20 7946 0000' }], CustomFields: { team: 'engines' } },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.Data.BirthDate, '10-12-1985');
  assert.deepEqual(r.body.Data.Country, { Code: 'GB', Name: 'United Kingdom' });
  assert.deepEqual(r.body.Data.PhoneNumbers, [{ PhoneType: 'Mobile', PhoneNumber: '+44 20 7946 0000' }]);
  assert.deepEqual(r.body.Data.CustomFields, { team: 'engines' });
  assertError(await h.api('PUT', `${A}/account`, { token, json: { FirstName: 42 } }), 403, 1134);
  assertError(await h.api('PUT', `${A}/account`, { token, json: { BirthDate: '02-30-1990' } }), 403, 1134);
  assertError(await h.api('PUT', `${A}/account`, { token }), 400, 1079);
  assertError(await h.api('PUT', `${A}/account`, { json: { FirstName: 'x' } }), 400, 1060);
});

test('fields projection: a,b; a/b; a(b); *; unknown names absent', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { FirstName: 'Ada', Country: { Code: 'GB', Name: 'United Kingdom' } });
  const { access_token: token } = await h.login('ada@example.com');
  const get = async (fields: string) => (await h.api('GET', `${A}/account`, { token, query: { fields } })).body;
  assert.deepEqual(await get('FirstName,Uid,NoSuchField'), { FirstName: 'Ada', Uid: (await get('Uid')).Uid });
  assert.deepEqual(await get('Email/Value'), { Email: [{ Value: 'ada@example.com' }] });
  assert.deepEqual(await get('Country(Code)'), { Country: { Code: 'GB' } });
  assert.deepEqual(await get('Country(Code,Name),firstname'), { Country: { Code: 'GB', Name: 'United Kingdom' }, FirstName: 'Ada' });
  assert.ok(Object.keys(await get('*')).length > 20);
  assert.ok(Object.keys(await get('')).length > 20, 'empty = everything');
  const upd = await h.api('PUT', `${A}/account`, { token, json: { LastName: 'L' }, query: { fields: 'LastName' } });
  assert.deepEqual(upd.body, { IsPosted: true, Data: { LastName: 'L' } });
});

// ------------------------------------------------------------------------------------------- passwords
test('change password: 967 for a wrong current password; then old fails and new works', async (t) => {
  const h = await start(t, { passwordPolicy: { commonPasswordProtection: true } });
  const { token } = await h.userWithToken('ada@example.com');
  assertError(await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: 'Wrong-Password-000', newpassword: PASSWORD2 } }), 401, 967);
  assertError(await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: PASSWORD, newpassword: 'short' } }), 403, 1134);
  assertError(await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: PASSWORD, newpassword: 'qwertyuiop' } }), 403, 1216);
  await h.login('ada@example.com', PASSWORD); // nothing changed yet
  const ok = await h.api('PUT', `${A}/password/change`, { token, json: { oldPassword: PASSWORD, newPassword: PASSWORD2 } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body, { IsPosted: true });
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 401, 966);
  await h.login('ada@example.com', PASSWORD2);
});

test('forgot password: same answer for an unknown email; reset mail with vtype=reset&vtoken=', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const known = await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  const unknown = await h.api('POST', `${A}/password`, { json: { email: 'nobody@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  assert.equal(known.status, 200, known.text);
  assert.equal(unknown.status, known.status);
  assert.equal(unknown.text, known.text);
  assert.deepEqual(known.body, { IsPosted: true });
  assert.equal((await h.outbox('nobody@example.com')).length, 0);
  const mails = await h.outbox('ada@example.com');
  assert.equal(mails.length, 1);
  assert.equal(mails[0].Kind, 'reset');
  assert.match(mails[0].Link, /^http:\/\/localhost:8000\/reset\?vtype=reset&vtoken=[0-9a-f]{32}$/);
  assert.equal(vtoken(mails[0].Link), mails[0].Token);
  assertError(await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' } }), 403, 908);
  assertError(await h.api('POST', `${A}/password`, { json: { email: 'bad' }, query: { resetpasswordurl: RESET_LINK } }), 400, 1038);
});

test('reset password by token: works once (974), invalid 973, new password works, sessions end', async (t) => {
  const h = await start(t);
  const { token: session } = await h.userWithToken('ada@example.com');
  await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  const [mail] = await h.outbox('ada@example.com');
  const resettoken = vtoken(mail.Link);
  assertError(await h.api('PUT', `${A}/password/reset`, { json: { resettoken: 'f'.repeat(32), password: PASSWORD2 } }), 403, 973);
  assertError(await h.api('PUT', `${A}/password/reset`, { json: { resettoken, password: 'short' } }), 403, 1134);
  const ok = await h.api('PUT', `${A}/password/reset`, { json: { resettoken, password: PASSWORD2 } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body, { IsPosted: true });
  assertError(await h.api('PUT', `${A}/password/reset`, { json: { resettoken, password: 'Third-Password-333' } }), 403, 974);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 401, 966);
  await h.login('ada@example.com', PASSWORD2);
  assertError(await h.api('GET', `${A}/access_token/validate`, { token: session }), 403, 905);
  assertError(await h.api('PUT', `${A}/password/reset`, { json: { password: PASSWORD2 } }), 403, 1134);
});

test('reset password: expired token 975; one reset kills every outstanding reset token (E1-06)', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  for (let i = 0; i < 3; i++) await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  const tokens = (await h.outbox('ada@example.com')).map((m: { Link: string }) => vtoken(m.Link));
  assert.equal(new Set(tokens).size, 3);
  await h.config({ clockOffsetSeconds: 3601 });
  assertError(await h.api('PUT', `${A}/password/reset`, { json: { resettoken: tokens[0], password: PASSWORD2 } }), 403, 975);
  await h.config({ clockOffsetSeconds: 3500 });
  const ok = await h.api('PUT', `${A}/password/reset`, { json: { resettoken: tokens[1], password: PASSWORD2 } });
  assert.equal(ok.status, 200, ok.text);
  for (const tk of [tokens[0], tokens[2]]) {
    const r = await h.api('PUT', `${A}/password/reset`, { json: { resettoken: tk, password: 'Third-Password-333' } });
    assert.ok(r.status === 403 && [974, 975].includes(r.body.ErrorCode), r.text);
  }
  await h.login('ada@example.com', PASSWORD2);
});

// ----------------------------------------------------------------------------------------------- emails
test('add email: 1202 own, 936 another account, 1201 no type, verification link in the outbox', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  await h.createUser('bob@example.com');
  assertError(await h.api('POST', `${A}/email`, { token, json: { email: 'ADA@example.com', type: 'Secondary' } }), 400, 1202);
  assertError(await h.api('POST', `${A}/email`, { token, json: { email: 'Bob@Example.com', type: 'Secondary' } }), 403, 936);
  assertError(await h.api('POST', `${A}/email`, { token, json: { email: 'ada2@example.com' } }), 400, 1201);
  assertError(await h.api('POST', `${A}/email`, { token, json: { email: 'ada2', type: 'Secondary' } }), 400, 1038);
  assertError(await h.api('POST', `${A}/email`, { json: { email: 'ada2@example.com', type: 'Secondary' } }), 400, 1060);
  const ok = await h.api('POST', `${A}/email`, { token, json: { email: 'ada2@example.com', type: 'Secondary' }, query: { verificationurl: LINK } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body, { IsPosted: true });
  const [mail] = await h.outbox('ada2@example.com');
  assert.equal(mail.Kind, 'verification');
  assert.match(mail.Link, /^http:\/\/localhost:8000\/verify\?vtype=emailverification&vtoken=[0-9a-f]{32}$/);
  const p = (await h.api('GET', `${A}/account`, { token })).body;
  assert.deepEqual(p.Email.map((e: { Value: string }) => e.Value), ['ada@example.com', 'ada2@example.com']);
  assert.deepEqual(p.UnverifiedEmail, [{ Type: 'Secondary', Value: 'ada2@example.com' }]);
  // The new address is now taken for everyone else.
  assertError(await h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'ada2@example.com' }], Password: PASSWORD } }), 403, 936);
  // Verify it through the link.
  const v = await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mail.Link) } });
  assert.equal(v.status, 200, v.text);
  assert.equal((await h.api('GET', `${A}/account`, { token })).body.UnverifiedEmail, null);
});

test('remove email: DELETE with a JSON body; 1005 for the last address; 1023 unknown', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  assertError(await h.api('DELETE', `${A}/email`, { token, json: { email: 'ada@example.com' } }), 403, 1005);
  await h.api('POST', `${A}/email`, { token, json: { email: 'ada2@example.com', type: 'Secondary' } });
  // (Removing the Primary while a Secondary exists promotes it, as live: test/emulator/fidelity-profile.test.ts.)
  assertError(await h.api('DELETE', `${A}/email`, { token, json: { email: 'other@example.com' } }), 403, 1023);
  const ok = await h.api('DELETE', `${A}/email`, { token, json: { Email: 'ADA2@example.com' } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body, { IsDeleted: true });
  assert.deepEqual((await h.api('GET', `${A}/account`, { token })).body.Email, [{ Type: 'Primary', Value: 'ada@example.com' }]);
  // The removed address is free again and its verification link is dead.
  const [mail] = await h.outbox('ada2@example.com');
  assertError(await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mail.Link ?? `http://x/?vtoken=${mail.Token}`) } }), 403, 974);
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'ada2@example.com' } })).body, { IsExist: false });
});

test('resend verification: 1025 when verified, 1023 unknown, a new mail otherwise', async (t) => {
  const h = await start(t, { verificationFlow: 'optional' });
  await h.createUser('ada@example.com');
  assertError(await h.api('PUT', `${A}/register`, { json: { email: 'ada@example.com' } }), 403, 1025);
  assertError(await h.api('PUT', `${A}/register`, { json: { email: 'nobody@example.com' } }), 403, 1023);
  const r = await h.register({ Email: [{ Type: 'Primary', Value: 'bob@example.com' }], Password: PASSWORD });
  assert.equal(r.status, 200, r.text);
  const ok = await h.api('PUT', `${A}/register`, { json: { email: 'bob@example.com' }, query: { verificationurl: LINK } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body, { IsPosted: true });
  const mails = await h.outbox('bob@example.com');
  assert.equal(mails.length, 2);
  assert.match(mails[1].Link, /vtype=emailverification&vtoken=/);
});

test('check availability: IsExist true/false, case-insensitive; bad email 1038; missing 908', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } })).body, { IsExist: true });
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'ADA@EXAMPLE.COM' } })).body, { IsExist: true });
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'bob@example.com' } })).body, { IsExist: false });
  assertError(await h.api('GET', `${A}/email`, { query: { email: 'nope' } }), 400, 1038);
  assertError(await h.api('GET', `${A}/email`), 403, 908);
});

// ----------------------------------------------------------------------------------------------- delete
test('delete with email confirmation: link → account gone, every token dead, 1119 for bad/used tokens', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  const second = (await h.login('ada@example.com')).access_token;
  const r = await h.api('DELETE', `${A}/account`, { token, query: { deleteurl: DELETE_LINK } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsDeleteRequestAccepted: true });
  const [mail] = await h.outbox('ada@example.com');
  assert.equal(mail.Kind, 'delete');
  assert.match(mail.Link, /^http:\/\/localhost:8000\/delete\?vtype=deleteuser&vtoken=[0-9a-f]{32}$/);
  // Still there until the link is followed.
  assert.equal((await h.api('GET', `${A}/account`, { token })).status, 200);
  assertError(await h.api('GET', `${A}/account/delete`, { query: { deletetoken: 'f'.repeat(32) } }), 403, 1119);
  assertError(await h.api('GET', `${A}/account/delete`), 403, 1119);
  const del = await h.api('GET', `${A}/account/delete`, { query: { deletetoken: vtoken(mail.Link) } });
  assert.equal(del.status, 200, del.text);
  assert.deepEqual(del.body, { IsPosted: true });
  assertError(await h.api('GET', `${A}/account/delete`, { query: { deletetoken: vtoken(mail.Link) } }), 403, 1119);
  for (const tk of [token, second]) assertError(await h.api('GET', `${A}/access_token/validate`, { token: tk }), 403, 905);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 401, 966);
  assert.deepEqual((await h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } })).body, { IsExist: false });
});

test('delete token expires (1119 after the lifetime)', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  await h.api('DELETE', `${A}/account`, { token, query: { deleteurl: DELETE_LINK } });
  const [mail] = await h.outbox('ada@example.com');
  await h.config({ clockOffsetSeconds: 3601 });
  assertError(await h.api('GET', `${A}/account/delete`, { query: { deletetoken: mail.Token } }), 403, 1119);
  await h.config({ clockOffsetSeconds: 0 });
  assert.equal((await h.api('GET', `${A}/account`, { token })).status, 200);
});

// ---------------------------------------------------------------------------------------- server info
test('serverinfo and appinfo', async (t) => {
  const h = await start(t);
  const s = await h.api('GET', '/identity/v2/serverinfo');
  assert.equal(s.status, 200, s.text);
  assert.match(s.body.CurrentTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  assert.equal(s.body.Sott.TimeDifference, '10 Minutes');
  const a = await h.api('GET', '/ciam/appinfo');
  assert.equal(a.status, 200, a.text);
  assert.equal(a.body.EmailVerificationFlow, 'required');
  assert.equal(a.body.IsLoginOnEmailVerification, true);
});
