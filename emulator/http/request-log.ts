/** The request log behind `GET /__emulator/requests`: every API request (controls and preflights excluded), bounded. */
import type { FastifyInstance } from 'fastify';
import type { Emu } from '../context.js';

/** The log keeps between 1000 and 2000 entries: past 2000 the oldest 1000 are dropped. */
const MAX_REQUESTS = 2000;

export const isControlPath = (url: string): boolean => url.toLowerCase().startsWith('/__emulator');

export function installRequestLog(app: FastifyInstance, emu: Emu): void {
  app.addHook('onRequest', async (req) => {
    if (req.method === 'OPTIONS' || isControlPath(req.url)) return;
    emu.requests.push({
      // Secrets sent in the query are recorded as present but redacted, so the log never holds them.
      Method: req.method, Url: req.url.replace(/([?&](?:access_token|apisecret)=)[^&]*/gi, '$1[redacted]'), Authorization: !!req.headers.authorization,
      Origin: req.headers.origin ?? null, Time: new Date().toISOString(),
    });
    if (emu.requests.length > MAX_REQUESTS) emu.requests.splice(0, MAX_REQUESTS / 2);
  });
}
