// Build level (issue 14, messages per element): the CDN folder as `vite build --mode cdn` makes it (built here in
// memory), read as a browser would get it. A page with only <lr-login> downloads the loader, its static imports,
// lr-login.js and what lr-login.js imports statically: those files must carry the texts of the shared part and of
// lr-login, and none of the texts that only other elements (or lr-login's lazily loaded steps) show. The lazily
// loaded steps carry their own texts in their own chunks.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'vite';
import { emails } from '../../src/i18n/en/emails.ts';
import { forgot } from '../../src/i18n/en/forgot.ts';
import { handOver } from '../../src/i18n/en/hand-over.ts';
import { link } from '../../src/i18n/en/link.ts';
import { lockout } from '../../src/i18n/en/lockout.ts';
import { login } from '../../src/i18n/en/login.ts';
import { mfa } from '../../src/i18n/en/mfa.ts';
import { mfaSettings } from '../../src/i18n/en/mfa-settings.ts';
import { mfaStep } from '../../src/i18n/en/mfa-step.ts';
import { passwordless } from '../../src/i18n/en/passwordless.ts';
import { profile } from '../../src/i18n/en/profile.ts';
import { register } from '../../src/i18n/en/register.ts';
import { shared } from '../../src/i18n/en/shared.ts';

/** What the login page loads at start, and every other part. */
const START = { shared, login };
const OTHERS = { forgot, lockout, passwordless, register, profile, emails, link, mfa, 'mfa-step': mfaStep, 'mfa-settings': mfaSettings, 'hand-over': handOver };

/** A part's texts (plural forms as their variants) as they appear in built code: long enough to be its own. */
const texts = (table) => Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
  .filter((t) => t.length >= 12 && !/["'`\\]/.test(t));

/** @type {Map<string, {code: string, imports: string[], dynamicImports: string[], moduleIds: string[]}>} */
const files = new Map();
const closure = (file, seen = new Set()) => {
  if (!seen.has(file)) seen.add(file), files.get(file).imports.forEach((f) => closure(f, seen));
  return seen;
};
/** True when `code` has `text` as a whole string literal (not as part of a longer text). */
const hasText = (code, text) => ['"', "'", '`'].some((q) => code.includes(q + text + q));
const chunkOf = (id) => [...files].find(([, c]) => c.moduleIds.some((m) => m.endsWith(id)))?.[0];

before(async () => {
  const out = await build({ configFile: 'vite.config.ts', mode: 'cdn', logLevel: 'silent', build: { write: false } });
  for (const o of (Array.isArray(out) ? out : [out]).flatMap((b) => b.output)) if (o.type === 'chunk') files.set(o.fileName, o);
});

describe('message parts in the CDN build', () => {
  it('a page with only <lr-login> downloads its own and the shared texts, and no text only other parts have', () => {
    const start = closure('lr-login.js', closure('lr-elements.js'));
    const code = [...start].map((f) => files.get(f).code).join('\n');
    for (const [name, table] of Object.entries(START)) {
      for (const t of texts(table)) assert.ok(hasText(code, t), `the ${name} text "${t}" is in the login page's files`);
    }
    const startTexts = new Set(Object.values(START).flatMap(texts));
    let checked = 0;
    for (const [name, table] of Object.entries(OTHERS)) {
      for (const t of texts(table).filter((t) => !startTexts.has(t))) {
        checked++;
        assert.ok(!hasText(code, t), `the ${name} text "${t}" is not in the login page's files (${[...start].join(', ')})`);
      }
    }
    assert.ok(checked > 200, `checked ${checked} texts of other parts`);
    assert.ok(!hasText(code, 'Make new backup codes'), 'an MFA-settings-only text stays out');
    assert.ok(hasText(files.get('lr-mfa-settings.js').code, 'Make new backup codes'), '… and is in its own chunk');
  });

  it('the shared part is in the core chunk, each element part in its element chunk, each lazy step part with its step', () => {
    const core = chunkOf('src/i18n/index.ts');
    assert.match(core, /^chunks\/core-/);
    assert.equal(chunkOf('src/i18n/en/shared.ts'), core);
    for (const [part, tag] of [['login', 'lr-login'], ['register', 'lr-register'], ['profile', 'lr-profile-editor'],
      ['emails', 'lr-email-manager'], ['link', 'lr-email-link'], ['mfa-settings', 'lr-mfa-settings']]) {
      assert.equal(chunkOf(`src/i18n/en/${part}.ts`), `${tag}.js`, `${part} in ${tag}.js`);
    }
    for (const [part, module] of [['forgot', 'src/elements/lr-login/forgot.ts'], ['lockout', 'src/elements/lr-login/lockout.ts'], ['passwordless', 'src/elements/lr-login/passwordless.ts'],
      ['mfa-step', 'src/internal/steps/second-factor/step.ts'], ['hand-over', 'src/internal/steps/hand-over.ts']]) {
      const chunk = chunkOf(`src/i18n/en/${part}.ts`);
      assert.equal(chunk, chunkOf(module), `${part} loads with ${module}`);
      assert.ok(!closure('lr-login.js', closure('lr-elements.js')).has(chunk), `${chunk} is not loaded at start`);
    }
  });
});
