/**
 * `npm start`: the embedded emulator plus the Vite dev server for demo/, in one process.
 * The demo's SOTT comes from a demo-only endpoint that asks the emulator's Account API server-side (as a site's
 * backend would): the API secret stays in this Node process.
 */
import { createServer as createNetServer } from 'node:net';
import { createServer, type Plugin } from 'vite';
import { DEFAULT_PORT, DEMO_API_KEY, DEMO_API_SECRET } from '../emulator/defaults.js';
import { createEmulator } from '../emulator/server.js';

const portFree = (port: number) => new Promise<boolean>((resolve) => {
  const s = createNetServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
});

const emuPort = Number(process.env.EMULATOR_PORT ?? DEFAULT_PORT);
const emulator = createEmulator({
  apiKey: DEMO_API_KEY,
  apiSecret: DEMO_API_SECRET,
  ...(process.env.EMULATOR_DATA ? { dataFile: process.env.EMULATOR_DATA } : {}),
});
const apiBase = await emulator.listen({ port: (await portFree(emuPort)) ? emuPort : 0 });

/** Demo-only backend: what a site's server would do with its API secret. Never shipped. */
export function demoBackend(base: string): Plugin {
  return {
    name: 'lr-demo-backend',
    configureServer(server) {
      server.middlewares.use('/demo-api/config', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ apiBase: base, apiKey: DEMO_API_KEY }));
      });
      server.middlewares.use('/demo-api/sott', async (_req, res) => {
        const r = await fetch(`${base}/identity/v2/manage/account/sott?apikey=${DEMO_API_KEY}`, {
          headers: { 'X-LoginRadius-ApiSecret': DEMO_API_SECRET },
        });
        res.statusCode = r.status;
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(await r.text());
      });
    },
  };
}

const vite = await createServer({
  configFile: 'vite.config.ts',
  plugins: [demoBackend(apiBase)],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false },
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`\n  lr-elements demo:  ${url}demo/\n  emulator:          ${apiBase}  (apikey ${DEMO_API_KEY})\n`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    void Promise.all([vite.close(), emulator.close()]).then(() => process.exit(0));
  });
}
