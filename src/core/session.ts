import * as api from './request.js';
import { resolveConfig, type Config } from './config.js';
import { ErrorCodes } from './codes.js';
import { isApiError, LrError } from './errors.js';
import { HeldEvents } from './held-events.js';
import { lazyKeepAlive, type KeepAliveHandle } from './lazy-keep-alive.js';
import { minimalProfile } from './profile.js';
import {
  _resetStoreForTests,
  load,
  openEarly,
  save,
  storageFailure,
  type StorageFailure,
  type StoredProfile,
  type StoredSession,
} from './store.js';
import { validateLock } from './validate-lock.js';

export type SessionState = 'loading' | 'authenticated' | 'anonymous' | 'unknown';
export type ChangeSource = 'load' | 'self' | 'other-tab';
export type LogoutReason = 'user' | 'expired' | 'other-tab';

/** Events dispatched on a `Session` (all `CustomEvent`s; no token or password in any detail). */
export interface SessionEventMap {
  change: CustomEvent<{ state: SessionState; profile?: StoredProfile; source: ChangeSource }>;
  'logged-in': CustomEvent<{ profile: StoredProfile }>;
  'logged-out': CustomEvent<{ reason: LogoutReason }>;
  expired: CustomEvent<null>;
  'storage-unavailable': CustomEvent<{ reason: StorageFailure }>;
}

type Listener<E> = ((ev: E) => void) | { handleEvent(ev: E): void } | null;

export interface Session {
  addEventListener<K extends keyof SessionEventMap>(
    type: K,
    listener: Listener<SessionEventMap[K]>,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SessionEventMap>(
    type: K,
    listener: Listener<SessionEventMap[K]>,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** A token validated (by any tab) less than this long ago is trusted without asking the API again. */
const FRESH_MS = 5000;

/** Short, stable, non-secret id of a string (djb2). */
const hash = (s: string) => {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = Math.imul(h, 33) ^ s.charCodeAt(i);
  return (h >>> 0).toString(36);
};

const sessions = new Map<string, Session>();
const all = new Set<Session>();
openEarly(); // issue 14: the database opens while the page loads, so a session's first read does not wait for it

/**
 * The signed-in state for one (apiBase, apiKey). Get it with `getSession()`: one per page, shared by every
 * element. Reads the stored token once, validates it with the API once (one tab at a time, via Web Locks),
 * follows other tabs through a BroadcastChannel, and never signs the user out because the network failed.
 */
export class Session extends HeldEvents {
  state: SessionState = 'loading';
  profile?: StoredProfile;
  /** Set once IndexedDB failed and this page keeps the session in memory only. */
  storageUnavailable?: StorageFailure;
  /** Settles (never rejects) once the stored token has been read and, if present, checked. */
  readonly ready: Promise<void>;
  /** apiKey/apiBase are fixed at creation (they name the session); `timeoutMs` too when given to `getSession`, else it follows `configure()`. */
  get config(): Config {
    return resolveConfig(this.#own);
  }
  readonly #own: Partial<Config>;
  readonly id: string;

  #key: string;
  #rec?: StoredSession;
  /** Bumped by every sign-in/out/other-tab change: stale async results compare it and give up. */
  #gen = 0;
  #tries = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #ch?: BroadcastChannel;
  #dead = false;
  /** The shared full-profile read: one request in flight per session generation, its answer kept until a change. */
  #full?: { gen: number; p: Promise<api.Profile> };
  /** Extends the token while the user is active (issue 13). */
  readonly #alive: KeepAliveHandle;

  constructor(config: Partial<Config> = {}) {
    super();
    const resolved = resolveConfig(config);
    this.#own = {apiKey: resolved.apiKey, apiBase: resolved.apiBase, ...(config.timeoutMs ? {timeoutMs: config.timeoutMs} : {})};
    this.#key = `${resolved.apiBase}|${resolved.apiKey}`;
    this.id = hash(this.#key);
    this.#alive = lazyKeepAlive({
      config: this.config,
      current: () => this.#rec,
      locked: (fn) => this.#locked(fn),
      stored: () => load(this.#key),
      extended: (rec, tell) => this.#extended(rec, tell),
      failed: (e) => this.handleError(e),
    });
    all.add(this);
    try {
      this.#ch = new BroadcastChannel('lr-elements:' + this.id);
      this.#ch.onmessage = (e) => this.#onMessage(e.data?.t);
      (this.#ch as { unref?(): void }).unref?.(); // Node: do not keep the process alive
    } catch {
      // No BroadcastChannel: catch up with the other tabs from storage whenever the user comes back to this one.
      globalThis.addEventListener?.('focus', this.#resync);
      globalThis.document?.addEventListener('visibilitychange', this.#resync);
    }
    globalThis.addEventListener?.('online', this.#online);
    this.ready = this.#init();
  }

  /** Signs in with email and password (never retried). Rejects with an `LrError`. */
  async login(email: string, password: string, opts?: Parameters<typeof api.login>[3]): Promise<StoredProfile> {
    return this.adopt(await api.login(this.config, email, password, opts));
  }

  /** Takes over a login result (register or verify-email flows that return a token). */
  async adopt(result: { access_token: string; expires_in?: string; Profile: api.Profile }): Promise<StoredProfile> {
    const rec: StoredSession = {
      token: result.access_token,
      expiresAt: result.expires_in,
      profile: minimalProfile(result.Profile),
      validatedAt: Date.now(),
      since: Date.now(),
    };
    this.#gen++;
    this.#set('authenticated', rec, 'self', true);
    await this.#persist(rec, 'login');
    return rec.profile;
  }

  /** Signs out: clears local state first (also offline), then invalidates the token on the server. */
  async logout(): Promise<void> {
    const token = this.#rec?.token ?? (await load(this.#key))?.token;
    this.#gen++;
    this.#set('anonymous', undefined, 'self', 'user');
    await this.#persist(undefined, 'logout');
    if (token) await api.invalidateToken(this.config, token).catch(() => {});
  }

  /** The access token for the host's own backend calls (undefined when signed out). */
  async getAccessToken(): Promise<string | undefined> {
    await this.ready;
    return this.#rec?.token;
  }

  /**
   * Runs `fn` with the access token. No token (signed out) rejects with an "expired" `LrError` (906); a 905/906
   * answer ends the session here, once (`expired`), unless the token changed meanwhile. Rejects with what `fn`
   * threw.
   */
  async withToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await this.getAccessToken();
    if (!token) throw new LrError('api', 'Not signed in', { code: ErrorCodes.TokenExpired });
    try {
      return await fn(token);
    } catch (e) {
      if (this.#rec?.token == token) this.handleError(e);
      throw e;
    }
  }

  /**
   * The signed-in user's full profile (Read Profile; named `fullProfile` because `profile` is the stored minimal
   * one). Every caller on the page shares one request in flight and
   * its answer, until a sign-in/out, `setProfile()` or `fresh: true` (which starts a new read that the next
   * callers share). Rejects like `withToken`.
   */
  fullProfile(opts: { fresh?: boolean } = {}): Promise<api.Profile> {
    const gen = this.#gen;
    const cur = this.#full;
    if (cur && cur.gen == gen && !opts.fresh) return cur.p;
    const p = this.withToken((t) => api.readProfile(this.config, t));
    const entry = (this.#full = { gen, p });
    // A failed read is not kept: the next caller asks again.
    p.catch(() => this.#full == entry && (this.#full = undefined));
    return p;
  }

  /** Re-reads the profile from the API and records it (a 905/906 signs out, see `withToken`). */
  async refreshProfile(): Promise<StoredProfile | undefined> {
    if (!this.#rec) return;
    const full = await this.fullProfile({ fresh: true });
    const stored = await this.setProfile(full);
    this.#full ??= { gen: this.#gen, p: Promise.resolve(full) };
    return stored;
  }

  /** Records profile changes (after a profile edit) and tells the other tabs. */
  async setProfile(profile: api.Profile | StoredProfile): Promise<StoredProfile | undefined> {
    if (!this.#rec) return;
    this.#full = undefined;
    const rec = { ...this.#rec, profile: minimalProfile(profile) };
    this.#set(this.state, rec, 'self');
    await this.#persist(rec, 'profile');
    return rec.profile;
  }

  /** Call with any error from an API call made with the token: 905/906 clears the session (`expired`). */
  handleError(e: unknown): boolean {
    if (!this.#rec || !isApiError(e, ErrorCodes.TokenInvalid, ErrorCodes.TokenExpired)) return false;
    this.#expire('self');
    return true;
  }

  /** Turns the keep-alive off for this session on this page (an element's `keep-alive="off"`). */
  disableKeepAlive(): void {
    this.#alive.disable();
  }

  /** @internal TEST ONLY: stop timers, listeners and the channel. */
  _dispose(): void {
    this.#dead = true;
    this.#alive.dispose();
    this.#gen++;
    clearTimeout(this.#timer);
    this.#ch?.close();
    this.#ch = undefined;
    globalThis.removeEventListener?.('online', this.#online);
    globalThis.removeEventListener?.('focus', this.#resync);
    globalThis.document?.removeEventListener('visibilitychange', this.#resync);
  }

  #emit<K extends keyof SessionEventMap>(type: K, detail: SessionEventMap[K]['detail']) {
    if (!this.#dead) this._deliver(new CustomEvent(type, { detail }));
  }

  /**
   * Moves to a state and emits `change` when state or profile differ; `ev` adds `logged-in` (true) or
   * `logged-out` with that reason (only when there was a user).
   */
  #set(state: SessionState, rec: StoredSession | undefined, source: ChangeSource, ev?: LogoutReason | boolean) {
    const was = this.state;
    const before = JSON.stringify(this.profile);
    this.#rec = rec;
    this.state = state;
    this.profile = rec && { ...rec.profile };
    if (state != 'unknown') clearTimeout(this.#timer), (this.#tries = 0);
    state == 'authenticated' ? this.#alive.schedule() : this.#alive.stop(); // not while unknown: validation retries
    if (was != state || before != JSON.stringify(this.profile)) this.#emit('change', { state, profile: this.profile, source });
    if (ev === true) this.#emit('logged-in', { profile: this.profile! });
    else if (typeof ev == 'string' && (was == 'authenticated' || was == 'unknown')) this.#emit('logged-out', { reason: ev });
  }

  /** A keep-alive extension (ours: stored and told to the other tabs) or another tab's, taken over. */
  async #extended(rec: StoredSession, tell: boolean) {
    this.#set(this.state, rec, tell ? 'self' : 'other-tab');
    if (tell) await this.#persist(rec, 'token');
  }

  async #persist(rec: StoredSession | undefined, t: 'login' | 'logout' | 'profile' | 'token') {
    await save(this.#key, rec);
    this.#storage();
    // Telling other tabs is best-effort: a closed channel (page teardown) must not reject the caller's save.
    try {
      if (!this.#dead) this.#ch?.postMessage({ t });
    } catch {}
  }

  #storage() {
    if (storageFailure && !this.storageUnavailable)
      this.#emit('storage-unavailable', { reason: (this.storageUnavailable = storageFailure) });
  }

  #expire(source: ChangeSource) {
    this.#gen++;
    this.#emit('expired', null);
    this.#set('anonymous', undefined, source, 'expired');
    return this.#persist(undefined, 'logout');
  }

  async #init() {
    const gen = this.#gen;
    try {
      // The read and the lock request overlap; a lock that was free keeps the read (see validate-lock.ts).
      const first = load(this.#key);
      await this.#locked(async (waited) => {
        const rec = await first;
        this.#storage();
        if (rec?.token) await this.#check(gen, waited ? undefined : rec);
      });
      this.#storage();
    } catch {}
    if (this.state == 'loading' && gen == this.#gen) this.#set('anonymous', undefined, 'load');
  }

  /** Runs `fn` under the cross-tab validation lock (or without it when Web Locks are missing or stuck). */
  #locked = (fn: (waited: boolean) => Promise<void>) => validateLock(this.id, this.config.timeoutMs, fn);

  /** Under the lock: re-read storage (another tab may have validated or cleared it) unless given `read`, then validate. */
  async #check(gen: number, read?: StoredSession) {
    try {
      const rec = read ?? (await load(this.#key));
      if (gen != this.#gen) return;
      if (!rec?.token) return this.#set('anonymous', undefined, 'load');
      // Trust another tab's validation only when it is recent by this clock (a clock set back makes it "future").
      const age = Date.now() - (rec.validatedAt ?? 0);
      if (age >= 0 && age < FRESH_MS) return this.#set('authenticated', rec, 'load');
      try {
        const info = await api.validateToken(this.config, rec.token);
        if (gen != this.#gen) return;
        const fresh = { ...rec, expiresAt: info.expires_in ?? rec.expiresAt, validatedAt: Date.now() };
        this.#set('authenticated', fresh, 'load');
        await save(this.#key, fresh);
      } catch (e) {
        if (gen != this.#gen) return;
        if (isApiError(e)) {
          this.#rec = rec;
          await this.#expire('load');
        } else {
          // Network, timeout, 5xx, 429: keep the token, try again later.
          this.#set('unknown', rec, 'load');
          clearTimeout(this.#timer);
          this.#timer = setTimeout(this.#online, Math.min(3e5, 5000 * 2 ** this.#tries++) * (0.5 + Math.random()));
        }
      }
    } catch {}
  }

  #online = () => {
    if (this.state == 'unknown') {
      const gen = this.#gen;
      this.#locked(() => this.#check(gen));
    }
  };

  /** Without a channel: compares storage with this page's session and applies what another tab changed. */
  #resync = async () => {
    if (globalThis.document?.visibilityState == 'hidden' || this.state == 'loading') return;
    const gen = this.#gen;
    try {
      const rec = await load(this.#key);
      if (gen != this.#gen) return;
      const mine = this.#rec;
      if (!rec?.token) {
        if (mine) await this.#onMessage('logout');
      } else if (rec.token != mine?.token) await this.#onMessage('login');
      else if (JSON.stringify(rec.profile) != JSON.stringify(mine.profile)) await this.#onMessage('profile');
    } catch {}
  };

  async #onMessage(t: unknown) {
    if (t == 'token') return this.#follow();
    const gen = ++this.#gen;
    if (t == 'logout') return this.#set('anonymous', undefined, 'other-tab', 'other-tab');
    if (t != 'login' && t != 'profile') return;
    const rec = await load(this.#key);
    if (gen == this.#gen && rec?.token)
      this.#set('authenticated', rec, 'other-tab', this.state != 'authenticated' || this.profile?.Uid != rec.profile.Uid);
  }

  /** Another tab extended the token: take the stored record (same user) without a session change. */
  async #follow() {
    const gen = this.#gen;
    const rec = await load(this.#key);
    if (gen == this.#gen && rec?.token && rec.profile.Uid == this.#rec?.profile.Uid) this.#set(this.state, rec, 'other-tab');
  }
}

/** The one `Session` of this page for the given (or page-wide) config. */
export function getSession(config?: Partial<Config>): Session {
  return sessionFor(config, false);
}

/** @internal Starts restoring the session for `config` before anything asks for it (issue 14); its events wait for `getSession()`. */
export const startSession = (config: Partial<Config>): void => void sessionFor(config, true);

/** The page's Session for `config` (created if needed): `early` holds a new one's events, `getSession()` releases them. */
function sessionFor(config: Partial<Config> | undefined, early: boolean): Session {
  const cfg = resolveConfig(config);
  const key = `${cfg.apiBase}|${cfg.apiKey}`;
  let s = sessions.get(key);
  if (!s) sessions.set(key, (s = new Session({...config, apiKey: cfg.apiKey, apiBase: cfg.apiBase})));
  early ? s._hold() : s._release();
  return s;
}

/**
 * TEST ONLY: drops every Session of this page (stopping their timers and channels) and the store's
 * fallback state, as if the page had been reloaded. Stored data in IndexedDB is kept.
 */
export function _resetSessionsForTests(): void {
  for (const s of all) s._dispose();
  all.clear();
  sessions.clear();
  _resetStoreForTests();
}
