/**
 * `dataFile`: state survives restarts; every change is in the fsync'd journal before the answer, and snapshots are
 * atomic (temp file + fsync + rename), so a crash never corrupts the data and never loses an answered change.
 */
import assert from 'node:assert/strict';
import fs, { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { openPersistence } from '../../emulator/persist.js';
import { readState } from '../../emulator/server.js';
import { Store } from '../../emulator/store.js';
import { tempDataFile } from './files.js';
import { A, M, PASSWORD, PASSWORD2, RESET_LINK, assertError, start } from './helpers.js';

const tempFile = tempDataFile;

/** The snapshot file alone (after a clean close it holds everything). */
const readSnapshot = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { version: number; users: { Uid: string }[]; tokens: unknown[]; oneTime: unknown[]; outbox: unknown[] };

/**
 * Replaces fs.writeSync for ESM importers too (node:fs named exports are live after syncBuiltinESMExports);
 * returns the function that restores it.
 */
function patchWriteSync(impl: (orig: typeof fs.writeSync, fd: number, data: string) => number): () => void {
  const orig = fs.writeSync;
  fs.writeSync = ((fd: number, data: string) => impl(orig, fd, data)) as typeof fs.writeSync;
  syncBuiltinESMExports();
  return () => { fs.writeSync = orig; syncBuiltinESMExports(); };
}

test('state survives close and a new emulator: accounts, sessions, one-time tokens, outbox', async (t) => {
  const dataFile = tempFile();
  const first = await start(t, { dataFile });
  const { token, profile } = await first.userWithToken('ada@example.com');
  await first.api('PUT', `${A}/account`, { token, json: { FirstName: 'Ada' } });
  await first.api('POST', `${A}/password`, { json: { email: 'ada@example.com' }, query: { resetpasswordurl: RESET_LINK } });
  const [mail] = await first.outbox();
  const journalOneTime = readFileSync(`${dataFile}.journal`, 'utf8').trim().split('\n')
    .flatMap((line) => (JSON.parse(line) as { ops: unknown[][] }).ops.filter((op) => op[0] === 'o'));
  assert.equal(journalOneTime.length, 1);
  assert.doesNotMatch(JSON.stringify(journalOneTime), new RegExp(mail.Token), 'one-time tokens are stored hashed, in the journal too');
  await first.emu.close();
  const saved = readSnapshot(dataFile);
  assert.equal(saved.version, 1);
  assert.equal(saved.users.length, 1);
  if (process.platform !== 'win32') {
    assert.equal(statSync(dataFile).mode & 0o777, 0o600, 'only the owner can read it');
    assert.equal(statSync(`${dataFile}.journal`).mode & 0o777, 0o600, 'the journal too');
  }
  assert.doesNotMatch(JSON.stringify(saved.oneTime), new RegExp(mail.Token), 'one-time tokens are stored hashed, on disk too');
  assert.equal(saved.oneTime.length, 1);

  const second = await start(t, { dataFile });
  const me = await second.api('GET', `${A}/account`, { token });
  assert.equal(me.status, 200, me.text);
  assert.equal(me.body.Uid, profile.Uid);
  assert.equal(me.body.FirstName, 'Ada');
  assert.equal((await second.outbox('ada@example.com')).length, 1);
  const reset = await second.api('PUT', `${A}/password/reset`, { json: { resettoken: mail.Token, password: PASSWORD2 } });
  assert.equal(reset.status, 200, reset.text);
  await second.login('ada@example.com', PASSWORD2);
  assertError(await second.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } }), 401, 966);
  // Indexes are rebuilt: lookups by email and uniqueness work after a restart.
  assert.equal((await second.admin('GET', M, { query: { email: 'ADA@example.com' } })).body.Uid, profile.Uid);
  assertError(await second.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'ada@example.com' }], Password: PASSWORD } }), 403, 936);
});

test('every change is on disk when its answer arrives, without a clean shutdown (GET mutations included)', async (t) => {
  const dataFile = tempFile();
  const h = await start(t, { dataFile });
  const { token } = await h.userWithToken('ada@example.com');
  assert.equal(readState(dataFile).users.size, 1, 'account creation is on disk');
  // Delete by token link is a GET.
  await h.api('DELETE', `${A}/account`, { token });
  const [mail] = await h.outbox('ada@example.com');
  const del = await h.api('GET', `${A}/account/delete`, { query: { deletetoken: mail.Token } });
  assert.equal(del.status, 200, del.text);
  assert.equal(readState(dataFile).users.size, 0, 'the deletion is on disk');
  // Invalidate is a GET too.
  const { token: t2 } = await h.userWithToken('bob@example.com');
  assert.equal(readState(dataFile).tokens.size, 1);
  await h.api('GET', `${A}/access_token/invalidate`, { token: t2 });
  assert.equal(readState(dataFile).tokens.size, 0, 'the invalidation is on disk');
});

test('a failed write is never acknowledged and leaves the data intact and loadable', async (t) => {
  const dataFile = tempFile();
  const h = await start(t, { dataFile });
  await h.createUser('ada@example.com');
  const uids = () => [...readState(dataFile).users.keys()];
  const good = uids();
  assert.equal(good.length, 1);

  // From now on every write dies half-way (as if the process were killed or the disk filled up).
  const restore = patchWriteSync((orig, fd, data) => {
    const bytes = Buffer.from(data as unknown as Uint8Array);
    orig(fd, bytes.subarray(0, Math.floor(bytes.length / 2)));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  });
  const origErr = console.error;
  const logged: unknown[] = [];
  console.error = (...a: unknown[]) => { logged.push(a); };
  try {
    // The change could not be written: the caller gets a 500, not a 200 for something that would be lost.
    const bob = await h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'bob@example.com' }], Password: PASSWORD, EmailVerified: true } });
    assertError(bob, 500, 950);
    assert.deepEqual(uids(), good, 'the half-written record was cut off: the data still loads, unchanged');
    assert.ok(logged.length >= 1, 'the failed write is reported');

    // The server keeps serving; reads need no write.
    assert.equal((await h.control('GET', '/status')).status, 200, 'still serving');
    assert.equal((await h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: PASSWORD } })).status, 500, 'a login (a new session) is not acknowledged either');
    // Closing still closes the server when the final write fails (the error is reported to the caller).
    await assert.rejects(h.emu.close(), /ENOSPC/);
    await assert.rejects(fetch(`${h.url}/__emulator/status`));
    assert.deepEqual(uids(), good);
    const leftovers = readdirSync(join(dataFile, '..')).filter((f) => f.includes('.tmp-'));
    assert.equal(leftovers.length, 1, 'the half-written snapshot is a separate temp file');
    assert.throws(() => JSON.parse(readFileSync(join(dataFile, '..', leftovers[0]!), 'utf8')));
  } finally {
    restore();
    console.error = origErr;
  }

  // A fresh emulator loads the last good state and removes the leftover temp file.
  const again = await start(t, { dataFile });
  assert.equal((await again.control('GET', '/status')).body.users, 1);
  await again.login('ada@example.com');
  assert.deepEqual(readdirSync(join(dataFile, '..')).filter((f) => f.includes('.tmp-')), [], 'leftover temp files are removed on start');
});

test('leftover temp files from an earlier crash are removed on start; the data file is replaced atomically', async (t) => {
  const dataFile = tempFile();
  const first = await start(t, { dataFile });
  await first.createUser('ada@example.com');
  await first.emu.close();
  writeFileSync(`${dataFile}.tmp-${process.pid}`, '{"version":1,"users":[{"Uid":');
  writeFileSync(`${dataFile}.tmp-99999`, 'garbage');
  const second = await start(t, { dataFile });
  assert.ok(!existsSync(`${dataFile}.tmp-${process.pid}`) && !existsSync(`${dataFile}.tmp-99999`), 'both leftovers are gone');
  assert.equal((await second.control('GET', '/status')).body.users, 1);
  await second.createUser('bob@example.com');
  await second.emu.close();
  assert.equal(readSnapshot(dataFile).users.length, 2);
  assert.ok(!existsSync(`${dataFile}.tmp-${process.pid}`), 'our own temp file was renamed into place');
});

test('reset is persisted; the data file is created at start', async (t) => {
  const dataFile = tempFile();
  assert.ok(!existsSync(dataFile));
  const h = await start(t, { dataFile });
  assert.ok(existsSync(dataFile));
  await h.createUser('ada@example.com');
  assert.equal(readState(dataFile).users.size, 1);
  await h.control('POST', '/reset');
  assert.equal(readState(dataFile).users.size, 0);
});

test('a request whose change went into a failed write is not acknowledged until the whole state is written', async () => {
  const dataFile = tempFile();
  const store = new Store();
  const p = openPersistence(store, dataFile);
  try {
    const started = p.mark(); // request B starts
    store.put(store.newUser(Date.now(), { emails: [{ Type: 'Primary', Value: 'bob@example.com', Verified: true }] }));
    // Request A's commit writes B's change too, and the write fails.
    const restore = patchWriteSync(() => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); });
    const origErr = console.error;
    console.error = () => undefined;
    try {
      await assert.rejects(p.commit(), /ENOSPC/);
      // B finishes later: nothing looks pending, but its change was in the failed write.
      await assert.rejects(p.commit(started), /ENOSPC/, 'not acknowledged while the disk fails');
      await p.commit(p.mark()); // a request that started after the failure and changed nothing is answered
    } finally {
      restore();
      console.error = origErr;
    }
    await p.commit(started); // the disk is back: the whole state is written, then B is answered
    assert.equal(readState(dataFile).users.size, 1);
  } finally {
    p.close();
  }
});
