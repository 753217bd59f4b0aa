/**
 * LoginRadius error JSON: `{Description, ErrorCode, Message, IsProviderError, ProviderErrorResponse}` plus
 * `Errors[]` on validation failures, `Data` where LoginRadius adds it (1198: `{LoginLockedTimeout}`).
 */
export interface FieldError { FieldName: string; ErrorMessage: string }

interface CodeInfo { status: number; message: string; description: string }

const T = (status: number, message: string, description = message): CodeInfo => ({ status, message, description });

/**
 * Wire texts by ErrorCode: Message and Description verbatim from LoginRadius's public response-code table
 * (LoginRadius/apidocs `customer-identity-api-codes.md`), HTTP status as there. The single source of the
 * emulator's error answers.
 */
export const CODES: Record<number, CodeInfo> = {
  901: T(403, 'The API key is unauthorized', 'The provided LoginRadius API key is invalid or is not authorized, please use a valid or authorized LoginRadius API key or check the API key for your LoginRadius account.'),
  902: T(401, 'The API secret is unauthorized', 'The provided LoginRadius API secret is invalid or is not authorized, please use a valid or authorized LoginRadius API secret or check the API secret for your LoginRadius account.'),
  905: T(403, 'Access token is invalid', 'The LoginRadius access token is invalid, please use the correct or valid access token in order to process this request.'),
  906: T(403, 'Access token has expired', 'The LoginRadius access token has expired, please request a new token from LoginRadius API.'),
  908: T(403, 'A parameter is not formatted correctly', 'A parameter is not formatted correctly in the request, please check all the parameters in the API call.'),
  920: T(400, 'API key is invalid', 'The provided LoginRadius API key is invalid, please use a valid API key of your LoginRadius account.'),
  921: T(400, 'API secret is invalid', 'The provided LoginRadius API secret is invalid, please use a valid API secret of your LoginRadius account.'),
  922: T(400, 'API key is missing', 'The request is missing the API key, please use the valid API key parameter in order to process this request.'),
  923: T(400, 'API secret is missing', 'The request is missing the API secret, please use the valid API key parameter in order to process this request.'),
  936: T(403, 'Email address is already registered with your LoginRadius site', 'The email address has to be unique for your LoginRadius site, please use a different email address.'),
  938: T(403, 'User does not exist', 'The user\'s account does not exist, please use a valid user or create the user before processing this request.'),
  950: T(500, 'Operation failed due to an unknown error', 'An unknown error has occurred, please try again in a few minutes or contact your system admin.'),
  965: T(400, 'The post body is invalid', 'Please use a valid post body and make sure that it is in a valid JSON format.'),
  966: T(401, 'Invalid user ID and/or password', 'Please use a valid user ID and password combination.'),
  967: T(401, 'Current password is invalid', 'Your current password is invalid, please use the correct password.'),
  970: T(403, 'Email is not verified', 'This email has not yet been verified, please click the link in your email to confirm your email address.'),
  973: T(403, 'Invalid email verification link', 'The email verification link is invalid, please request a new link.'),
  974: T(403, 'The email verification link has already been used', 'Each link can only be used once, you can log in now if you have already verified the email, OR use the ‘forgot password’ option.'),
  975: T(403, 'Your verification link has expired', 'This verification link has expired, please request for new verification link.'),
  982: T(403, 'CAPTCHA is invalid', 'CAPTCHA is invalid, please enter the correct CAPTCHA value.'),
  991: T(403, 'Your account is blocked', 'Your account has been blocked by the system admin, please contact the admin for more information.'),
  1005: T(403, 'User account should have at least one email address', 'This email address cannot be deleted as this is the only email address in your Profile, please add an additional email address in order to remove this.'),
  1017: T(403, 'This username is already registered with this website', 'The username you have selected is already in use, please choose a different username.'),
  1022: T(403, 'Username does not exist', 'The provided username does not exist, please enter a valid username.'),
  1023: T(403, 'Email address does not exist', 'The provided email address does not exist, please use a valid email address.'),
  1025: T(403, 'This email address is already verified', 'This email address has already been confirmed, so you cannot resend the verification email.'),
  1038: T(400, 'Valid email ID is required', 'The provided email ID is invalid or not well-formatted, a valid email ID is required in order to process this request.'),
  1043: T(403, 'Phone number is invalid or does not exist', 'The provided phone number is invalid or does not exist, please use a valid phone number in order to process this request.'),
  1048: T(400, 'Secured one-time token (SOTT) is required', 'Secured one-time token (SOTT) is required, please use a valid secure one-time token (SOTT) in order to process this request.'),
  1049: T(403, 'Secured one-time token (SOTT) is invalid', 'Secured one-time token (SOTT) is invalid, please use a valid secure one-time token (SOTT) in order to process this request.'),
  1060: T(400, 'Access token is missing', 'This request is missing the access token, please use the valid access token parameter in order to process this request.'),
  1075: T(400, 'Username is required', 'A username is required, please use a valid username in order to process this request.'),
  1079: T(400, 'Put body is invalid', 'Please use a valid put body and make sure that it is in a valid JSON format.'),
  1089: T(400, 'Password is missing', 'The password is missing, please use the valid password parameter in order to process this request.'),
  1090: T(400, 'Invalid request body or payload', 'An error has occurred while parsing the API payload, Please review the request and try again.'),
  1091: T(403, 'Security question is invalid', 'This security question is invalid, please use a correct or valid security question.'),
  1092: T(403, 'Security question and answer is not saved in profile', 'This security question and answer is not saved in your profile, please update the security question and answer in profile.'),
  1094: T(403, 'Your security answer or question is incorrect', 'Your security question or answer is incorrect, please enter the correct security question or answer.'),
  1115: T(403, 'The profile cannot be enforced to invalidate the email verification.', 'The request could not be processed, email already unverified associated with UID thus can not enforce email verification.'),
  1119: T(403, 'The LoginRadius DeleteToken is invalid', 'The LoginRadius DeleteToken is invalid, please use the correct or valid DeleteToken in order to process this request.'),
  1126: T(403, 'Email has already been verified', 'Provided email address has already been verified, so its verification token couldn’t be generated.'),
  1132: T(403, 'Your account has been locked', 'Your account has been locked, please login with a valid reCAPTCHA in order to continue.'),
  1134: T(403, 'Validation failed for one or more fields', 'Validation failed for one or more fields, please check the errors field for more information.'),
  1141: T(400, 'Email address or username is required', 'Email address or username is required, please use a valid email address or username in order to process this request.'),
  1148: T(403, 'Your account has been locked', 'Your account has been locked, please login with an answer to the security question in order to continue.'),
  1198: T(403, 'Your account has been locked', 'Your account has been locked, please try again after sometime.'),
  1201: T(400, 'Email type is required', 'The request couldn\'t be processed, the email type must be specified in the address.'),
  1202: T(400, 'Email address can not be same', 'Please use different email addresses in the case of multiple email addresses.'),
  1203: T(400, 'Primary email address can be only one', 'The primary email address can be only one.'),
  1216: T(403, 'Weak password', 'A potential password vulnerability was detected.'),
  1218: T(403, 'CAPTCHA is invalid', 'CAPTCHA is invalid, please enter the correct CAPTCHA value.'),
  // Multi-factor and passwordless (emulator/mfa/, routes/mfa.ts, routes/passwordless.ts): live texts, except the
  // 1068/1069 descriptions (live ones speak of phones), 1128/1129 (the live rows' texts are swapped) and 1340 (not found).
  1059: T(403, 'Password less login option is not enabled for your LoginRadius site', 'The password less login option is not enabled for your LoginRadius site, please reach out to LoginRadius support for more information.'),
  1062: T(403, 'The password less login link has already been used', 'Each link can only be used once, please click the password less login button for a new link.'),
  1063: T(403, 'Verification token (vtoken) is invalid', 'The LoginRadius verification token is invalid, please use a valid verification token in order to process this request.'),
  1067: T(403, 'Invalid OTP Code', 'The OTP code is invalid, please request for a new OTP.'),
  1068: T(403, 'The OTP has already been used', 'Each OTP can only be used once, please request a new OTP.'),
  1069: T(403, 'Verification OTP has expired', 'This OTP has expired, please request a new OTP.'),
  1070: T(403, 'The OTP cannot be accessed', 'This OTP is either expired or has already been used, please request for a new OTP.'),
  1096: T(400, 'Invalid phone number', 'The provided phone number is not valid or not well-formatted, please review the phone number in order to process this request.'),
  1097: T(403, 'Two factor authentication is not enabled', 'Two factor authentication is not enabled, please enable two factor authentication for login.'),
  1099: T(403, 'Google two factor authentication is not configured', 'The Google two factor authentication is not enabled, please configure or enable Google two factor authentication for login.'),
  1100: T(403, 'OTP two factor authentication is not enabled', 'The OTP two factor authentication is not enabled, please enable OTP two factor authentication for login.'),
  1101: T(403, 'Two factor authentication is not configured for this profile', 'Two factor authentication is not configured, please configured or enable two factor authentication on your profile for login.'),
  1102: T(403, 'Google two factor authentication code is incorrect', 'The Google two factor authentication code is incorrect, please enter the correct authentication code for login.'),
  1103: T(403, 'Two factor authentication token is invalid', 'The LoginRadius two factor authentication token is invalid, please use the correct or valid token in order to process this request.'),
  1104: T(403, 'Two factor authentication token has expired', 'The LoginRadius two factor authentication token has expired, please request a new token from LoginRadius API.'),
  1105: T(403, 'At least one verification code is required', 'At least one verification code is required, please enter the OTP or Google authentication code.'),
  1121: T(403, 'This is not valid request for removing two factor authentication', 'This is not valid request for removing two factor authentication, please use the correct value for removing two factor authentication.'),
  1127: T(403, 'Two factor authentication backup code is already generated', 'The two factor authentication backup code is already generated, please reset your two factor authentication backup code.'),
  1128: T(403, 'Two factor authentication backup code is not enabled', 'The two factor authentication backup code is not enabled, please enable or configure two factor authentication for login.'),
  1129: T(403, 'Two factor authentication backup code is not valid or has already been used', 'The two factor authentication backup code is not valid or has already been used, please use a valid two factor authentication backup code for login.'),
  1176: T(403, 'Two factor authentication is enabled', 'Two factor authentication is enabled, please use two factor authentication api for login.'),
  1178: T(403, 'You have reached a limit for generating token', 'The limit for generating a token for this resource has been reached. The limit will auto reset upon reaching the configured request disabled period.'),
  1179: T(403, 'You have reached a limit for generating OTP', 'The limit for generating OTP for this resource has been reached. The limit will auto reset upon reaching the configured request disabled period.'),
  1192: T(403, 'At least one verification code is required', 'At least one verification code is required, please enter the OTP or Google authentication code or backupcode.'),
  1256: T(403, 'Email OTP two factor authentication is not enabled', 'The Email OTP two factor authentication is not enabled, please enable Email OTP two factor authentication for login.'),
  1257: T(403, 'Security question two factor authentication is not enabled', 'The Security question two factor authentication is not enabled, please enable security question two factor authentication for login.'),
  1279: T(403, 'Google Authenticator two factor authentication is not enabled', 'The Google Authenticator two factor authentication is not enabled, please enable Google Authenticator two factor authentication.'),
  1340: T(403, 'Email is not found in the profile', 'The email address does not belong to this account.'),
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
    /** LoginRadius's `Data` member of some error answers (1198: `{LoginLockedTimeout}`). */
    readonly data?: Record<string, unknown>,
  ) {
    super(CODES[code]?.message ?? 'Error');
    this.status = status ?? CODES[code]?.status ?? 400;
  }
  toJSON(): Record<string, unknown> {
    const body = errorBody(this.code, this.description, this.errors);
    if (this.data) body.Data = this.data;
    return body;
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
