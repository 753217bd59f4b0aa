/**
 * Request-shape checks shared by every route. Bodies are parsed by fastify (secure-json-parse: `__proto__` and
 * `constructor.prototype` are refused); these helpers read keys case-insensitively, as LoginRadius does, and turn
 * every wrong type or value into a LoginRadius error (never a 5xx).
 */
import type { PasswordPolicy } from './context.js';
import { fail, invalid } from './errors.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const MAX_DEPTH = 32;
const MAX_KEYS = 2000;

/** Walks a parsed JSON value: nesting depth, key count and well-formed strings (no lone surrogates). */
export function checkJsonShape(value: unknown, bodyCode: number): void {
  let keys = 0;
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) fail(bodyCode);
    if (typeof v === 'string') {
      if (!v.isWellFormed()) fail(bodyCode);
    } else if (Array.isArray(v)) {
      if ((keys += v.length) > MAX_KEYS) fail(bodyCode);
      for (const x of v) walk(x, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (++keys > MAX_KEYS) fail(bodyCode);
        if (!k.isWellFormed()) fail(bodyCode);
        walk((v as Record<string, unknown>)[k], depth + 1);
      }
    }
  };
  walk(value, 0);
}

/** A JSON object body read with case-insensitive keys. */
export class Body {
  private readonly map = new Map<string, unknown>();
  constructor(raw: unknown, bodyCode: number, readonly present = raw !== undefined) {
    if (raw === undefined) return;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(bodyCode);
    for (const [k, v] of Object.entries(raw)) {
      const lower = k.toLowerCase();
      if (this.map.has(lower)) fail(bodyCode);
      this.map.set(lower, v);
    }
  }
  has(key: string): boolean { return this.map.has(key.toLowerCase()); }
  raw(key: string): unknown { return this.map.get(key.toLowerCase()); }
  keys(): string[] { return [...this.map.keys()]; }
  /** The original object's entries (keys lowercased). */
  entries(): [string, unknown][] { return [...this.map.entries()]; }

  /** A string field; `null`/absent → undefined (or a 1134 when required); any other type → 1134. */
  str(key: string, field = key, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null || v === '') {
      if (opts.required) invalid([field, `The ${field} field is required.`]);
      return undefined;
    }
    if (typeof v !== 'string') invalid([field, `The ${field} field must be a string.`]);
    if (v.length > (opts.max ?? 1000)) invalid([field, `The ${field} field must not exceed ${opts.max ?? 1000} characters in length.`]);
    if (/\p{Cc}/u.test(v)) invalid([field, `The ${field} field contains control characters.`]);
    return v;
  }

  bool(key: string, field = key): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') invalid([field, `The ${field} field must be a boolean.`]);
    return v;
  }
}

// ------------------------------------------------------------------------------------------- emails
const LOCAL = /^[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~]+(?:\.[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]/u; // controls, bidi overrides, zero-width, any whitespace

/** True for a syntactically valid address: ≤254 chars, one `@`, no controls/bidi/zero-width, IDN allowed. */
export function isEmail(raw: string): boolean {
  // Checked in NFC (the form that is stored): an NFD-typed `föö@münchen.de` is the same address.
  const v = raw.normalize('NFC');
  if (v.length > 254 || INVISIBLE.test(v)) return false;
  const at = v.lastIndexOf('@');
  if (at < 1 || v.indexOf('@') !== at) return false;
  const local = v.slice(0, at), domain = v.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}

/** Case-folded form used for lookups and uniqueness. */
export const normEmail = (v: string): string => v.normalize('NFC').toLowerCase();

/** Reads a required email from a body field; wrong type/format → 1038 (LoginRadius's "Valid email ID is required"). */
export function emailFrom(body: Body, key = 'email'): string {
  const v = body.raw(key);
  if (v === undefined || v === null || v === '') invalid([key, `The ${key} field is required.`]);
  if (typeof v !== 'string' || !isEmail(v)) fail(1038);
  return v.normalize('NFC');
}

/** Reads a required email from a query value. */
export function emailFromQuery(v: string | undefined, name = 'email'): string {
  if (!v) fail(908, `The ${name} is a required parameter.`);
  if (!isEmail(v)) fail(1038);
  return v.normalize('NFC');
}

// ------------------------------------------------------------------------------------------ passwords
/** The longest password the emulator hashes or verifies (the policy's `maxLength` can only be lower). */
export const PASSWORD_MAX = 128;

/**
 * The site's password policy (`PasswordPolicy`): length between `minLength` and `maxLength` (checked before hashing)
 * a common password (when on) → 1216; when on, at least one number and one symbol → 1134. Lone surrogates
 * and NUL are refused; the password is NFC-normalised. Spaces and emoji are fine.
 */
export function checkPassword(v: unknown, policy: PasswordPolicy, field: string, isCommon: (p: string) => boolean): string {
  if (v === undefined || v === null || v === '') fail(1089);
  if (typeof v !== 'string') invalid([field, `The ${field} field must be a string.`]);
  if (!v.isWellFormed() || v.includes('\0')) invalid([field, `The ${field} field contains invalid characters.`]);
  const p = v.normalize('NFC');
  const len = [...p].length;
  const max = Math.min(policy.maxLength, PASSWORD_MAX);
  if (len < policy.minLength) invalid([field, `The ${field} field must be at least ${policy.minLength} characters in length.`]);
  if (len > max) invalid([field, `The ${field} field must not exceed ${max} characters in length.`]);
  if (policy.commonPasswordProtection && isCommon(p)) fail(1216);
  if (policy.complexity && !(/\p{N}/u.test(p) && /[^\p{L}\p{N}\s]/u.test(p))) {
    invalid([field, `The ${field} field must contain at least one number and one symbol.`]);
  }
  return p;
}
