import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import * as api from '../../core/client.js';
import type {LockProof, LoginId, SecurityQuestion} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import type {Config} from '../../core/config.js';
import {LrError} from '../../core/errors.js';
import {fromHost, HostSourceError} from '../../core/sott.js';
import {localeOf, msg, type MessageKey, type MessageParams} from '../../i18n/index.js';
import type {ActionController} from '../../internal/controllers/action.js';
import type {ErrorOutcome, Msg} from '../../internal/controllers/errors.js';
import {CountdownController} from '../../internal/countdown.js';
import {field} from '../../internal/field.js';
import type {FormValidator} from '../../internal/validation.js';
import type {LoginIdHost} from './login-id.js';
import '../../i18n/en/lockout.js'; // its texts (issue 14: messages per chunk)

/** A value or a promise of it. */
type Awaitable<T> = T | Promise<T>;

/** What the lockout steps need from `<lr-login>`. */
export interface LockContext {
  /** The element, with its CAPTCHA callback (the same contract as `<lr-register captcha>`). */
  host: ReactiveControllerHost & LoginIdHost & {captchaProvider?: (() => Awaitable<string>) | undefined};
  act: ActionController;
  /** The sign-in form's validator (a wrong answer is a server error on its field). */
  v: FormValidator;
  /** A page-unique id prefix. */
  uid: string;
  config(): Config;
  /** The lock's key for a sign-in id, and for what the sign-in form holds now (`login-id.ts`, passed in so that
   * this chunk imports nothing from the element's own chunk). */
  keyOf(id: LoginId): string;
  typedKey(): string | undefined;
}

type State =
  | {kind: 'suspend'; key: string}
  | {kind: 'captcha'; key: string}
  | {kind: 'question'; key: string; id: LoginId; questions?: SecurityQuestion[]; failed?: boolean};

/** Announced once (status region), after the alert that names the lock. */
const SLOT = 'lock';
/** Longest suspend counted down on screen; a later end is said as a time only. */
const MAX_COUNTDOWN_S = 24 * 3600;

/**
 * The live service's login lockout as steps of the sign-in form (loaded on the first lock answer):
 * - 1198 with `Data.LoginLockedTimeout`: when the user can try again (a time, and a countdown that disables
 *   "Sign in" for that account until it ends); 1198 without it: the table's text only;
 * - 1132: the next sign-in of that account takes a token from `captchaProvider` (`g-recaptcha-response`);
 *   without a provider, the page says it cannot show the check;
 * - 1148: the account's security question (`GET /auth/securityquestion/{email|username}`) as a field; its answer
 *   goes with the next sign-in (`securityanswer`), a wrong one (1094) shows on that field.
 * A step belongs to the account it was answered for: typing another identifier ends it, and so does a sign-in.
 * Nothing is asked about an account before the service answered with its lock.
 */
export class LockStep {
  readonly #c: LockContext;
  readonly #countdown: CountdownController;
  #state: State | undefined;
  #abort: AbortController | undefined;

  constructor(c: LockContext) {
    this.#c = c;
    this.#countdown = new CountdownController(c.host, () => {
      this.close();
      c.act.notify('error.retryNow', undefined, {slot: SLOT, tone: 'info'});
    });
    c.host.addEventListener('input', this.#onInput);
  }

  /** True while a suspend of the typed account counts down: "Sign in" waits. */
  get blocking(): boolean {
    return this.#state?.kind === 'suspend' && this.#countdown.active;
  }

  /** What the next sign-in of `key` carries to lift its lock. */
  async proof(form: HTMLFormElement, key: string): Promise<LockProof> {
    const s = this.#state;
    if (s?.key !== key) return {};
    if (s.kind === 'captcha') {
      const provider = this.#c.host.captchaProvider;
      return provider ? {captcha: await fromHost(provider)} : {};
    }
    const question = s.kind === 'question' ? s.questions?.[0] : undefined;
    const answer = form.querySelector<HTMLInputElement>('input[name=securityanswer]')?.value;
    return question && answer ? {securityAnswer: {[question.QuestionId]: answer}} : {};
  }

  /**
   * After a failed sign-in of `id`: enters the step the code asks for, and returns the message to show instead of
   * the default one (the CAPTCHA callback failed; a wrong answer, said on its field).
   */
  failed(e: ErrorOutcome, raw: unknown, form: HTMLFormElement, id: LoginId): (Msg & {shown?: boolean}) | void {
    const key = this.#c.keyOf(id);
    if (raw instanceof HostSourceError) return {key: 'login.captcha.unavailable'};
    switch (e.code) {
      case ErrorCodes.LoginSuspended:
        return this.#suspend(key, raw, form);
      case ErrorCodes.AccountLocked:
        this.#enter({kind: 'captcha', key});
        this.#c.act.notify(this.#c.host.captchaProvider ? 'login.captcha.step' : 'login.captcha.unavailable', undefined, {
          slot: SLOT,
          tone: 'info',
          shown: true,
          form,
        });
        return;
      case ErrorCodes.SecurityQuestionRequired: {
        const s = this.#state;
        if (s?.kind === 'question' && s.key === key && s.questions?.length) return;
        const next: State = {kind: 'question', key, id};
        this.#enter(next);
        void this.#loadQuestions(next, form);
        return;
      }
      case ErrorCodes.SecurityAnswerWrong:
        if (this.#c.v.setError(form, 'securityanswer', this.#msg('code.1094'))) {
          void this.#c.act.focus('input[name=securityanswer]');
          return {key: 'code.1094', shown: true};
        }
    }
  }

  /** Ends the step (a sign-in, another account, a new view). */
  close(): void {
    this.#abort?.abort();
    this.#countdown.stop();
    if (!this.#state) return;
    this.#state = undefined;
    this.#c.act.clear(SLOT);
    this.#c.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    const s = this.#state;
    if (!s) return nothing;
    const msg = (key: MessageKey) => this.#msg(key);
    let body: unknown = nothing;
    if (s.kind === 'suspend') {
      const left = this.#countdown.remaining;
      body = left > 0 ? html`<p class="lr-notice lr-login__lock-timer">${this.#timeLeft(left)}</p>` : nothing;
    } else if (s.kind === 'captcha') {
      body = html`<p class="lr-notice">${msg(this.#c.host.captchaProvider ? 'login.captcha.step' : 'login.captcha.unavailable')}</p>`;
    } else if (s.questions?.length) {
      body = html`<p class="lr-notice">${msg('login.question.step')}</p>
        ${field({
          id: `${this.#c.uid}-securityanswer`,
          name: 'securityanswer',
          type: 'text',
          label: s.questions[0]!.Question,
          autocomplete: 'on',
          required: true,
          maxlength: 256,
          error: this.#c.v.error('securityanswer'),
          spellcheck: false,
        })}`;
    } else {
      const text = s.failed ? 'login.question.failed' : s.questions ? 'login.question.none' : 'login.question.loading';
      body = html`<p class="lr-notice">${msg(text)}</p>`;
    }
    return body === nothing ? nothing : html`<div class="lr-login__lock" data-lock=${s.kind}>${body}</div>`;
  }

  #enter(s: State): void {
    this.close();
    this.#state = s;
    this.#c.host.requestUpdate();
  }

  /** 1198: counts down to `LoginLockedTimeout` (the service's clock; the page's may differ a little). */
  #suspend(key: string, raw: unknown, form: HTMLFormElement): Msg | void {
    const until = Date.parse(String((raw instanceof LrError && raw.data?.['LoginLockedTimeout']) || ''));
    const seconds = Math.ceil((until - Date.now()) / 1000);
    if (!(seconds > 0)) return;
    this.#enter({kind: 'suspend', key});
    if (seconds <= MAX_COUNTDOWN_S) this.#countdown.start(seconds);
    const near = seconds < 20 * 3600;
    const time = new Intl.DateTimeFormat(localeOf(this.#c.host), near ? {timeStyle: 'short'} : {dateStyle: 'medium', timeStyle: 'short'});
    this.#c.act.notify('login.lock.until', {time: time.format(until)}, {slot: SLOT, tone: 'info', shown: true, form});
  }

  #timeLeft(seconds: number): string {
    return seconds > 90
      ? this.#msg('login.lock.minutes', {count: Math.ceil(seconds / 60)})
      : this.#msg('error.retryIn', {count: seconds});
  }

  #msg(key: MessageKey, params?: MessageParams): string {
    return msg(key, params, localeOf(this.#c.host));
  }

  async #loadQuestions(s: Extract<State, {kind: 'question'}>, form: HTMLFormElement): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    try {
      s.questions = await api.securityQuestions(this.#c.config(), s.id, {signal: abort.signal});
    } catch {
      if (abort.signal.aborted) return;
      s.failed = true;
    }
    if (this.#state !== s) return;
    this.#c.host.requestUpdate();
    const step = s.questions?.length ? 'login.question.step' : s.failed ? 'login.question.failed' : 'login.question.none';
    this.#c.act.notify(step, undefined, {slot: SLOT, tone: 'info', shown: true, form});
    if (s.questions?.length) await this.#c.act.focus('input[name=securityanswer]');
  }

  /** Typing another account's identifier ends the step. */
  readonly #onInput = (e: Event): void => {
    const name = (e.target as HTMLInputElement | null)?.name;
    if (this.#state && (name === 'email' || name === 'username') && this.#c.typedKey() !== this.#state.key) this.close();
  };
}
