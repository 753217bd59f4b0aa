#!/usr/bin/env node
// Static security checks over the browser sources (B3-04, B3-07, B2-07): no HTML-string sinks, no inline styles,
// no eval, no polyfills, no blob workers, and never the API secret; and every message key a module names is in a
// message part it loads (issue 14). Prints one line per finding.
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

// Issue 14: the English texts come in parts (src/i18n/en/<part>.ts), each loading with the module that imports it.
// A module naming a key of a part other than `shared` must import that part, itself or through a module it loads
// with import() before using the key; otherwise the key would be missing from its chunk.
const partDir = join('src', 'i18n', 'en');
const partOf = new Map();
for (const f of readdirSync(partDir)) {
  for (const [, key] of readFileSync(join(partDir, f), 'utf8').matchAll(/^\s*'([\w.]+)':/gm)) partOf.set(key, f.replace(/\.ts$/, ''));
}
const partsOf = (text) => new Set([...text.matchAll(/i18n\/en\/([\w-]+)\.js'/g)].map((m) => m[1]));
for (const f of files.filter((f) => f.startsWith('src') && f.endsWith('.ts') && !f.startsWith(join('src', 'i18n')))) {
  const text = readFileSync(f, 'utf8');
  const parts = partsOf(text);
  for (const [, spec] of text.matchAll(/\bimport\(\s*'(\.[^']+)\.js'\s*\)/g)) {
    const target = join(f, '..', `${spec}.ts`);
    if (existsSync(target)) for (const p of partsOf(readFileSync(target, 'utf8'))) parts.add(p);
  }
  text.split('\n').forEach((line, i) => {
    for (const [, key] of line.matchAll(/'([\w]+\.[\w.]+)'/g)) {
      const part = partOf.get(key);
      if (part && part !== 'shared' && !parts.has(part)) {
        findings++;
        console.log(`${f}:${i + 1}: message '${key}' is in part '${part}', which this module does not import (src/i18n/en/${part}.ts)`);
      }
    }
  });
}

console.log(`static check: ${files.length} files, ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
