/**
 * Issue 11, item 1: the login lockout answers as LoginRadius's Auth Security "Brute Force Lockout" does
 * (LoginRadius/apidocs `auth-security-configuration.md`, texts from the response-code table): 403 1198 with
 * `Data.LoginLockedTimeout` (suspend), 1132 (CAPTCHA), 1148 (security question), 991 (block), each lifted as live.
 * The per-IP rate limit stays a 429 with Retry-After.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, M, PASSWORD, Q1, Q2, assertError, assertLocked, start, type Harness } from './helpers.js';

const WRONG = 'Wrong-Password-1';
const login = (h: Harness, body: Record<string, unknown>, query: Record<string, string> = {}) => h.api('POST', `${A}/login`, { json: body, query });

/** Fails `n` logins of ada; each is a plain 966 (the lock applies from the next attempt). */
async function fail(h: Harness, n: number, email = 'ada@example.com'): Promise<void> {
  for (let i = 0; i < n; i++) assertError(await login(h, { email, password: WRONG }), 401, 966);
}

test('suspend: 1198 + Data.LoginLockedTimeout for suspendSeconds, the profile shows the lock, then it lifts by itself', async (t) => {
  const h = await start(t, { lockout: { threshold: 3, type: 'suspend', suspendSeconds: 300 } });
  const p = await h.createUser('ada@example.com');
  await fail(h, 3);
  const r = await login(h, { email: 'ada@example.com', password: PASSWORD });
  assertError(r, 403, 1198);
  assertLocked(r, h.emu.emu.now() + 300_000);
  assert.equal(r.body.Message, 'Your account has been locked');
  assert.equal(r.headers.get('retry-after'), null, 'a lockout is not a rate limit');
  const profile = (await h.admin('GET', `${M}/${p.Uid}`)).body;
  assert.equal(profile.IsLoginLocked, true);
  assert.equal(profile.LoginLockedType, 'Suspend');
  await h.config({ clockOffsetSeconds: 301 });
  await h.login('ada@example.com');
  assert.equal((await h.admin('GET', `${M}/${p.Uid}`)).body.IsLoginLocked, false);
});

test('captcha: 1132 until a login carries a valid g-recaptcha-response (body or query); a wrong one is 982', async (t) => {
  const h = await start(t, { lockout: { threshold: 2, type: 'captcha' } });
  const p = await h.createUser('ada@example.com');
  await fail(h, 2);
  const r = await login(h, { email: 'ada@example.com', password: PASSWORD });
  assertError(r, 403, 1132);
  assert.equal(r.body.Description, 'Your account has been locked, please login with a valid reCAPTCHA in order to continue.');
  assert.equal(r.body.Message, 'Your account has been locked');
  assert.equal((await h.admin('GET', `${M}/${p.Uid}`)).body.LoginLockedType, 'Captcha');
  const bad = await login(h, { email: 'ada@example.com', password: PASSWORD, 'g-recaptcha-response': 'not-the-token' });
  assertError(bad, 403, 982);
  assert.equal(bad.body.Description, 'CAPTCHA is invalid, please enter the correct CAPTCHA value.');
  // A valid CAPTCHA with a wrong password is a 966 and the lock stays.
  assertError(await login(h, { email: 'ada@example.com', password: WRONG, 'g-recaptcha-response': 'emulator-captcha-pass' }), 401, 966);
  assertError(await login(h, { email: 'ada@example.com', password: PASSWORD }), 403, 1132);
  // The documented test token in the query string (the Login API's `g-recaptcha-response` parameter) lifts it.
  const ok = await login(h, { email: 'ada@example.com', password: PASSWORD }, { 'g-recaptcha-response': 'emulator-captcha-pass' });
  assert.equal(ok.status, 200, ok.text);
  await h.login('ada@example.com');
  assert.equal((await h.admin('GET', `${M}/${p.Uid}`)).body.LoginLockedType, 'None');
});

test('captcha: a lifted lock comes back after another threshold of failures; the body token works too', async (t) => {
  const h = await start(t, { lockout: { threshold: 1, type: 'captcha' }, captchaTestToken: 'pass-123' });
  await h.createUser('ada@example.com');
  await fail(h, 1);
  assertError(await login(h, { email: 'ada@example.com', password: PASSWORD }), 403, 1132);
  assert.equal((await login(h, { email: 'ada@example.com', password: PASSWORD, 'g-recaptcha-response': 'pass-123' })).status, 200);
  await fail(h, 1);
  assertError(await login(h, { email: 'ada@example.com', password: PASSWORD }), 403, 1132);
});

test('securityquestion: 1148 until a login carries a correct securityanswer; a wrong one is 1094', async (t) => {
  const h = await start(t, { lockout: { threshold: 2, type: 'securityquestion' } });
  const p = await h.createUser('ada@example.com');
  await h.admin('PUT', `${M}/${p.Uid}`, { json: { securityquestionanswer: { [Q1]: 'Rex', [Q2]: 'Paris' } } });
  await fail(h, 2);
  const r = await login(h, { email: 'ada@example.com', password: PASSWORD });
  assertError(r, 403, 1148);
  assert.equal(r.body.Description, 'Your account has been locked, please login with an answer to the security question in order to continue.');
  assert.equal((await h.admin('GET', `${M}/${p.Uid}`)).body.LoginLockedType, 'SecurityQuestion');
  // The questions to ask are public for the account (as live).
  const q = await h.api('GET', `${A}/securityquestion/email`, { query: { email: 'ada@example.com' } });
  assert.deepEqual(q.body.map((x: { QuestionId: string }) => x.QuestionId), [Q1, Q2]);
  const wrong = await login(h, { email: 'ada@example.com', password: PASSWORD, securityanswer: { [Q1]: 'Fido' } });
  assertError(wrong, 403, 1094);
  assert.equal(wrong.body.Description, 'Your security question or answer is incorrect, please enter the correct security question or answer.');
  assertError(await login(h, { email: 'ada@example.com', password: PASSWORD, securityanswer: {} }), 403, 1148);
  assertError(await login(h, { email: 'ada@example.com', password: PASSWORD, securityanswer: 'Rex' }), 403, 1148);
  // Answers compare case-insensitively; one correct answer of the account's lifts the lock.
  const ok = await login(h, { email: 'ada@example.com', password: PASSWORD, securityanswer: { [Q1]: 'REX' } });
  assert.equal(ok.status, 200, ok.text);
  await h.login('ada@example.com');
});

test('block: 991 after the threshold (IsActive false) until the Account API sets IsActive true', async (t) => {
  const h = await start(t, { lockout: { threshold: 2, type: 'block' } });
  const p = await h.createUser('ada@example.com');
  await fail(h, 2);
  const r = await login(h, { email: 'ada@example.com', password: PASSWORD });
  assertError(r, 403, 991);
  assert.equal(r.body.Description, 'Your account has been blocked by the system admin, please contact the admin for more information.');
  assert.equal(r.body.Message, 'Your account is blocked');
  assert.equal((await h.admin('GET', `${M}/${p.Uid}`)).body.IsActive, false);
  assert.equal((await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsActive: true } })).status, 200);
  await h.login('ada@example.com');
});

test('the Account API IsLoginLocked:false lifts any lock and the counter', async (t) => {
  const h = await start(t, { lockout: { threshold: 2, type: 'suspend', suspendSeconds: 3600 } });
  const p = await h.createUser('ada@example.com');
  await fail(h, 2);
  assertError(await login(h, { email: 'ada@example.com', password: PASSWORD }), 403, 1198);
  const r = await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsLoginLocked: false } });
  assert.equal(r.body.IsLoginLocked, false);
  assert.equal(r.body.LoginLockedType, 'None');
  await h.login('ada@example.com');
  await fail(h, 1);
  await h.config({ lockout: { type: 'captcha' } });
  await fail(h, 1);
  assertError(await login(h, { email: 'ada@example.com', password: PASSWORD }), 403, 1132);
  await h.admin('PUT', `${M}/${p.Uid}`, { json: { IsLoginLocked: false } });
  await h.login('ada@example.com');
});

test('login by username is locked like login by email (one account, one counter)', async (t) => {
  const h = await start(t, { lockout: { threshold: 2, type: 'suspend', suspendSeconds: 60 } });
  await h.createUser('ada@example.com', PASSWORD, { UserName: 'ada' });
  assertError(await login(h, { username: 'ada', password: WRONG }), 401, 966);
  await fail(h, 1);
  assertLocked(await login(h, { username: 'ADA', password: PASSWORD }), h.emu.emu.now() + 60_000);
});

test('the per-IP rate limit stays separate: 429 with Retry-After, no lock on the account', async (t) => {
  const h = await start(t, { rateLimit: { max: 3, windowSeconds: 60 }, lockout: { threshold: 10 } });
  const p = await h.createUser('ada@example.com');
  await fail(h, 3);
  const r = await login(h, { email: 'ada@example.com', password: PASSWORD });
  assertError(r, 429, 429);
  assert.ok(Number(r.headers.get('retry-after')) >= 1);
  assert.equal((await h.admin('GET', `${M}/${p.Uid}`)).body.IsLoginLocked, false);
});

test('config: lockout merges partial objects, refuses bad ones whole; reset restores the start value', async (t) => {
  const h = await start(t, { lockout: { threshold: 7 } });
  assert.deepEqual((await h.control('GET', '/config')).body.lockout, { threshold: 7, type: 'suspend', suspendSeconds: 60 });
  assert.deepEqual((await h.config({ lockout: { type: 'block' } })).lockout, { threshold: 7, type: 'block', suspendSeconds: 60 });
  for (const bad of [{ type: 'jail' }, { threshold: -1 }, { suspendSeconds: 0 }, { threshold: '5' }, 'suspend', null]) {
    assertError(await h.control('PUT', '/config', { lockout: bad }), 403, 1134);
  }
  assert.equal((await h.control('GET', '/config')).body.lockout.type, 'block');
  await h.control('POST', '/reset');
  assert.equal((await h.control('GET', '/config')).body.lockout.type, 'suspend');
});
