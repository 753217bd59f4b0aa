import { ErrorCodes } from './codes.js';
import { keepAliveConfigured, type Config } from './config.js';
import { isApiError, LrError } from './errors.js';
import { slideToken } from './tokens.js';
import type { StoredSession } from './store.js';

/**
 * Keeps an active user's session alive (issue 13): the token is extended with the sliding-token endpoint (T1) once
 * two thirds of its lifetime have passed, but only while this tab is in use — visible and with user input (a key,
 * a pointer press, typing) within the token's lifetime. A hidden or idle tab lets the token lapse; when it becomes
 * visible with input again before the expiry, it extends then. One extension across all tabs: under the session's
 * Web Lock, the stored record is re-read first and a newer one (another tab extended it) is taken over instead of
 * asking again. Network errors, timeouts, 429 and 5xx retry with backoff until the expiry and never sign out;
 * 905/906 end the session as any other call does.
 */
export interface KeepAliveHost {
  readonly config: Config;
  /** The record in use (undefined while signed out). */
  current(): StoredSession | undefined;
  /** Runs `fn` under the cross-tab lock the validation uses. */
  locked(fn: () => Promise<void>): Promise<void>;
  /** The stored record (another tab may have extended it). */
  stored(): Promise<StoredSession | undefined>;
  /** Takes over a record: an extension of ours (`tell`: store it and tell the other tabs) or another tab's. */
  extended(rec: StoredSession, tell: boolean): Promise<void>;
  /** A 905/906 answer: the session expires. */
  failed(e: unknown): void;
  /** When the user's last trusted input was (ms epoch, 0 for none); lazy-keep-alive.ts listens from the session's start. */
  lastInput(): number;
}

/** The share of a token's lifetime after which it is extended. */
export const EXTEND_AT = 2 / 3;
/** Retry delays after a failed extension: 1 s doubling to 30 s (with jitter), at most a quarter of the time left. */
const retryMs = (tries: number) => Math.min(30_000, 1000 * 2 ** tries) * (0.75 + Math.random() / 2);

/** When the record's token expires (ms epoch by this clock), NaN when unknown. */
const expiryOf = (rec: StoredSession) => Date.parse(rec.expiresAt ?? '');
/** When the record's expiry was last set (sign-in, extension or validation). */
const sinceOf = (rec: StoredSession) => rec.since ?? rec.validatedAt ?? 0;
/** When the record is due for an extension. */
const dueOf = (rec: StoredSession) => sinceOf(rec) + EXTEND_AT * (expiryOf(rec) - sinceOf(rec));

export class KeepAlive {
  readonly #host: KeepAliveHost;
  #timer?: ReturnType<typeof setTimeout>;
  #tries = 0;
  /** Due, but the tab was not in use: extend on the next input while visible. */
  #waiting = false;
  #busy = false;
  #off = false;

  constructor(host: KeepAliveHost) {
    this.#host = host;
  }

  /** True while extensions may run (`configure({keepAlive: false})` and `keep-alive="off"` turn them off). */
  get enabled(): boolean {
    return !this.#off && keepAliveConfigured();
  }

  /** Turns keep-alive off for this session (an element's `keep-alive="off"`). */
  disable(): void {
    this.#off = true;
    this.stop();
  }

  /** (Re)plans the next extension for the current record; call after every change of the record. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#waiting = false;
    const rec = this.#host.current();
    if (!rec || !this.enabled || !(expiryOf(rec) > sinceOf(rec))) return;
    this.#tries = 0;
    this.#timer = setTimeout(this.#tick, Math.max(0, dueOf(rec) - Date.now()));
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#waiting = false;
  }

  /** In use: visible, and a user input since the token's lifetime began (measured back from now). */
  #inUse(rec: StoredSession): boolean {
    const visible = globalThis.document?.visibilityState !== 'hidden';
    const last = this.#host.lastInput();
    return visible && last > 0 && last >= Date.now() - (expiryOf(rec) - sinceOf(rec));
  }

  /** A user input or a change of visibility (lazy-keep-alive.ts): a due extension that waited for use runs now. */
  input(): void {
    if (this.#waiting) this.#tick();
  }

  #tick = (): void => {
    const rec = this.#host.current();
    this.#waiting = false;
    if (!rec || !this.enabled || this.#busy || Date.now() >= expiryOf(rec)) return;
    if (!this.#inUse(rec)) {
      this.#waiting = true;
      return;
    }
    this.#busy = true;
    void this.#host.locked(() => this.#extend(rec.token)).finally(() => (this.#busy = false));
  };

  /** Under the lock: take over another tab's newer record, or extend ours. */
  async #extend(token: string): Promise<void> {
    const stored = await this.#host.stored().catch(() => undefined);
    const mine = this.#host.current();
    if (!mine || mine.token !== token) return; // signed out or switched meanwhile
    // Freshness: another tab extended it meanwhile (the stored record is not due yet): follow, do not ask again.
    if (stored?.token && stored.profile.Uid === mine.profile.Uid && Date.now() < dueOf(stored)) {
      return this.#host.extended(stored, false);
    }
    try {
      const info = await slideToken(this.#host.config, token);
      if (this.#host.current()?.token !== token) return;
      const now = Date.now();
      const next = { ...mine, token: info.access_token, expiresAt: info.expires_in ?? mine.expiresAt, since: now, validatedAt: now };
      await this.#host.extended(next, true);
    } catch (e) {
      if (this.#host.current()?.token !== token) return;
      if (isApiError(e, ErrorCodes.TokenInvalid, ErrorCodes.TokenExpired)) return this.#host.failed(e);
      // Network, timeout, 429, 5xx (or an answer we cannot use): keep the session, try again before the expiry.
      // The wait shrinks with the time left, so a short-lived token still gets several tries before it lapses.
      const left = expiryOf(mine) - Date.now();
      const backoff = e instanceof LrError && e.retryAfter ? e.retryAfter * 1000 : retryMs(this.#tries++);
      const wait = Math.min(backoff, Math.max(200, left / 4));
      clearTimeout(this.#timer);
      if (wait < left) this.#timer = setTimeout(this.#tick, wait);
    }
  }
}
