/**
 * English message part `link` (issue 14): `<lr-email-link>`: verification, password reset, account deletion and
 * passwordless links.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/link.ts`.
 */
import {addEnglish} from '../english.js';

export const link = addEnglish('link', {
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
  'link.passwordless.busy': 'Signing you in…',
  'link.passwordless.done': 'You are now signed in.',
  'link.passwordless.used': 'This sign-in link has already been used.',
  'link.passwordless.expired': 'This sign-in link has expired or is not valid.',
  'link.passwordless.resend': 'Send a new link',
  'link.passwordless.resending': 'Sending a new link…',
  'link.passwordless.resent': 'If an account exists for {email}, we have sent it a new sign-in link. Open it to sign in.',
  'link.next.continue': 'Continue',
  'link.next.signIn': 'Sign in',
  'link.verify.doneEmail': 'Your email address {email} is verified.',
  'link.verify.doneSignedInEmail': 'Your email address {email} is verified and you are now signed in.',
  'link.resend.intro': 'Enter your email address and we will send you a new link.',
});
