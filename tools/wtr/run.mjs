#!/usr/bin/env node
// `npm run test:browser`: runs @web/test-runner once per browser, one after another (each run starts its
// own emulator; tests reset it and inject faults, so browsers must not share one), then prints one plain
// closing line "wtr: N passed, N failed" summed over the browsers (the `npm test` aggregator parses it).
// Exits non-zero on any failing test or a browser run that ended without results (e.g. failed to start).
//
//   WTR_BROWSER=chrome,firefox,webkit (default) | chrome | firefox | webkit | all
//   extra arguments go to wtr, e.g.  npm run test:browser -- --files 'test/browser/core/*.test.ts'
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WTR_BIN = join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js');

const browsers = (process.env.WTR_BROWSER || 'chrome,firefox,webkit')
  .replace(/^all$/, 'chrome,firefox,webkit')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const args = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'lr-wtr-'));

let passed = 0, failed = 0, skipped = 0;
const lines = [];
for (const browser of browsers) {
  const file = join(dir, `${browser}.json`);
  const t0 = Date.now();
  process.stdout.write(`\n--- wtr ${browser}\n`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WTR_BIN, '--config', join(root, 'web-test-runner.config.mjs'), ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, WTR_BROWSER: browser, WTR_SUMMARY_FILE: file },
    });
    child.on('error', () => resolve(1));
    child.on('close', (c) => resolve(c ?? 1));
  });
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    r = { passed: 0, failed: 0, skipped: 0 };
  }
  // A run that failed without a failing test (browser did not start, crash) still counts as one failure.
  if (code !== 0 && r.failed === 0) r.failed = 1;
  passed += r.passed; failed += r.failed; skipped += r.skipped;
  lines.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${browser}: ${r.passed} passed · ${r.failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`\n${lines.join('\n')}\n`);
process.stdout.write(`wtr: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
