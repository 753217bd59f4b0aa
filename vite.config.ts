import { readdirSync } from 'node:fs';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig } from 'vite';

/** Every browser module under src/ (tests excluded) becomes an entry of the unbundled ESM build. */
function sourceEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const f of readdirSync('src', { recursive: true }) as string[]) {
    if (f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('.test.')) entries[f.replace(/\.ts$/, '')] = `src/${f}`;
  }
  return entries;
}

// `vite` (dev)            -> serves demo/ (npm start adds the emulator and the demo-only backend, tools/start.ts)
// `vite build`            -> dist/: unbundled ESM, one file per source module, lit and idb-keyval left as imports
// `vite build --mode cdn` -> dist/cdn/lr-elements.js: one self-contained minified ES module defining every element
export default defineConfig(({ mode }) => ({
  server: { host: '127.0.0.1', port: 5173 },
  // The CDN file's html`` and css`` templates are minified (whitespace, comments; CSS through lightningcss).
  plugins: mode === 'cdn' ? [minifyLiterals({ failOnError: true })] : [],
  build: mode === 'cdn'
    ? {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap: true,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'lr-elements.js' },
        // Lib mode keeps whitespace in "es" output unless the output itself is minified.
        rolldownOptions: { output: { minify: true } },
      }
    : {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: { entry: sourceEntries(), formats: ['es'] },
        rolldownOptions: {
          external: [/^lit($|\/)/, /^@lit\//, /^idb-keyval($|\/)/],
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
}));
