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
  'register.checkEmail': 'We sent a verification link to {email}. Open it to finish creating your account.',
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

  // ════════════════════════════════════════════════════════════════════════════════════════════════════
  // <lr-profile-editor>, <lr-email-manager>, <lr-email-link> (issue 4). Keep this block together.
  // ════════════════════════════════════════════════════════════════════════════════════════════════════

  // ── <lr-profile-editor> ─────────────────────────────────────────────────────────────────────────────
  'profile.title': 'Your profile',
  'profile.signedOut': 'Sign in to see and edit your profile.',
  'profile.loading': 'Loading your profile…',
  'profile.retry': 'Try again',
  'profile.save': 'Save changes',
  'profile.saving': 'Saving your changes…',
  'profile.saved': 'Your profile has been saved.',
  'profile.noChanges': 'There are no changes to save.',
  'profile.expired': 'Your session has expired — sign in again. Your changes are still here: save them once you are signed in.',
  'profile.field.Prefix': 'Title',
  'profile.field.FirstName': 'First name',
  'profile.field.MiddleName': 'Middle name',
  'profile.field.LastName': 'Last name',
  'profile.field.Suffix': 'Suffix',
  'profile.field.NickName': 'Nickname',
  'profile.field.BirthDate': 'Date of birth',
  'profile.field.Gender': 'Gender',
  'profile.field.PhoneNumbers': 'Phone number',
  'profile.field.Company': 'Company',
  'profile.field.City': 'City',
  'profile.field.State': 'State or region',
  'profile.field.Country': 'Country',
  'profile.gender.unspecified': 'Not specified',
  'profile.gender.F': 'Female',
  'profile.gender.M': 'Male',
  'profile.identities.title': 'Linked accounts',
  'profile.identities.loading': 'Loading linked accounts…',
  'profile.identities.none': 'No linked accounts.',
  'profile.identities.failed': 'We could not load your linked accounts.',
  'profile.identities.item': '{provider} ({email})',
  'profile.password.title': 'Password',
  'profile.password.open': 'Change password',
  'profile.password.current': 'Current password',
  'profile.password.new': 'New password',
  'profile.password.currentRequired': 'Enter your current password.',
  'profile.password.newRequired': 'Enter a new password.',
  'profile.password.same': 'Choose a new password that differs from the current one.',
  'profile.password.hint': {one: 'Use at least {count} character.', other: 'Use at least {count} characters.'},
  'profile.password.submit': 'Change password',
  'profile.password.cancel': 'Cancel',
  'profile.password.busy': 'Changing your password…',
  'profile.password.changed': 'Your password has been changed.',
  'profile.delete.title': 'Delete account',
  'profile.delete.intro': 'Deleting your account removes your profile and your sign-in for good.',
  'profile.delete.start': 'Delete my account',
  'profile.delete.confirm':
    'Are you sure? We will email a confirmation link to {email}. Your account is deleted only when you open that link.',
  'profile.delete.send': 'Yes, email me the link',
  'profile.delete.cancel': 'Cancel',
  'profile.delete.busy': 'Sending the confirmation email…',
  'profile.delete.sent': 'Check your email: we sent a link to {email}. Open it to confirm the deletion of your account.',

  // ── <lr-email-manager> ──────────────────────────────────────────────────────────────────────────────
  'emails.title': 'Email addresses',
  'emails.signedOut': 'Sign in to manage your email addresses.',
  'emails.loading': 'Loading your email addresses…',
  'emails.none': 'There are no email addresses on your account.',
  'emails.primary': 'Primary',
  'emails.secondary': 'Secondary',
  'emails.verified': 'Verified',
  'emails.unverified': 'Not verified',
  'emails.adding': 'Adding…',
  'emails.remove': 'Remove',
  'emails.removeLabel': 'Remove {email}',
  'emails.removeConfirm': 'Remove {email} from your account?',
  'emails.removeYes': 'Yes, remove it',
  'emails.removeNo': 'Keep it',
  'emails.removing': 'Removing {email}…',
  'emails.removed': '{email} has been removed from your account.',
  'emails.cannotRemoveOnly': '{email} is your only email address, so it cannot be removed. Add another address first.',
  'emails.resend': 'Resend verification link',
  'emails.resendLabel': 'Resend verification link to {email}',
  'emails.resending': 'Sending a new verification link to {email}…',
  'emails.resent': 'We sent a new verification link to {email}.',
  'emails.resendIn': {one: 'You can resend in {count} second.', other: 'You can resend in {count} seconds.'},
  'emails.alreadyVerified': '{email} is already verified.',
  'emails.add.title': 'Add an email address',
  'emails.add.field': 'New email address',
  'emails.add.submit': 'Add email',
  'emails.add.busy': 'Adding {email}…',
  'emails.added': 'We added {email} and sent it a verification link. Open the link to verify the address.',
  'emails.add.exists': 'This email address belongs to another account.',
  'emails.add.duplicate': 'This email address is already on your account.',

  // ── <lr-email-link> ─────────────────────────────────────────────────────────────────────────────────
  'link.missing': 'This link is incomplete. Open the link from your email again, or copy the whole address into the browser.',
  'link.unknown': 'This link is not recognised. Open the link from your email again.',
  'link.verify.busy': 'Verifying your email address…',
  'link.verify.done': 'Your email address is verified.',
  'link.verify.doneSignedIn': 'Your email address is verified and you are now signed in.',
  'link.verify.used': 'This verification link has already been used. If your address is verified, you can sign in.',
  'link.verify.expired': 'This verification link has expired. Sign in to get a new verification email.',
  'link.verify.invalid': 'This verification link is not valid. Check that you opened the whole link, or ask for a new one.',
  'link.reset.intro': 'Choose a new password for your account.',
  'link.reset.password': 'New password',
  'link.reset.confirm': 'Repeat the new password',
  'link.reset.passwordRequired': 'Enter a new password.',
  'link.reset.confirmRequired': 'Repeat the new password.',
  'link.reset.mismatch': 'The two passwords do not match.',
  'link.reset.hint': {one: 'Use at least {count} character.', other: 'Use at least {count} characters.'},
  'link.reset.submit': 'Set new password',
  'link.reset.busy': 'Saving your new password…',
  'link.reset.done': 'Your password has been changed. You can now sign in with your new password.',
  'link.reset.used': 'This password reset link has already been used. Ask for a new one if you still need to reset your password.',
  'link.reset.expired': 'This password reset link has expired. Ask for a new one from the sign-in form.',
  'link.reset.invalid': 'This password reset link is not valid. Check that you opened the whole link, or ask for a new one.',
  'link.delete.confirm': 'Do you want to delete your account permanently? This cannot be undone.',
  'link.delete.submit': 'Delete my account permanently',
  'link.delete.keep': 'Keep my account',
  'link.delete.busy': 'Deleting your account…',
  'link.delete.done': 'Your account has been deleted and you have been signed out.',
  'link.delete.kept': 'Your account has not been deleted. You can close this page.',
  'link.delete.invalid':
    'This deletion link is no longer valid: it has been used, has expired or is incomplete. Ask for a new one from your profile.',
  // issue 16: next steps, show/hide password, resend verification
  'password.hide': 'Hide password',
  'resend.button': 'Send a new link',
  'resend.to': 'Send a new link to {email}',
  'resend.busy': 'Sending a new link…',
  'resend.sent': 'We sent a new link to {email}. Open it to finish.',
  'resend.verified': '{email} is already verified. You can sign in.',
  'resend.wait': {one: 'You can send another in {count} second.', other: 'You can send another in {count} seconds.'},
  'login.unverified': 'Your email address is not verified yet. We just sent a new verification link to {email}: open it, then sign in.',
  'register.sentTitle': 'Check your email',
  'link.next.continue': 'Continue',
  'link.next.signIn': 'Sign in',
  'link.verify.doneEmail': 'Your email address {email} is verified.',
  'link.verify.doneSignedInEmail': 'Your email address {email} is verified and you are now signed in.',
  'link.resend.intro': 'Enter your email address and we will send you a new link.',
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
