import {html, LitElement, nothing, type CSSResult, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import type {FieldError, LrErrorKind} from '../core/errors.js';
import type {SessionEventMap, SessionState} from '../core/session.js';
import {ensureLocale, hasMessage, localeOf, messageEvents, msg, type MessageKey, type MessageParams} from '../i18n/index.js';
import {tokenStyles} from '../styles/tokens.styles.js';
import {adoptStyles} from './adopt-styles.js';
import {errorOutcome, reportError} from './controllers/errors.js';
import {SessionController} from './session-controller.js';

let nextUid = 0;

/** One observer per page: a `lang` change on any ancestor re-renders the elements in the new locale. */
let langObserver: MutationObserver | undefined;
function watchLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => messageEvents.dispatchEvent(new Event('lang')));
  langObserver.observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
}

/** A failure as the elements show and report it. */
export interface ErrorInfo {
  kind: LrErrorKind;
  code?: number;
  message: string;
  /** Seconds to wait (rate-limited only). */
  retryAfter?: number;
  /** Per-field failures of a 1134 (the API's texts are not shown; elements use their own). */
  fieldErrors?: FieldError[];
}

/**
 * Base of every `lr-*` element. Never extend `LitElement` directly.
 *
 * - Renders into light DOM (`createRenderRoot() { return this; }`) so password managers and the page see
 *   real `<form>`s and `<input>`s, and adopts `static lightStyles` once per root (the document or the
 *   enclosing shadow root), inside `@layer lr`.
 * - `apikey` / `api-base` on every element; the page-wide `configure()` fills what they leave out.
 * - A `SessionController` binds the page's session and re-dispatches session-wide events from the element.
 * - `sessionState` (reflected as the `session-state` attribute and as the custom state
 *   `:state(<state>)`), `ready` (always settles) and `getAccessToken()`.
 * - `msg()` reads the message table in the locale of the nearest ancestor `lang`.
 */
export class LrElement extends LitElement {
  /** Styles adopted into the element's root; subclasses append theirs (tokens first). */
  static lightStyles: CSSResult[] = [tokenStyles];

  /** LoginRadius API key (public). Falls back to `configure({apiKey})`. */
  @property() apikey = '';

  /** API origin, e.g. `http://127.0.0.1:8787`. Falls back to `configure({apiBase})`, then LoginRadius. */
  @property({attribute: 'api-base'}) apiBase = '';

  /** `off` turns the session keep-alive off for this page's session (the README's keep-alive policy). */
  @property({attribute: 'keep-alive'}) keepAlive = '';

  /** @internal */
  protected readonly _session = new SessionController(this, (type, e) => this.sessionEvent(type, e));

  readonly #uid = `lr${++nextUid}`;
  #internals: ElementInternals | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      this.#internals = undefined;
    }
  }

  /** The session state: `loading`, `authenticated`, `anonymous` or `unknown` (token kept, API unreachable). */
  get sessionState(): SessionState {
    return this._session.state;
  }

  /** Settles (never rejects) with the session state once the stored session has been checked. */
  get ready(): Promise<SessionState> {
    return this._session.ready;
  }

  /**
   * The access token for the host's own backend calls (undefined when signed out). It is never put in an
   * event, an attribute or the console.
   */
  async getAccessToken(): Promise<string | undefined> {
    return this._session.session?.getAccessToken();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    adoptStyles(this, (this.constructor as typeof LrElement).lightStyles);
    messageEvents.addEventListener('change', this.#onMessages);
    messageEvents.addEventListener('lang', this.#onLang);
    watchLang();
    void ensureLocale(localeOf(this));
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    messageEvents.removeEventListener('change', this.#onMessages);
    messageEvents.removeEventListener('lang', this.#onLang);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((changed.has('apikey') || changed.has('apiBase')) && this.hasUpdated) this.configChanged();
    if (this.keepAlive === 'off') this._session.session?.disableKeepAlive();
    const state = this.sessionState;
    if (this.getAttribute('session-state') !== state) this.setAttribute('session-state', state);
    const states = this.#internals?.states;
    if (states) {
      for (const s of ['loading', 'authenticated', 'anonymous', 'unknown']) {
        try {
          if (s === state) states.add(s);
          else states.delete(s);
        } catch {
          // Engines with the older dashed-ident CustomStateSet: skip custom states.
        }
      }
    }
  }

  /**
   * The element's `ElementInternals` (attached once by this base for custom states). Subclasses that need
   * internals use this instead of calling `attachInternals()` again (which would throw).
   */
  protected get internals(): ElementInternals | undefined {
    return this.#internals;
  }

  /** Id unique on the page for label/aria wiring (`lr3-email`). */
  protected uid(name: string): string {
    return `${this.#uid}-${name}`;
  }

  /**
   * The two live regions of every element (rendered from the first render, so assistive technology watches them):
   * `role=alert` for failures, `role=status` for progress and outcomes. A region whose text is `shown` (already
   * visible on screen, e.g. a focused notice) is marked `data-echo`: still announced, visually hidden.
   */
  protected liveRegions(alert: string, status: string, shown = ''): TemplateResult {
    return html`<div class="lr-form__alert" role="alert" ?data-echo=${!!alert && alert === shown}>${alert || nothing}</div>
      <div class="lr-form__status" role="status" ?data-echo=${!!status && status === shown}>${status || nothing}</div>`;
  }

  /** A message from the table, in the element's locale. */
  protected msg(key: MessageKey, params?: MessageParams): string {
    return msg(key, params, localeOf(this));
  }

  /** The message for an input that fails its constraints (or carries a server error). */
  protected describeInvalid(input: HTMLInputElement): string {
    const v = input.validity;
    if (v.customError) return input.validationMessage;
    const isEmail = input.type === 'email' || input.name === 'email';
    const isPassword = input.name === 'password';
    if (v.valueMissing) {
      if (isEmail) return this.msg('validation.email.required');
      if (isPassword) return this.msg('validation.password.required');
      const key = `field.${input.name}`;
      return this.msg('validation.required', {label: hasMessage(key) ? this.msg(key) : input.name});
    }
    if (v.typeMismatch && isEmail) return this.msg('validation.email.invalid');
    if (v.tooShort || (input.minLength > 0 && input.value.length < input.minLength))
      return this.msg('validation.tooShort', {count: input.minLength});
    if (v.tooLong) return this.msg('validation.tooLong', {count: input.maxLength});
    return this.msg('validation.invalid');
  }

  /**
   * Turns any failure into what the UI shows and what `lr-error` carries: the kind, the LoginRadius code
   * (when the API sent one) and the readable message from the table. `codeAlias` maps codes that must not be
   * told apart (e.g. unknown user → wrong password) before anything is shown or dispatched.
   */
  protected errorInfo(err: unknown, codeAlias: Record<number, number> = {}): ErrorInfo {
    const {key, params, ...info} = errorOutcome(err, codeAlias);
    return {...info, message: this.msg(key, params)};
  }

  /** Dispatches `lr-error` (and `lr-rate-limited` for a 429) from the element. */
  protected reportError(info: ErrorInfo): void {
    reportError(this, info, info.message);
  }

  /** Called before an update when `apikey` or `api-base` changed after the first render: another session. */
  protected configChanged(): void {}

  /** Called for every session event (after the public re-dispatch); subclasses react here. */
  protected sessionEvent(_type: keyof SessionEventMap, _e: CustomEvent): void {}

  #onMessages = (): void => this.requestUpdate();
  #onLang = (): void => {
    void ensureLocale(localeOf(this));
    this.requestUpdate();
  };
}
