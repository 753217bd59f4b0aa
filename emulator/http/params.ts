/** Reading query parameters and headers: names case-insensitive, a repeated name or header is refused (908). */
import type { FastifyRequest } from 'fastify';
import { fail } from '../errors.js';

/** Query strings: names case-insensitive (lowercased), a repeated name becomes an array (and is refused). */
export function parseQuery(str: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URLSearchParams(str)) {
    const key = k.toLowerCase();
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** One query value; empty counts as absent, a repeated name is a 908. */
export function single(v: string | string[] | undefined): string | undefined {
  if (Array.isArray(v)) fail(908);
  return v === '' ? undefined : v;
}

/** One header value; empty counts as absent, a repeated header is a 908. */
export function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  if (Array.isArray(v)) fail(908);
  return v || undefined;
}

export const queryOf = (req: FastifyRequest) => req.query as Record<string, string | string[]>;
