/** Password hashing, random tokens and the LoginRadius SOTT algorithm. Everything from node:crypto. */
import {
  createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes, randomUUID, scrypt, timingSafeEqual,
} from 'node:crypto';

export type HashCost = 'default' | 'fast';

/** scrypt parameters: N = 2^ln. Default meets the OWASP floor (N=2^17, r=8, p=1); `fast` is for tests only. */
export const SCRYPT_PARAMS = { default: { ln: 17, r: 8, p: 1 }, fast: { ln: 10, r: 8, p: 1 } } as const;
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, ln: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** ln;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEYLEN, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key)),
  );
}

/** Returns a self-describing hash: `$scrypt$ln=17,r=8,p=1$<salt b64>$<hash b64>` with a unique 16-byte salt. */
export async function hashPassword(password: string, cost: HashCost = 'default'): Promise<string> {
  const { ln, r, p } = SCRYPT_PARAMS[cost];
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, ln, r, p);
  return `$scrypt$ln=${ln},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Constant-time verification against a hash made by {@link hashPassword}. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  const key = await scryptAsync(password, Buffer.from(m[4]!, 'base64'), +m[1]!, +m[2]!, +m[3]!);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Constant-time string comparison (hashes both sides so lengths never leak). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a, 'buffer'), sha256(b, 'buffer'));
}

export function sha256(text: string): string;
export function sha256(text: string, as: 'buffer'): Buffer;
export function sha256(text: string, as?: 'buffer'): string | Buffer {
  const h = createHash('sha256').update(text, 'utf8');
  return as === 'buffer' ? h.digest() : h.digest('hex');
}

export type TokenFormat = 'guid' | 'opaque' | 'long';

/**
 * Access / refresh tokens. Default `guid`: a random (v4) GUID, 8-4-4-4-12 lowercase, as LoginRadius issues them (typed
 * SDKs parse them as UUID/Guid). `opaque` (256 random bits as base64url, 43 chars) and `long` (200 chars) stand for
 * sites with JWT-style tokens, so clients can be tested for not parsing tokens.
 */
export function newAccessToken(format: TokenFormat = 'guid'): string {
  if (format === 'opaque') return randomBytes(32).toString('base64url');
  if (format === 'long') return randomBytes(150).toString('base64url');
  return randomUUID();
}

/** 32 lowercase hex chars (128 random bits): Uid, ID and one-time tokens (verification, reset, delete). */
export const newHexId = (): string => randomBytes(16).toString('hex');

// ---------------------------------------------------------------------------------------------- SOTT
const SOTT_IV = Buffer.from('tu89geji340t89u2', 'ascii');
const sottKeys = new Map<string, Buffer>();
function sottKey(secret: string): Buffer {
  let key = sottKeys.get(secret);
  if (!key) {
    key = pbkdf2Sync(Buffer.from(secret, 'utf8'), Buffer.alloc(8), 10000, 32, 'sha1');
    sottKeys.set(secret, key);
  }
  return key;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `yyyy/MM/dd HH:mm:ss` in UTC, the PHP SDK's format (all SDK formats are accepted on input). */
export function sottDate(d: Date): string {
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Builds a SOTT exactly as LoginRadius SDKs do (AES-256-CBC, PBKDF2-SHA1 key, base64 + `*` + MD5 hex). */
export function makeSott(apiKey: string, secret: string, start: Date, end: Date): string {
  const cipher = createCipheriv('aes-256-cbc', sottKey(secret), SOTT_IV);
  const b64 = Buffer.concat([cipher.update(`${sottDate(start)}#${apiKey}#${sottDate(end)}`, 'utf8'), cipher.final()]).toString('base64');
  return `${b64}*${createHash('md5').update(b64, 'ascii').digest('hex')}`;
}

/** Parses the date formats SDKs write: `2026/11/23 8:40:38`, `2026-11-23 08:40:38`, optional `T`. UTC. */
export function parseSottDate(text: string): number | null {
  const m = /^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?Z?\s*$/.exec(text);
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(t) ? null : t;
}

export type SottCheck = 'ok' | 'invalid';

/** Decrypts and checks a SOTT: MD5 suffix, apikey inside, and `start - skew <= now <= end + skew`. */
export function checkSott(sott: string, apiKey: string, secret: string, now: number, skewMs = 5 * 60_000): SottCheck {
  try {
    const star = sott.lastIndexOf('*');
    if (star < 1) return 'invalid';
    const b64 = sott.slice(0, star).replace(/ /g, '+');
    const md5 = sott.slice(star + 1).toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(md5) || !safeEqual(createHash('md5').update(b64, 'ascii').digest('hex'), md5)) return 'invalid';
    if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) return 'invalid';
    const decipher = createDecipheriv('aes-256-cbc', sottKey(secret), SOTT_IV);
    const plain = Buffer.concat([decipher.update(Buffer.from(b64, 'base64')), decipher.final()]).toString('utf8');
    const parts = plain.split('#');
    if (parts.length !== 3 || !safeEqual(parts[1]!, apiKey)) return 'invalid';
    const start = parseSottDate(parts[0]!), end = parseSottDate(parts[2]!);
    if (start === null || end === null) return 'invalid';
    return start - skewMs <= now && now <= end + skewMs ? 'ok' : 'invalid';
  } catch {
    return 'invalid';
  }
}
