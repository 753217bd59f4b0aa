/**
 * `npm run bench:emulator [-- --duration 5 --connections 10 --json]`
 *
 * Starts the emulator CLI in a child process on 127.0.0.1 (default password-hash cost, rate limits off), creates a
 * verified account through the Account API, then drives it with autocannon: validate-token and read-profile
 * (latency p50/p99 and requests/s), and login at the default scrypt cost (N=2^17). Prints numbers; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { SCRYPT_PARAMS } from './crypto.js';
import { DEMO_API_KEY, DEMO_API_SECRET } from './defaults.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench:emulator [-- --duration SECONDS] [--connections N] [--json]');
  process.exit(0);
}
const duration = Math.max(1, Number(values.duration) || 5);
const connections = Math.max(1, Number(values.connections) || 10);
const log = (line: string) => { if (!values.json) console.error(line); };

/** Starts `emulator/bin.ts` and resolves with its URL (the one line it prints when ready). */
function startEmulator(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./bin.ts', import.meta.url).pathname, '--port', '0', '--no-rate-limit', '--verification-flow', 'disabled'], {
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

const { url, child } = await startEmulator();
try {
  const key = `apikey=${encodeURIComponent(DEMO_API_KEY)}`;
  const email = 'bench@example.com';
  const password = 'Bench-Mark-Password-2026';
  log(`emulator at ${url}; creating a verified account (one scrypt hash at the default cost)...`);
  await call(`${url}/identity/v2/manage/account?${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-loginradius-apisecret': DEMO_API_SECRET },
    body: JSON.stringify({ Email: [{ Type: 'Primary', Value: email }], Password: password, EmailVerified: true, FirstName: 'Bench' }),
  });
  const loginBody = JSON.stringify({ email, password });
  const login = await call(`${url}/identity/v2/auth/login?${key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody });
  const auth = { authorization: `Bearer ${String(login.access_token)}` };

  const threadpool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const rows: Row[] = [];
  const run = async (name: string, opts: Parameters<typeof autocannon>[0]) => {
    const conns = opts.connections ?? connections;
    log(`${name}: ${conns} connections for ${duration} s...`);
    const r = await autocannon({ connections, duration, timeout: 30, ...opts });
    rows.push(row(name, conns, r));
  };
  // Warm-up (JIT, connection setup) on both read endpoints, not reported.
  for (const path of ['access_token/validate', 'account']) {
    await autocannon({ url: `${url}/identity/v2/auth/${path}?${key}`, headers: auth, connections, duration: 1 });
  }

  await run('validate-token', { url: `${url}/identity/v2/auth/access_token/validate?${key}`, headers: auth });
  await run('read-profile', { url: `${url}/identity/v2/auth/account?${key}`, headers: auth });
  // Each login costs one scrypt on libuv's thread pool: more connections than pool threads only add queueing.
  await run(`login (scrypt N=2^${SCRYPT_PARAMS.default.ln})`, {
    url: `${url}/identity/v2/auth/login?${key}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody,
    connections: Math.min(connections, threadpool),
  });

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
    console.log(JSON.stringify({ ...meta, results: rows }, null, 2));
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
  }
} finally {
  child.kill('SIGTERM');
}
