/**
 * DNS-rebinding guard: a request whose `Host` is not the bound address, localhost, 127.0.0.1, [::1] or a host
 * allowed with `--allowed-host` (`allowedHosts`) gets a 403 on every route, before CORS or anything else runs.
 */
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.js';

export interface HostCheck {
  /** Adds the address the server was bound to. */
  allow(host: string): void;
}

/** The host name of a `Host` header, lowercased, without the port (`[::1]:8787` → `[::1]`). */
export function hostName(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(0, v.indexOf(']') + 1);
  const colon = v.indexOf(':');
  return colon < 0 ? v : v.slice(0, colon);
}

const bracket = (h: string) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h).toLowerCase();

export function installHostCheck(app: FastifyInstance, extra: string[] = []): HostCheck {
  const allowed = new Set(['localhost', '127.0.0.1', '[::1]', ...extra.map(bracket)]);
  app.addHook('onRequest', async (req, reply) => {
    const host = req.headers.host;
    if (typeof host === 'string' && allowed.has(hostName(host))) return;
    return reply.code(403).send(errorBody(403, 'The Host header names a host this emulator does not serve. Start it with --allowed-host <name> to allow one.'));
  });
  return { allow: (host) => { allowed.add(bracket(host)); } };
}
