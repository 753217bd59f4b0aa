import { forgotPassword, type CallOptions } from './request.js';
import { ErrorCodes } from './codes.js';
import { isApiError } from './errors.js';
import type { Config } from './config.js';

/** The answers of Forgot Password that only say the address has no account. */
const UNKNOWN_ACCOUNT = [ErrorCodes.UserNotFound, ErrorCodes.UserNotExist, ErrorCodes.InvalidCredentials];

/**
 * Forgot Password (the reset link is emailed to `email`, pointing at `resetPasswordUrl`), where "no such account"
 * resolves exactly like success: the page must never tell whether an address has an account.
 */
export async function requestPasswordReset(cfg: Config, email: string, resetPasswordUrl: string, o: CallOptions = {}): Promise<void> {
  try {
    await forgotPassword(cfg, email, resetPasswordUrl, o);
  } catch (err) {
    if (!isApiError(err, ...UNKNOWN_ACCOUNT)) throw err;
  }
}
