import { readdirSync } from 'node:fs';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';

/** Every browser module under src/ (tests and the CDN entries excluded) becomes an entry of the unbundled ESM build. */
function sourceEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const f of readdirSync('src', { recursive: true }) as string[]) {
    if (f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('.test.') && !/^cdn[\\/]/.test(f)) entries[f.replace(/\.ts$/, '')] = `src/${f}`;
  }
  return entries;
}

const DEPS_ID = 'virtual:lr-chunk-deps';
const DEPS_MARK = '__LR_CHUNK_DEPS__';
/**
 * `import chunkDeps from 'virtual:lr-chunk-deps'` (src/cdn/autoload.ts): for each chunk the loader imports
 * dynamically (by chunk name, e.g. `lr-login`), the shared chunks it imports directly or further down, as URLs
 * relative to the loader, leaving out what the loader's own static imports already load. Filled in once the
 * chunks and their file names are known; the bundler puts the hashes in afterwards.
 */
function chunkDeps(): Plugin {
  return {
    name: 'lr-chunk-deps',
    resolveId: (id) => (id === DEPS_ID ? `\0${DEPS_ID}` : null),
    load: (id) => (id === `\0${DEPS_ID}` ? `export default ${DEPS_MARK};\n` : null),
    renderChunk(code, chunk, _options, { chunks }) {
      if (!code.includes(DEPS_MARK)) return null;
      const closure = (file: string, seen = new Set<string>()): Set<string> => {
        for (const f of chunks[file]?.imports ?? []) if (!seen.has(f)) closure(f, seen.add(f));
        return seen;
      };
      const loaded = closure(chunk.fileName);
      const deps = Object.fromEntries(chunk.dynamicImports.map((f) => [chunks[f]!.name, [...closure(f)].filter((d) => !loaded.has(d))]));
      // The mark stands alone at the end of its line, so the source map stays right without a new one.
      return { code: code.replace(DEPS_MARK, JSON.stringify(deps)), map: null };
    },
  };
}

/**
 * What the CDN build's `core` chunk holds: everything an element page loads whatever its elements, in one file
 * that the loader imports. The bundler's own runtime helpers join it by themselves once no other chunk needs them.
 */
const CORE_CHUNK = [
  // The page-wide API, the session and the calls it makes (`request.ts`), messages (not the keep-alive, loaded once
  // signed in, nor the calls of the MFA steps, SOTT, passwordless sign-in and the areas of `client.ts`, which follow
  // the elements that make them), the English texts every element shares, `defineElement`.
  /[\\/]src[\\/]core[\\/](?!mfa-steps|sott|keep-alive|passwordless|client|registration|security-questions|account|emails|link-tokens|tokens)/,
  /[\\/]src[\\/]i18n[\\/](?!en[\\/](?!shared\.))/,
  /[\\/]src[\\/](internal[\\/]define|cdn[\\/]sott)\.ts$/,
  // Lit, idb-keyval and the decorator helper (not the QR library: only the MFA setup step uses it).
  /[\\/]node_modules[\\/](?!uqr[\\/])|^\0@oxc-project/,
  // The code every element imports, and the second step's entry that lr-login imports: 0.24 KB more here, where a
  // file of its own cost the login page 0.5 KB and a request.
  /[\\/]src[\\/](styles[\\/]|internal[\\/](lr-element|adopt-styles|session-controller|countdown|cooldowns|field|templates|validation|controllers[\\/](action|errors)|steps[\\/](lazy(-resend)?|second-factor[\\/]index))\.ts$)/,
];

/** What both CDN builds share: minified es2022 with source maps into dist/cdn. */
const cdnBuild = { outDir: 'dist/cdn', target: 'es2022', minify: true, sourcemap: true } satisfies BuildEnvironmentOptions;

// `vite build`                   -> dist/: unbundled ESM, one file per source module, lit and idb-keyval left as imports
// `vite build --mode cdn`        -> dist/cdn/: lr-elements.js (the autoloader, src/cdn/lr-elements.ts), one chunk
//                                   per element (lr-login.js, …) and shared chunks (chunks/core-*.js, …)
// `vite build --mode cdn-bundle` -> dist/cdn/lr-elements.bundle.js: one self-contained module with every element
//                                   (run after `--mode cdn`, which empties dist/cdn)
export default defineConfig(({ mode }) => ({
  server: { host: '127.0.0.1', port: 5173 },
  // The CDN files' html`` and css`` templates are minified (whitespace, comments; CSS through lightningcss); the
  // loader learns which shared chunks each element chunk imports (its modulepreload hints).
  plugins: mode.startsWith('cdn') ? [minifyLiterals({ failOnError: true }), chunkDeps()] : [],
  build: mode === 'cdn'
    ? {
        ...cdnBuild,
        emptyOutDir: true,
        lib: { entry: { 'lr-elements': 'src/cdn/lr-elements.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
        rolldownOptions: {
          output: {
            minify: true,
            // Element chunks keep their tag's name (a host can preload one by hand); shared chunks are hashed.
            chunkFileNames: (c) => (/[\\/]elements[\\/](lr-[a-z-]+)[\\/]\1\.ts$/.test(c.facadeModuleId ?? '') ? '[name].js' : 'chunks/[name]-[hash].js'),
            // Shared chunks, as few files as the split allows (each file is compressed on its own, and every request
            // costs a round trip), and none that a page's elements do not use: `core` (CORE_CHUNK) is what every
            // element page loads, the loader's own import; `signed-in` is what the elements that show a signed-in
            // user's data share. Everything else (the SOTT helpers, the API calls by area, the lazily loaded steps
            // and the QR library only they use, what only one element imports) follows its importers: the bundler's
            // automatic split puts it in the element's chunk or in a chunk of those that import it.
            codeSplitting: {
              groups: [
                { name: 'core', test: (id) => CORE_CHUNK.some((re) => re.test(id)) },
                { name: 'signed-in', test: /[\\/]src[\\/]internal[\\/]controllers[\\/](signed-in-data|signed-in-view|shown-on-field|refocus)\.ts$/ },
              ],
            },
          },
        },
      }
    : mode === 'cdn-bundle'
      ? {
          ...cdnBuild,
          emptyOutDir: false,
          lib: { entry: 'src/cdn/lr-elements.bundle.ts', formats: ['es'], fileName: () => 'lr-elements.bundle.js' },
          // Lib mode keeps whitespace in "es" output unless the output itself is minified.
          rolldownOptions: { output: { minify: true, codeSplitting: false } },
        }
      : {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          minify: false,
          sourcemap: true,
          lib: { entry: sourceEntries(), formats: ['es'] },
          rolldownOptions: {
            external: [/^lit($|\/)/, /^@lit\//, /^idb-keyval($|\/)/, /^uqr$/],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
        },
}));
