import {html, nothing, type ReactiveController, type TemplateResult} from 'lit';
import type {MessageKey} from '../../i18n/index.js';
import {dataState} from '../templates.js';
import type {ActionController} from './action.js';
import type {ErrorOutcome} from './errors.js';
import type {DataHost, SignedInData} from './signed-in-data.js';

export interface SignedInViewOptions {
  /** Class prefix of the element (`lr-profile` → `.lr-profile__loading`, `__retry`, `__signed-out`). */
  prefix: string;
  loading: MessageKey;
  signedOut: MessageKey;
  /** The Uid of the user whose data is on screen (default: the data's `Uid`); a change calls `onUserChange`. */
  user?: () => string | undefined;
  /** Forget what belongs to the user on screen (open steps, edits, cooldowns): another user or nobody now. */
  onUserChange?: () => void;
  /** True when the element says itself why the session ended (then "Your session has expired" is not added). */
  ownExpiry?: () => boolean;
}

const SESSION = 'session';
const LOAD = 'load';

/**
 * What a signed-in-only element shows around its `SignedInData`, through its `ActionController` (so every text is
 * a message key rendered in the element's locale, announced once, and cleared by the next session change):
 * - `placeholder()`: the loading / failed (retry) / signed-out body, with the session notice under it;
 * - after the token expired or another tab signed out, that notice ("Your session has expired…", "You signed out
 *   in another tab.") at the `session` slot, set after the session change that cleared the element;
 * - a failed (non-quiet) read: its error announced in the alert region (the body shows it next to the retry
 *   button), gone as soon as the data loads again;
 * - `onUserChange()` when the user on screen changes (sign-out, another user, config change).
 */
export class SignedInView implements ReactiveController {
  readonly #host: DataHost & {hideWhenSignedOut: boolean};
  readonly #act: ActionController;
  readonly #data: SignedInData<{Uid?: string}>;
  readonly #o: SignedInViewOptions;
  #pending: MessageKey | undefined;
  #failed: ErrorOutcome | undefined;
  #user: string | undefined;

  constructor(
    host: DataHost & {hideWhenSignedOut: boolean},
    act: ActionController,
    data: SignedInData<{Uid?: string}>,
    o: SignedInViewOptions,
  ) {
    this.#host = host;
    this.#act = act;
    this.#data = data;
    this.#o = o;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('lr-session-expired', this.#onExpired);
    this.#host.addEventListener('lr-logged-out', this.#onLoggedOut);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('lr-session-expired', this.#onExpired);
    this.#host.removeEventListener('lr-logged-out', this.#onLoggedOut);
  }

  hostUpdate(): void {
    const act = this.#act;
    const user = this.#o.user ? this.#o.user() : this.#data.value?.Uid;
    if (user !== this.#user) {
      this.#user = user;
      this.#o.onUserChange?.();
    }
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending && !(pending === 'session.expired' && this.#o.ownExpiry?.())) {
      act.notify(pending, undefined, {slot: SESSION, tone: 'info'});
    }
    const failed = this.#data.status === 'failed' ? this.#data.error : undefined;
    if (failed === this.#failed) return;
    this.#failed = failed;
    if (failed) act.notify(failed.key, failed.params, {slot: LOAD, tone: 'error', shown: true});
    else act.clear(LOAD);
  }

  /** The body for every status but `ready` (loading, failed with retry, signed out), with the session notice. */
  placeholder(): TemplateResult {
    const h = this.#host;
    const act = this.#act;
    const failed = this.#data.error;
    const body = dataState(this.#data.status, {
      prefix: this.#o.prefix,
      loading: act.text({key: this.#o.loading}),
      retry: act.text({key: 'profile.retry'}),
      onRetry: () => void this.#data.load(),
      signedOut: h.hideWhenSignedOut ? undefined : act.text({key: this.#o.signedOut}),
      failed: failed ? act.text(failed) : undefined,
    });
    return html`${body ?? nothing}${act.message(SESSION)}`;
  }

  readonly #onExpired = (e: Event): void => {
    if (e.target === this.#host) this.#pending = 'session.expired';
  };

  readonly #onLoggedOut = (e: Event): void => {
    if (e.target === this.#host && (e as CustomEvent<{reason: string}>).detail?.reason === 'other-tab') {
      this.#pending = 'session.otherTab';
    }
  };
}
