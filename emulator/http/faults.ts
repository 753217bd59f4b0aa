/**
 * Fault injection (`PUT /__emulator/faults`): a matching API request is delayed, dropped (socket destroyed) or
 * answered with a given status and body instead of reaching its route. Controls and preflights are never faulted.
 */
import type { FastifyInstance } from 'fastify';
import type { Emu, Fault } from '../context.js';
import { errorBody } from '../errors.js';
import { isControlPath } from './request-log.js';

/** `path` is matched case-insensitively, exactly or (ending in `*`) as a prefix. */
export function faultMatches(f: Fault, method: string, path: string): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false;
  const p = f.path.toLowerCase();
  return p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p || path === `${p}/`;
}

/** Takes the first fault matching the request (counting down `times`), or undefined. */
function takeFault(emu: Emu, method: string, url: string): Fault | undefined {
  const path = url.split('?')[0]!.toLowerCase();
  const i = emu.faults.findIndex((f) => faultMatches(f, method, path));
  if (i < 0) return undefined;
  const f = emu.faults[i]!;
  if (f.times !== undefined && --f.times <= 0) emu.faults.splice(i, 1);
  return f;
}

export function installFaults(app: FastifyInstance, emu: Emu): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'OPTIONS' || isControlPath(req.url)) return;
    const f = takeFault(emu, req.method, req.url);
    if (!f) return;
    if (f.delayMs) await new Promise((r) => setTimeout(r, Math.min(f.delayMs!, 120_000)));
    if (f.drop) {
      reply.hijack();
      req.raw.socket.destroy();
      return;
    }
    if (f.status === undefined && f.body === undefined) return; // latency only
    const status = f.status ?? 200;
    if (f.retryAfter !== undefined) void reply.header('retry-after', String(f.retryAfter));
    const code = status === 429 ? 429 : status >= 500 ? 950 : 1090;
    switch (f.body) {
      case undefined: return reply.code(status).send(errorBody(code));
      case 'html': return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html><title>${status}</title><h1>${status} Service error</h1>`);
      case 'garbage': return reply.code(status).type('text/plain; charset=utf-8').send('upstream connect error or disconnect/reset before headers');
      case 'malformed': return reply.code(status).type('application/json; charset=utf-8').send('{"Profile":{"Uid":"');
      case 'empty': return reply.code(status).send({});
      default: return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(f.body));
    }
  });
}
