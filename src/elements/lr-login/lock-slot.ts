import {nothing, type TemplateResult} from 'lit';
import type {LockProof, LoginId} from '../../core/client.js';
import {ErrorCodes} from '../../core/codes.js';
import {ensureLocale, localeOf} from '../../i18n/index.js';
import type {ErrorOutcome, Msg} from '../../internal/controllers/errors.js';
import type {LockContext, LockStep} from './lockout.js';

/** The answers that start a lockout step. */
const LOCK_CODES: readonly number[] = [ErrorCodes.LoginSuspended, ErrorCodes.AccountLocked, ErrorCodes.SecurityQuestionRequired];

/**
 * Where `<lr-login>` keeps its lockout steps (`lockout.ts`): the module is imported on the first lock answer,
 * so a page that never meets a lock loads none of it.
 */
export class LockSlot {
  readonly #c: LockContext;
  #step: LockStep | undefined;

  constructor(c: LockContext) {
    this.#c = c;
  }

  /** True while "Sign in" waits for a suspend to end. */
  get blocking(): boolean {
    return !!this.#step?.blocking;
  }

  render(): TemplateResult | typeof nothing {
    return this.#step?.render() ?? nothing;
  }

  /** The CAPTCHA token or security answer the next sign-in of `key` carries. */
  proof(form: HTMLFormElement, key: string): Promise<LockProof> {
    return this.#step?.proof(form, key) ?? Promise.resolve({});
  }

  /** A failed sign-in: the step takes it (loaded first when needed); returns a message to show instead. */
  failed(e: ErrorOutcome, raw: unknown, form: HTMLFormElement, id: LoginId): (Msg & {shown?: boolean}) | void {
    if (this.#step) return this.#step.failed(e, raw, form, id);
    if (e.code === undefined || !LOCK_CODES.includes(e.code)) return;
    void import('./lockout.js').then(async ({LockStep}) => {
      await ensureLocale(localeOf(this.#c.host)); // its texts in the page's language first (part loaders)
      this.#step ??= new LockStep(this.#c);
      this.#step.failed(e, raw, form, id);
    }).catch(() => undefined); // offline: the lock's own text (already shown) stands
  }

  close(): void {
    this.#step?.close();
  }
}
