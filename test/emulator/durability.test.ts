/**
 * Durability with `--data` (issue 15): an account whose create was answered 2xx survives `kill -9` and SIGTERM
 * under load; a load of reads and refused requests writes nothing. The emulator runs as a child process.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Child, startChild } from './child.js';
import { tempDataFile } from './files.js';
import { readState } from '../../emulator/server.js';
import { A, M, PASSWORD, regBody, request, start } from './helpers.js';

const tempFile = tempDataFile;

/** 20 workers creating accounts until the server goes away; `acked` collects the uids answered 200. */
async function createLoad(url: string, prefix: string, stopped: () => boolean, acked: string[]): Promise<string[]> {
  let n = 0;
  const worker = async () => {
    while (!stopped()) {
      const email = `${prefix}-${n++}@example.com`;
      try {
        const r = await request(url, 'POST', M, { secret: true, json: { Email: [{ Type: 'Primary', Value: email }], Password: PASSWORD, EmailVerified: true } });
        if (r.status === 200) acked.push(r.body.Uid as string);
      } catch {
        return; // the server is gone (killed or closed)
      }
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  return acked;
}

/** Every uid answers 200 on the Account API of a freshly started emulator over the same data file. */
async function assertAllPresent(t: Parameters<typeof startChild>[0], dataFile: string, uids: string[]): Promise<void> {
  const again = await startChild(t, ['--data', dataFile]);
  const missing: string[] = [];
  for (let i = 0; i < uids.length; i += 20) {
    await Promise.all(uids.slice(i, i + 20).map(async (uid) => {
      const r = await request(again.url, 'GET', `${M}/${uid}`, { secret: true });
      if (r.status !== 200) missing.push(uid);
    }));
  }
  assert.deepEqual(missing, [], `${missing.length} of ${uids.length} acknowledged accounts are missing after the restart`);
  again.child.kill('SIGKILL');
  await again.exited;
}

async function loadThenStop(t: Parameters<typeof startChild>[0], dataFile: string, round: string, stop: (c: Child) => void) {
  const emu = await startChild(t, ['--data', dataFile]);
  let done = false;
  const acked: string[] = [];
  const load = createLoad(emu.url, round, () => done, acked);
  // Stop at a random moment once the load runs (at least 10 creates answered, so the stop hits a busy server).
  for (let i = 0; i < 600 && acked.length < 10; i++) await sleep(50);
  await sleep(Math.floor(Math.random() * 300));
  const stopAt = performance.now();
  stop(emu);
  const exit = await emu.exited;
  t.diagnostic(`${round}: ${acked.length} acknowledged, exited ${Math.round(performance.now() - stopAt)} ms after the signal`);
  done = true;
  return { acked: await load, exit };
}

test('kill -9 during a create load, five times: every 2xx-acknowledged account is present after the restart', { timeout: 180_000 }, async (t) => {
  const dataFile = tempFile();
  let total = 0;
  for (let round = 1; round <= 5; round++) {
    const { acked, exit } = await loadThenStop(t, dataFile, `kill${round}`, (c) => c.child.kill('SIGKILL'));
    assert.equal(exit.signal, 'SIGKILL');
    assert.ok(acked.length > 0, `round ${round}: some creates were answered before the kill`);
    total += acked.length;
    await assertAllPresent(t, dataFile, acked);
  }
  t.diagnostic(`${total} acknowledged creates over 5 kills, none lost`);
});

test('SIGTERM under a create load: exit 0, every 2xx-acknowledged account is present after the restart', { timeout: 120_000 }, async (t) => {
  const dataFile = tempFile();
  for (let round = 1; round <= 2; round++) {
    const { acked, exit } = await loadThenStop(t, dataFile, `term${round}`, (c) => c.child.kill('SIGTERM'));
    assert.equal(exit.code, 0, `graceful stop exits 0 (stderr: ${exit.stderr})`);
    assert.ok(acked.length > 0);
    await assertAllPresent(t, dataFile, acked);
  }
});

test('a load of GETs and refused requests writes nothing', { timeout: 60_000 }, async (t) => {
  const dataFile = tempFile();
  const h = await start(t, { dataFile });
  const { token, profile } = await h.userWithToken('ada@example.com');
  const journal = `${dataFile}.journal`;
  const before = { snap: readFileSync(dataFile), journal: readFileSync(journal), mtime: statSync(journal).mtimeMs };
  const reads: (() => Promise<unknown>)[] = [
    () => h.api('GET', `${A}/access_token/validate`, { token }),
    () => h.api('GET', `${A}/account`, { token }),
    () => h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } }),
    () => h.api('GET', '/ciam/appinfo'),
    () => h.admin('GET', `${M}/${profile.Uid}`),
    () => h.admin('GET', M, { query: { email: 'ada@example.com' } }),
    () => h.control('GET', '/status'),
    () => h.control('GET', '/outbox'),
    // Refused: wrong password, unknown token, bad body, taken address.
    () => h.api('POST', `${A}/login`, { json: { email: 'ada@example.com', password: 'Wrong-Password-1' } }),
    () => h.api('GET', `${A}/account`, { token: 'not-a-token' }),
    () => h.api('PUT', `${A}/account`, { token, raw: '{bad json', headers: { 'content-type': 'application/json' } }),
    // (A refused Account API call would write its audit entry: refused calls there are audited on purpose.)
    () => h.register(regBody('ada@example.com')),
  ];
  await h.config({ lockout: { threshold: 0 } });
  for (let i = 0; i < 50; i++) await Promise.all(reads.map((f) => f()));
  const refused = await h.register(regBody('ada@example.com'));
  assert.equal(refused.status, 403, 'the register is refused (936), as the load assumes');
  assert.ok(readFileSync(dataFile).equals(before.snap), 'the snapshot is untouched');
  assert.ok(readFileSync(journal).equals(before.journal), 'nothing was appended to the journal');
  assert.equal(statSync(journal).mtimeMs, before.mtime);
});

test('close() lets a request in flight finish, and cuts one that outlasts the bound', { timeout: 30_000 }, async (t) => {
  const dataFile = tempFile();
  const h = await start(t, { dataFile, closeTimeoutMs: 1000 });
  await h.control('PUT', '/faults', { faults: [{ path: `${M}`, method: 'POST', delayMs: 300, times: 1 }, { path: `${A}/email`, delayMs: 20_000 }] });
  const create = h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'ada@example.com' }], Password: PASSWORD, EmailVerified: true } });
  const slow = h.api('GET', `${A}/email`, { query: { email: 'ada@example.com' } }).then(() => 'answered', () => 'cut');
  await sleep(50);
  const t0 = performance.now();
  await h.emu.close();
  const took = performance.now() - t0;
  const created = await create;
  assert.equal(created.status, 200, 'the request in flight finished');
  assert.equal(await slow, 'cut');
  assert.ok(took >= 250 && took < 5000, `close waited for the first and cut the second at the bound (${Math.round(took)} ms)`);
  assert.ok(readState(dataFile).users.has(created.body.Uid), 'and its change is on disk');
});
