/**
 * The audit log (issue 17): one entry per audited Account / Auth API call, with time, operation, target, outcome
 * and caller, never a secret; stored with the state; bounded; filterable; one log line each with `--log`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_MAX_ENTRIES } from '../../emulator/store.js';
import { startChild } from './child.js';
import { tempDataFile } from './files.js';
import { A, API_KEY, API_SECRET, DELETE_LINK, ISO_DATE, M, PASSWORD, PASSWORD2, assertError, request, start, type AnyJson, type Harness } from './helpers.js';


const audit = async (h: Harness, query = '') => (await h.control('GET', `/audit${query}`)).body.Entries as AnyJson[];

/** Runs `call`, then asserts exactly one new entry and returns it. */
async function one(h: Harness, call: () => Promise<unknown>): Promise<AnyJson> {
  const before = (await audit(h)).length;
  await call();
  const entries = await audit(h);
  assert.equal(entries.length, before + 1, `exactly one entry: ${JSON.stringify(entries.slice(before))}`);
  return entries.at(-1);
}

function expectEntry(e: AnyJson, op: string, uid: string | null, email: string | null, status = 200, code: number | null = null, credential = 'api secret (header)') {
  assert.deepEqual(Object.keys(e).sort(), ['Caller', 'Email', 'ErrorCode', 'Operation', 'Status', 'Time', 'Uid']);
  assert.equal(e.Operation, op);
  assert.equal(e.Uid, uid, `${op}: uid`);
  assert.equal(e.Email, email, `${op}: email`);
  assert.equal(e.Status, status, `${op}: status`);
  assert.equal(e.ErrorCode, code, `${op}: ErrorCode`);
  assert.match(e.Time, ISO_DATE);
  assert.deepEqual(e.Caller, { Address: '127.0.0.1', Credential: credential });
}

test('every audited operation leaves exactly one entry with its fields, and none holds a secret', async (t) => {
  const h = await start(t);
  const admin = (method: string, path: string, opts = {}) => h.admin(method, path, opts);
  let created: AnyJson;
  const ce = await one(h, async () => { created = await h.createUser('ada@example.com'); });
  expectEntry(ce, 'account.create', created.Uid, 'ada@example.com');
  const uid = created.Uid as string;
  const entry = async (op: string, call: () => Promise<AnyJson>, email: string | null = 'ada@example.com', target: string | null = uid, status = 200) => {
    let r: AnyJson;
    const e = await one(h, async () => { r = await call(); });
    assert.equal(r.status, status, r.text);
    expectEntry(e, op, target, email, status);
    return r;
  };

  await entry('account.update', () => admin('PUT', `${M}/${uid}`, { json: { FirstName: 'Ada' } }));
  await entry('account.setPassword', () => admin('PUT', `${M}/${uid}/password`, { json: { password: PASSWORD2 } }));
  await entry('account.readPasswordHash', () => admin('GET', `${M}/${uid}/password`));
  await entry('account.upsertEmail', () => admin('PUT', `${M}/${uid}/email`, { json: { Email: [{ Type: 'Secondary', Value: 'ada2@example.com' }] } }), 'ada2@example.com');
  await entry('account.removeEmail', () => admin('DELETE', `${M}/${uid}/email`, { json: { email: 'ada2@example.com' } }), 'ada2@example.com');
  const sott = await entry('account.sott', () => admin('GET', `${M}/sott`), null, null);
  const imp = await entry('account.accessTokenByUid', () => admin('GET', `${M}/access_token`, { query: { uid } }));
  const forgot = await entry('account.forgotPasswordToken', () => admin('POST', `${M}/forgot/token`, { json: { email: 'ada@example.com' } }));
  const bob = await h.admin('POST', M, { json: { Email: [{ Type: 'Primary', Value: 'bob@example.com' }], Password: PASSWORD } });
  const verify = await entry('account.emailVerificationToken', () => admin('POST', `${M}/verify/token`, { json: { email: 'bob@example.com' } }), 'bob@example.com', bob.body.Uid);

  // Auth API: change password (access token), reset password (reset token), delete account (delete token).
  const token = imp.body.access_token as string;
  let e = await one(h, async () => { assert.equal((await h.api('PUT', `${A}/password/change`, { token, json: { oldpassword: PASSWORD2, newpassword: PASSWORD } })).status, 200); });
  expectEntry(e, 'auth.changePassword', uid, 'ada@example.com', 200, null, 'access token');
  e = await one(h, async () => { assert.equal((await h.api('PUT', `${A}/password/reset`, { json: { resettoken: forgot.body.ForgotToken, password: PASSWORD2 } })).status, 200); });
  expectEntry(e, 'auth.resetPassword', uid, 'ada@example.com', 200, null, 'reset token');
  const { token: t2 } = await h.userWithToken('carol@example.com');
  await h.api('DELETE', `${A}/account`, { token: t2, query: { deleteurl: DELETE_LINK } });
  const [mail] = await h.outbox('carol@example.com');
  const carol = (await h.admin('GET', M, { query: { email: 'carol@example.com' } })).body.Uid;
  e = await one(h, async () => { assert.equal((await h.api('GET', `${A}/account/delete`, { query: { deletetoken: mail.Token } })).status, 200); });
  expectEntry(e, 'auth.deleteAccount', carol, 'carol@example.com', 200, null, 'delete token');

  await entry('account.delete', () => admin('DELETE', `${M}/${bob.body.Uid}`), 'bob@example.com', bob.body.Uid);
  await entry('account.deleteByEmail', () => admin('DELETE', M, { query: { email: 'ada@example.com' } }));

  // Reads of a profile, logins and the like are not audited.
  const count = (await audit(h)).length;
  await h.createUser('dora@example.com');
  await h.admin('GET', M, { query: { email: 'dora@example.com' } });
  await h.login('dora@example.com');
  await h.api('GET', `${A}/email`, { query: { email: 'dora@example.com' } });
  assert.equal((await audit(h)).length, count + 1, 'only the create');

  const all = JSON.stringify(await audit(h));
  for (const secret of [API_SECRET, API_KEY, PASSWORD, PASSWORD2, token, t2, sott.body.Sott, forgot.body.ForgotToken, verify.body.VerificationToken, mail.Token]) {
    assert.ok(!all.includes(secret), `no secret or token in the audit log (${String(secret).slice(0, 6)}…)`);
  }
});

test('refused calls are audited with their outcome and the credential kind', async (t) => {
  const h = await start(t);
  const { Uid } = await h.createUser('ada@example.com');
  let e = await one(h, () => request(h.url, 'DELETE', `${M}/${Uid}`, { headers: { 'x-loginradius-apisecret': 'wrong' } }));
  expectEntry(e, 'account.delete', Uid, 'ada@example.com', 400, 921);
  e = await one(h, () => request(h.url, 'DELETE', `${M}/${Uid}`));
  expectEntry(e, 'account.delete', Uid, 'ada@example.com', 400, 923, 'none');
  e = await one(h, () => h.admin('DELETE', `${M}/nobody`));
  expectEntry(e, 'account.delete', 'nobody', null, 403, 938);
  e = await one(h, () => h.admin('PUT', `${M}/${Uid}`, { raw: '{bad', headers: { 'content-type': 'application/json' } }));
  expectEntry(e, 'account.update', null, null, 400, 1079);
  assert.equal((await h.admin('GET', `${M}/${Uid}`)).status, 200, 'the account is still there');
});

test('GET /__emulator/audit filters by uid, operation and since; bad filters are 908', async (t) => {
  const h = await start(t);
  const a = await h.createUser('ada@example.com');
  const b = await h.createUser('bob@example.com');
  await h.admin('PUT', `${M}/${a.Uid}`, { json: { FirstName: 'Ada' } });
  assert.equal((await audit(h, `?uid=${a.Uid}`)).length, 2);
  assert.equal((await audit(h, `?uid=${b.Uid}`)).length, 1);
  assert.equal((await audit(h, '?operation=account.update')).length, 1);
  assert.equal((await audit(h, `?uid=${a.Uid}&operation=account.create`)).length, 1);
  const last = (await audit(h)).at(-1).Time;
  assert.equal((await audit(h, `?since=${encodeURIComponent(last)}`)).length, 1);
  assert.equal((await audit(h, `?since=${Date.parse(last) + 1}`)).length, 0);
  assertError(await h.control('GET', '/audit?since=yesterday'), 403, 908);
  assertError(await h.control('GET', '/audit?operation=account.nothing'), 403, 908);
});

test('audit entries survive a restart with --data', async (t) => {
  const dataFile = tempDataFile();
  const first = await start(t, { dataFile });
  const { Uid } = await first.createUser('ada@example.com');
  await first.admin('DELETE', `${M}/${Uid}`);
  const entries = await audit(first);
  assert.equal(entries.length, 2);
  await first.emu.close();
  // Without a clean stop too: the entry is committed before its answer, like the change it records.
  const killed = await startChild(t, ['--data', dataFile]);
  const r = await request(killed.url, 'GET', `${M}/sott`, { secret: true });
  assert.equal(r.status, 200);
  killed.child.kill('SIGKILL');
  await killed.exited;
  const again = await start(t, { dataFile });
  const after = await audit(again);
  assert.deepEqual(after.slice(0, 2), entries);
  assert.equal(after.length, 3);
  assert.equal(after[2].Operation, 'account.sott');
});

test('retention: at most 10,000 entries, none older than 30 days', async (t) => {
  const h = await start(t);
  const { store } = h.emu.emu;
  const entry = (i: number, time: string) => ({ Time: time, Operation: 'account.sott', Uid: null, Email: null, Status: 200, ErrorCode: null, Caller: { Address: '127.0.0.1', Credential: `n${i}` } });
  const now = new Date().toISOString();
  for (let i = 0; i < AUDIT_MAX_ENTRIES + 5; i++) store.addAudit(entry(i, now));
  assert.equal(store.audit.length, AUDIT_MAX_ENTRIES);
  assert.equal(store.audit[0]!.Caller.Credential, 'n5', 'the oldest are dropped');
  await h.config({ clockOffsetSeconds: 30 * 86400 + 60 });
  store.addAudit(entry(-1, new Date(h.emu.emu.now()).toISOString()));
  h.emu.emu.prune();
  assert.equal(store.audit.length, 1, 'entries older than 30 days are dropped by the sweep');
});

test('with --log each audited action is one log line', { timeout: 30_000 }, async (t) => {
  const emu = await startChild(t, ['--log']);
  let out = '';
  emu.child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const r = await request(emu.url, 'POST', M, { secret: true, json: { Email: [{ Type: 'Primary', Value: 'ada@example.com' }], Password: PASSWORD } });
  assert.equal(r.status, 200);
  await request(emu.url, 'GET', `${M}/${r.body.Uid}`, { secret: true });
  await new Promise((res) => setTimeout(res, 300));
  const lines = out.split('\n').filter((l) => l.includes('"audit"'));
  assert.equal(lines.length, 1, out);
  const line = JSON.parse(lines[0]!);
  assert.match(line.msg, new RegExp(`^audit account\\.create uid=${r.body.Uid} email=ada@example\\.com → 200 by 127\\.0\\.0\\.1 with api secret \\(header\\)$`));
  assert.ok(!out.includes(API_SECRET), 'the secret is in no log line');
});
