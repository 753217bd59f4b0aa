/**
 * Request bodies: only `application/json` in UTF-8 (no byte-order mark), parsed by fastify's secure-json-parse
 * (`__proto__` / `constructor.prototype` refused) and then shape-checked (depth, member count, well-formed strings).
 * Every failure is a LoginRadius body error, never a 5xx.
 */
import type { FastifyInstance } from 'fastify';
import { LrHttpError } from '../errors.js';
import { checkJsonShape } from '../validate.js';

/** Methods whose body the handlers read. */
export const BODY_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** LoginRadius's code for a body that is not a JSON object: POST 965, PUT 1079, otherwise 1090. */
export const bodyCodeFor = (method: string) => (method === 'POST' ? 965 : method === 'PUT' ? 1079 : 1090);

export function installJsonParser(app: FastifyInstance): void {
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, buf, done) => {
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2];
    if (charset && !/^utf-?8$/i.test(charset)) return done(Object.assign(new Error('unsupported charset'), { statusCode: 415 }), undefined);
    const bytes = buf as Buffer;
    if (bytes.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return done(new LrHttpError(bodyCodeFor(req.method), 'The request body is not valid UTF-8.'), undefined);
    }
    // secure-json-parse would silently strip a byte-order mark; JSON senders must not add one (RFC 8259 §8.1).
    if (text.charCodeAt(0) === 0xfeff) return done(new LrHttpError(bodyCodeFor(req.method), 'The request body starts with a byte-order mark.'), undefined);
    jsonParser(req, text, (err, value) => {
      if (err) return done(new LrHttpError(bodyCodeFor(req.method), /prototype/i.test(err.message) ? 'The request body contains a forbidden property name.' : undefined), undefined);
      try {
        checkJsonShape(value, bodyCodeFor(req.method));
      } catch (e) {
        return done(e as Error, undefined);
      }
      done(null, value);
    });
  });
}
