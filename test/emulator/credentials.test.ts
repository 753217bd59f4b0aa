/**
 * Issue 17: the CLI takes the API secret from `LR_API_SECRET` or `--apisecret-file` (warning when others can read
 * the file); `--apisecret` still works with a warning that argv is visible; the same sources for the API key.
 */
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEMO_API_KEY, DEMO_API_SECRET } from '../../emulator/defaults.js';
import { type Child, runBin, startChild } from './child.js';
import { tempDir } from './files.js';
import { M, buildUrl, request } from './helpers.js';

const SECRET = 'f00dfeed-5ec2-4e7a-9c3b-0a1b2c3d4e5f';
const KEY = 'c0ffee00-1111-4222-8333-444455556666';
function file(text: string, mode: number): string {
  const path = join(tempDir(), 'secret');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

/** The Account API answers with `secret` and `key`, and refuses the demo secret; argv holds no secret. */
async function assertUses(c: Child, key: string, secret: string): Promise<void> {
  const sott = (s: string) => fetch(buildUrl(c.url, `${M}/sott`, {}, key), { headers: { 'x-loginradius-apisecret': s } });
  assert.equal((await sott(secret)).status, 200);
  if (secret !== DEMO_API_SECRET) assert.equal((await sott(DEMO_API_SECRET)).status, 400, 'the demo secret is refused');
  if (process.platform === 'linux') {
    const argv = readFileSync(`/proc/${c.child.pid}/cmdline`, 'utf8');
    if (secret !== DEMO_API_SECRET) assert.ok(!argv.includes(secret), 'the secret is not in the process list');
  }
}
const warnings = (c: Child) => c.stderr().split('\n').filter((l) => l.includes('warning'));

test('LR_API_SECRET and LR_API_KEY: used, not in argv, no warning', { timeout: 30_000 }, async (t) => {
  const c = await startChild(t, [], 30_000, { LR_API_SECRET: SECRET, LR_API_KEY: KEY });
  await assertUses(c, KEY, SECRET);
  assert.deepEqual(warnings(c), []);
  const { body } = await request(c.url, 'GET', '/__emulator/status', { query: { apikey: null } });
  assert.equal(body.ok, true);
});

test('--apisecret-file / --apikey-file: used (trailing newline trimmed); a file others can read draws a warning', { timeout: 30_000 }, async (t) => {
  const secretFile = file(`${SECRET}\n`, 0o600), keyFile = file(`${KEY}\n`, 0o644);
  const c = await startChild(t, ['--apisecret-file', secretFile, '--apikey-file', keyFile], 30_000, {});
  await assertUses(c, KEY, SECRET);
  assert.deepEqual(warnings(c), [], 'mode 0600: no warning (and the public key file is not checked)');
  c.child.kill('SIGKILL');

  const open = file(SECRET, 0o644);
  const d = await startChild(t, ['--apisecret-file', open], 30_000, {});
  await assertUses(d, DEMO_API_KEY, SECRET);
  const w = warnings(d);
  assert.equal(w.length, 1);
  assert.equal(w[0], `emulator: warning: ${open} can be read by other users (mode 0644); run chmod 600 ${open}`);
  assert.ok(!d.stderr().includes(SECRET), 'the warning does not print the secret');
});

test('--apisecret still works, with a warning that argv is visible to other users', { timeout: 30_000 }, async (t) => {
  const c = await startChild(t, ['--apisecret', SECRET], 30_000, {});
  const sott = await fetch(buildUrl(c.url, `${M}/sott`, {}, DEMO_API_KEY), { headers: { 'x-loginradius-apisecret': SECRET } });
  assert.equal(sott.status, 200);
  const w = warnings(c);
  assert.equal(w.length, 1);
  assert.match(w[0]!, /--apisecret puts the secret in the process list, where every user of this machine can read it; use LR_API_SECRET or --apisecret-file/);
  assert.ok(!c.stderr().includes(SECRET));
});

test('without any source: the public demo pair', { timeout: 30_000 }, async (t) => {
  const c = await startChild(t, [], 30_000, {});
  await assertUses(c, DEMO_API_KEY, DEMO_API_SECRET);
});

test('a bad secret source is one line and exit 1: unreadable or empty file, flag and file together', { timeout: 30_000 }, async (t) => {
  const missing = await runBin(t, ['--port', '0', '--apisecret-file', '/nonexistent/secret']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trim(), 'emulator: --apisecret-file /nonexistent/secret: cannot be read (ENOENT).');
  const empty = file('\n', 0o600);
  const e = await runBin(t, ['--port', '0', '--apisecret-file', empty]);
  assert.equal(e.code, 1);
  assert.equal(e.stderr.trim(), `emulator: --apisecret-file ${empty}: must hold one value on one line.`);
  const both = await runBin(t, ['--port', '0', '--apisecret', SECRET, '--apisecret-file', file(SECRET, 0o600)]);
  assert.equal(both.code, 1);
  assert.equal(both.stderr.trim(), 'emulator: give --apisecret or --apisecret-file, not both.');
});
