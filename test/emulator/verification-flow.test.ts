/** Email verification flows (required / optional / disabled), verify-by-link, PreventVerificationEmail, captcha. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, LINK, M, PASSWORD, assertError, regBody, start, vtoken } from './helpers.js';

test('required: register → Data:null + mail; login 970 re-sends; link verifies and logs in; reuse 974', async (t) => {
  const h = await start(t); // verificationFlow 'required' and loginOnEmailVerification true are the defaults
  const r = await h.register(regBody('ada@example.com', PASSWORD, { FirstName: 'Ada' }), { verificationurl: LINK });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsPosted: true, Data: null });
  let mails = await h.outbox('ada@example.com');
  assert.equal(mails.length, 1);
  assert.equal(mails[0].Kind, 'verification');
  assert.equal(mails[0].To, 'ada@example.com');
  assert.match(mails[0].Link, /^http:\/\/localhost:8000\/verify\?vtype=emailverification&vtoken=[0-9a-f]{32}$/);
  assert.match(mails[0].CreatedDate, /Z$/);

  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD }, query: { verificationurl: LINK } }), 403, 970);
  mails = await h.outbox('ada@example.com');
  assert.equal(mails.length, 2, 'login re-sends the verification email');
  assert.notEqual(vtoken(mails[1].Link), vtoken(mails[0].Link));
  // Wrong password on an unverified account is still 966 (and sends nothing).
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } }), 401, 966);
  assert.equal((await h.outbox('ada@example.com')).length, 2);

  const v = await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mails[1].Link) } });
  assert.equal(v.status, 200, v.text);
  assert.equal(v.body.IsPosted, true);
  assert.equal(v.body.Data.Profile.EmailVerified, true);
  assert.equal(v.body.Data.Profile.FirstName, 'Ada');
  assert.equal(typeof v.body.Data.access_token, 'string');
  assert.equal(typeof v.body.Data.refresh_token, 'string');
  assert.ok(!Number.isNaN(Date.parse(v.body.Data.expires_in)));
  assert.equal((await h.api('GET', `${A}/account`, { token: v.body.Data.access_token })).status, 200);

  assertError(await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mails[1].Link) } }), 403, 974);
  // The other outstanding verification link for the same address is spent too.
  assertError(await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mails[0].Link) } }), 403, 974);
  assertError(await h.api('GET', `${A}/email`, { query: { verificationtoken: 'f'.repeat(32) } }), 403, 973);
  await h.login('ada@example.com');
  assertError(await h.api('PUT', `${A}/register`, { json: { email: 'ada@example.com' } }), 403, 1025);
});

test('required without auto-login: verify returns Data:null', async (t) => {
  const h = await start(t, { loginOnEmailVerification: false });
  assert.equal((await h.register(regBody('ada@example.com'))).status, 200);
  const [mail] = await h.outbox('ada@example.com');
  assert.equal(mail.Link, null, 'no verificationurl: no link, but the token is recorded');
  const v = await h.api('GET', `${A}/email`, { query: { verificationtoken: mail.Token } });
  assert.equal(v.status, 200, v.text);
  assert.deepEqual(v.body, { IsPosted: true, Data: null });
  await h.login('ada@example.com');
});

test('verification link expires after 24 h (975); a resend gives a working one', async (t) => {
  const h = await start(t);
  await h.register(regBody('ada@example.com'), { verificationurl: LINK });
  const [mail] = await h.outbox('ada@example.com');
  await h.config({ clockOffsetSeconds: 24 * 3600 + 1 });
  assertError(await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mail.Link) } }), 403, 975);
  const resend = await h.api('PUT', `${A}/register`, { json: { email: 'ada@example.com' }, query: { verificationurl: LINK } });
  assert.equal(resend.status, 200, resend.text);
  const mails = await h.outbox('ada@example.com');
  const v = await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mails[1].Link) } });
  assert.equal(v.status, 200, v.text);
});

test('welcome email on verification when welcomeemailtemplate is given', async (t) => {
  const h = await start(t);
  await h.register(regBody('ada@example.com'), { verificationurl: LINK });
  const [mail] = await h.outbox('ada@example.com');
  await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mail.Link), welcomeemailtemplate: 'welcome' } });
  const kinds = (await h.outbox('ada@example.com')).map((m: { Kind: string }) => m.Kind);
  assert.deepEqual(kinds, ['verification', 'welcome']);
});

test('optional: register returns tokens with EmailVerified false; login works; the mail is sent', async (t) => {
  const h = await start(t, { verificationFlow: 'optional' });
  const r = await h.register(regBody('ada@example.com'), { verificationurl: LINK });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.IsPosted, true);
  assert.equal(r.body.Data.Profile.EmailVerified, false);
  assert.equal(r.body.Data.Profile.NoOfLogins, 1);
  assert.equal(typeof r.body.Data.access_token, 'string');
  assert.equal((await h.api('GET', `${A}/access_token/validate`, { token: r.body.Data.access_token })).status, 200);
  assert.equal((await h.outbox('ada@example.com')).length, 1);
  const login = await h.login('ada@example.com');
  assert.equal(login.Profile.EmailVerified, false);
  assert.deepEqual(login.Profile.UnverifiedEmail, [{ Type: 'Primary', Value: 'ada@example.com' }]);
  assert.equal((await h.outbox('ada@example.com')).length, 1, 'no re-send on login in the optional flow');
});

test('disabled: no mail, register returns tokens, login works', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled' });
  const r = await h.register(regBody('ada@example.com'), { verificationurl: LINK });
  assert.equal(r.status, 200, r.text);
  assert.equal(typeof r.body.Data.access_token, 'string');
  assert.equal((await h.outbox()).length, 0);
  await h.login('ada@example.com');
});

test('the flow can be switched at run time through the config', async (t) => {
  const h = await start(t);
  await h.config({ verificationFlow: 'disabled' });
  assert.equal((await h.api('GET', '/ciam/appinfo')).body.EmailVerificationFlow, 'disabled');
  const r = await h.register(regBody('ada@example.com'));
  assert.equal(typeof r.body.Data.access_token, 'string');
  await h.config({ verificationFlow: 'required' });
  // An account registered while verification was off is still unverified.
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 970);
});

test('options=PreventVerificationEmail sends nothing; the account stays unverified and can be verified via M10', async (t) => {
  const h = await start(t);
  const r = await h.register(regBody('ada@example.com'), { verificationurl: LINK, options: 'PreventVerificationEmail' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsPosted: true, Data: null });
  assert.equal((await h.outbox()).length, 0);
  const lower = await h.register(regBody('bob@example.com'), { options: 'preventverificationemail' });
  assert.equal(lower.status, 200);
  assert.equal((await h.outbox()).length, 0);
  const tok = await h.admin('POST', `${M}/verify/token`, { json: { email: 'ada@example.com' } });
  const v = await h.api('GET', `${A}/email`, { query: { verificationtoken: tok.body.VerificationToken } });
  assert.equal(v.status, 200, v.text);
  await h.login('ada@example.com');
});

test('register: 936 for a taken address (any case), 1134 short password, 1216 common password', async (t) => {
  const h = await start(t, { passwordPolicy: { commonPasswordProtection: true } });
  await h.createUser('ada@example.com');
  assertError(await h.register(regBody('Ada@Example.com')), 403, 936);
  assertError(await h.register(regBody('bob@example.com', 'short')), 403, 1134);
  assertError(await h.register(regBody('bob@example.com', 'iloveyou')), 403, 1216);
  assertError(await h.register({ Email: [{ Type: 'Primary', Value: 'bob@example.com' }] }), 400, 1089);
  assert.equal((await h.control('GET', '/status')).body.users, 1);
});

test('concurrent registrations of one address create exactly one account', async (t) => {
  const h = await start(t, { verificationFlow: 'disabled' });
  const results = await Promise.all(Array.from({ length: 10 }, () => h.register(regBody('race@example.com'))));
  assert.equal(results.filter((r) => r.status === 200).length, 1);
  for (const r of results) if (r.status !== 200) assertError(r, 403, 936);
  assert.equal((await h.control('GET', '/status')).body.users, 1);
});

test('register by captcha: the documented test token passes; anything else 1218', async (t) => {
  const h = await start(t, { verificationFlow: 'optional' });
  const ok = await h.api('POST', `${A}/register/captcha`, { json: { ...regBody('ada@example.com'), 'g-recaptcha-response': 'emulator-captcha-pass' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.Data.Profile.Email[0].Value, 'ada@example.com');
  for (const captcha of ['wrong', '', 42, null, undefined]) {
    const body: Record<string, unknown> = { ...regBody('bob@example.com') };
    if (captcha !== undefined) body['g-recaptcha-response'] = captcha;
    assertError(await h.api('POST', `${A}/register/captcha`, { json: body }), 403, 1218);
  }
  // No SOTT needed there, and the SOTT endpoint does not take a captcha instead.
  assertError(await h.api('POST', `${A}/register`, { json: { ...regBody('bob@example.com'), 'g-recaptcha-response': 'emulator-captcha-pass' } }), 400, 1048);
  assert.equal((await h.control('GET', '/status')).body.users, 1);
  // The accepted token is configurable.
  await h.config({ captchaTestToken: 'other-pass' });
  assertError(await h.api('POST', `${A}/register/captcha`, { json: { ...regBody('bob@example.com'), 'g-recaptcha-response': 'emulator-captcha-pass' } }), 403, 1218);
  assert.equal((await h.api('POST', `${A}/register/captcha`, { json: { ...regBody('bob@example.com'), 'g-recaptcha-response': 'other-pass' } })).status, 200);
});

test('register by captcha: a pluggable check replaces the test token', async (t) => {
  const seen: string[] = [];
  const h = await start(t, { verifyCaptcha: async (tok) => { seen.push(tok); return tok === 'real-provider-ok'; } });
  assertError(await h.api('POST', `${A}/register/captcha`, { json: { ...regBody('ada@example.com'), 'g-recaptcha-response': 'emulator-captcha-pass' } }), 403, 1218);
  const ok = await h.api('POST', `${A}/register/captcha`, { json: { ...regBody('ada@example.com'), 'g-recaptcha-response': 'real-provider-ok' } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(seen, ['emulator-captcha-pass', 'real-provider-ok']);
});
