import type {ReactiveController} from 'lit';
import type {Profile} from '../../core/client.js';
import {resolveConfig} from '../../core/config.js';
import {ErrorCodes} from '../../core/codes.js';
import {isApiError} from '../../core/errors.js';
import type {LrEventDetails} from '../../core/events.js';
import {getSession, type Session} from '../../core/session.js';
import {localeOf, msg} from '../../i18n/index.js';
import type {ActionHost} from './action.js';
import {errorOutcome, reportError, type ErrorOutcome} from './errors.js';

export type DataStatus = 'loading' | 'ready' | 'failed' | 'signed-out';

export interface DataHost extends ActionHost {
  readonly sessionState: string;
  readonly ready: Promise<unknown>;
}

export interface SignedInDataOptions<T> {
  /** Reads the data with the page's session; `fresh` asks for a new read (default: the shared full profile). */
  read?: (session: Session, fresh: boolean) => Promise<T>;
}

/** The page's session of a host (undefined without an API key). */
export function sessionOf(host: ActionHost): Session | undefined {
  const cfg = resolveConfig({apiKey: host.apikey, apiBase: host.apiBase});
  return cfg.apiKey ? getSession({apiKey: cfg.apiKey, apiBase: cfg.apiBase}) : undefined;
}

/**
 * Data that exists only while someone is signed in (by default the full profile, shared by every element of the
 * page through `Session.fullProfile()`). Contract:
 * - One trigger: the session (its first known state, then every sign-in, sign-out, user switch or other-tab
 *   change) decides; the host only renders `status` and `value`.
 * - `status`: `loading` (no value yet), `ready` (`value` set), `failed` (`error` set, `lr-error` reported),
 *   `signed-out` (nothing kept).
 * - `load({quiet})`: reads again; `quiet` keeps what is shown while reading and on failure (a background
 *   refresh) and asks for a fresh read. Answers to older loads, or arriving after a sign-out, are dropped.
 * - `clear()`: forgets the value (status `signed-out` or `loading`, after the session's state).
 * - When the page becomes visible again, a shown value is re-read quietly.
 */
export class SignedInData<T = Profile> implements ReactiveController {
  status: DataStatus = 'loading';
  value: T | undefined;
  error: ErrorOutcome | undefined;

  readonly #host: DataHost;
  readonly #read: (session: Session, fresh: boolean) => Promise<T>;
  #gen = 0;
  #uid: string | undefined;
  #config = '';

  constructor(host: DataHost, o: SignedInDataOptions<T> = {}) {
    this.#host = host;
    this.#read = o.read ?? ((s, fresh) => s.fullProfile({fresh}) as Promise<T>);
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('lr-session-changed', this.#onSession);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#config = `${this.#host.apikey}|${this.#host.apiBase}`;
    void this.#host.ready.then(() => this.#sync());
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('lr-session-changed', this.#onSession);
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#gen++;
  }

  hostUpdate(): void {
    const config = `${this.#host.apikey}|${this.#host.apiBase}`;
    if (config === this.#config) return;
    this.#config = config;
    this.clear();
    void sessionOf(this.#host)?.ready.then(() => this.#sync());
  }

  /** Reads the data again (see the class contract). */
  async load(o: {quiet?: boolean} = {}): Promise<void> {
    const session = sessionOf(this.#host);
    if (!session) return;
    const gen = ++this.#gen;
    const quiet = !!o.quiet && this.value !== undefined;
    if (!quiet) this.#set('loading');
    try {
      const value = await this.#read(session, !!o.quiet);
      if (gen !== this.#gen) return;
      this.value = value;
      this.error = undefined;
      this.#uid = session.profile?.Uid;
      this.#set('ready');
    } catch (err) {
      if (gen !== this.#gen) return;
      // 905/906: the session has ended (its events clear this); a quiet refresh keeps what is shown.
      if (isApiError(err, ErrorCodes.TokenInvalid, ErrorCodes.TokenExpired) || quiet) return this.#set(this.value === undefined ? 'signed-out' : 'ready');
      this.value = undefined;
      this.error = errorOutcome(err);
      this.#set('failed');
      reportError(this.#host, this.error, msg(this.error.key, this.error.params, localeOf(this.#host)));
    }
  }

  /** Forgets the value; drops answers still on their way. */
  clear(): void {
    this.#gen++;
    this.value = undefined;
    this.error = undefined;
    this.#uid = undefined;
    this.#set(this.#host.sessionState === 'anonymous' ? 'signed-out' : 'loading');
  }

  #set(status: DataStatus): void {
    this.status = status;
    this.#host.requestUpdate();
  }

  #sync(source?: string, uid?: string): void {
    const state = this.#host.sessionState;
    if (state === 'anonymous') {
      if (this.value !== undefined || this.status !== 'signed-out') this.clear();
    } else if (state === 'authenticated' || state === 'unknown') {
      uid ??= sessionOf(this.#host)?.profile?.Uid;
      if (this.value !== undefined && uid !== this.#uid) this.clear();
      if (this.value === undefined && this.status !== 'failed') void this.load();
      else if (source === 'other-tab') void this.load({quiet: true});
    } else if (this.status !== 'loading') this.clear();
  }

  readonly #onSession = (e: Event): void => {
    if (e.target !== this.#host) return;
    const d = (e as CustomEvent<LrEventDetails['lr-session-changed']>).detail;
    this.#sync(d.source, d.profile?.Uid);
  };

  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible' && this.status === 'ready') void this.load({quiet: true});
  };
}
