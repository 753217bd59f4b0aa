/**
 * Controls that change state (`POST` / `PUT` / `DELETE /__emulator/*`) cannot be driven by other websites: they
 * need `Content-Type: application/json` (a cross-site page cannot send that without a CORS preflight, which only
 * loopback origins pass), and a non-loopback `Origin` is refused outright, as is `Sec-Fetch-Site: cross-site`
 * without a loopback `Origin` (pages on localhost and 127.0.0.1 are cross-site to each other, and both are local).
 */
import type { FastifyRequest } from 'fastify';
import { LrHttpError } from '../errors.js';
import { isLoopbackOrigin } from './cors.js';
import { header } from './params.js';

export function checkControlCaller(request: FastifyRequest): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = header(request, 'origin');
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    throw new LrHttpError(403, 'Emulator controls answer only pages on a loopback origin (localhost, 127.0.0.1, [::1]).');
  }
  if (origin === undefined && header(request, 'sec-fetch-site')?.toLowerCase() === 'cross-site') {
    throw new LrHttpError(403, 'Emulator controls refuse cross-site requests.');
  }
  if (!/^application\/json\s*(;|$)/i.test(header(request, 'content-type') ?? '')) {
    throw new LrHttpError(415, 'Emulator controls that change state need Content-Type: application/json (the body may be empty).');
  }
}
