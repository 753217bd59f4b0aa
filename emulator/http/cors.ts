/**
 * CORS: the Auth API and the controls answer the configured origins (default: any loopback origin); the Account
 * API needs the secret and never answers browsers (no CORS headers, preflights fail).
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { Emu } from '../context.js';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.includes(hostname.toLowerCase());

export function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

/**
 * True for the Account API. The router decodes percent-escapes (`/identity/v2/%6Danage/account` reaches the Account
 * API), so decode here too; an undecodable path is treated as the Account API (no CORS).
 */
export function isManagePath(url: string): boolean {
  let path = url.split('?')[0]!;
  try { path = decodeURIComponent(path); } catch { return true; }
  return /^\/+identity\/+v2\/+manage(\/|$)/i.test(path);
}

export function installCors(app: FastifyInstance, emu: Emu): void {
  const originAllowed = (origin: string | undefined) =>
    !!origin && origin !== 'null' && emu.config.corsOrigins.some((o) => (o === 'loopback' ? isLoopbackOrigin(origin) : o === origin));
  void app.register(cors, {
    hook: 'onRequest',
    delegator: (req, cb) => {
      const origin = req.headers.origin;
      const allowed = !isManagePath(req.url) && originAllowed(origin);
      cb(null, {
        origin: allowed ? origin! : false,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type', 'X-LoginRadius-Sott', 'X-Requested-With', 'X-LoginRadius-ApiKey'],
        exposedHeaders: ['Retry-After'],
        maxAge: 600,
        strictPreflight: false,
      });
    },
  });
}
