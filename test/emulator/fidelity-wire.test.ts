/**
 * Issue 11, items 2, 3 and 8: error `Description` / `Message` as the live service sends them (LoginRadius's public
 * response-code table, LoginRadius/apidocs `customer-identity-api-codes.md`), GUID tokens by default (`tokenFormat`),
 * and the bodies and URLs the live service accepts (an empty or `""` body whatever its Content-Type, a link URL
 * without a scheme) while the `/__emulator/` controls stay strict.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  A, API_SECRET, DELETE_LINK, LINK, M, PASSWORD, RESET_LINK, assertError, buildUrl, regBody, sott, start, vtoken, type Harness, type Res,
} from './helpers.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One live answer: the situation, its status, ErrorCode, Message and Description (verbatim from the table). */
type Case = [what: string, status: number, code: number, message: string, description: string, call: (h: Harness, token: string) => Promise<Res>];

const CASES: Case[] = [
  ['API key missing', 400, 922, 'API key is missing', 'The request is missing the API key, please use the valid API key parameter in order to process this request.',
    (h) => h.api('GET', `${A}/email`, { query: { apikey: null, email: 'a@example.com' } })],
  ['API key invalid', 400, 920, 'API key is invalid', 'The provided LoginRadius API key is invalid, please use a valid API key of your LoginRadius account.',
    (h) => h.api('GET', `${A}/email`, { query: { apikey: 'nope', email: 'a@example.com' } })],
  ['API secret missing', 400, 923, 'API secret is missing', 'The request is missing the API secret, please use the valid API key parameter in order to process this request.',
    (h) => h.api('GET', M, { query: { email: 'ada@example.com' } })],
  ['API secret invalid', 400, 921, 'API secret is invalid', 'The provided LoginRadius API secret is invalid, please use a valid API secret of your LoginRadius account.',
    (h) => h.api('GET', M, { query: { email: 'ada@example.com' }, headers: { 'x-loginradius-apisecret': 'nope' } })],
  ['access token missing', 400, 1060, 'Access token is missing', 'This request is missing the access token, please use the valid access token parameter in order to process this request.',
    (h) => h.api('GET', `${A}/account`)],
  ['access token invalid', 403, 905, 'Access token is invalid', 'The LoginRadius access token is invalid, please use the correct or valid access token in order to process this request.',
    (h) => h.api('GET', `${A}/account`, { token: '00000000-0000-4000-8000-000000000000' })],
  ['parameter malformed', 403, 908, 'A parameter is not formatted correctly', 'A parameter is not formatted correctly in the request, please check all the parameters in the API call.',
    (h) => h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: 'javascript:alert(1)' } })],
  ['required parameter', 403, 908, 'A parameter is not formatted correctly', 'The resetpasswordurl is a required parameter.',
    (h) => h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' } })],
  ['email taken', 403, 936, 'Email address is already registered with your LoginRadius site', 'The email address has to be unique for your LoginRadius site, please use a different email address.',
    (h) => h.register(regBody('ada@example.com'))],
  ['user does not exist', 403, 938, 'User does not exist', 'The user\'s account does not exist, please use a valid user or create the user before processing this request.',
    (h) => h.admin('GET', M, { query: { email: 'nobody@example.com' } })],
  ['post body invalid', 400, 965, 'The post body is invalid', 'Please use a valid post body and make sure that it is in a valid JSON format.',
    (h) => h.api('POST', `${A}/login`, { raw: '{"email":', headers: { 'content-type': 'application/json' } })],
  ['put body invalid', 400, 1079, 'Put body is invalid', 'Please use a valid put body and make sure that it is in a valid JSON format.',
    (h, token) => h.api('PUT', `${A}/account`, { token, raw: '[1]', headers: { 'content-type': 'application/json' } })],
  ['delete body invalid', 400, 1090, 'Invalid request body or payload', 'An error has occurred while parsing the API payload, Please review the request and try again.',
    (h, token) => h.api('DELETE', `${A}/email`, { token, raw: '{,}', headers: { 'content-type': 'application/json' } })],
  ['wrong password', 401, 966, 'Invalid user ID and/or password', 'Please use a valid user ID and password combination.',
    (h) => h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } })],
  ['wrong current password', 401, 967, 'Current password is invalid', 'Your current password is invalid, please use the correct password.',
    (h, token) => h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: 'Wrong-Password-1', newpassword: 'Another-One-77' } })],
  ['verification link invalid', 403, 973, 'Invalid email verification link', 'The email verification link is invalid, please request a new link.',
    (h) => h.api('GET', `${A}/email`, { query: { verificationtoken: 'f'.repeat(32) } })],
  ['captcha invalid (register)', 403, 1218, 'CAPTCHA is invalid', 'CAPTCHA is invalid, please enter the correct CAPTCHA value.',
    (h) => h.api('POST', `${A}/register/captcha`, { json: { ...regBody('new@example.com'), 'g-recaptcha-response': 'wrong' } })],
  ['email does not exist', 403, 1023, 'Email address does not exist', 'The provided email address does not exist, please use a valid email address.',
    (h) => h.api('PUT', `${A}/register`, { json: { email: 'nobody@example.com' } })],
  ['already verified (resend)', 403, 1025, 'This email address is already verified', 'This email address has already been confirmed, so you cannot resend the verification email.',
    (h) => h.api('PUT', `${A}/register`, { json: { email: 'ada@example.com' } })],
  ['email invalid', 400, 1038, 'Valid email ID is required', 'The provided email ID is invalid or not well-formatted, a valid email ID is required in order to process this request.',
    (h) => h.api('POST', `${A}/login`, { json: { email: 'not-an-email', password: PASSWORD } })],
  ['SOTT missing', 400, 1048, 'Secured one-time token (SOTT) is required', 'Secured one-time token (SOTT) is required, please use a valid secure one-time token (SOTT) in order to process this request.',
    (h) => h.api('POST', `${A}/register`, { json: regBody('new@example.com') })],
  ['SOTT invalid', 403, 1049, 'Secured one-time token (SOTT) is invalid', 'Secured one-time token (SOTT) is invalid, please use a valid secure one-time token (SOTT) in order to process this request.',
    (h) => h.api('POST', `${A}/register`, { json: regBody('new@example.com'), headers: { 'x-loginradius-sott': sott({ secret: 'wrong' }) } })],
  ['password missing', 400, 1089, 'Password is missing', 'The password is missing, please use the valid password parameter in order to process this request.',
    (h) => h.register({ Email: [{ Type: 'Primary', Value: 'new@example.com' }] })],
  ['delete token invalid', 403, 1119, 'The LoginRadius DeleteToken is invalid', 'The LoginRadius DeleteToken is invalid, please use the correct or valid DeleteToken in order to process this request.',
    (h) => h.api('GET', `${A}/account/delete`, { query: { deletetoken: 'f'.repeat(32) } })],
  ['already verified (token)', 403, 1126, 'Email has already been verified', 'Provided email address has already been verified, so its verification token couldn’t be generated.',
    (h) => h.admin('POST', `${M}/verify/token`, { json: { email: 'ada@example.com' } })],
  ['validation failed', 403, 1134, 'Validation failed for one or more fields', 'Validation failed for one or more fields, please check the errors field for more information.',
    (h) => h.register(regBody('new@example.com', 'abc'))],
  ['email type missing', 400, 1201, 'Email type is required', 'The request couldn\'t be processed, the email type must be specified in the address.',
    (h) => h.register({ Email: [{ Value: 'new@example.com' }], Password: PASSWORD })],
  ['same email twice', 400, 1202, 'Email address can not be same', 'Please use different email addresses in the case of multiple email addresses.',
    (h) => h.register({ Email: [{ Type: 'Primary', Value: 'n@example.com' }, { Type: 'Secondary', Value: 'N@example.com' }], Password: PASSWORD })],
  ['two Primary', 400, 1203, 'Primary email address can be only one', 'The primary email address can be only one.',
    (h) => h.register({ Email: [{ Type: 'Primary', Value: 'n@example.com' }, { Type: 'Primary', Value: 'm@example.com' }], Password: PASSWORD })],
  ['email or username required', 400, 1141, 'Email address or username is required', 'Email address or username is required, please use a valid email address or username in order to process this request.',
    (h) => h.api('PUT', `${A}/password/securityanswer`, { json: { password: PASSWORD } })],
];

test('every error answer the emulator emits carries the live status, ErrorCode, Message and Description', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  for (const [what, status, code, message, description, call] of CASES) {
    const r = await call(h, token);
    assertError(r, status, code);
    assert.equal(r.body.Message, message, what);
    assert.equal(r.body.Description, description, what);
  }
});

test('906 expired token and 974 / 975 verification links: the live texts', async (t) => {
  const h = await start(t, { accessTokenLifetimeSeconds: 60 });
  const { token } = await h.userWithToken('ada@example.com');
  await h.config({ clockOffsetSeconds: 61 });
  const expired = await h.api('GET', `${A}/account`, { token });
  assertError(expired, 403, 906);
  assert.equal(expired.body.Description, 'The LoginRadius access token has expired, please request a new token from LoginRadius API.');
  await h.config({ clockOffsetSeconds: 0 });
  await h.register(regBody('bob@example.com'), { verificationurl: LINK });
  const [mail] = await h.outbox('bob@example.com');
  assert.equal((await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mail.Link) } })).status, 200);
  const used = await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mail.Link) } });
  assertError(used, 403, 974);
  assert.equal(used.body.Message, 'The email verification link has already been used');
  assert.equal(used.body.Description, 'Each link can only be used once, you can log in now if you have already verified the email, OR use the ‘forgot password’ option.');
  await h.register(regBody('cy@example.com'), { verificationurl: LINK });
  await h.config({ clockOffsetSeconds: 25 * 3600 });
  const late = await h.api('GET', `${A}/email`, { query: { verificationtoken: (await h.outbox('cy@example.com'))[0].Token } });
  assertError(late, 403, 975);
  assert.equal(late.body.Description, 'This verification link has expired, please request for new verification link.');
});

test('tokens: GUIDs by default (access and refresh, login and impersonation); tokenFormat opaque | long on request', async (t) => {
  const h = await start(t);
  const { login, profile } = await h.userWithToken('ada@example.com');
  assert.match(login.access_token, GUID);
  assert.match(login.refresh_token, GUID);
  const imp = (await h.admin('GET', `${M}/access_token`, { query: { uid: profile.Uid } })).body;
  assert.match(imp.access_token, GUID);
  assert.equal((await h.api('GET', `${A}/access_token/validate`, { token: login.access_token })).status, 200);
  assert.equal((await h.control('GET', '/config')).body.tokenFormat, 'guid');
  await h.config({ tokenFormat: 'opaque' });
  assert.match((await h.login('ada@example.com')).access_token, /^[A-Za-z0-9_-]{43}$/);
  await h.config({ tokenFormat: 'long' });
  const long = (await h.login('ada@example.com')).access_token;
  assert.equal(long.length, 200);
  assert.equal((await h.api('GET', `${A}/account`, { token: long })).status, 200);
});

/** A raw request with exact headers and body bytes. */
async function raw(h: Harness, method: string, path: string, body: string, headers: Record<string, string>, secret = false): Promise<Res> {
  const r = await fetch(buildUrl(h.url, path), { method, body, headers: { ...headers, ...(secret ? { 'x-loginradius-apisecret': API_SECRET } : {}) } });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, body: text ? JSON.parse(text) : undefined };
}

test('bodies: DELETE with a urlencoded "" (the Go SDK), a JSON "" or an empty body is no body; other non-JSON bodies stay 415', async (t) => {
  const h = await start(t);
  const a = await h.createUser('a@example.com');
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const r = await raw(h, 'DELETE', `${M}/${a.Uid}`, '""', form, true);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsDeleted: true });
  for (const [body, headers] of [['""', { 'content-type': 'application/json' }], ['', form], [' ""\n', { 'content-type': 'text/plain' }], ['""', {}]] as const) {
    const u = await h.createUser('b@example.com');
    const d = await raw(h, 'DELETE', `${M}/${u.Uid}`, body, headers, true);
    assert.equal(d.status, 200, `${JSON.stringify(body)} ${JSON.stringify(headers)}: ${d.text}`);
  }
  // DELETE /auth/account with a JSON "": the deletion mail goes out.
  const { token } = await h.userWithToken('c@example.com');
  const del = await h.api('DELETE', `${A}/account`, { token, json: '', query: { deleteurl: DELETE_LINK } });
  assert.equal(del.status, 200, del.text);
  assert.deepEqual(del.body, { IsDeleteRequestAccepted: true });
  // A body with content is still JSON-only (BI-03: cross-origin writes need a preflight).
  assertError(await raw(h, 'DELETE', `${A}/email`, 'email=c%40example.com', { ...form, authorization: `Bearer ${token}` }), 415, 415);
  assertError(await raw(h, 'POST', `${A}/login`, JSON.stringify({ email: 'c@example.com', password: PASSWORD }), { 'content-type': 'text/plain' }), 415, 415);
});

test('the /__emulator/ controls stay strict: any non-JSON body is a 415, even an empty or "" one', async (t) => {
  const h = await start(t);
  for (const [method, path] of [['POST', '/__emulator/reset'], ['PUT', '/__emulator/config'], ['DELETE', '/__emulator/outbox']] as const) {
    for (const body of ['', '""']) {
      for (const ct of ['text/plain', 'application/x-www-form-urlencoded']) {
        const r = await fetch(`${h.url}${path}`, { method, body, headers: { 'content-type': ct } });
        assert.equal(r.status, 415, `${method} ${path} ${ct} ${JSON.stringify(body)}`);
      }
    }
  }
  assert.equal((await h.control('GET', '/status')).status, 200);
});

test('link URLs without a scheme are accepted as live (read as https) when the host is allowed; never scheme-relative', async (t) => {
  const h = await start(t, { corsOrigins: ['loopback', 'https://resetpassword.com'] });
  await h.createUser('ada@example.com');
  const r = await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: 'resetpassword.com' } });
  assert.equal(r.status, 200, r.text);
  const [mail] = await h.outbox('ada@example.com');
  assert.match(mail.Link, /^https:\/\/resetpassword\.com\/\?vtype=reset&vtoken=[0-9a-f]{32}$/);
  assert.equal((await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: 'localhost:8000/reset' } })).status, 200);
  for (const bad of ['evil.example', '//resetpassword.com', 'javascript:alert(1)', 'data:text/html,x', 'resetpassword.com\r\nX: y']) {
    assertError(await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: bad } }), 403, 908);
  }
  assert.equal((await h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } })).status, 200);
});
