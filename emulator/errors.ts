/**
 * LoginRadius error JSON: `{Description, ErrorCode, Message, IsProviderError, ProviderErrorResponse}` plus
 * `Errors[]` on validation failures. Texts and statuses follow docs/loginradius-api.md §4.
 */
export interface FieldError { FieldName: string; ErrorMessage: string }

interface CodeInfo { status: number; message: string; description: string }

const T = (status: number, message: string, description = message): CodeInfo => ({ status, message, description });

/** Wire texts by ErrorCode. The single source of the emulator's error answers. */
export const CODES: Record<number, CodeInfo> = {
  901: T(403, 'The API key is unauthorized', 'The provided LoginRadius API key is not authorized to call this API.'),
  902: T(401, 'The API secret is unauthorized', 'The provided LoginRadius API secret is not authorized to call this API.'),
  905: T(403, 'Access token is invalid', 'The provided access token is invalid.'),
  906: T(403, 'Access token has expired', 'The provided access token has expired.'),
  908: T(403, 'A parameter is not formatted correctly', 'A parameter is not formatted correctly.'),
  920: T(400, 'API key is invalid', 'The provided LoginRadius API key is invalid, please use a valid API key of your LoginRadius account.'),
  921: T(400, 'API secret is invalid', 'The provided LoginRadius API secret is invalid, please use a valid API secret of your LoginRadius account.'),
  922: T(400, 'API key is missing', 'The LoginRadius API key is missing, please provide a valid API key.'),
  923: T(400, 'API secret is missing', 'The LoginRadius API secret is missing, please provide a valid API secret.'),
  936: T(403, 'Email address is already registered with your LoginRadius site', 'The email address is already registered with your LoginRadius site.'),
  938: T(403, 'User does not exist', 'The user does not exist.'),
  950: T(500, 'Operation failed due to an unknown error', 'An unknown error occurred. Please try again later.'),
  965: T(400, 'The post body is invalid', 'The request body is not valid JSON.'),
  966: T(401, 'Invalid user ID and/or password', 'The provided credentials are invalid.'),
  967: T(401, 'Current password is invalid', 'The provided current password is invalid.'),
  970: T(403, 'Email is not verified', 'The email address is not verified.'),
  973: T(403, 'Invalid email verification link', 'The email verification link is invalid.'),
  974: T(403, 'Email verification link has already been used', 'The email verification link has already been used.'),
  975: T(403, 'Your verification link has expired', 'The verification link has expired, please request a new one.'),
  982: T(403, 'CAPTCHA is invalid', 'CAPTCHA is invalid, please enter the correct CAPTCHA value.'),
  991: T(403, 'Your account is blocked', 'Your account has been blocked, please contact the site administrator.'),
  1005: T(403, 'User account should have at least one email address', 'The user account should have at least one email address.'),
  1017: T(403, 'This username is already registered with this website', 'The username is already registered with this website.'),
  1023: T(403, 'Email address does not exist', 'The email address does not exist.'),
  1025: T(403, 'This email address is already verified', 'The email address is already verified.'),
  1038: T(400, 'Valid email ID is required', 'A valid email address is required.'),
  1048: T(400, 'Secured one-time token (SOTT) is required', 'A Secured one-time token (SOTT) is required for this API.'),
  1049: T(403, 'Secured one-time token (SOTT) is invalid', 'The provided Secured one-time token (SOTT) is invalid or has expired.'),
  1060: T(400, 'Access token is missing', 'The access token is missing, please provide a valid access token.'),
  1079: T(400, 'Put body is invalid', 'The request body is not valid JSON.'),
  1089: T(400, 'Password is missing', 'The password is missing.'),
  1090: T(400, 'Invalid request body or payload', 'The request body or payload is invalid.'),
  1119: T(403, 'The LoginRadius DeleteToken is invalid', 'The delete token is invalid, used or expired.'),
  1126: T(403, 'Email has already been verified', 'The email has already been verified.'),
  1134: T(403, 'Validation failed for one or more fields', 'Validation failed for one or more fields.'),
  1198: T(403, 'Your account has been locked', 'Your account has been suspended due to too many failed login attempts.'),
  1201: T(400, 'Email type is required', 'The email type is required.'),
  1202: T(400, 'Email address can not be same', 'The email address can not be the same as an existing one.'),
  1203: T(400, 'Primary email address can be only one', 'There can be only one primary email address.'),
  1216: T(403, 'Weak password', 'The password is too weak, please choose a stronger password.'),
  1218: T(403, 'CAPTCHA is invalid', 'CAPTCHA is invalid, please enter the correct CAPTCHA value.'),
  // Not LoginRadius codes: what the emulator answers where LoginRadius has no JSON code of its own.
  403: T(403, 'Forbidden', 'The request is not allowed from here.'),
  404: T(404, 'Resource not found', 'The requested API resource was not found.'),
  405: T(405, 'Method not allowed', 'This HTTP method is not allowed on this resource.'),
  413: T(413, 'Request body is too large', 'The request body exceeds the size limit.'),
  415: T(415, 'Unsupported media type', 'The request body must be JSON with Content-Type: application/json.'),
  429: T(429, 'Too many requests in a particular time frame', 'Too many requests in a particular time frame.'),
};

export class LrHttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: number,
    readonly description?: string,
    readonly errors?: FieldError[],
    status?: number,
    readonly headers: Record<string, string> = {},
  ) {
    super(CODES[code]?.message ?? 'Error');
    this.status = status ?? CODES[code]?.status ?? 400;
  }
  toJSON(): Record<string, unknown> {
    return errorBody(this.code, this.description, this.errors);
  }
}

export function errorBody(code: number, description?: string, errors?: FieldError[]): Record<string, unknown> {
  const info = CODES[code] ?? CODES[950]!;
  const body: Record<string, unknown> = {
    Description: description ?? info.description,
    ErrorCode: code,
    Message: info.message,
    IsProviderError: false,
    ProviderErrorResponse: null,
  };
  if (errors) body.Errors = errors;
  return body;
}

/** Throws a LoginRadius error. `description` overrides the default text (never echo raw input in it). */
export function fail(code: number, description?: string, errors?: FieldError[]): never {
  throw new LrHttpError(code, description, errors);
}

/** A 1134 validation failure for one or more fields. */
export function invalid(...errors: [field: string, message: string][]): never {
  throw new LrHttpError(1134, undefined, errors.map(([FieldName, ErrorMessage]) => ({ FieldName, ErrorMessage })));
}

export function check(cond: unknown, code: number, description?: string): asserts cond {
  if (!cond) fail(code, description);
}
