/**
 * Issue 11, item 7: the endpoints the live API has, with the request and answer shapes of LoginRadius's endpoint
 * specs (LoginRadius/apidocs `customer-identity-api/*.json`) and the Go SDK's calls, unhappy paths included.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, LINK, M, PASSWORD, PASSWORD2, Q1, Q2, assertError, start, vtoken, type Harness } from './helpers.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function withAnswers(h: Harness, email: string, extra: Record<string, unknown> = {}) {
  const p = await h.createUser(email, PASSWORD, extra);
  const r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { securityquestionanswer: { [Q1]: 'Rex', [Q2]: 'Paris' } } });
  assert.equal(r.status, 200, r.text);
  return p;
}

test('login by username: {username, password} → the login answer; 966 for a wrong password or unknown name', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { UserName: 'ada_l' });
  const r = await h.api('POST', `${A}/login`, { json: { username: 'ADA_L', password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['Profile', 'access_token', 'expires_in', 'refresh_token']);
  assert.equal(r.body.Profile.UserName, 'ada_l');
  assert.match(r.body.access_token, GUID);
  for (const body of [{ username: 'ada_l', password: 'Wrong-Password-1' }, { username: 'nobody', password: PASSWORD }]) {
    const bad = await h.api('POST', `${A}/login`, { json: body });
    assertError(bad, 401, 966);
    assert.equal(bad.body.Description, 'Please use a valid user ID and password combination.');
  }
  assertError(await h.api('POST', `${A}/login`, { json: { username: 'ada_l' } }), 403, 1134);
  assertError(await h.api('POST', `${A}/login`, { json: { username: 42, password: PASSWORD } }), 403, 1134);
});

test('login by username under mandatory verification: 970 and the verification mail goes to the Primary', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { UserName: 'ada', EmailVerified: false });
  const r = await h.api('POST', `${A}/login`, { json: { username: 'ada', password: PASSWORD }, query: { verificationurl: LINK } });
  assertError(r, 403, 970);
  assert.equal(r.body.Description, 'This email has not yet been verified, please click the link in your email to confirm your email address.');
  assert.equal((await h.outbox('ada@example.com')).length, 1);
});

test('GET /auth/username?username= → {IsExist}; 908 without the parameter', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com', PASSWORD, { UserName: 'ada' });
  assert.deepEqual((await h.api('GET', `${A}/username`, { query: { username: 'Ada' } })).body, { IsExist: true });
  assert.deepEqual((await h.api('GET', `${A}/username`, { query: { username: 'bob' } })).body, { IsExist: false });
  const r = await h.api('GET', `${A}/username`);
  assertError(r, 403, 908);
  assert.equal(r.body.Description, 'The username is a required parameter.');
});

test('PUT /auth/username {username} (token) → {IsPosted:true}; 1075 missing, 1134 invalid, 1017 taken, 1060 no token', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  await h.createUser('bob@example.com', PASSWORD, { UserName: 'bob' });
  const r = await h.api('PUT', `${A}/username`, { token, json: { username: 'newname' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsPosted: true });
  assert.equal((await h.api('GET', `${A}/account`, { token })).body.UserName, 'newname');
  assert.equal((await h.api('POST', `${A}/login`, { json: { username: 'newname', password: PASSWORD } })).status, 200);
  const missing = await h.api('PUT', `${A}/username`, { token, json: {} });
  assertError(missing, 400, 1075);
  assert.equal(missing.body.Description, 'A username is required, please use a valid username in order to process this request.');
  assertError(await h.api('PUT', `${A}/username`, { token, json: { username: 'has space' } }), 403, 1134);
  assertError(await h.api('PUT', `${A}/username`, { token, json: { username: 'x'.repeat(33) } }), 403, 1134);
  const taken = await h.api('PUT', `${A}/username`, { token, json: { username: 'BOB' } });
  assertError(taken, 403, 1017);
  assert.equal(taken.body.Description, 'The username you have selected is already in use, please choose a different username.');
  assertError(await h.api('PUT', `${A}/username`, { json: { username: 'x' } }), 400, 1060);
  // Setting one's own name again is fine; the old name is free again.
  assert.equal((await h.api('PUT', `${A}/username`, { token, json: { username: 'NewName' } })).status, 200);
  assert.deepEqual((await h.api('GET', `${A}/username`, { query: { username: 'bob2' } })).body, { IsExist: false });
});

test('GET /auth/securityquestion/{email|username|phone|accesstoken} → [{QuestionId, Question}] of the answered questions', async (t) => {
  const h = await start(t);
  await withAnswers(h, 'ada@example.com', { UserName: 'ada', PhoneId: '+14155550100' });
  const { token } = await (async () => ({ token: (await h.login('ada@example.com')).access_token as string }))();
  const expected = [
    { QuestionId: Q1, Question: 'What was the name of your first pet?' },
    { QuestionId: Q2, Question: 'In which city were you born?' },
  ];
  for (const [path, query] of [['email', { email: 'ADA@example.com' }], ['username', { username: 'ada' }], ['phone', { phone: '+14155550100' }]] as const) {
    const r = await h.api('GET', `${A}/securityquestion/${path}`, { query });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, expected, path);
  }
  assert.deepEqual((await h.api('GET', `${A}/securityquestion/accesstoken`, { token })).body, expected);
  // No answers saved: an empty list. Unknown accounts and missing parameters: LoginRadius's codes.
  await h.createUser('bob@example.com');
  assert.deepEqual((await h.api('GET', `${A}/securityquestion/email`, { query: { email: 'bob@example.com' } })).body, []);
  assertError(await h.api('GET', `${A}/securityquestion/email`, { query: { email: 'nobody@example.com' } }), 403, 1023);
  assertError(await h.api('GET', `${A}/securityquestion/email`, { query: { email: 'not-an-email' } }), 400, 1038);
  assertError(await h.api('GET', `${A}/securityquestion/username`, { query: { username: 'nobody' } }), 403, 1022);
  assertError(await h.api('GET', `${A}/securityquestion/phone`, { query: { phone: '+10000000000' } }), 403, 1043);
  const noParam = await h.api('GET', `${A}/securityquestion/email`);
  assertError(noParam, 403, 908);
  assert.equal(noParam.body.Description, 'The email is a required parameter.');
  assertError(await h.api('GET', `${A}/securityquestion/accesstoken`), 400, 1060);
  assertError(await h.api('GET', `${A}/securityquestion/accesstoken`, { token: '00000000-0000-4000-8000-000000000000' }), 403, 905);
});

test('PUT /auth/password/securityanswer: a correct answer sets the password and ends sessions; the unhappy paths', async (t) => {
  const h = await start(t);
  await withAnswers(h, 'ada@example.com', { UserName: 'ada' });
  const { access_token: token } = await h.login('ada@example.com');
  const put = (json: Record<string, unknown>) => h.api('PUT', `${A}/password/securityanswer`, { json });
  assertError(await put({ securityanswer: { [Q1]: 'Rex' }, password: PASSWORD2 }), 400, 1141);
  assertError(await put({ email: 'ada@example.com', password: PASSWORD2 }), 403, 1134);
  assertError(await put({ email: 'ada@example.com', securityanswer: { [Q1]: 'Rex' } }), 400, 1089);
  assertError(await put({ email: 'ada@example.com', securityanswer: { [Q1]: 'Rex' }, password: 'abc' }), 403, 1134);
  assertError(await put({ email: 'nobody@example.com', securityanswer: { [Q1]: 'Rex' }, password: PASSWORD2 }), 403, 938);
  assertError(await put({ email: 'ada@example.com', securityanswer: { nope: 'Rex' }, password: PASSWORD2 }), 403, 1091);
  const wrong = await put({ email: 'ada@example.com', securityanswer: { [Q1]: 'Fido' }, password: PASSWORD2 });
  assertError(wrong, 403, 1094);
  await h.login('ada@example.com'); // nothing changed
  const ok = await put({ username: 'ada', securityanswer: { [Q2]: 'paris' }, password: PASSWORD2 });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body, { IsPosted: true });
  assertError(await h.api('GET', `${A}/account`, { token }), 403, 905);
  await h.login('ada@example.com', PASSWORD2);
  // An account without saved answers: 1092.
  await h.createUser('bob@example.com');
  const none = await put({ email: 'bob@example.com', securityanswer: { [Q1]: 'Rex' }, password: PASSWORD2 });
  assertError(none, 403, 1092);
  assert.equal(none.body.Description, 'This security question and answer is not saved in your profile, please update the security question and answer in profile.');
});

test('GET /auth/account/sendwelcomeemail (token) → {IsPosted:true} and a welcome mail to the Primary', async (t) => {
  const h = await start(t);
  const { token } = await h.userWithToken('ada@example.com');
  const r = await h.api('GET', `${A}/account/sendwelcomeemail`, { token, query: { welcomeemailtemplate: 'hello' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsPosted: true });
  assert.deepEqual((await h.outbox('ada@example.com')).map((m: { Kind: string }) => m.Kind), ['welcome']);
  assert.equal((await h.api('GET', `${A}/account/sendwelcomeemail`, { token })).status, 200);
  assertError(await h.api('GET', `${A}/account/sendwelcomeemail`), 400, 1060);
});

test('GET /manage/account/identities?email= → {Data: [profile…]}; [] for an unknown address; 908 / 1038; needs the secret', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com');
  const r = await h.admin('GET', `${M}/identities`, { query: { email: 'Ada@Example.com' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body), ['Data']);
  assert.equal(r.body.Data.length, 1);
  assert.equal(r.body.Data[0].Uid, p.Uid);
  assert.deepEqual(r.body.Data[0], p);
  assert.deepEqual((await h.admin('GET', `${M}/identities`, { query: { email: 'ada@example.com', fields: 'Uid' } })).body, { Data: [{ Uid: p.Uid }] });
  assert.deepEqual((await h.admin('GET', `${M}/identities`, { query: { email: 'nobody@example.com' } })).body, { Data: [] });
  assertError(await h.admin('GET', `${M}/identities`), 403, 908);
  assertError(await h.admin('GET', `${M}/identities`, { query: { email: 'nope' } }), 400, 1038);
  assertError(await h.api('GET', `${M}/identities`, { query: { email: 'ada@example.com' } }), 400, 923);
});

test('PUT /manage/account/{uid}/invalidateemail (no body, or the Go SDK\'s ""): unverified again + a verification mail', async (t) => {
  const h = await start(t);
  const p = await h.createUser('ada@example.com');
  const r = await h.admin('PUT', `${M}/${p.Uid}/invalidateemail`, { query: { verificationurl: LINK }, raw: '""\n', headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body, { IsPosted: true });
  assert.equal((await h.admin('GET', `${M}/${p.Uid}`)).body.EmailVerified, false);
  assertError(await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 403, 970);
  const mails = await h.outbox('ada@example.com');
  assert.ok(mails.length >= 1 && mails.every((m: { Kind: string }) => m.Kind === 'verification'));
  // Already unverified: 1115. Unknown uid: 938. A bad verificationurl changes nothing: 908.
  const again = await h.admin('PUT', `${M}/${p.Uid}/invalidateemail`);
  assertError(again, 403, 1115);
  assert.equal(again.body.Message, 'The profile cannot be enforced to invalidate the email verification.');
  assertError(await h.admin('PUT', `${M}/${'0'.repeat(32)}/invalidateemail`), 403, 938);
  const q = await h.createUser('bob@example.com');
  assertError(await h.admin('PUT', `${M}/${q.Uid}/invalidateemail`, { query: { verificationurl: 'javascript:alert(1)' } }), 403, 908);
  assert.equal((await h.admin('GET', `${M}/${q.Uid}`)).body.EmailVerified, true);
  // The link verifies the address again.
  assert.match(mails[0].Link, /^http:\/\/localhost:8000\/verify\?vtype=emailverification&vtoken=/);
  assert.equal((await h.api('GET', `${A}/email`, { query: { verificationtoken: vtoken(mails[0].Link) } })).status, 200);
  await h.login('ada@example.com');
});
