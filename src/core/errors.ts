export type LrErrorKind = 'network' | 'timeout' | 'rate-limited' | 'server' | 'api';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one error type of the core. `message` is safe to log: it never contains a token or a password
 * (API texts are scrubbed of the token that was sent).
 */
export class LrError extends Error {
  override name = 'LrError';
  /** LoginRadius `ErrorCode`, when the API sent one. */
  code?: number;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Seconds to wait before trying again (kind `rate-limited`). */
  retryAfter?: number;
  /** Per-field messages from a 1134 validation failure. */
  fieldErrors?: FieldError[];
  /** The `Data` object of a LoginRadius error answer, when it sent one (1198: `{LoginLockedTimeout}`). */
  data?: Record<string, unknown>;

  constructor(
    readonly kind: LrErrorKind,
    message: string,
    extra?: Pick<LrError, 'code' | 'status' | 'retryAfter' | 'fieldErrors' | 'data'>,
  ) {
    super(message);
    Object.assign(this, extra);
  }
}

/** True for an `api` error carrying one of `codes`. */
export const isApiError = (e: unknown, ...codes: number[]): e is LrError =>
  e instanceof LrError && e.kind == 'api' && (!codes.length || codes.includes(e.code!));

/** The host's SOTT endpoint or SOTT/CAPTCHA callback failed (not the LoginRadius API); `sott.ts` raises it. */
export class HostSourceError extends LrError {}
