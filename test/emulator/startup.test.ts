/**
 * Start-up errors (issue 15): an unreadable, corrupt or unknown-version data file is one line on stderr (what is
 * wrong, which file, how to fix it), exit 1, and the file is kept as it was. No stack trace.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readState } from '../../emulator/server.js';
import { runBin, startChild } from './child.js';
import { tempDir } from './files.js';
import { start } from './helpers.js';

const USER = { Uid: 'u1', ID: 'i1', emails: [{ Type: 'Primary', Value: 'ada@example.com', Verified: true }], passwordHash: null, UserName: null, PhoneId: null, fields: {}, IsActive: true, IsLoginLocked: false, CreatedDate: '2026-01-01T00:00:00.000Z', ModifiedDate: '2026-01-01T00:00:00.000Z', LastLoginDate: null, LastPasswordChangeDate: null, NoOfLogins: 0, RegistrationSource: 'API', securityAnswers: {} };
const GOOD = JSON.stringify({ version: 1, users: [USER], tokens: [], oneTime: [], outbox: [] });

const cases: [what: string, files: Record<string, string>, expect: RegExp][] = [
  ['corrupt JSON', { 'state.json': '{"version":1,"users":[' }, /state\.json is not valid JSON/],
  ['an empty file', { 'state.json': '' }, /state\.json is empty/],
  ['an unknown version', { 'state.json': '{"version":2,"users":[],"tokens":[],"oneTime":[],"outbox":[]}' }, /state\.json has data file version 2, this emulator reads version 1/],
  ['not a data file', { 'state.json': '[1,2,3]' }, /state\.json is not an emulator data file/],
  ['a corrupt journal line (not the last)', { 'state.json': GOOD, 'state.json.journal': '{"s":1,"ops":[]}\n{"s":2,"op\n{"s":3,"ops":[]}\n' }, /state\.json\.journal line 2 is corrupt/],
];

for (const [what, files, expect] of cases) {
  test(`start-up with ${what}: one line, exit 1, the file kept`, { timeout: 30_000 }, async (t) => {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { code, stderr } = await runBin(t, ['--port', '0', '--data', join(dir, 'state.json')]);
    assert.equal(code, 1);
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, `one line, got: ${stderr}`);
    assert.match(lines[0]!, /^emulator: data file /);
    assert.match(lines[0]!, expect);
    assert.match(lines[0]!, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'names the file');
    assert.match(lines[0]!, /Move it away|Use the emulator version/, 'says how to fix it');
    assert.doesNotMatch(stderr, /\n\s+at |node:internal|\.ts:\d+/, 'no stack trace');
    for (const [name, text] of Object.entries(files)) assert.equal(readFileSync(join(dir, name), 'utf8'), text, `${name} is kept as it was`);
  });
}

test('start-up with a folder as the data file, or an unknown option: one line, exit 1', { timeout: 30_000 }, async (t) => {
  const dir = tempDir();
  mkdirSync(join(dir, 'state.json'));
  const folder = await runBin(t, ['--port', '0', '--data', join(dir, 'state.json')]);
  assert.equal(folder.code, 1);
  assert.match(folder.stderr, /^emulator: data file .*state\.json is a folder, not a data file\. Give --data a file name/);
  assert.equal(folder.stderr.trimEnd().split('\n').length, 1);
  const bad = await runBin(t, ['--port', 'x']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^emulator: --port must be a number/);
  const unknown = await runBin(t, ['--bogus']);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr.trimEnd().split('\n').length, 1);
});

test('a port in use: one line, exit 1', { timeout: 30_000 }, async (t) => {
  const first = await startChild(t, []);
  const port = new URL(first.url).port;
  const second = await runBin(t, ['--port', port]);
  assert.equal(second.code, 1);
  assert.match(second.stderr, new RegExp(`^emulator: port ${port} on 127\\.0\\.0\\.1 is in use`));
  assert.equal(second.stderr.trimEnd().split('\n').length, 1);
});

test('a torn last journal line (a crash mid-write, never acknowledged) is ignored; the rest loads', async (t) => {
  const dir = tempDir();
  const file = join(dir, 'state.json');
  writeFileSync(file, JSON.stringify({ version: 1, seq: 0, users: [], tokens: [], oneTime: [], outbox: [] }));
  writeFileSync(`${file}.journal`, `${JSON.stringify({ s: 1, ops: [['u', USER]] })}\n{"s":2,"ops":[["u",{"Uid":"u2"`);
  assert.deepEqual([...readState(file).users.keys()], ['u1']);
  const h = await start(t, { dataFile: file });
  assert.equal((await h.control('GET', '/status')).body.users, 1);
  await h.emu.close();
  assert.equal(readFileSync(`${file}.journal`, 'utf8'), '', 'folded into the snapshot on close');
  assert.deepEqual([...readState(file).users.keys()], ['u1']);
});
