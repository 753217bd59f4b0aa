/**
 * English message part `profile` (issue 14): `<lr-profile-editor>` and its sections.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/profile.ts`.
 */
import {addEnglish} from '../english.js';

export const profile = addEnglish('profile', {
  'code.967': 'Your current password is incorrect.',

  // ════════════════════════════════════════════════════════════════════════════════════════════════════
  // <lr-profile-editor>, <lr-email-manager>, <lr-email-link> (issue 4). Keep this block together.
  // ════════════════════════════════════════════════════════════════════════════════════════════════════

  // ── <lr-profile-editor> ─────────────────────────────────────────────────────────────────────────────
  'profile.title': 'Your profile',
  'profile.signedOut': 'Sign in to see and edit your profile.',
  'profile.loading': 'Loading your profile…',
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

  // Issue 11: the other writable profile fields.
  'profile.field.UserName': 'Username',
  'profile.field.ProfileName': 'Profile name',
  'profile.field.HomeTown': 'Home town',
  'profile.field.Industry': 'Industry',
  'profile.field.Designation': 'Job title',
  'profile.field.Website': 'Website',
  'profile.field.TimeZone': 'Time zone',
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
});
