#!/usr/bin/env node
// Generates custom-elements.json with @custom-elements-manifest/analyzer; `--check` fails if the committed one is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
// The analyzer resolves --outdir against the project (even an absolute path), so use a git-ignored relative one.
const out = join('.cache', `cem-${process.pid}`);
try {
  execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  const fresh = `${JSON.stringify(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')), null, 2)}\n`;
  if (check) {
    const current = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
    if (current !== fresh) {
      console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
      process.exit(1);
    }
    console.log('custom-elements.json is up to date');
  } else {
    writeFileSync('custom-elements.json', fresh);
    const m = JSON.parse(fresh);
    const tags = m.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
    console.log(`custom-elements.json written: ${tags.join(', ')}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
