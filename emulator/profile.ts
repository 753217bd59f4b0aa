/** The LoginRadius profile object built from a stored user, the `fields` projection, and profile-update parsing. */
import { invalid } from './errors.js';
import { LOCK_TYPE_NAMES, isLocked } from './lockout.js';
import type { User } from './store.js';
import type { Body, Json } from './validate.js';

/** The documented writable text fields of Update Profile / Account Update (apidocs `postparams`). */
const STRING_FIELDS = [
  'FirstName', 'MiddleName', 'LastName', 'FullName', 'NickName', 'ProfileName', 'Prefix', 'Suffix', 'Gender',
  'Company', 'Designation', 'Industry', 'City', 'State', 'HomeTown', 'TimeZone', 'LocalLanguage', 'MainAddress',
  'ProfileCity', 'ProfileCountry', 'ImageUrl', 'ThumbnailImageUrl', 'ProfileUrl', 'Favicon', 'CoverPhoto', 'About',
  'TagLine', 'Website', 'LocalCountry', 'LocalCity', 'RelationshipStatus', 'Quote', 'Religion', 'Political',
  'ProfessionalHeadline',
] as const;
const ADDRESS_KEYS = ['Type', 'Address1', 'Address2', 'City', 'State', 'PostalCode', 'Region', 'Country'] as const;
/**
 * Everything a client may change through Update Profile (UserName is handled with its uniqueness check in
 * `routes/common.ts`). Anything else in the body — Uid, EmailVerified, dates, counters — is ignored, as live (E1-14).
 */
export const EDITABLE = new Map<string, string>(
  [...STRING_FIELDS, 'BirthDate', 'Country', 'PhoneNumbers', 'Addresses', 'CustomFields', 'IsEmailSubscribed'].map((f) => [f.toLowerCase(), f]),
);

const MAX_TEXT = 256;

function text(field: string, v: unknown): string | null {
  if (v === null || v === '') return null;
  if (typeof v !== 'string') invalid([field, `The ${field} field must be a string.`]);
  if (v.length > MAX_TEXT) invalid([field, `The ${field} field must not exceed ${MAX_TEXT} characters in length.`]);
  if (/\p{Cc}/u.test(v)) invalid([field, `The ${field} field contains control characters.`]);
  return v;
}

/** `MM-dd-yyyy` (LoginRadius) or `yyyy-MM-dd` (HTML date input) → `MM-dd-yyyy`, a real calendar date. */
function birthDate(v: unknown): string | null {
  const s = text('BirthDate', v);
  if (s === null) return null;
  let m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  let [mm, dd, yyyy] = m ? [m[1]!, m[2]!, m[3]!] : ['', '', ''];
  if (!m && (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [yyyy, mm, dd] = [m[1]!, m[2]!, m[3]!];
  const d = new Date(Date.UTC(+yyyy, +mm - 1, +dd));
  if (!m || d.getUTCMonth() !== +mm - 1 || d.getUTCDate() !== +dd || +yyyy < 1900 || d.getTime() > Date.now()) {
    invalid(['BirthDate', 'The BirthDate field must be a valid date in MM-dd-yyyy format.']);
  }
  return `${mm}-${dd}-${yyyy}`;
}

function plainObject(field: string, v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) invalid([field, `The ${field} field must be an object.`]);
  return v as Record<string, unknown>;
}

/** Reads the editable fields of an update body; `nullSupport` lets `null` clear a field (else nulls are ignored). */
export function parseProfileUpdate(body: Body, nullSupport: boolean): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [lower, value] of body.entries()) {
    const field = EDITABLE.get(lower);
    if (!field) continue;
    if (value === null && !nullSupport) continue;
    if (field === 'BirthDate') out[field] = birthDate(value);
    else if (field === 'IsEmailSubscribed') {
      if (value !== null && typeof value !== 'boolean') invalid([field, `The ${field} field must be a boolean.`]);
      out[field] = value as boolean | null;
    } else if (field === 'Country') {
      if (value === null) { out[field] = null; continue; }
      const c = plainObject(field, value);
      out[field] = { Code: text('Country.Code', c.Code ?? c.code ?? null), Name: text('Country.Name', c.Name ?? c.name ?? null) };
    } else if (field === 'PhoneNumbers') {
      if (value === null) { out[field] = null; continue; }
      if (!Array.isArray(value) || value.length > 10) invalid([field, `The ${field} field must be a list of at most 10 numbers.`]);
      out[field] = value.map((p) => {
        const o = plainObject(field, p);
        const num = text('PhoneNumber', o.PhoneNumber ?? o.phonenumber ?? null);
        if (num !== null && !/^\+?[0-9 ()-]{3,20}$/.test(num)) invalid(['PhoneNumbers', 'The PhoneNumber field must be a valid phone number.']);
        return { PhoneType: text('PhoneType', o.PhoneType ?? o.phonetype ?? null) ?? 'Mobile', PhoneNumber: num };
      });
    } else if (field === 'Addresses') {
      if (value === null) { out[field] = null; continue; }
      if (!Array.isArray(value) || value.length > 10) invalid([field, `The ${field} field must be a list of at most 10 addresses.`]);
      out[field] = value.map((a) => {
        const o = new Map(Object.entries(plainObject(field, a)).map(([k, v]) => [k.toLowerCase(), v]));
        return Object.fromEntries(ADDRESS_KEYS.map((k) => [k, text(`Addresses.${k}`, o.get(k.toLowerCase()) ?? null)]));
      });
    } else if (field === 'CustomFields') {
      if (value === null) { out[field] = null; continue; }
      const o = plainObject(field, value);
      const cf: Record<string, Json> = {};
      for (const [k, v] of Object.entries(o)) cf[k] = text(`CustomFields.${k}`, v);
      out[field] = cf;
    } else out[field] = text(field, value);
  }
  return out;
}

/** The full profile object as LoginRadius returns it (core fields; the long social tail is left out). */
export function publicProfile(u: User): Record<string, Json> {
  const primary = u.emails.find((e) => e.Type === 'Primary') ?? u.emails[0];
  const unverified = u.emails.filter((e) => !e.Verified).map(({ Type, Value }) => ({ Type, Value }));
  const f = u.fields;
  const s = (k: string): Json => (f[k] === undefined ? null : f[k]!);
  return {
    Uid: u.Uid,
    ID: u.ID,
    Provider: 'Email',
    Email: u.emails.map(({ Type, Value }) => ({ Type, Value })),
    EmailVerified: primary?.Verified ?? false,
    UnverifiedEmail: unverified.length ? unverified : null,
    UserName: u.UserName,
    PhoneId: u.PhoneId,
    PhoneIdVerified: u.PhoneIdVerified ?? false,
    ...Object.fromEntries(STRING_FIELDS.map((k) => [k, s(k)])),
    FullName: s('FullName') ?? ([f.FirstName, f.LastName].filter(Boolean).join(' ') || null),
    BirthDate: s('BirthDate'),
    Country: s('Country'),
    PhoneNumbers: s('PhoneNumbers'),
    Addresses: s('Addresses'),
    CustomFields: s('CustomFields'),
    IsEmailSubscribed: f.IsEmailSubscribed ?? false,
    IsActive: u.IsActive,
    IsDeleted: false,
    IsLoginLocked: isLocked(u),
    LoginLockedType: u.lock ? LOCK_TYPE_NAMES[u.lock.type] : u.IsLoginLocked ? 'Suspend' : 'None',
    IsSecurePassword: null,
    IsPasswordBreached: false,
    RegistrationProvider: 'Email',
    RegistrationSource: u.RegistrationSource,
    CreatedDate: u.CreatedDate,
    ModifiedDate: u.ModifiedDate,
    SignupDate: u.CreatedDate,
    LastLoginDate: u.LastLoginDate,
    LastPasswordChangeDate: u.LastPasswordChangeDate,
    PasswordExpirationDate: null,
    NoOfLogins: u.NoOfLogins,
    FirstLogin: u.NoOfLogins <= 1,
    LastLoginLocation: null,
    Roles: null,
    Identities: null,
    PreviousUids: null,
    ExternalIds: null,
    Password: null,
  };
}

/**
 * `fields` projection: `a,b` selects top-level keys, `a/b` a nested path, `a(b,c)` nested children, `*` everything.
 * Arrays are projected item by item. Unknown names are simply absent.
 */
export function project(value: Json, fields: string | undefined): Json {
  if (!fields || !fields.trim() || fields.trim() === '*') return value;
  const tree = parseFields(fields);
  return tree ? apply(value, tree) : value;
}

type Tree = Map<string, Tree | true>;

function parseFields(spec: string): Tree | null {
  const root: Tree = new Map();
  let i = 0;
  const parseList = (into: Tree, depth: number): void => {
    if (depth > 8) throw new Error('too deep');
    while (i < spec.length) {
      let name = '';
      while (i < spec.length && !',()'.includes(spec[i]!)) name += spec[i++];
      name = name.trim();
      let node: Tree | true = true;
      if (spec[i] === '(') { i++; node = new Map(); parseList(node, depth + 1); if (spec[i] !== ')') throw new Error('unbalanced'); i++; }
      if (name === '*') return void into.clear();
      if (name) addPath(into, name.split('/').map((p) => p.trim()).filter(Boolean), node);
      if (spec[i] === ',') { i++; continue; }
      if (spec[i] === ')' || i >= spec.length) return;
    }
  };
  try { parseList(root, 0); } catch { return null; }
  return root.size ? root : null;
}

function addPath(into: Tree, path: string[], leaf: Tree | true): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (!rest.length) { into.set(head.toLowerCase(), leaf); return; }
  let next = into.get(head.toLowerCase());
  if (next === true) return;
  if (!next) into.set(head.toLowerCase(), (next = new Map()));
  addPath(next, rest, leaf);
}

function apply(value: Json, tree: Tree): Json {
  if (Array.isArray(value)) return value.map((v) => apply(v, tree));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    const sel = tree.get(k.toLowerCase());
    if (sel === true) out[k] = v;
    else if (sel) out[k] = apply(v, sel);
  }
  return out;
}
