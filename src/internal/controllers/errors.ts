import {LrError, type FieldError, type LrErrorKind} from '../../core/errors.js';
import {emit} from '../../core/events.js';
import {hasMessage, type MessageKey, type MessageParams} from '../../i18n/index.js';

/** A message as the controllers keep it: a key of the message table plus its params, rendered at display time. */
export interface Msg {
  key: MessageKey;
  params?: MessageParams;
}

/** A failure as the elements show and report it, before rendering: the message is a key. */
export interface ErrorOutcome extends Msg {
  kind: LrErrorKind;
  code?: number;
  /** Seconds to wait (rate-limited only). */
  retryAfter?: number;
  /** Per-field failures of a 1134 (the API's texts are not shown; elements use their own). */
  fieldErrors?: FieldError[];
}

/**
 * Turns any failure into what the UI shows and what `lr-error` carries: the kind, the LoginRadius code (when the
 * API sent one) and the message key. `codeAlias` maps codes that must not be told apart (e.g. unknown user →
 * wrong password) before anything is shown or dispatched.
 */
export function errorOutcome(err: unknown, codeAlias: Record<number, number> = {}): ErrorOutcome {
  if (!(err instanceof LrError)) return {kind: 'server', key: 'error.generic'};
  const out: ErrorOutcome = {kind: err.kind, key: 'error.generic'};
  if (err.code !== undefined) out.code = codeAlias[err.code] ?? err.code;
  if (err.kind === 'rate-limited') out.retryAfter = err.retryAfter ?? 30;
  if (err.fieldErrors) out.fieldErrors = err.fieldErrors;
  const codeKey = `code.${out.code}`;
  if (err.kind === 'api' && hasMessage(codeKey)) out.key = codeKey;
  else if (err.kind === 'network') out.key = 'error.network';
  else if (err.kind === 'timeout') out.key = 'error.timeout';
  else if (err.kind === 'rate-limited') out.key = 'error.rateLimited';
  else if (err.kind === 'server') out.key = 'error.server';
  return out;
}

/** Dispatches `lr-error` (and `lr-rate-limited` for a 429) from `el`; `message` is the text shown. */
export function reportError(
  el: HTMLElement,
  e: {kind: LrErrorKind; code?: number | undefined; retryAfter?: number | undefined},
  message: string,
): void {
  const detail: {kind: LrErrorKind; code?: number; message: string} = {kind: e.kind, message};
  if (e.code !== undefined) detail.code = e.code;
  emit(el, 'lr-error', detail);
  if (e.kind === 'rate-limited') emit(el, 'lr-rate-limited', {retryAfterSeconds: e.retryAfter ?? 30});
}
