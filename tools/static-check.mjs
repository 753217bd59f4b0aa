#!/usr/bin/env node
// Static security checks over the browser sources (B3-04, B3-07, B2-07): no HTML-string sinks, no inline styles,
// no eval, no polyfills, no blob workers, and never the API secret. Prints one line per finding.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const RULES = [
  [/\bunsafe(HTML|SVG|CSS)\b/, 'unsafeHTML/unsafeSVG/unsafeCSS (Trusted Types bypass)'],
  [/\b(innerHTML|outerHTML|insertAdjacentHTML)\b/, 'HTML string sink'],
  [/document\.write/, 'document.write'],
  [/style=\$\{/, 'inline style binding (needs unsafe-inline)'],
  [/\bstyle\s*=\s*["']/, 'inline style attribute (needs unsafe-inline)'],
  [/\bstyleMap\b/, 'styleMap (writes the style attribute)'],
  [/\beval\s*\(/, 'eval'],
  [/new\s+Function\b/, 'new Function'],
  [/polyfill-support|@webcomponents\//, 'polyfill import (left to the host)'],
  [/createObjectURL|['"]blob:/, 'blob: URL (CSP would need blob:)'],
  [/apisecret|x-loginradius-apisecret/i, 'the API secret has no place in browser code'],
  [/attachShadow\(\s*\{\s*mode:\s*['"]closed/, 'closed shadow root (axe and hosts cannot see it)'],
];

const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|js|mjs|css)$/.test(e.name)) files.push(p);
  }
};
for (const d of ['src', 'dist']) if (existsSync(d)) walk(d);

let findings = 0;
for (const f of files) {
  const lines = readFileSync(f, 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const [re, why] of RULES) {
      // dist/ is minified third-party code too: only the secret rule applies there.
      if (f.startsWith('dist') && !/secret/.test(why)) continue;
      if (re.test(line)) { findings++; console.log(`${f}:${i + 1}: ${why}: ${line.trim().slice(0, 120)}`); }
    }
  });
}
console.log(`static check: ${files.length} files, ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
