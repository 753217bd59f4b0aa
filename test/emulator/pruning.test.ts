/**
 * Bounded memory (issue 15): expired access tokens answer 906 for a grace period, then are dropped (905); used and
 * expired one-time tokens, stale rate-limit windows and failed-login counters are dropped; the outbox and the
 * request log stay bounded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, M, PASSWORD, RESET_LINK, assertError, start } from './helpers.js';

test('an expired access token answers 906 during the grace period, then 905, and the store shrinks', async (t) => {
  const h = await start(t, { accessTokenLifetimeSeconds: 60, expiredTokenGraceSeconds: 120 });
  const { token } = await h.userWithToken('ada@example.com');
  await h.login('ada@example.com'); // a second session, dropped by the timer's sweep
  const { store } = h.emu.emu;
  assert.equal(store.tokens.size, 2);
  await h.config({ clockOffsetSeconds: 61 });
  assertError(await h.api('GET', `${A}/access_token/validate`, { token }), 403, 906);
  h.emu.emu.prune();
  assert.equal(store.tokens.size, 2, 'kept during the grace period');
  await h.config({ clockOffsetSeconds: 61 + 120 });
  // On access: dropped and unknown.
  assertError(await h.api('GET', `${A}/access_token/validate`, { token }), 403, 905);
  assert.equal(store.tokens.size, 1);
  // On the timer (the sweep the emulator runs every 10 s).
  h.emu.emu.prune();
  assert.equal(store.tokens.size, 0);
});

test('used and expired one-time tokens are dropped after the grace period', async (t) => {
  const h = await start(t, { expiredTokenGraceSeconds: 60, resetTokenLifetimeSeconds: 600 });
  await h.createUser('ada@example.com');
  const { store } = h.emu.emu;
  const forgot = () => h.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  await forgot();
  await forgot();
  const mails = await h.outbox('ada@example.com');
  // One is used (the reset marks both used), then a third one only expires.
  assert.equal((await h.api('PUT', `${A}/password/reset`, { json: { resettoken: mails[0].Token, password: 'Another-Quiet-Meadow-77' } })).status, 200);
  await forgot();
  assert.equal(store.oneTime.size, 3);
  await h.config({ clockOffsetSeconds: 30 });
  h.emu.emu.prune();
  assert.equal(store.oneTime.size, 3, 'used tokens still answer "already used" during the grace period');
  assertError(await h.api('PUT', `${A}/password/reset`, { json: { resettoken: mails[0].Token, password: PASSWORD } }), 403, 974);
  await h.config({ clockOffsetSeconds: 61 });
  h.emu.emu.prune();
  assert.equal(store.oneTime.size, 1, 'the two used ones are gone; the outstanding one stays');
  await h.config({ clockOffsetSeconds: 600 + 30 });
  h.emu.emu.prune();
  assert.equal(store.oneTime.size, 1, 'expired, still in its grace period (answers "expired")');
  await h.config({ clockOffsetSeconds: 600 + 61 });
  h.emu.emu.prune();
  assert.equal(store.oneTime.size, 0);
});

test('stale rate-limit windows and failed-login counters are dropped', async (t) => {
  const h = await start(t, { rateLimit: { max: 100, windowSeconds: 1 } });
  // Failures are counted per existing account (unknown addresses are never locked, as live).
  for (const email of ['ada@example.com', 'bob@example.com', 'carol@example.com']) await h.createUser(email);
  for (const email of ['ada@example.com', 'bob@example.com', 'carol@example.com', 'nobody@example.com']) {
    await h.api('POST', `${A}/login`, { json: { email, password: 'Wrong-Password-1' } });
  }
  const { emu } = h.emu;
  assert.equal(emu.lockouts.size, 3);
  assert.ok(emu.rate.size >= 1);
  await new Promise((r) => setTimeout(r, 1100)); // the 1-second rate window ends
  emu.prune();
  assert.equal(emu.rate.size, 0, 'ended rate windows are dropped');
  assert.equal(emu.lockouts.size, 3, 'recent failures are still counted');
  await h.config({ clockOffsetSeconds: 15 * 60 + 1 });
  emu.prune();
  assert.equal(emu.lockouts.size, 0, 'counters 15 minutes past their last failure are dropped');
});

test('a lock still in force is kept: pruning never shortens a lockout', async (t) => {
  const h = await start(t, { lockout: { threshold: 2, type: 'suspend', suspendSeconds: 600 } });
  await h.createUser('ada@example.com');
  for (let i = 0; i < 2; i++) await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } });
  await h.config({ clockOffsetSeconds: 300 });
  h.emu.emu.prune();
  const locked = await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } });
  assert.equal(locked.status, 403);
  assert.equal(locked.body.ErrorCode, 1198, 'still suspended');
});

test('the outbox and the request log stay bounded', async (t) => {
  const h = await start(t);
  await h.createUser('ada@example.com');
  const { emu } = h.emu;
  for (let i = 0; i < 1100; i++) emu.send('welcome', 'ada@example.com', 'Welcome', null, null);
  assert.equal(emu.store.outbox.length, 1000);
  for (let i = 0; i < 2100; i++) await h.emu.app.inject({ method: 'GET', url: `${M}/nope` });
  assert.ok(emu.requests.length <= 2000);
});
