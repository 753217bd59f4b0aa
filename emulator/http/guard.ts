/**
 * Who may call a route: the Auth API needs the API key (query `apikey` or `X-LoginRadius-ApiKey`), the Account
 * API also the secret (`X-LoginRadius-ApiSecret`, or `apisecret` in the query with a warning); controls and open
 * routes need neither. Rate limits per endpoint group and client IP (429 + Retry-After).
 */
import type { FastifyRequest } from 'fastify';
import type { Emu, RouteKind } from '../context.js';
import { safeEqual } from '../crypto.js';
import { LrHttpError, fail } from '../errors.js';
import { header, queryOf, single } from './params.js';

export function guard(emu: Emu, kind: RouteKind, request: FastifyRequest): void {
  if (kind === 'control' || kind === 'open') return;
  const q = queryOf(request);
  const key = single(q.apikey) ?? header(request, 'x-loginradius-apikey');
  if (!key) fail(922);
  if (!safeEqual(key, emu.apiKey)) fail(920);
  if (kind === 'manage') {
    const fromHeader = header(request, 'x-loginradius-apisecret');
    const secret = fromHeader ?? single(q.apisecret);
    if (!secret) fail(923);
    if (!safeEqual(secret, emu.apiSecret)) fail(921);
    // Accepted for parity with LoginRadius's docs, but a secret in a URL ends up in logs (E1-12).
    if (!fromHeader) request.log.warn('API secret sent in the query string; send it as X-LoginRadius-ApiSecret');
  }
}

/** Counts a request against its group's window for the client IP; over the limit: 429 with Retry-After. */
export function rateLimit(emu: Emu, group: string, request: FastifyRequest): void {
  const rl = emu.config.rateLimit;
  if (!rl) return;
  const now = Date.now();
  const k = `${group}|${request.ip}`;
  let c = emu.rate.get(k);
  if (!c || c.resetAt <= now) emu.rate.set(k, (c = { count: 0, resetAt: now + rl.windowSeconds * 1000 }));
  if (++c.count > rl.max) {
    throw new LrHttpError(429, undefined, undefined, 429, { 'retry-after': String(Math.max(1, Math.ceil((c.resetAt - now) / 1000))) });
  }
}
