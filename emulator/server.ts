/**
 * The LoginRadius-compatible emulator: `createEmulator(options)` builds a fastify app and starts nothing;
 * `await emu.listen()` binds 127.0.0.1 (port 0 by default) and returns the base URL.
 *
 * Layout: state (`state.ts`, `store.ts`) → app (fastify options and the `http/` hooks) → routes (`routes/`, one
 * table per API) → listen / close.
 */
import Fastify from 'fastify';
import { installAudit } from './audit.js';
import type { App, Emu, EmulatorOptions } from './context.js';
import { installJsonParser } from './http/body.js';
import { installCors } from './http/cors.js';
import { frameworkErrors, installErrorHandling, installNotFound } from './http/errors.js';
import { installFaults } from './http/faults.js';
import { installHostCheck } from './http/host.js';
import { parseQuery } from './http/params.js';
import { installRequestLog } from './http/request-log.js';
import { createRouter } from './http/router.js';
import { openPersistence } from './persist.js';
import { accountRoutes } from './routes/account.js';
import { authExtraRoutes } from './routes/auth-extra.js';
import { authRoutes } from './routes/auth.js';
import { controlRoutes } from './routes/controls.js';
import { mfaRoutes } from './routes/mfa.js';
import { passwordlessRoutes } from './routes/passwordless.js';
import { createState, startConfigFrom } from './state.js';
import { Store } from './store.js';

export type { EmulatorOptions, RuntimeConfig, Fault, Handler } from './context.js';
export { DEFAULT_CONFIG } from './state.js';
export { DataFileError, readState } from './persist.js';

const PRUNE_EVERY_MS = 10_000;

export interface Emulator {
  app: App;
  emu: Emu;
  /** Listens (default 127.0.0.1, port 0) and returns the base URL, e.g. `http://127.0.0.1:8787`. */
  listen(opts?: { port?: number; host?: string }): Promise<string>;
  close(): Promise<void>;
  url: string | null;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  // ------------------------------------------------------------------------------------------ state
  const startConfig = startConfigFrom(options);
  const store = new Store();
  const persistence = openPersistence(store, options.dataFile);
  const emu = createState(options, store, startConfig, { commit: persistence.commit, commitMark: persistence.mark });
  // Bounded memory: expired tokens and stale counters are dropped every 10 s (and expired tokens on access).
  const pruner = setInterval(() => { emu.prune(); emu.commit().catch(() => undefined); }, PRUNE_EVERY_MS);
  pruner.unref();

  // -------------------------------------------------------------------------------------------- app
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestTimeout: 30_000,
    connectionTimeout: 30_000,
    return503OnClosing: true,
    frameworkErrors,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, querystringParser: parseQuery },
  });
  const hosts = installHostCheck(app, options.allowedHosts);
  installJsonParser(app);
  installCors(app, emu);
  installRequestLog(app, emu);
  installFaults(app, emu);
  installErrorHandling(app, options.logger ?? false);
  installAudit(app, emu, options.logger ?? false);

  // ----------------------------------------------------------------------------------------- routes
  const router = createRouter(app, emu);
  router.add(authRoutes(emu));
  router.add(authExtraRoutes(emu));
  router.add(accountRoutes(emu));
  router.add(mfaRoutes(emu));
  router.add(passwordlessRoutes(emu));
  router.add(controlRoutes(emu, startConfig));
  installNotFound(app, router.allowedMethods);

  // --------------------------------------------------------------------------------- listen / close
  const emulator: Emulator = {
    app,
    emu,
    url: null,
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      hosts.allow(host);
      await app.listen({ port, host });
      app.server.headersTimeout = 20_000;
      const addr = app.server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      emulator.url = `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
      return emulator.url;
    },
    /** Graceful stop: no new connections, requests in flight finish (bounded), then the final write. */
    async close() {
      clearInterval(pruner);
      // Keep-alive connections between requests are closed as they go idle; after the bound, all of them.
      const idle = setInterval(() => app.server.closeIdleConnections(), 50);
      const cut = setTimeout(() => app.server.closeAllConnections(), options.closeTimeoutMs ?? 10_000);
      try {
        await app.close();
      } finally {
        clearInterval(idle);
        clearTimeout(cut);
        persistence.close(); // even when closing the server failed; throws when the final write fails
      }
    },
  };
  return emulator;
}
