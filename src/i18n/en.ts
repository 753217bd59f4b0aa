/**
 * The English message table: every user-facing string of the elements, and LoginRadius error codes turned
 * into readable English. This is the one place to change wording; translations override keys of it
 * (`setMessages(locale, partialTable)` in `./index.ts`).
 *
 * Values are plain strings with `{name}` placeholders, or plural forms keyed by `Intl.PluralRules`
 * categories (`one`, `other`, …) chosen by the numeric `count` parameter.
 *
 * Security note: unknown account and wrong password share one message (`code.966` = `code.938` =
 * `code.1023`), and the forgot-password confirmation never depends on whether the address exists.
 */
export const en = {
  // ── Field labels and hints ──────────────────────────────────────────────────────────────────────────
  'field.email': 'Email',
  'field.password': 'Password',
  'field.newPassword': 'Password',
  'field.FirstName': 'First name',
  'field.MiddleName': 'Middle name',
  'field.LastName': 'Last name',
  'field.NickName': 'Nickname',
  'field.optional': '(optional)',
  'password.toggle': 'Show password',
  'register.passwordHint': {one: 'Use at least {count} character.', other: 'Use at least {count} characters.'},

  // ── Client-side validation ──────────────────────────────────────────────────────────────────────────
  'validation.email.required': 'Enter your email address.',
  'validation.email.invalid': 'Enter an email address in the format name@example.com.',
  'validation.password.required': 'Enter your password.',
  'validation.tooShort': {one: 'Use at least {count} character.', other: 'Use at least {count} characters.'},
  'validation.required': '{label} is required.',
  'validation.tooLong': {one: 'Use at most {count} character.', other: 'Use at most {count} characters.'},
  'validation.invalid': 'Check this field.',

  // ── <lr-login> ──────────────────────────────────────────────────────────────────────────────────────
  'login.label': 'Sign in',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'login.success': 'You are signed in.',
  'login.checking': 'Checking whether you are signed in…',
  'login.forgot': 'Forgot your password?',
  'login.signedInAs': 'Signed in as {name}',
  'login.signOut': 'Sign out',
  'login.signingOut': 'Signing out…',
  'login.signedOut': 'You have signed out.',
  'login.resend': 'Send the verification email again',
  'login.resending': 'Sending a new verification email…',
  'login.resent': 'We sent a new verification email to {email}. Open the link in it, then sign in.',
  'forgot.label': 'Reset your password',
  'forgot.intro': 'Enter the email address of your account and we will send you a link to choose a new password.',
  'forgot.submit': 'Send reset link',
  'forgot.busy': 'Sending…',
  'forgot.back': 'Back to sign in',
  'forgot.sent': 'If an account exists for {email}, we have sent it a link to reset the password. Check your inbox.',

  // ── Session-wide messages (status region) ───────────────────────────────────────────────────────────
  'session.expired': 'Your session has expired. Please sign in again.',
  'session.otherTab': 'You signed out in another tab.',
  'session.unknown': 'We could not reach the sign-in service to confirm your session. We will try again.',

  // ── <lr-register> ───────────────────────────────────────────────────────────────────────────────────
  'register.label': 'Create an account',
  'register.submit': 'Create account',
  'register.busy': 'Creating your account…',
  'register.checkEmail': 'Almost done: we sent a verification link to {email}. Open it to activate your account.',
  'register.done': 'Your account is ready and you are signed in as {name}.',
  'register.signedInAs': 'You are signed in as {name}.',
  'register.checkingEmail': 'Checking the email address…',
  'register.emailAvailable': 'This email address can be used.',

  // ── Form-level errors by kind (role="alert") ────────────────────────────────────────────────────────
  'error.network': 'We could not reach the sign-in service. Check your internet connection and try again.',
  'error.timeout': 'The sign-in service took too long to answer. Please try again.',
  'error.server': 'The sign-in service is having trouble right now. Please try again in a few minutes.',
  'error.rateLimited': 'Too many attempts. Please wait a moment before trying again.',
  'error.retryIn': {one: 'You can try again in {count} second.', other: 'You can try again in {count} seconds.'},
  'error.retryNow': 'You can try again now.',
  'error.generic': 'Something went wrong. Please try again.',
  'error.config': 'This form is not set up correctly: it has no API key.',
  'error.registrationUnavailable': 'Registration is not available right now. Please try again later.',
  'error.fieldRejected': 'This value was not accepted. Check it and try again.',

  // ── LoginRadius ErrorCode → readable English ────────────────────────────────────────────────────────
  'code.966': 'Email or password is incorrect.',
  'code.938': 'Email or password is incorrect.',
  'code.1023': 'Email or password is incorrect.',
  'code.967': 'Your current password is incorrect.',
  'code.970': 'Your email address is not verified yet. Open the link we emailed you, or ask for a new one.',
  'code.991': 'This account is blocked. Please contact the site for help.',
  'code.1130': 'Sign-in is disabled for this account. Please contact the site for help.',
  'code.1132': 'Too many failed attempts. Try again later, or reset your password.',
  'code.1148': 'Too many failed attempts. Try again later, or reset your password.',
  'code.1198': 'Too many failed attempts. Try again later, or reset your password.',
  'code.1264': 'Too many failed attempts. Try again later, or reset your password.',
  'code.936': 'An account with this email address already exists. Try signing in instead.',
  'code.1017': 'This username is already taken.',
  'code.1038': 'Enter an email address in the format name@example.com.',
  'code.990': 'Enter an email address in the format name@example.com.',
  'code.1089': 'Enter your password.',
  'code.1216': 'This password is too weak. Choose a longer one that is harder to guess.',
  'code.1134': 'Some fields were not accepted. Check them and try again.',
  'code.1048': 'Registration is not available right now. Please try again later.',
  'code.1049': 'Registration is not available right now. Please try again later.',
  'code.982': 'The CAPTCHA check failed. Please try again.',
  'code.1218': 'The CAPTCHA check failed. Please try again.',
  'code.1025': 'This email address is already verified. You can sign in.',
  'code.1126': 'This email address is already verified. You can sign in.',
  'code.905': 'Your session is no longer valid. Please sign in again.',
  'code.906': 'Your session has expired. Please sign in again.',
  'code.920': 'This form is not set up correctly: the API key is invalid.',
  'code.922': 'This form is not set up correctly: it has no API key.',
  'code.901': 'This form is not set up correctly: the API key is not authorised.',
  'code.1122': 'Too many emails were sent to this address. Please try again later.',
  'code.950': 'The sign-in service is having trouble right now. Please try again in a few minutes.',
} satisfies Record<string, string | PluralForms>;

/** Plural variants, chosen with `Intl.PluralRules` from the `count` parameter. `other` is required. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type MessageKey = keyof typeof en;
export type MessageTable = Record<MessageKey, string | PluralForms>;
