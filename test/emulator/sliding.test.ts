/** The sliding token (T1): a valid token gets a later expiry (same token); expired 906, invalidated 905, missing 1060. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, ISO_DATE, assertError, start } from './helpers.js';

const slide = (h: Awaited<ReturnType<typeof start>>, token?: string) => h.api('GET', `${A}/access_token/sliding_token`, { token });

test('T1: same token, expires_in a full lifetime from now; the token outlives its first expiry', async (t) => {
  const h = await start(t, { accessTokenLifetimeSeconds: 600 });
  const { token, login } = await h.userWithToken('ada@example.com');
  await h.config({ clockOffsetSeconds: 400 });
  const r = await slide(h, token);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body).sort(), ['access_token', 'expires_in', 'refresh_token']);
  assert.equal(r.body.access_token, token);
  assert.equal(r.body.refresh_token, login.refresh_token);
  assert.match(r.body.expires_in, ISO_DATE);
  const expected = Date.now() + 1000 * 1000;
  assert.ok(Math.abs(Date.parse(r.body.expires_in) - expected) < 5000, `${r.body.expires_in}`);
  assert.ok(Date.parse(r.body.expires_in) > Date.parse(login.expires_in));
  // Past the first expiry (600 s) the token still works; validate reports the new expiry.
  await h.config({ clockOffsetSeconds: 900 });
  const v = await h.api('GET', `${A}/access_token/validate`, { token });
  assert.equal(v.status, 200, v.text);
  assert.equal(v.body.expires_in, r.body.expires_in);
  // Sliding never moves the expiry backwards (a shorter lifetime configured later).
  await h.config({ accessTokenLifetimeSeconds: 1 });
  assert.equal((await slide(h, token)).body.expires_in, r.body.expires_in);
});

test('T1: expired 906, invalidated 905, unknown 905, missing 1060', async (t) => {
  const h = await start(t, { accessTokenLifetimeSeconds: 60 });
  const { token } = await h.userWithToken('ada@example.com');
  const other = (await h.login('ada@example.com')).access_token;
  assertError(await slide(h), 400, 1060);
  assertError(await slide(h, 'not-a-token'), 403, 905);
  assert.equal((await h.api('GET', `${A}/access_token/invalidate`, { token: other })).status, 200);
  assertError(await slide(h, other), 403, 905);
  await h.config({ clockOffsetSeconds: 61 });
  assertError(await slide(h, token), 403, 906);
});
