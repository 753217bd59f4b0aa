/**
 * `npm start`: the embedded emulator plus the Vite dev server for demo/ (served at the root URL), in one process.
 * The demo's SOTT comes from the demo backend (tools/demo-backend.ts), which asks the emulator's Account API
 * server-side, as a site's backend would: the API secret stays in this Node process. It is read from the
 * environment (`LR_API_SECRET`, `LR_API_KEY`; the emulator's public demo credentials by default) and never put on a
 * command line, so `ps` shows none.
 */
import { createServer as createNetServer } from 'node:net';
import { createServer } from 'vite';
import { DEFAULT_PORT, DEMO_API_KEY, DEMO_API_SECRET } from '../emulator/defaults.js';
import { createEmulator } from '../emulator/server.js';
import { demoBackend } from './demo-backend.js';

const portFree = (port: number) => new Promise<boolean>((resolve) => {
  const s = createNetServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
});

const apiKey = process.env.LR_API_KEY || DEMO_API_KEY;
const apiSecret = process.env.LR_API_SECRET || DEMO_API_SECRET;
const emuPort = Number(process.env.EMULATOR_PORT ?? DEFAULT_PORT);
const emulator = createEmulator({
  apiKey,
  apiSecret,
  // The demo site turns LoginRadius's strong password policy on (length, a number and a symbol, no common password).
  passwordPolicy: { minLength: 10, maxLength: 64, complexity: true, commonPasswordProtection: true },
  ...(process.env.EMULATOR_DATA ? { dataFile: process.env.EMULATOR_DATA } : {}),
});
const apiBase = await emulator.listen({ port: (await portFree(emuPort)) ? emuPort : 0 });

const vite = await createServer({
  configFile: 'vite.config.ts',
  root: 'demo',
  plugins: [demoBackend({ apiBase, apiKey, apiSecret })],
  // cors: false — the demo's pages are same-origin; no other origin may read the demo backend's answers.
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false, cors: false },
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`\n  lr-elements demo:  ${url}\n  emulator:          ${apiBase}  (apikey ${apiKey})\n`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    void Promise.all([vite.close(), emulator.close()]).then(() => process.exit(0));
  });
}
