/** The shapes the emulator's store holds and writes (users, tokens, one-time records, outbox, audit, snapshots). */
import type { LockoutType } from './context.js';
import type { Json } from './validate.js';

export interface EmailEntry { Type: string; Value: string; Verified: boolean }

export interface User {
  Uid: string;
  ID: string;
  emails: EmailEntry[];
  passwordHash: string | null;
  UserName: string | null;
  PhoneId: string | null;
  /** Editable profile fields (FirstName, LastName, BirthDate, Country, PhoneNumbers, CustomFields, ...). */
  fields: Record<string, Json>;
  IsActive: boolean;
  /** Locked by the site's backend (Account API `IsLoginLocked: true`): answered as a suspend without an end. */
  IsLoginLocked: boolean;
  /** A brute-force lock (see `lockout.ts`); `until` ends a suspend. Absent in data files written before it existed. */
  lock?: { type: LockoutType; until: number | null } | null;
  PhoneIdVerified?: boolean;
  CreatedDate: string;
  ModifiedDate: string;
  LastLoginDate: string | null;
  LastPasswordChangeDate: string | null;
  NoOfLogins: number;
  RegistrationSource: string;
  securityAnswers: Record<string, string>;
  /** Second factors (emulator/mfa/): absent until the user first meets multi-factor authentication. */
  mfa?: MfaState;
}

export interface MfaState {
  /** Base32 TOTP secret: pending (shown as QR / manual key) until `authenticatorVerified`. */
  secret: string | null;
  authenticatorVerified: boolean;
  /** The TOTP time step last accepted: a code is accepted once (RFC 6238 §5.2). */
  lastTotpStep: number;
  emailOtp: boolean;
  /** SHA-256 of each unused backup code. */
  backupCodes: string[];
}

export interface AccessToken { uid: string; refreshToken: string; createdAt: number; expiresAt: number }

export type LinkKind = 'verification' | 'reset' | 'delete';
export type OneTimeKind = LinkKind | 'mfa' | 'mfa-otp' | 'passwordless' | 'passwordless-otp';
/**
 * `mfa`: a second-factor token (`email` holds the login's lockout key); `*-otp`: a short code for one scope (a
 * second-factor token, a user or an address), kept as `codeHash` with its wrong `attempts` and `sends` (issueCode).
 */
export interface OneTimeToken {
  kind: OneTimeKind; uid: string; email: string; expiresAt: number; usedAt: number | null;
  attempts?: number; codeHash?: string | null; sends?: number;
}

export interface OutboxMessage {
  Id: string;
  To: string;
  Kind: 'verification' | 'reset' | 'delete' | 'welcome' | 'mfa-otp' | 'passwordless';
  Subject: string;
  Link: string | null;
  Token: string | null;
  /** The emailed code (second-factor and passwordless mails). */
  Otp?: string;
  CreatedDate: string;
}

/** One audit-log entry (see audit.ts): who did what to which account, with what outcome. Never a secret. */
export interface AuditEntry {
  Time: string;
  Operation: string;
  Uid: string | null;
  Email: string | null;
  Status: number;
  ErrorCode: number | null;
  Caller: { Address: string; Credential: string };
}

export interface Snapshot {
  version: 1;
  /** The last journal record included (absent in files written before the journal existed). */
  seq?: number;
  users: User[];
  tokens: [string, AccessToken][];
  oneTime: [string, OneTimeToken][];
  outbox: OutboxMessage[];
  /** Absent in files written before the audit log existed. */
  audit?: AuditEntry[];
}

/** One change, as written to the journal: set or delete a user / access token / one-time token, mail, reset. */
export type Op =
  | ['u', User] | ['du', string]
  | ['t', string, AccessToken] | ['dt', string]
  | ['o', string, OneTimeToken] | ['do', string]
  | ['m', OutboxMessage] | ['mc'] | ['a', AuditEntry] | ['r'];

/** The outbox keeps the newest 1000 messages. */
