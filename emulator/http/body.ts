/**
 * Request bodies: `application/json` in UTF-8 (no byte-order mark), parsed by fastify's secure-json-parse
 * (`__proto__` / `constructor.prototype` refused) and then shape-checked (depth, member count, well-formed strings).
 * As live, an empty body or the JSON string `""` is no body, whatever its Content-Type (the Go SDK sends `""` as
 * `application/x-www-form-urlencoded` on every account delete); any other non-JSON body is a 415 (BI-03: it keeps
 * cross-origin writes behind a CORS preflight), and on the `/__emulator/` controls every non-JSON body is.
 * Every failure is a LoginRadius body error, never a 5xx.
 */
import type { FastifyInstance } from 'fastify';
import { LrHttpError } from '../errors.js';
import { checkJsonShape } from '../validate.js';
import { isControlPath } from './request-log.js';

/** Methods whose body the handlers read. */
export const BODY_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** LoginRadius's code for a body that is not a JSON object: POST 965, PUT 1079, otherwise 1090. */
export const bodyCodeFor = (method: string) => (method === 'POST' ? 965 : method === 'PUT' ? 1079 : 1090);

/** An empty body, or one that is only the JSON string `""` (optionally with whitespace around it). */
const isEmptyBody = (bytes: Buffer): boolean => bytes.length === 0 || (bytes.length <= 64 && bytes.toString('latin1').trim() === '""');

const unsupported = () => Object.assign(new Error('unsupported media type'), { statusCode: 415 });

export function installJsonParser(app: FastifyInstance): void {
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (req, buf, done) => {
    if (isControlPath(req.url) || !isEmptyBody(buf as Buffer)) return done(unsupported(), undefined);
    done(null, undefined);
  });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, buf, done) => {
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2];
    if (charset && !/^utf-?8$/i.test(charset)) return done(unsupported(), undefined);
    const bytes = buf as Buffer;
    if (isEmptyBody(bytes)) return done(null, undefined);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return done(new LrHttpError(bodyCodeFor(req.method)), undefined);
    }
    // secure-json-parse would silently strip a byte-order mark; JSON senders must not add one (RFC 8259 §8.1).
    if (text.charCodeAt(0) === 0xfeff) return done(new LrHttpError(bodyCodeFor(req.method)), undefined);
    jsonParser(req, text, (err, value) => {
      if (err) return done(new LrHttpError(bodyCodeFor(req.method)), undefined);
      try {
        checkJsonShape(value, bodyCodeFor(req.method));
      } catch (e) {
        return done(e as Error, undefined);
      }
      done(null, value);
    });
  });
}
