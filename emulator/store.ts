/**
 * The emulator's state: accounts with secondary indexes, access tokens, one-time tokens (stored as SHA-256 only)
 * and the outbox. Lookups use Maps (no prototype-pollution surface). The store tracks what changed since the last
 * `takeChanges()` as journal operations; `persist.ts` writes them (the store itself does no I/O).
 */
import { createHash } from 'node:crypto';
import { newAccessToken, newHexId, sha256, type TokenFormat } from './crypto.js';
import { normEmail } from './validate.js';

export * from './store-types.js';
import type { AccessToken, AuditEntry, EmailEntry, OneTimeKind, OneTimeToken, Op, OutboxMessage, Snapshot, User } from './store-types.js';

export const MAX_OUTBOX = 1000;
/** The audit log keeps the newest 10,000 entries, none older than 30 days. */
export const AUDIT_MAX_ENTRIES = 10_000;
export const AUDIT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** The index keys one user holds, so re-indexing a user is O(1). */
interface IndexKeys { emails: string[]; userName: string | null; phone: string | null }

/** Appends, dropping the oldest past `max`. */
function pushBounded<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

const digest = (u: User) => createHash('sha1').update(JSON.stringify(u)).digest('base64');

export class Store {
  readonly #users = new Map<string, User>();
  readonly #indexed = new Map<string, IndexKeys>();
  readonly #byEmail = new Map<string, string>();
  readonly #byUserName = new Map<string, string>();
  readonly #byPhone = new Map<string, string>();
  /** Access tokens by their value. */
  readonly #tokens = new Map<string, AccessToken>();
  /** One-time tokens by SHA-256 of their value: the value itself is never stored. */
  readonly #oneTime = new Map<string, OneTimeToken>();
  #outbox: OutboxMessage[] = [];
  #audit: AuditEntry[] = [];

  // Change tracking. Users are changed in place by the routes, so every user looked up is a candidate and is
  // written when its content differs from what was last written (a digest per user).
  readonly #written = new Map<string, string>();
  readonly #seenUsers = new Set<string>();
  readonly #dirtyTokens = new Set<string>();
  readonly #dirtyOneTime = new Set<string>();
  #pendingOps: Op[] = [];
  /** Off until a data file is used (`trackChanges()`): without one nothing collects changes. */
  #tracking = false;

  trackChanges(): void { this.#tracking = true; }

  /** Read-only views (tests and the status control read sizes; only the methods below change the maps). */
  get users(): ReadonlyMap<string, User> { return this.#users; }
  get tokens(): ReadonlyMap<string, AccessToken> { return this.#tokens; }
  get oneTime(): ReadonlyMap<string, OneTimeToken> { return this.#oneTime; }
  get outbox(): readonly OutboxMessage[] { return this.#outbox; }
  get audit(): readonly AuditEntry[] { return this.#audit; }

  reset(): void {
    this.clear();
    this.#pendingOps = [];
    this.op(['r']);
  }

  private clear(): void {
    this.#users.clear(); this.#indexed.clear(); this.#byEmail.clear(); this.#byUserName.clear(); this.#byPhone.clear();
    this.#tokens.clear(); this.#oneTime.clear(); this.#outbox = []; this.#audit = [];
    this.#written.clear(); this.#seenUsers.clear(); this.#dirtyTokens.clear(); this.#dirtyOneTime.clear();
  }

  // ------------------------------------------------------------------------------------------ users
  userByEmail(email: string): User | undefined { return this.get(this.#byEmail.get(normEmail(email))); }
  userByUserName(name: string): User | undefined { return this.get(this.#byUserName.get(name.toLowerCase())); }
  userByPhone(phone: string): User | undefined { return this.get(this.#byPhone.get(phone)); }
  get(uid: string | undefined): User | undefined {
    const user = uid === undefined ? undefined : this.#users.get(uid);
    if (user && this.#tracking) this.#seenUsers.add(user.Uid);
    return user;
  }

  /** Adds a user, or re-indexes one after a change made in place. Callers check uniqueness first. */
  put(user: User): void {
    this.unindex(user.Uid);
    this.#users.set(user.Uid, user);
    if (this.#tracking) this.#seenUsers.add(user.Uid);
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
    if (this.#tracking) this.#seenUsers.add(uid);
    this.revokeTokens(uid);
    for (const [h, v] of this.#oneTime) if (v.uid === uid) this.deleteOneTime(h);
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
    this.mark(this.#dirtyTokens, access);
    return { access_token: access, refresh_token: refreshToken, expires_in: new Date(expiresAt).toISOString() };
  }

  token(value: string): AccessToken | undefined { return this.#tokens.get(value); }

  /** Moves a session's expiry (the sliding-token endpoint). */
  slideToken(value: string, expiresAt: number): void {
    const t = this.#tokens.get(value);
    if (t) { t.expiresAt = expiresAt; this.mark(this.#dirtyTokens, value); }
  }

  /** Ends one session. */
  deleteToken(value: string): void {
    if (this.#tokens.delete(value)) this.mark(this.#dirtyTokens, value);
  }

  /** Ends every session of a user. */
  revokeTokens(uid: string): void {
    for (const [t, v] of this.#tokens) if (v.uid === uid) this.deleteToken(t);
  }

  /** Creates a one-time token; returns its value (only its hash is kept). */
  issueOneTime(kind: OneTimeKind, uid: string, email: string, now: number, lifetimeSeconds: number): string {
    const token = newHexId();
    const hash = sha256(token);
    this.#oneTime.set(hash, { kind, uid, email, expiresAt: now + lifetimeSeconds * 1000, usedAt: null });
    this.mark(this.#dirtyOneTime, hash);
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
    this.mark(this.#dirtyOneTime, key);
    return record;
  }

  findCode(kind: OneTimeKind, scope: string): OneTimeToken | undefined { return this.#oneTime.get(sha256(`${kind}|${scope}`)); }

  /** Counts a wrong code on a record from findOneTime / findCode; returns the count. */
  countAttempt(record: OneTimeToken): number {
    record.attempts = (record.attempts ?? 0) + 1;
    this.#markRecord(record);
    return record.attempts;
  }

  /** Marks a record from findOneTime / findCode as used. */
  useRecord(record: OneTimeToken, now: number): void {
    record.usedAt = now;
    this.#markRecord(record);
  }

  /** Journals a record changed in place (found by identity: such changes are rare, one per code or sign-in). */
  #markRecord(record: OneTimeToken): void {
    for (const [hash, t] of this.#oneTime) if (t === record) return this.mark(this.#dirtyOneTime, hash);
  }

  /** Marks one token as used. */
  markUsed(token: string, now: number): void {
    const hash = sha256(token);
    const t = this.#oneTime.get(hash);
    if (t) { t.usedAt = now; this.mark(this.#dirtyOneTime, hash); }
  }

  /** Marks every outstanding token of a kind for a user as used (e.g. all reset links after one reset). */
  consumeAll(kind: OneTimeKind, uid: string, now: number, email?: string): void {
    for (const [hash, t] of this.#oneTime) {
      if (t.kind === kind && t.uid === uid && t.usedAt === null && (email === undefined || normEmail(t.email) === normEmail(email))) {
        t.usedAt = now;
        this.mark(this.#dirtyOneTime, hash);
      }
    }
  }

  private deleteOneTime(hash: string): void {
    if (this.#oneTime.delete(hash)) this.mark(this.#dirtyOneTime, hash);
  }

  /**
   * Bounded memory: drops access tokens expired more than `graceMs` ago (until then they still answer 906),
   * one-time tokens used or expired more than `graceMs` ago, and audit entries older than 30 days. Returns how many
   * entries were dropped.
   */
  prune(now: number, graceMs: number): number {
    let dropped = 0;
    // Audit entries past their age (entries are in time order). Not journaled: a replay prunes the same way.
    const keep = this.#audit.findIndex((e) => Date.parse(e.Time) + AUDIT_MAX_AGE_MS > now);
    const cut = keep < 0 ? this.#audit.length : keep;
    if (cut > 0) { this.#audit.splice(0, cut); dropped += cut; }
    for (const [t, v] of this.#tokens) if (v.expiresAt + graceMs <= now) { this.deleteToken(t); dropped++; }
    for (const [h, v] of this.#oneTime) {
      if ((v.usedAt !== null && v.usedAt + graceMs <= now) || v.expiresAt + graceMs <= now) { this.deleteOneTime(h); dropped++; }
    }
    return dropped;
  }

  // ----------------------------------------------------------------------------------------- outbox
  addMail(message: OutboxMessage): void {
    this.pushMail(message);
    this.op(['m', message]);
  }

  private pushMail(message: OutboxMessage): void { pushBounded(this.#outbox, message, MAX_OUTBOX); }

  mailTo(email: string): OutboxMessage[] { return this.#outbox.filter((m) => normEmail(m.To) === normEmail(email)); }

  clearOutbox(): void {
    this.#outbox = [];
    this.op(['mc']);
  }

  // -------------------------------------------------------------------------------------- audit log
  addAudit(entry: AuditEntry): void {
    this.pushAudit(entry);
    this.op(['a', entry]);
  }

  private pushAudit(entry: AuditEntry): void { pushBounded(this.#audit, entry, AUDIT_MAX_ENTRIES); }

  // --------------------------------------------------------------------------------- changes, replay
  private mark(set: Set<string>, key: string): void { if (this.#tracking) set.add(key); }
  private op(op: Op): void { if (this.#tracking) this.#pendingOps.push(op); }

  /** The changes since the last call, as journal operations (empty when nothing changed). */
  takeChanges(): Op[] {
    const ops = this.#pendingOps;
    this.#pendingOps = [];
    for (const uid of this.#seenUsers) {
      const user = this.#users.get(uid);
      if (!user) {
        if (this.#written.delete(uid)) ops.push(['du', uid]);
        continue;
      }
      const d = digest(user);
      if (this.#written.get(uid) !== d) { this.#written.set(uid, d); ops.push(['u', user]); }
    }
    this.#seenUsers.clear();
    for (const t of this.#dirtyTokens) {
      const v = this.#tokens.get(t);
      ops.push(v ? ['t', t, v] : ['dt', t]);
    }
    this.#dirtyTokens.clear();
    for (const h of this.#dirtyOneTime) {
      const v = this.#oneTime.get(h);
      ops.push(v ? ['o', h, v] : ['do', h]);
    }
    this.#dirtyOneTime.clear();
    return ops;
  }

  /** True when `takeChanges()` may return something (cheap; users are compared only then). */
  get mayHaveChanges(): boolean {
    return this.#pendingOps.length > 0 || this.#seenUsers.size > 0 || this.#dirtyTokens.size > 0 || this.#dirtyOneTime.size > 0;
  }

  /** Replays journal operations (at start-up); nothing is tracked as changed. */
  apply(ops: Op[]): void {
    for (const op of ops) {
      switch (op[0]) {
        case 'u': this.put(op[1]); this.#written.set(op[1].Uid, digest(op[1])); break;
        case 'du': this.unindex(op[1]); this.#users.delete(op[1]); this.#written.delete(op[1]); break;
        case 't': this.#tokens.set(op[1], op[2]); break;
        case 'dt': this.#tokens.delete(op[1]); break;
        case 'o': this.#oneTime.set(op[1], op[2]); break;
        case 'do': this.#oneTime.delete(op[1]); break;
        case 'm': this.pushMail(op[1]); break;
        case 'mc': this.#outbox = []; break;
        case 'a': this.pushAudit(op[1]); break;
        case 'r': this.clear(); break;
        default: throw new Error(`unknown journal operation ${JSON.stringify((op as unknown[])[0])}`);
      }
    }
    this.#seenUsers.clear();
  }

  snapshot(seq: number): Snapshot {
    return { version: 1, seq, users: [...this.#users.values()], tokens: [...this.#tokens], oneTime: [...this.#oneTime], outbox: this.#outbox, audit: this.#audit };
  }

  /** Loads a snapshot into an empty store. */
  load(s: Snapshot): void {
    this.apply([
      ...s.users.map((u): Op => ['u', u]),
      ...s.tokens.map(([k, v]): Op => ['t', k, v]),
      ...s.oneTime.map(([k, v]): Op => ['o', k, v]),
      ...s.outbox.map((m): Op => ['m', m]),
      ...(s.audit ?? []).map((e): Op => ['a', e]),
    ]);
  }
}
