/**
 * `npm run bench:emulator [-- --duration 5 --connections 10 --rss-seconds 60 --json]`
 *
 * Starts the emulator CLI in a child process on 127.0.0.1 (rate limits off), twice: without and with `--data`
 * (the fsync'd journal). Each time: validate-token and read-profile (reads, nothing written), update-profile (one
 * journal write per request with `--data`) and login at the default scrypt cost (N=2^17). Then two memory runs of
 * logins with 1-second access tokens for `--rss-seconds` each (cheap hashing so logins are many): the RSS of the CLI,
 * and the JS heap the emulator retains (after a full GC, in this process), as growth per 10k logins after a
 * warm-up. Prints numbers; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon, { type Result } from 'autocannon';
import { SCRYPT_PARAMS } from './crypto.js';
import { DEMO_API_KEY, DEMO_API_SECRET } from './defaults.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    'rss-seconds': { type: 'string', default: '60' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench:emulator [-- --duration SECONDS] [--connections N] [--rss-seconds SECONDS] [--json]');
  process.exit(0);
}
const duration = Math.max(1, Number(values.duration) || 5);
const connections = Math.max(1, Number(values.connections) || 10);
const rssSeconds = Math.max(5, Number(values['rss-seconds']) || 60);
const log = (line: string) => { if (!values.json) console.error(line); };

/** Starts `emulator/bin.ts` and resolves with its URL (the one line it prints when ready). */
function startEmulator(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./bin.ts', import.meta.url).pathname, '--port', '0', '--no-rate-limit', '--verification-flow', 'disabled', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready: ${out}`)));
  });
}

/** SIGTERM, then wait for the exit (the final write with `--data`). */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
}

async function call(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const r = await fetch(url, init);
  const body = (await r.json()) as Record<string, unknown>;
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${r.status} ${JSON.stringify(body)}`);
  return body;
}

interface Row { name: string; connections: number; rps: number; p50: number; p99: number; mean: number; requests: number; non2xx: number; errors: number }

function row(name: string, conns: number, r: Result): Row {
  return {
    name,
    connections: conns,
    rps: Math.round(r.requests.average * 10) / 10,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: Math.round(r.latency.mean * 100) / 100,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

const key = `apikey=${encodeURIComponent(DEMO_API_KEY)}`;
const email = 'bench@example.com';
const password = 'Bench-Mark-Password-2026';
const json = { 'content-type': 'application/json' };
const threadpool = Number(process.env.UV_THREADPOOL_SIZE) || 4;

/** Creates the bench account and signs it in; returns the Authorization header. */
async function account(url: string): Promise<Record<string, string>> {
  await call(`${url}/identity/v2/manage/account?${key}`, {
    method: 'POST', headers: { ...json, 'x-loginradius-apisecret': DEMO_API_SECRET },
    body: JSON.stringify({ Email: [{ Type: 'Primary', Value: email }], Password: password, EmailVerified: true, FirstName: 'Bench' }),
  });
  const login = await call(`${url}/identity/v2/auth/login?${key}`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  return { authorization: `Bearer ${String(login.access_token)}` };
}

/** The four endpoint rows against one emulator (`mode` names it in the table). */
async function endpoints(mode: string, args: string[], rows: Row[]): Promise<void> {
  const { url, child } = await startEmulator(args);
  try {
    log(`${mode}: emulator at ${url}; creating a verified account (one scrypt hash at the default cost)...`);
    const auth = await account(url);
    const run = async (name: string, opts: Parameters<typeof autocannon>[0]) => {
      const conns = opts.connections ?? connections;
      log(`${mode} ${name}: ${conns} connections for ${duration} s...`);
      const r = await autocannon({ connections, duration, timeout: 30, ...opts });
      rows.push(row(`${name} ${mode}`, conns, r));
    };
    // Warm-up (JIT, connection setup) on both read endpoints, not reported.
    for (const path of ['access_token/validate', 'account']) {
      await autocannon({ url: `${url}/identity/v2/auth/${path}?${key}`, headers: auth, connections, duration: 1 });
    }
    await run('validate-token', { url: `${url}/identity/v2/auth/access_token/validate?${key}`, headers: auth });
    await run('read-profile', { url: `${url}/identity/v2/auth/account?${key}`, headers: auth });
    await run('update-profile', {
      url: `${url}/identity/v2/auth/account?${key}`, method: 'PUT', headers: { ...auth, ...json },
      body: JSON.stringify({ FirstName: 'Bench' }), // ModifiedDate changes, so each one is a write
    });
    // Each login costs one scrypt on libuv's thread pool: more connections than pool threads only add queueing.
    await run(`login (scrypt N=2^${SCRYPT_PARAMS.default.ln})`, {
      url: `${url}/identity/v2/auth/login?${key}`, method: 'POST', headers: json, body: JSON.stringify({ email, password }),
      connections: Math.min(connections, threadpool),
    });
  } finally {
    await stop(child);
  }
}

interface Memory { logins: number; seconds: number; startMiB: number; endMiB: number; perTenKMiB: number; maxTokens: number }

/** Least-squares slope of `y` over `x`. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length, my = ys.reduce((a, b) => a + b, 0) / ys.length;
  return xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
}

/**
 * Logins with 1-second tokens (grace 5 s) after a warm-up, against `url`. `measure()` is sampled every second with
 * the token count; the growth per 10k logins is the least-squares slope over the logins made (at a steady rate) in
 * the second half of the run, so a heap still settling at the start does not count.
 */
async function loginLoad(url: string, measure: () => Promise<number>): Promise<Memory> {
  await account(url);
  await call(`${url}/__emulator/config`, { method: 'PUT', headers: json, body: JSON.stringify({ accessTokenLifetimeSeconds: 1, expiredTokenGraceSeconds: 5 }) });
  const login = { url: `${url}/identity/v2/auth/login?${key}`, method: 'POST' as const, headers: json, body: JSON.stringify({ email, password }), connections: threadpool };
  await autocannon({ ...login, duration: Math.min(20, Math.round(rssSeconds / 3)) });
  const samples: { t: number; bytes: number; tokens: number }[] = [];
  const t0 = performance.now();
  const sample = async () => {
    const st = await call(`${url}/__emulator/status`);
    samples.push({ t: (performance.now() - t0) / 1000, bytes: await measure(), tokens: Number(st.tokens) });
  };
  await sample();
  const timer = setInterval(() => void sample(), 1000);
  const r = await autocannon({ ...login, duration: rssSeconds });
  clearInterval(timer);
  await sample();
  const logins = r.requests.total - r.non2xx;
  const late = samples.filter((x) => x.t >= rssSeconds / 2);
  const perLogin = slope(late.map((x) => (x.t * logins) / rssSeconds), late.map((x) => x.bytes / 1048576));
  const mib = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return {
    logins, seconds: rssSeconds, startMiB: mib(samples[0]!.bytes), endMiB: mib(samples.at(-1)!.bytes),
    perTenKMiB: Math.round(perLogin * 10_000 * 100) / 100, maxTokens: Math.max(...samples.map((x) => x.tokens)),
  };
}

/** RSS of the emulator CLI in its own process (what the issue measures). */
async function rssRun(): Promise<Memory> {
  const { url, child } = await startEmulator(['--fast-hash']);
  try {
    return await loginLoad(url, async () => Number((await call(`${url}/__emulator/status`)).rssBytes));
  } finally {
    await stop(child);
  }
}

/** The retained JS heap after a full GC, with the emulator in this process: what the emulator keeps, nothing else. */
async function heapRun(): Promise<Memory> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const { createEmulator } = await import('./server.js');
  const emu = createEmulator({ hashCost: 'fast', rateLimit: false, verificationFlow: 'disabled' });
  const url = await emu.listen();
  try {
    return await loginLoad(url, async () => { gc(); gc(); return process.memoryUsage().heapUsed; });
  } finally {
    await emu.close();
  }
}

const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'lr-emu-bench-'));
try {
  await endpoints('(memory only)', [], rows);
  await endpoints('(--data)', ['--data', join(dir, 'state.json')], rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
log(`memory: logins with 1-second tokens, ${rssSeconds} s each: the CLI's RSS, then the retained heap in this process...`);
const mem = await rssRun();
const heap = await heapRun();
const rps = (name: string) => rows.find((r) => r.name === name)?.rps ?? 0;
const validateCost = Math.round((1 - rps('validate-token (--data)') / rps('validate-token (memory only)')) * 1000) / 10;

const meta = {
  node: process.version,
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  connections,
  durationSeconds: duration,
  hash: `scrypt ln=${SCRYPT_PARAMS.default.ln} r=${SCRYPT_PARAMS.default.r} p=${SCRYPT_PARAMS.default.p}`,
  threadpool,
};
if (values.json) {
  console.log(JSON.stringify({ ...meta, results: rows, validateTokenCostWithDataPercent: validateCost, memory: { rss: mem, retainedHeap: heap } }, null, 2));
} else {
  console.log(`\nlr-elements emulator benchmark: Node ${meta.node}, ${meta.cpus} CPU (${meta.cpu}), ${duration} s per endpoint`);
  console.log(`login hashes with ${meta.hash} on libuv's thread pool (${meta.threadpool} threads)\n`);
  const head = ['endpoint', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'requests', 'non-2xx', 'errors'];
  const cells = rows.map((r) => [r.name, r.connections, r.rps, r.p50, r.p99, r.mean, r.requests, r.non2xx, r.errors].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
  console.log(`\nvalidate-token with --data: ${validateCost > 0 ? `${validateCost} % slower` : `${-validateCost} % faster`} than without (reads write nothing)`);
  const line2 = (what: string, m: Memory) => console.log(`${what}: ${m.logins} logins in ${m.seconds} s with 1-second tokens (grace 5 s): ` +
    `${m.startMiB} → ${m.endMiB} MiB, ${m.perTenKMiB} MiB per 10k logins (slope over the second half); at most ${m.maxTokens} tokens held`);
  line2('memory, RSS of the CLI', mem);
  line2('memory, retained heap after GC', heap);
}
