/**
 * The emulator's state: accounts with secondary indexes, access tokens, one-time tokens (stored as SHA-256 only),
 * the outbox, and JSON persistence with atomic writes. Lookups use Maps (no prototype-pollution surface).
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { newAccessToken, newHexId, sha256, type TokenFormat } from './crypto.js';
import type { LockoutType } from './context.js';
import { normEmail, type Json } from './validate.js';

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

interface Snapshot {
  version: 1;
  users: User[];
  tokens: [string, AccessToken][];
  oneTime: [string, OneTimeToken][];
  outbox: OutboxMessage[];
}

/** The outbox keeps the newest 1000 messages. */
const MAX_OUTBOX = 1000;

/** The index keys one user holds, so re-indexing a user is O(1). */
interface IndexKeys { emails: string[]; userName: string | null; phone: string | null }

export class Store {
  readonly #users = new Map<string, User>();
  readonly #indexed = new Map<string, IndexKeys>();
  readonly #byEmail = new Map<string, string>();
  readonly #byUserName = new Map<string, string>();
  readonly #byPhone = new Map<string, string>();
  /** Access tokens by their value. */
  #tokens = new Map<string, AccessToken>();
  /** One-time tokens by SHA-256 of their value: the value itself is never stored. */
  #oneTime = new Map<string, OneTimeToken>();
  #outbox: OutboxMessage[] = [];

  constructor(private readonly dataFile?: string) {
    if (dataFile && existsSync(dataFile)) this.load(JSON.parse(readFileSync(dataFile, 'utf8')) as Snapshot);
  }

  /** Read-only views (tests and the status control read sizes; only the methods below change the maps). */
  get users(): ReadonlyMap<string, User> { return this.#users; }
  get tokens(): ReadonlyMap<string, AccessToken> { return this.#tokens; }
  get oneTime(): ReadonlyMap<string, OneTimeToken> { return this.#oneTime; }
  get outbox(): readonly OutboxMessage[] { return this.#outbox; }

  reset(): void {
    this.#users.clear(); this.#indexed.clear(); this.#byEmail.clear(); this.#byUserName.clear(); this.#byPhone.clear();
    this.#tokens.clear(); this.#oneTime.clear(); this.#outbox = [];
  }

  // ------------------------------------------------------------------------------------------ users
  userByEmail(email: string): User | undefined { return this.get(this.#byEmail.get(normEmail(email))); }
  userByUserName(name: string): User | undefined { return this.get(this.#byUserName.get(name.toLowerCase())); }
  userByPhone(phone: string): User | undefined { return this.get(this.#byPhone.get(phone)); }
  get(uid: string | undefined): User | undefined { return uid === undefined ? undefined : this.#users.get(uid); }

  /** Adds a user, or re-indexes one after a change made in place. Callers check uniqueness first. */
  put(user: User): void {
    this.unindex(user.Uid);
    this.#users.set(user.Uid, user);
    const keys: IndexKeys = { emails: user.emails.map((e) => normEmail(e.Value)), userName: user.UserName?.toLowerCase() ?? null, phone: user.PhoneId };
    for (const e of keys.emails) this.#byEmail.set(e, user.Uid);
    if (keys.userName) this.#byUserName.set(keys.userName, user.Uid);
    if (keys.phone) this.#byPhone.set(keys.phone, user.Uid);
    this.#indexed.set(user.Uid, keys);
  }

  /** Deletes a user with its sessions and one-time tokens. */
  delete(uid: string): boolean {
    if (!this.#users.has(uid)) return false;
    this.unindex(uid);
    this.#users.delete(uid);
    this.revokeTokens(uid);
    for (const [h, v] of this.#oneTime) if (v.uid === uid) this.#oneTime.delete(h);
    return true;
  }

  /** Drops the index entries a user was last indexed under (the user object may already have been changed in place). */
  private unindex(uid: string): void {
    const keys = this.#indexed.get(uid);
    if (!keys) return;
    const drop = (index: Map<string, string>, k: string | null) => { if (k !== null && index.get(k) === uid) index.delete(k); };
    for (const e of keys.emails) drop(this.#byEmail, e);
    drop(this.#byUserName, keys.userName);
    drop(this.#byPhone, keys.phone);
    this.#indexed.delete(uid);
  }

  newUser(now: number, init: Partial<User> & { emails: EmailEntry[] }): User {
    const iso = new Date(now).toISOString();
    return {
      Uid: newHexId(), ID: newHexId(), passwordHash: null, UserName: null, PhoneId: null, fields: {},
      IsActive: true, IsLoginLocked: false, CreatedDate: iso, ModifiedDate: iso, LastLoginDate: null,
      LastPasswordChangeDate: null, NoOfLogins: 0, RegistrationSource: 'API', securityAnswers: {}, ...init,
    };
  }

  // ----------------------------------------------------------------------------------------- tokens
  issueAccessToken(uid: string, now: number, lifetimeSeconds: number, format: TokenFormat): { access_token: string; refresh_token: string; expires_in: string } {
    const access = newAccessToken(format);
    const refreshToken = newAccessToken(format);
    const expiresAt = now + lifetimeSeconds * 1000;
    this.#tokens.set(access, { uid, refreshToken, createdAt: now, expiresAt });
    return { access_token: access, refresh_token: refreshToken, expires_in: new Date(expiresAt).toISOString() };
  }

  token(value: string): AccessToken | undefined { return this.#tokens.get(value); }

  /** Moves a session's expiry (the sliding-token endpoint). */
  slideToken(value: string, expiresAt: number): void {
    const t = this.#tokens.get(value);
    if (t) t.expiresAt = expiresAt;
  }

  /** Ends one session. */
  deleteToken(value: string): void { this.#tokens.delete(value); }

  /** Ends every session of a user. */
  revokeTokens(uid: string): void {
    for (const [t, v] of this.#tokens) if (v.uid === uid) this.#tokens.delete(t);
  }

  /** Creates a one-time token; returns its value (only its hash is kept). */
  issueOneTime(kind: OneTimeKind, uid: string, email: string, now: number, lifetimeSeconds: number): string {
    const token = newHexId();
    this.#oneTime.set(sha256(token), { kind, uid, email, expiresAt: now + lifetimeSeconds * 1000, usedAt: null });
    return token;
  }

  findOneTime(token: string, kind: OneTimeKind): OneTimeToken | undefined {
    const t = this.#oneTime.get(sha256(token));
    return t && t.kind === kind ? t : undefined;
  }

  /**
   * Stores a short code for one scope, replacing the scope's previous code; keeps the scope's send count while the
   * previous record is live. Only `sha256(scope|code)` is kept. Returns the record.
   */
  issueCode(kind: OneTimeKind, scope: string, uid: string, email: string, code: string | null, now: number, lifetimeSeconds: number): OneTimeToken {
    const key = sha256(`${kind}|${scope}`);
    const prev = this.#oneTime.get(key);
    const sends = prev && prev.expiresAt > now ? (prev.sends ?? 0) : 0;
    const record: OneTimeToken = {
      kind, uid, email, expiresAt: now + lifetimeSeconds * 1000, usedAt: null, attempts: 0,
      codeHash: code === null ? null : sha256(`${scope}|${code}`), sends: sends + 1,
    };
    this.#oneTime.set(key, record);
    return record;
  }

  findCode(kind: OneTimeKind, scope: string): OneTimeToken | undefined { return this.#oneTime.get(sha256(`${kind}|${scope}`)); }

  /** Counts a wrong code on a record from findOneTime / findCode; returns the count. */
  countAttempt(record: OneTimeToken): number { return (record.attempts = (record.attempts ?? 0) + 1); }

  /** Marks a record from findOneTime / findCode as used. */
  useRecord(record: OneTimeToken, now: number): void { record.usedAt = now; }

  /** Marks one token as used. */
  markUsed(token: string, now: number): void {
    const t = this.#oneTime.get(sha256(token));
    if (t) t.usedAt = now;
  }

  /** Marks every outstanding token of a kind for a user as used (e.g. all reset links after one reset). */
  consumeAll(kind: OneTimeKind, uid: string, now: number, email?: string): void {
    for (const t of this.#oneTime.values()) {
      if (t.kind === kind && t.uid === uid && t.usedAt === null && (email === undefined || normEmail(t.email) === normEmail(email))) t.usedAt = now;
    }
  }

  // ----------------------------------------------------------------------------------------- outbox
  addMail(message: OutboxMessage): void {
    this.#outbox.push(message);
    if (this.#outbox.length > MAX_OUTBOX) this.#outbox.splice(0, this.#outbox.length - MAX_OUTBOX);
  }

  mailTo(email: string): OutboxMessage[] { return this.#outbox.filter((m) => normEmail(m.To) === normEmail(email)); }

  clearOutbox(): void { this.#outbox = []; }

  // ------------------------------------------------------------------------------------ persistence
  private snapshot(): Snapshot {
    return { version: 1, users: [...this.#users.values()], tokens: [...this.#tokens], oneTime: [...this.#oneTime], outbox: this.#outbox };
  }

  private load(s: Snapshot): void {
    if (s.version !== 1) throw new Error(`unsupported data file version ${String(s.version)}`);
    for (const u of s.users) this.put(u);
    this.#tokens = new Map(s.tokens);
    this.#oneTime = new Map(s.oneTime);
    this.#outbox = s.outbox;
  }

  /** Writes the state atomically: a temp file, fsync, then rename over the old file. */
  save(): void {
    if (!this.dataFile) return;
    const tmp = `${this.dataFile}.tmp-${process.pid}`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.snapshot()));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.dataFile);
  }
}
