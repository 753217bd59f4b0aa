import type {Profile} from '../../core/client.js';
import type {MessageKey} from '../../i18n/index.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

/** How a field is edited. */
export type ProfileControl = 'text' | 'date' | 'tel' | 'select';

/**
 * One editable profile field: how it reads from the LoginRadius profile into the form (a string), and how a
 * form value goes back into an Update Profile body. `name` is both the profile key and the input's `name`.
 */
export interface ProfileFieldDef {
  name: string;
  label: MessageKey;
  control: ProfileControl;
  /** The WHATWG autofill token (B4-03). */
  autocomplete: string;
  maxlength?: number;
  /** Options of a `select` (value → label key); the current value is kept even when it is not listed. */
  options?: readonly (readonly [value: string, label: MessageKey])[];
  /** The form value of this field for a profile. */
  read(p: Profile): string;
  /** The Update Profile body entries for a changed form value. */
  write(value: string, p: Profile): Record<string, unknown>;
  /** Extra `Errors[].FieldName`s (lower case) that belong to this field. */
  errorNames?: readonly string[];
  /** LoginRadius codes whose text belongs on this field (1017: the username is taken). */
  errorCodes?: readonly number[];
  /** The on-screen keyboard of a text field (`inputmode`). */
  inputmode?: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A plain string field. */
const text = (name: string, label: MessageKey, autocomplete: string): ProfileFieldDef => ({
  name,
  label,
  control: 'text',
  autocomplete,
  maxlength: 256,
  read: (p) => str(p[name]),
  write: (v) => ({[name]: v}),
});

/** LoginRadius sends `MM-dd-yyyy` (sometimes `yyyy-MM-dd`); a date input wants `yyyy-MM-dd`. */
export function birthDateToInput(v: unknown): string {
  const s = str(v).trim();
  let m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[1]}-${m[2]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

/** `yyyy-MM-dd` from a date input → LoginRadius `MM-dd-yyyy` (empty clears the date). */
export function birthDateToApi(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[2]}-${m[3]}-${m[1]}` : v;
}

interface PhoneNumber {
  PhoneType?: string | null;
  PhoneNumber?: string | null;
}

const phones = (p: Profile): PhoneNumber[] =>
  Array.isArray(p['PhoneNumbers']) ? (p['PhoneNumbers'] as unknown[]).filter((x): x is PhoneNumber => !!x && typeof x === 'object') : [];

/** Every field the editor knows, by profile key. Unknown names in `fields` are ignored. */
export const PROFILE_FIELDS: Record<string, ProfileFieldDef> = {
  Prefix: text('Prefix', 'profile.field.Prefix', 'honorific-prefix'),
  FirstName: text('FirstName', 'profile.field.FirstName', 'given-name'),
  MiddleName: text('MiddleName', 'profile.field.MiddleName', 'additional-name'),
  LastName: text('LastName', 'profile.field.LastName', 'family-name'),
  Suffix: text('Suffix', 'profile.field.Suffix', 'honorific-suffix'),
  NickName: text('NickName', 'profile.field.NickName', 'nickname'),
  BirthDate: {
    name: 'BirthDate',
    label: 'profile.field.BirthDate',
    control: 'date',
    autocomplete: 'bday',
    read: (p) => birthDateToInput(p['BirthDate']),
    write: (v) => ({BirthDate: birthDateToApi(v)}),
  },
  Gender: {
    name: 'Gender',
    label: 'profile.field.Gender',
    control: 'select',
    autocomplete: 'sex',
    options: [
      ['', 'profile.gender.unspecified'],
      ['F', 'profile.gender.F'],
      ['M', 'profile.gender.M'],
    ],
    read: (p) => str(p['Gender']),
    write: (v) => ({Gender: v}),
  },
  PhoneNumbers: {
    name: 'PhoneNumbers',
    label: 'profile.field.PhoneNumbers',
    control: 'tel',
    autocomplete: 'tel',
    maxlength: 20,
    errorNames: ['phonenumber', 'phonenumbers'],
    // The editor edits the first number and keeps the others as they are.
    read: (p) => str(phones(p)[0]?.PhoneNumber),
    write: (v, p) => {
      const [first, ...rest] = phones(p);
      const list = v.trim() ? [{PhoneType: first?.PhoneType || 'Mobile', PhoneNumber: v.trim()}, ...rest] : rest;
      return {PhoneNumbers: list};
    },
  },
  Company: text('Company', 'profile.field.Company', 'organization'),
  City: text('City', 'profile.field.City', 'address-level2'),
  State: text('State', 'profile.field.State', 'address-level1'),
  Country: {
    name: 'Country',
    label: 'profile.field.Country',
    control: 'text',
    autocomplete: 'country-name',
    maxlength: 256,
    errorNames: ['country.name', 'country.code'],
    read: (p) => {
      const c = p['Country'];
      return c && typeof c === 'object' ? str((c as {Name?: unknown}).Name) : str(c);
    },
    // A typed country name has no known code: the old code would be wrong, so it is not sent.
    write: (v) => ({Country: {Name: v}}),
  },
  // Issue 11: the other documented writable fields (the service checks them: 1017 / 1134 on their fields).
  UserName: {...text('UserName', 'profile.field.UserName', 'username'), errorCodes: [1017]},
  ProfileName: text('ProfileName', 'profile.field.ProfileName', 'on'),
  HomeTown: text('HomeTown', 'profile.field.HomeTown', 'on'),
  Industry: text('Industry', 'profile.field.Industry', 'on'),
  Designation: text('Designation', 'profile.field.Designation', 'organization-title'),
  Website: {...text('Website', 'profile.field.Website', 'url'), inputmode: 'url'},
  TimeZone: text('TimeZone', 'profile.field.TimeZone', 'on'),
};

/** Alternative names accepted in the `fields` attribute. */
const ALIASES: Record<string, string> = {phonenumber: 'PhoneNumbers', phone: 'PhoneNumbers', birthday: 'BirthDate', jobtitle: 'Designation'};

/** The field definitions for a `fields` list (known names only, case-insensitive, no duplicates). */
export function resolveFields(names: readonly string[]): ProfileFieldDef[] {
  const byLower = new Map(Object.keys(PROFILE_FIELDS).map((k) => [k.toLowerCase(), k]));
  const out: ProfileFieldDef[] = [];
  for (const raw of names) {
    const lower = raw.trim().toLowerCase();
    const key = byLower.get(lower) ?? ALIASES[lower];
    const def = key ? PROFILE_FIELDS[key] : undefined;
    if (def && !out.includes(def)) out.push(def);
  }
  return out;
}

/** Splits a `fields` value: names separated by commas and/or spaces (an array is taken as is). */
export function splitFields(v: string | readonly string[] | null | undefined): string[] {
  if (Array.isArray(v)) return v.map(String);
  return String(v ?? '').split(/[\s,]+/).filter(Boolean);
}
