/**
 * The `Req` a handler gets: case-insensitive query values, the checked body, and the access token (Bearer header,
 * `access_token` query or body; two different tokens are a 908) with the user it belongs to (1060 / 905 / 906).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Emu, Req } from '../context.js';
import { fail } from '../errors.js';
import type { Body } from '../validate.js';
import { header, queryOf, single } from './params.js';

/** The access token of a request; 1060 when there is none. */
function extractToken(emu: Emu, request: FastifyRequest, body: Body): string {
  const auth = header(request, 'authorization');
  const bearer = auth && /^bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  const fromQuery = single(queryOf(request).access_token);
  if (fromQuery && emu.config.rejectQueryTokens) fail(908);
  if (bearer && fromQuery && bearer !== fromQuery) fail(908);
  const token = bearer || fromQuery || body.str('access_token');
  if (!token) fail(1060);
  return token;
}

export function makeReq(emu: Emu, request: FastifyRequest, reply: FastifyReply, body: Body): Req {
  const q = queryOf(request);
  let cachedToken: string | undefined;
  const req: Req = {
    raw: request,
    reply,
    body,
    q: (name) => single(q[name.toLowerCase()]) || undefined,
    token: () => (cachedToken ??= extractToken(emu, request, body)),
    user() {
      const t = emu.store.token(req.token());
      if (!t) fail(905);
      const now = emu.now();
      if (t.expiresAt <= now) {
        // Expired: 906 during the grace period, then it is dropped and reads as unknown (905).
        if (t.expiresAt + emu.config.expiredTokenGraceSeconds * 1000 > now) fail(906);
        emu.store.deleteToken(req.token());
        fail(905);
      }
      const user = emu.store.get(t.uid);
      if (!user) fail(905);
      return user;
    },
  };
  return req;
}
