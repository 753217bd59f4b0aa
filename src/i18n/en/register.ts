/**
 * English message part `register` (issue 14): `<lr-register>`.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/register.ts`.
 */
import {addEnglish} from '../english.js';

export const register = addEnglish('register', {
  'field.newPassword': 'Password',
  'field.FirstName': 'First name',
  'field.MiddleName': 'Middle name',
  'field.LastName': 'Last name',
  'field.NickName': 'Nickname',
  'field.optional': '(optional)',
  'register.passwordHint': {one: 'Use at least {count} character.', other: 'Use at least {count} characters.'},

  // ── <lr-register> ───────────────────────────────────────────────────────────────────────────────────
  'register.label': 'Create an account',
  'register.submit': 'Create account',
  'register.busy': 'Creating your account…',
  'register.checkEmail': 'We sent a verification link to {email}. Open it to finish creating your account.',
  'register.done': 'Your account is ready and you are signed in as {name}.',
  'register.signedInAs': 'You are signed in as {name}.',
  'register.checkingEmail': 'Checking the email address…',
  'register.emailAvailable': 'This email address can be used.',

  // Issue 11: a username at registration.
  'field.UserName': 'Username',
  'error.registrationUnavailable': 'Registration is not available right now. Please try again later.',
  'code.936': 'An account with this email address already exists. Try signing in instead.',
  'code.1048': 'Registration is not available right now. Please try again later.',
  'code.1049': 'Registration is not available right now. Please try again later.',
  'register.sentTitle': 'Check your email',
});
