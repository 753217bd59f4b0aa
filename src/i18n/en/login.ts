/**
 * English message part `login` (issue 14): `<lr-login>`: the sign-in form, sign-in by username, the signed-in view
 * and the codes of a failed sign-in.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/login.ts`.
 */
import {addEnglish} from '../english.js';

export const login = addEnglish('login', {
  'field.password': 'Password',

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

  // Issue 11: sign-in by username, and the live lockout steps.
  'field.username': 'Username',
  'field.loginId': 'Email or username',
  'validation.username.required': 'Enter your username.',
  'validation.loginId.required': 'Enter your email address or username.',
  'validation.loginId.invalid': 'Enter an email address in the format name@example.com, or your username.',
  'login.incorrect.username': 'Username or password is incorrect.',
  'login.incorrect.either': 'Email/username or password is incorrect.',
  'login.question.required': 'Enter the answer to your security question.',

  // ── LoginRadius ErrorCode → readable English ────────────────────────────────────────────────────────
  'code.966': 'Email or password is incorrect.',
  'code.938': 'Email or password is incorrect.',
  'code.1023': 'Email or password is incorrect.',
  'code.1132': 'Too many failed sign-ins: this account now needs a CAPTCHA check.',
  'code.1148': 'Too many failed sign-ins: this account now needs the answer to a security question.',
  'code.1264': 'Too many failed attempts. Try again later, or reset your password.',
  'login.unverified': 'Your email address is not verified yet. We just sent a new verification link to {email}: open it, then sign in.',
});
