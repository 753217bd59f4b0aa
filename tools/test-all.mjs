#!/usr/bin/env node
// `npm test`: runs every suite that exists, one after another, streams their output, and ends with one
// plain closing line "N passed, N failed" summed over all suites (a suite without its own counts is one check).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const has = (dir, re) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => re.test(String(f)));

/** Each step: a name, a command, and when it applies. Counts are read from the runners' own summary lines. */
const steps = [
  { name: 'types', cmd: 'npm run -s test:types' },
  { name: 'static', cmd: 'node tools/static-check.mjs', when: () => existsSync('tools/static-check.mjs') },
  { name: 'manifest', cmd: 'node tools/manifest.mjs --check', when: () => existsSync('tools/manifest.mjs') },
  { name: 'emulator', cmd: 'npm run -s test:emulator', when: () => has('test/emulator', /\.test\.ts$/) },
  { name: 'browser', cmd: 'npm run -s test:browser', when: () => has('test/browser', /\.test\.ts$/) },
  { name: 'e2e', cmd: 'npm run -s test:e2e', when: () => has('test/e2e', /\.e2e\.mjs$/) },
];

const only = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0;
const results = [];

for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  if (step.when && !step.when()) continue;
  const t0 = Date.now();
  process.stdout.write(`\n=== ${step.name}: ${step.cmd}\n`);
  const { code, out } = await run(step.cmd);
  const counts = parseCounts(out);
  if (counts) {
    passed += counts.passed; failed += counts.failed; skipped += counts.skipped;
    if (code !== 0 && counts.failed === 0) failed += 1; // a runner that failed without a failing test still fails
  } else {
    code === 0 ? passed++ : failed++;
  }
  results.push({ name: step.name, ok: code === 0, secs: ((Date.now() - t0) / 1000).toFixed(1), counts });
}

process.stdout.write('\n=== summary\n');
for (const r of results) {
  const c = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.skipped ? `, ${r.counts.skipped} skipped` : ''})` : '';
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${c} in ${r.secs}s\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || results.some((r) => !r.ok) ? 1 : 0);

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function parseCounts(out) {
  // node:test spec reporter: "ℹ pass 12" / "ℹ fail 0" / "ℹ skipped 0"
  const np = out.match(/^\S* ?pass (\d+)$/m), nf = out.match(/^\S* ?fail (\d+)$/m);
  if (np && nf) {
    const ns = out.match(/^\S* ?skipped (\d+)$/m);
    return { passed: +np[1], failed: +nf[1], skipped: ns ? +ns[1] : 0 };
  }
  // web-test-runner plain summary reporter and our e2e runner: "wtr: 12 passed, 0 failed[, 1 skipped]"
  const all = [...out.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)];
  if (all.length) {
    const m = all[all.length - 1];
    return { passed: +m[1], failed: +m[2], skipped: m[3] ? +m[3] : 0 };
  }
  return null;
}
