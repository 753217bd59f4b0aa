/**
 * English message part `passwordless` (issue 14): The passwordless step of `<lr-login>`, loaded with that step.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/passwordless.ts`.
 */
import {addEnglish} from '../english.js';

export const passwordless = addEnglish('passwordless', {
  // ── Issue 13: passwordless sign-in (<lr-login passwordless>, <lr-email-link> vtype=oneclicksignin) ─────
  'passwordless.linkButton': 'Email me a sign-in link',
  'passwordless.codeButton': 'Email me a sign-in code',
  'passwordless.intro.link': 'Enter the email address of your account and we will send you a link that signs you in.',
  'passwordless.intro.code': 'Enter the email address of your account and we will send you a code that signs you in.',
  'passwordless.submit.link': 'Send sign-in link',
  'passwordless.submit.code': 'Send sign-in code',
  'passwordless.busy': 'Sending…',
  'passwordless.back': 'Sign in with a password instead',
  'passwordless.sent.link': 'If an account exists for {email}, we have sent it a sign-in link. Open the link to sign in.',
  'passwordless.sent.code': 'If an account exists for {email}, we have sent it a sign-in code. Enter the code below.',
  'passwordless.sent.both':
    'If an account exists for {email}, we have sent it a sign-in link and a code. Open the link, or enter the code below.',
  'passwordless.code': 'Sign-in code',
  'passwordless.codeRequired': 'Enter the code from the email.',
  'passwordless.verify': 'Sign in with the code',
  'passwordless.verifying': 'Checking the code…',
  'passwordless.resend': 'Send a new email',
  'passwordless.resendIn': {one: 'You can ask for a new email in {count} second.', other: 'You can ask for a new email in {count} seconds.'},
  'passwordless.resent': 'If an account exists for {email}, we have sent it a new email.',
  'passwordless.otherEmail': 'Use a different email address',
});
