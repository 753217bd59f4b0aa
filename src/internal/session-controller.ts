import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {resolveConfig, type Config} from '../core/config.js';
import {emit} from '../core/events.js';
import {getSession, type Session, type SessionEventMap, type SessionState} from '../core/session.js';

/** What the controller needs from its host element. */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  apikey: string;
  apiBase: string;
}

type SessionEventName = keyof SessionEventMap;
const EVENTS: SessionEventName[] = ['change', 'logged-in', 'logged-out', 'expired', 'storage-unavailable'];

/**
 * Connects an element to the page's `Session` for its (`api-base`, `apikey`) and re-dispatches the
 * session-wide events from the element as public DOM events (bubbling, composed):
 * - `change` → `lr-session-changed` (on every connected element),
 * - `logged-out` with reason `expired` / `other-tab` → `lr-logged-out` (reason `user` is dispatched by the
 *   element that signed out),
 * - `expired` → `lr-session-expired`, `storage-unavailable` → `lr-storage-unavailable`.
 *
 * `state` is readable at any time and `ready` always settles (with the state once the stored session has
 * been checked; with `anonymous` when the element has no API key), so a late host never misses the state.
 */
export class SessionController implements ReactiveController {
  /** The bound session (undefined while the element has no API key). */
  session: Session | undefined;
  /** Settles with the session state once known; never rejects. */
  readonly ready: Promise<SessionState>;

  readonly #host: SessionHost;
  readonly #onEvent: ((type: SessionEventName, e: CustomEvent) => void) | undefined;
  #resolveReady!: (state: SessionState) => void;
  #key = '';
  #connected = false;

  constructor(host: SessionHost, onEvent?: (type: SessionEventName, e: CustomEvent) => void) {
    this.#host = host;
    this.#onEvent = onEvent;
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
    host.addController(this);
  }

  /** The effective config now (attributes win over `configure()`). */
  get config(): Config {
    return resolveConfig({apiKey: this.#host.apikey, apiBase: this.#host.apiBase});
  }

  /** The session state; `anonymous` without an API key. */
  get state(): SessionState {
    return this.session?.state ?? (this.#connected && !this.config.apiKey ? 'anonymous' : 'loading');
  }

  hostConnected(): void {
    this.#connected = true;
    this.#bind();
    if (!this.session) {
      // No API key yet: give attribute/property setters one update to arrive, then settle `ready`.
      void this.#host.updateComplete.then(() => {
        if (!this.session) this.#resolveReady('anonymous');
      });
    }
  }

  hostUpdate(): void {
    // `apikey` / `api-base` may have changed: re-bind before rendering.
    if (this.#connected) this.#bind();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unbind();
  }

  #bind(): void {
    const cfg = this.config;
    const key = cfg.apiKey ? `${cfg.apiBase}|${cfg.apiKey}` : '';
    if (key === this.#key && (this.session || !key)) return;
    this.#unbind();
    this.#key = key;
    if (!key) return;
    const session = (this.session = getSession({apiKey: cfg.apiKey, apiBase: cfg.apiBase}));
    for (const type of EVENTS) session.addEventListener(type, this.#listener);
    void session.ready.then(() => {
      if (this.session === session) this.#resolveReady(session.state);
    });
    this.#host.requestUpdate();
  }

  #unbind(): void {
    if (this.session) for (const type of EVENTS) this.session.removeEventListener(type, this.#listener);
    this.session = undefined;
    this.#key = '';
  }

  readonly #listener = (e: Event): void => {
    const type = e.type as SessionEventName;
    const ce = e as CustomEvent;
    const host = this.#host;
    switch (type) {
      case 'change':
        emit(host, 'lr-session-changed', ce.detail);
        break;
      case 'logged-out':
        if (ce.detail?.reason !== 'user') emit(host, 'lr-logged-out', {reason: ce.detail.reason});
        break;
      case 'expired':
        emit(host, 'lr-session-expired', null);
        break;
      case 'storage-unavailable':
        emit(host, 'lr-storage-unavailable', {reason: ce.detail.reason});
        break;
    }
    this.#onEvent?.(type, ce);
    host.requestUpdate();
  };
}
