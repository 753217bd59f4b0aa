/**
 * The demo's backend: the one piece of "site backend" this project ships, and the pattern to copy for your own.
 *
 * `<lr-register sott-url="/demo-api/sott">` needs a SOTT (a short-lived token that proves a registration comes
 * through your site). Making one takes the API **secret**, so it must happen on a server. What this does, and
 * what your endpoint should do too:
 *  1. The secret comes from the server's environment (`LR_API_SECRET`, see tools/start.ts), never from the page,
 *     a URL or a command line.
 *  2. One operation: it makes SOTTs and nothing else. It is not a proxy to the Account API; no part of the request
 *     (path, query, headers, body) is passed on to it, and the answer is reduced to `{Sott, ExpiryTime}`.
 *  3. It answers only the site's own pages: a browser request from another origin is refused (Origin and
 *     Sec-Fetch-Site), and it sends no CORS headers, so other sites cannot read its answer.
 *  4. It is rate-limited per client address, so it cannot be used to mint tokens in bulk.
 * (In npm start, Vite's host check runs first and refuses unknown Host names, against DNS rebinding; a site's server
 * should pin its own host names the same way.)
 * `/demo-api/config` tells the demo page the emulator's address and the public API key; nothing else is served.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export interface DemoBackendOptions {
  /** The LoginRadius API origin (here the embedded emulator). */
  apiBase: string;
  /** The public API key. */
  apiKey: string;
  /** The API secret: from the environment, held only in this process. */
  apiSecret: string;
  /** SOTTs one client address may get per window (default 20 a minute). */
  limit?: { max: number; windowMs: number };
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
};

/** True for a request made by a page of this server's own origin. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  // Browsers send Origin on cross-origin requests (and on POSTs); a same-origin GET may carry only Sec-Fetch-Site.
  if (origin !== undefined && origin !== `http://${req.headers.host}`) return false;
  if (site !== undefined && site !== 'same-origin') return false;
  return origin !== undefined || site !== undefined; // neither: not a browser page of ours
}

/** The demo's `/demo-api/*` routes as one Connect-style middleware (Vite's, or a plain `node:http` server's). */
export function demoApi({ apiBase, apiKey, apiSecret, limit = { max: 20, windowMs: 60_000 } }: DemoBackendOptions): Handler {
  const windows = new Map<string, { count: number; resetAt: number }>();

  /** Counts one request of `client`; returns the seconds to wait when over the limit. */
  const overLimit = (client: string): number => {
    const now = Date.now();
    if (windows.size > 1000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
    let w = windows.get(client);
    if (!w || w.resetAt <= now) windows.set(client, (w = { count: 0, resetAt: now + limit.windowMs }));
    return ++w.count > limit.max ? Math.ceil((w.resetAt - now) / 1000) : 0;
  };

  const sott = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return send(res, 405, { error: 'Only GET.' }, { allow: 'GET' });
    if (!sameOrigin(req)) return send(res, 403, { error: 'Only the demo page may ask for a SOTT.' });
    const wait = overLimit(req.socket.remoteAddress ?? '');
    if (wait) return send(res, 429, { error: 'Too many SOTTs; try again later.' }, { 'retry-after': String(wait) });
    try {
      // The one Account API call, built here from fixed parts: nothing of the request goes into it.
      const r = await fetch(`${apiBase}/identity/v2/manage/account/sott?apikey=${encodeURIComponent(apiKey)}`, {
        headers: { 'X-LoginRadius-ApiSecret': apiSecret },
        signal: AbortSignal.timeout(10_000),
      });
      const { Sott, ExpiryTime } = (await r.json()) as { Sott?: string; ExpiryTime?: string };
      if (!r.ok || typeof Sott !== 'string') return send(res, 502, { error: 'The API gave no SOTT.' });
      return send(res, 200, { Sott, ExpiryTime });
    } catch {
      return send(res, 502, { error: 'The API could not be reached.' });
    }
  };

  return (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/demo-api/sott') return void sott(req, res);
    if (path === '/demo-api/config') return send(res, 200, { apiBase, apiKey });
    if (path.startsWith('/demo-api/')) return send(res, 404, { error: 'Not found.' });
    next();
  };
}

/** The demo backend as a Vite plugin for `npm start` (demo only, never shipped). */
export function demoBackend(options: DemoBackendOptions): Plugin {
  return { name: 'lr-demo-backend', configureServer: (server) => void server.middlewares.use(demoApi(options)) };
}
