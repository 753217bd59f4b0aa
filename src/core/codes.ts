/** LoginRadius `ErrorCode`s the elements react to (wire texts live in the emulator / API contract §4). */
export const ErrorCodes = {
  ApiKeyInvalid: 920,
  TokenMissing: 1060,
  TokenInvalid: 905,
  TokenExpired: 906,
  InvalidCredentials: 966,
  WrongCurrentPassword: 967,
  EmailNotVerified: 970,
  EmailExists: 936,
  EmailInvalid: 1038,
  AccountBlocked: 991,
  AccountLocked: 1132,
  LastEmail: 1005,
  UserNotFound: 1023,
  /** Unknown account on some endpoints; told apart from 966 nowhere in the UI. */
  UserNotExist: 938,
  EmailFormatInvalid: 990,
  PasswordMissing: 1089,
  EmailSameAsExisting: 1202,
  AlreadyVerified: 1025,
  /** Another "already verified" code some endpoints answer with. */
  EmailAlreadyVerified: 1126,
  VerificationLinkInvalid: 973,
  VerificationLinkUsed: 974,
  VerificationLinkExpired: 975,
  /** The reset-password token is not valid. */
  ResetTokenInvalid: 1063,
  SottMissing: 1048,
  SottInvalid: 1049,
  DeleteTokenInvalid: 1119,
  ValidationFailed: 1134,
  WeakPassword: 1216,
  CaptchaInvalid: 1218,
  // Multi-factor sign-in (issue 12)
  /** The plain login on an MFA site: use the MFA login. */
  UseMfaLogin: 1176,
  /** Multi-factor sign-in is not turned on for the site. */
  MfaOff: 1097,
  MfaCodeWrong: 1102,
  SecondFactorTokenInvalid: 1103,
  SecondFactorTokenExpired: 1104,
  OtpInvalid: 1067,
  BackupCodeInvalid: 1128,
  BackupCodeWrong: 1129,
  BackupCodesExist: 1127,
  // Issue 13: passwordless sign-in by email.
  PasswordlessOff: 1059,
  PasswordlessLinkUsed: 1062,
  /** The passwordless link's token is unknown or expired (the same code as `ResetTokenInvalid`). */
  PasswordlessLinkInvalid: 1063,
  OtpUsed: 1068,
  OtpExpired: 1069,
  OtpUnavailable: 1070,
  TokenLimit: 1178,
  OtpLimit: 1179,
  // Issue 11: the live lockout and usernames.
  /** Suspended after failed logins (`Data.LoginLockedTimeout`), or locked by the site without an end. */
  LoginSuspended: 1198,
  /** Locked until a login carries a security answer. */
  SecurityQuestionRequired: 1148,
  /** A wrong answer to the security question. */
  SecurityAnswerWrong: 1094,
  /** A wrong CAPTCHA response. */
  CaptchaWrong: 982,
  UserNameTaken: 1017,
  /** Unknown username on some endpoints; told apart from 966 nowhere in the UI. */
  UserNameNotFound: 1022,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;
