/**
 * Every error answer is LoginRadius-style JSON: thrown `LrHttpError`s as they are, fastify's own 4xx mapped to the
 * body codes, router failures as 908, unknown routes 404 / 405 (with `Allow`), anything unexpected a 500 950 with a
 * reference (logged, never a stack trace in the body). Every answer carries `nosniff` and `no-store`.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CODES, LrHttpError, errorBody } from '../errors.js';
import { bodyCodeFor } from './body.js';

const secureHeaders = (reply: FastifyReply) => reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');

/**
 * fastify's `frameworkErrors`: router-level failures (an over-long path parameter, bad percent-encoding) get the
 * LoginRadius error JSON too, never fastify's default body (which echoes the raw path).
 */
export function frameworkErrors(_err: FastifyError, _req: FastifyRequest, res: unknown): void {
  const reply = res as FastifyReply;
  void secureHeaders(reply).code(403).send(errorBody(908));
}

export function installErrorHandling(app: FastifyInstance, logger: boolean): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    secureHeaders(reply);
    return payload;
  });

  app.setErrorHandler((err: FastifyError | LrHttpError, req, reply) => {
    if (err instanceof LrHttpError) {
      for (const [k, v] of Object.entries(err.headers)) void reply.header(k, v);
      return reply.code(err.status).send(err.toJSON());
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 413) return reply.code(413).send(errorBody(413));
    if (status === 415) return reply.code(415).send(errorBody(415));
    if (status >= 400 && status < 500) return reply.code(400).send(errorBody(bodyCodeFor(req.method)));
    const ref = randomUUID();
    req.log.error({ err, ref }, 'unhandled error');
    if (!logger) console.error(`[emulator] unhandled error (reference ${ref}):`, err);
    return reply.code(500).send(errorBody(950, `${CODES[950]!.description} Reference: ${ref}`));
  });
}

/** 405 with `Allow` when the path exists for other methods, otherwise 404. */
export function installNotFound(app: FastifyInstance, allowedMethods: (path: string) => string[]): void {
  app.setNotFoundHandler((req, reply) => {
    const allow = allowedMethods(req.url.split('?')[0]!);
    if (allow.length) return reply.code(405).header('allow', allow.join(', ')).send(errorBody(405));
    return reply.code(404).send(errorBody(404));
  });
}
