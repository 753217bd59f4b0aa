/**
 * Turns route tables (`RouteDef[]`) into fastify routes. Each request runs: guard (key / secret; for controls the
 * cross-site check) → rate limit → body → handler → commit (what changed is on disk before the answer). Keeps the
 * list of known paths for the 405 answers.
 */
import type { FastifyInstance } from 'fastify';
import type { Emu, RouteDef } from '../context.js';
import { LrHttpError } from '../errors.js';
import { Body, type Json } from '../validate.js';
import { BODY_METHODS, bodyCodeFor } from './body.js';
import { checkControlCaller } from './cross-site.js';
import { guard, rateLimit } from './guard.js';
import { makeReq } from './request.js';

export interface Router {
  add(defs: RouteDef[]): void;
  /** The methods routed for a path (for 405 + Allow). */
  allowedMethods(path: string): string[];
}

export function createRouter(app: FastifyInstance, emu: Emu): Router {
  const known: { method: string; re: RegExp }[] = [];

  function addRoute(def: RouteDef): void {
    known.push({ method: def.method, re: new RegExp(`^${def.path.replace(/:[^/]+/g, '[^/]+')}/?$`, 'i') });
    app.route({
      method: def.method,
      url: def.path,
      handler: async (request, reply) => {
        const mark = emu.commitMark();
        guard(emu, def.kind, request);
        if (def.kind === 'control') checkControlCaller(request);
        if (def.group) rateLimit(emu, def.group, request);
        const body = new Body(BODY_METHODS.has(request.method) ? request.body : undefined, bodyCodeFor(request.method));
        let result: Json;
        try {
          result = await def.handler(makeReq(emu, request, reply, body));
        } catch (err) {
          // A refused request may still have changed state (a 970 login re-sends the verification mail).
          await emu.commit(mark).catch(() => undefined);
          throw err;
        }
        // Answered only once the change is on disk: a 2xx is never lost (`--data`).
        try {
          await emu.commit(mark);
        } catch {
          throw new LrHttpError(950, 'The change could not be written to the data file, so it was not saved.', undefined, 500);
        }
        if (reply.sent) return reply;
        return reply.send(result as Json);
      },
    });
  }

  return {
    add: (defs) => { for (const def of defs) addRoute(def); },
    allowedMethods: (path) => [...new Set(known.filter((k) => k.re.test(path)).map((k) => k.method))],
  };
}
