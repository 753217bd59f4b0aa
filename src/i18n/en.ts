/**
 * The English message table, as types: every user-facing string of the elements, and LoginRadius error codes
 * turned into readable English. The texts live in parts (`./en/<part>.ts`, issue 14), one per element or lazily
 * loaded step plus a shared one, each imported by the module that shows it, so a page downloads only the texts of
 * the elements it has. This module joins their keys into one `MessageKey` union (type-only imports: it adds no
 * code), so a missing or misspelt key still fails `tsc`. Change wording in the part; translations override keys
 * (`setMessages(locale, partialTable)` in `./index.ts`) and come in the same parts (`./de/<part>.ts`).
 *
 * Values are plain strings with `{name}` placeholders, or plural forms keyed by `Intl.PluralRules`
 * categories (`one`, `other`, …) chosen by the numeric `count` parameter.
 *
 * Security note: unknown account and wrong password share one message (`code.966` = `code.938` =
 * `code.1023`), and the forgot-password confirmation never depends on whether the address exists.
 */
import type {emails} from './en/emails.js';
import type {forgot} from './en/forgot.js';
import type {handOver} from './en/hand-over.js';
import type {link} from './en/link.js';
import type {lockout} from './en/lockout.js';
import type {login} from './en/login.js';
import type {mfa} from './en/mfa.js';
import type {mfaSettings} from './en/mfa-settings.js';
import type {mfaStep} from './en/mfa-step.js';
import type {passwordless} from './en/passwordless.js';
import type {profile} from './en/profile.js';
import type {register} from './en/register.js';
import type {shared} from './en/shared.js';

/** Each message part by name, with its English table's type. */
export interface MessageParts {
  shared: typeof shared;
  login: typeof login;
  forgot: typeof forgot;
  lockout: typeof lockout;
  passwordless: typeof passwordless;
  register: typeof register;
  profile: typeof profile;
  emails: typeof emails;
  link: typeof link;
  mfa: typeof mfa;
  'mfa-step': typeof mfaStep;
  'mfa-settings': typeof mfaSettings;
  'hand-over': typeof handOver;
}

/** The name of a message part (`'login'`, `'mfa-step'`, …): what a part loader is asked for. */
export type MessagePart = keyof MessageParts;

/** Plural variants, chosen with `Intl.PluralRules` from the `count` parameter. `other` is required. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Every message key of every part. */
export type MessageKey = {[P in MessagePart]: keyof MessageParts[P]}[MessagePart] & string;
/** A complete table: every key of every part (a translation typed so misses no key). */
export type MessageTable = Record<MessageKey, string | PluralForms>;
/** A complete table of one part (`PartTable<'login'>`): what a translation's part module holds. */
export type PartTable<P extends MessagePart> = Record<keyof MessageParts[P] & string, string | PluralForms>;
