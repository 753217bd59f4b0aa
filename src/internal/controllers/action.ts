import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {LrEventDetails} from '../../core/events.js';
import {localeOf, msg} from '../../i18n/index.js';
import {CountdownController} from '../countdown.js';
import {errorOutcome, reportError, type ErrorOutcome, type Msg} from './errors.js';

/** `error` goes to the alert region; the others to the status region. `success` clears itself after a while. */
export type Tone = 'error' | 'success' | 'info' | 'progress';

/** The one message of a slot (a form's submit row, an item of a list, a step). */
export interface Message extends Msg {
  tone: Tone;
  slot: string;
  /** Edits (`input` events) inside this form clear the message; without a form, any edit in the element does. */
  form?: HTMLFormElement | null | undefined;
  /** The text is already on screen elsewhere (e.g. a focused notice): the live region only announces it. */
  shown?: boolean | undefined;
}

/** What `run()` resolves with: the value, or `ok: false` (failed: `error` is set; refused or stale: it is not). */
export type Result<T> = {ok: true; value: T} | {ok: false; error?: ErrorOutcome};

export interface RunOptions {
  /** Where the outcome renders (`message(slot)`); default `form`. */
  slot?: string;
  /** Shown and announced while the request runs (e.g. `login.busy`). */
  progress?: Msg['key'];
  /** Edits of this form clear the outcome. */
  form?: HTMLFormElement | null;
  /** The element shows the progress and outcome texts itself (a step's message): the live regions only announce. */
  shown?: boolean;
  /** Codes that must not be told apart (see `errorOutcome`). */
  alias?: Record<number, number>;
  /** Shortest time the action appears to take (so timing tells nothing, e.g. forgot password). */
  minMs?: number;
  /**
   * Called on a failure before it is shown and reported (`lr-error`): mark fields, move focus, change state.
   * Return a message to show instead of the default one (and, in `report`, the one `lr-error` carries when that
   * differs, e.g. "some fields were not accepted" shown, the field's own error reported).
   */
  onError?: (e: ErrorOutcome, err: unknown) => (Msg & {report?: Msg; shown?: boolean}) | void;
}

/** What the controller needs from its host: an `lr-*` element (its config attributes tell a config change). */
export interface ActionHost extends ReactiveControllerHost, HTMLElement {
  apikey: string;
  apiBase: string;
  readonly sessionState?: string;
}

let nextId = 0;
const signedIn = (state: string) => (state === 'authenticated' || state === 'unknown' ? 'in' : state);

/**
 * Runs the user actions of one element (submit, save, add, remove, resend…) and owns what they show. Contract:
 * - `run(fn, opts)`: one request per action (a second run of a busy slot, or any run while rate limited, is
 *   refused); a newer action, a sign-in/out (any element or tab) or a config change drops the older answer (its
 *   `AbortSignal` aborts and `run` resolves `{ok: false}` without showing anything).
 * - `busy` / `blocked` for `disabled` + `aria-busy`; a 429 starts a countdown (`blocked` until it ends).
 * - Failures: `lr-error` (and `lr-rate-limited`) from the host, and one message per slot stored as key + params,
 *   rendered in the element's locale on every render (a language change re-renders it). `message(slot)` renders
 *   it where the element puts it (next to the control that caused it); `regions()` renders the element's two live
 *   regions, which announce the newest message once and are visually hidden when the text is on screen.
 * - Messages are cleared by an edit in their form, by the next action of the element, and by a session change;
 *   `success` messages clear themselves after `ActionController.successMs`.
 * - Focus: `focus(selector)` after the update, and a focused control that leaves the DOM never leaves focus on
 *   `<body>` (it moves to the element's first focusable part).
 */
export class ActionController implements ReactiveController {
  /** How long a success message stays (ms): long enough to read a sentence twice. */
  static successMs = 10000;

  readonly #host: ActionHost;
  readonly #id = `lr-msg${++nextId}`;
  readonly #countdown: CountdownController;
  /** One message per slot, oldest first (the live regions announce the newest). */
  readonly #messages = new Map<string, Message>();
  #rendered = new Set<string>();
  #running: string | undefined;
  #abort: AbortController | undefined;
  #gen = 0;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The slot whose 429 counts down (the countdown shows there, also after its message was cleared). */
  #limited = 'form';
  #config: string | undefined;
  #state: string | undefined;
  #uid: string | undefined;
  #hadFocus = false;

  constructor(host: ActionHost) {
    this.#host = host;
    this.#countdown = new CountdownController(host, () =>
      this.notify('error.retryNow', undefined, {slot: this.#limited, tone: 'info'}),
    );
    host.addController(this);
  }

  /** True while an action runs. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** True while an action runs or a rate limit counts down: the controls that start actions are disabled. */
  get blocked(): boolean {
    return this.busy || this.#countdown.active;
  }

  /** The slot whose action runs, if any. */
  get running(): string | undefined {
    return this.#running;
  }

  /** The message of a slot (unrendered). */
  get(slot = 'form'): Message | undefined {
    return this.#messages.get(slot);
  }

  /**
   * Runs one action. Resolves `{ok: true, value}`, or `{ok: false, error}` after the failure was shown and
   * reported, or `{ok: false}` when refused (busy slot, rate limited) or dropped as stale.
   */
  async run<T>(fn: (signal: AbortSignal) => Promise<T>, o: RunOptions = {}): Promise<Result<T>> {
    const slot = o.slot ?? 'form';
    if (this.#running === slot || this.#countdown.active) return {ok: false};
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const gen = this.#drop();
    this.#running = slot;
    if (o.progress) this.notify(o.progress, undefined, {slot, tone: 'progress', form: o.form, shown: !!o.shown});
    this.#host.requestUpdate();
    const started = Date.now();
    let result: Result<T>;
    let failure: unknown;
    try {
      result = {ok: true, value: await fn(abort.signal)};
    } catch (err) {
      failure = err;
      result = {ok: false};
    }
    const wait = (o.minMs ?? 0) - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (gen !== this.#gen) return {ok: false};
    this.#running = undefined;
    this.#abort = undefined;
    this.#clear(slot);
    if (!result.ok) {
      const e = errorOutcome(failure, o.alias);
      const {report, shown = !!o.shown, ...instead} = o.onError?.(e, failure) ?? {};
      this.fail({...e, ...instead}, {slot, form: o.form, shown}, report);
      return {ok: false, error: e};
    }
    this.#host.requestUpdate();
    return result;
  }

  /**
   * Shows a failure (from `run`, or one found without a request, e.g. a missing API key) and reports it
   * (`lr-error` with the text of `report`, default the one shown).
   */
  fail(
    e: Partial<ErrorOutcome> & Msg,
    at: {slot?: string; form?: HTMLFormElement | null; shown?: boolean} = {},
    report: Msg = e,
  ): void {
    this.notify(e.key, e.params, {...at, tone: 'error'});
    reportError(this.#host, {kind: e.kind ?? 'api', code: e.code, retryAfter: e.retryAfter}, this.text(report));
    if (e.kind === 'rate-limited') {
      this.#limited = at.slot ?? 'form';
      this.#countdown.start(e.retryAfter ?? 30);
    }
  }

  /** Sets the message of a slot (replacing the one there). */
  notify(
    key: Msg['key'],
    params?: Msg['params'],
    o: {slot?: string; tone?: Tone; form?: HTMLFormElement | null | undefined; shown?: boolean} = {},
  ): void {
    const slot = o.slot ?? 'form';
    const m: Message = {key, tone: o.tone ?? 'success', slot, form: o.form, shown: o.shown};
    if (params) m.params = params;
    this.#messages.delete(slot);
    this.#messages.set(slot, m);
    clearTimeout(this.#timers.get(slot));
    if (m.tone === 'success') {
      this.#timers.set(slot, setTimeout(() => this.#messages.get(slot) === m && this.#clear(slot), ActionController.successMs));
    }
    this.#host.requestUpdate();
  }

  /** Clears one slot's message, or all of them. */
  clear(slot?: string): void {
    if (slot !== undefined) return this.#clear(slot);
    for (const s of [...this.#messages.keys()]) this.#clear(s);
  }

  /** Drops the running action's answer and clears every message (sign-out, config change, view reset). */
  reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#running = undefined;
    this.#drop();
  }

  /** A message rendered in the host's locale. */
  text(m: Msg): string {
    return msg(m.key, m.params, localeOf(this.#host));
  }

  /** The id of a slot's message element (for `aria-describedby` on its control). */
  idOf(slot = 'form'): string {
    return `${this.#id}-${slot}`;
  }

  /** Renders a slot's message (and the countdown of a 429 there); nothing without one. */
  message(slot = 'form'): TemplateResult | typeof nothing {
    this.#rendered.add(slot);
    const m = this.#messages.get(slot);
    const retry = slot === this.#limited && this.#countdown.active ? this.#retryIn() : '';
    if ((!m || m.shown) && !retry) return nothing;
    return html`<p class="lr-message" data-tone=${m && !m.shown ? m.tone : 'info'} id=${this.idOf(slot)}>
      ${m && !m.shown ? this.text(m) : nothing}${retry ? html`<span class="lr-message__retry">${retry}</span>` : nothing}
    </p>`;
  }

  /**
   * The element's two live regions (render them from the first render, after the slots): `role=alert` for the
   * newest failure, `role=status` for progress and outcomes. A text also on screen is marked `data-echo`.
   */
  regions(): TemplateResult {
    const newest = (error: boolean) => [...this.#messages.values()].reverse().find((m) => (m.tone === 'error') === error);
    const alert = newest(true);
    const status = newest(false);
    const echo = (m: Message | undefined) => !!m && (!!m.shown || this.#rendered.has(m.slot));
    const retry = this.#countdown.active ? this.#retryIn() : '';
    return html`<div class="lr-form__alert" role="alert" ?data-echo=${echo(alert)}>${alert ? this.text(alert) : nothing}</div>
      <div class="lr-form__status" role="status" ?data-echo=${retry ? this.#rendered.has(this.#limited) : echo(status)}>${retry ||
        (status ? this.text(status) : nothing)}</div>`;
  }

  /** After the next update, focuses the first match of `selector` in the host (or the host's first focusable). */
  async focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    (this.#host.querySelector<HTMLElement>(selector) ?? this.#fallback())?.focus();
  }

  hostConnected(): void {
    this.#host.addEventListener('input', this.#onInput);
    this.#host.addEventListener('lr-session-changed', this.#onSession);
    this.#state ??= signedIn(this.#host.sessionState ?? 'loading');
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('input', this.#onInput);
    this.#host.removeEventListener('lr-session-changed', this.#onSession);
  }

  hostUpdate(): void {
    const config = `${this.#host.apikey}|${this.#host.apiBase}`;
    if (this.#config !== undefined && this.#config !== config) this.reset();
    this.#config = config;
    this.#rendered.clear();
    const active = document.activeElement;
    this.#hadFocus = !!active && active !== this.#host && this.#host.contains(active);
  }

  hostUpdated(): void {
    const active = document.activeElement;
    if (this.#hadFocus && (!active || active === document.body)) this.#fallback()?.focus();
    this.#hadFocus = false;
  }

  #retryIn(): string {
    return msg('error.retryIn', {count: this.#countdown.remaining}, localeOf(this.#host));
  }

  #fallback(): HTMLElement | null {
    return this.#host.querySelector<HTMLElement>(
      '[tabindex="-1"], input:not([type=hidden]):not([hidden]), select, button:not([disabled])',
    );
  }

  #clear(slot: string): void {
    clearTimeout(this.#timers.get(slot));
    if (this.#messages.delete(slot)) this.#host.requestUpdate();
  }

  /** Makes every pending answer stale and clears the messages; returns the new generation. */
  #drop(): number {
    this.clear();
    return ++this.#gen;
  }

  readonly #onInput = (e: Event): void => {
    const target = e.target as Element | null;
    for (const [slot, m] of this.#messages) {
      if (m.tone !== 'progress' && (!m.form || m.form.contains(target))) this.#clear(slot);
    }
  };

  readonly #onSession = (e: Event): void => {
    if (e.target !== this.#host) return;
    const d = (e as CustomEvent<LrEventDetails['lr-session-changed']>).detail;
    const state = signedIn(d.state);
    const uid = d.profile?.Uid;
    // The first known state after `loading` is no change (an action may have started while the session loaded).
    const was = this.#state;
    const changed = was !== undefined && was !== 'loading' && (state !== was || (!!uid && !!this.#uid && uid !== this.#uid));
    this.#state = state;
    this.#uid = uid;
    if (changed) this.reset();
  };
}
