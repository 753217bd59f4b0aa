/**
 * English message part `emails` (issue 14): `<lr-email-manager>`.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/emails.ts`.
 */
import {addEnglish} from '../english.js';

export const emails = addEnglish('emails', {
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
});
