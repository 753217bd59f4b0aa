/**
 * English message part `shared` (issue 14): Texts every element may show: field labels and validation used by
 * several forms, the session notices, the errors any request can produce (by kind and by LoginRadius ErrorCode),
 * the resend-verification control. Loaded with the core (`../index.ts` imports it).
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/shared.ts`.
 */
import {addEnglish} from '../english.js';

export const shared = addEnglish('shared', {
  // ── Field labels and hints ──────────────────────────────────────────────────────────────────────────
  'field.email': 'Email',
  'password.toggle': 'Show password',

  // ── Client-side validation ──────────────────────────────────────────────────────────────────────────
  'validation.email.required': 'Enter your email address.',
  'validation.email.invalid': 'Enter an email address in the format name@example.com.',
  'validation.password.required': 'Enter your password.',
  'validation.tooShort': {one: 'Use at least {count} character.', other: 'Use at least {count} characters.'},
  'validation.required': '{label} is required.',
  'validation.tooLong': {one: 'Use at most {count} character.', other: 'Use at most {count} characters.'},
  'validation.invalid': 'Check this field.',
  'forgot.busy': 'Sending…',
  'forgot.sent': 'If an account exists for {email}, we have sent it a link to reset the password. Check your inbox.',

  // ── Session-wide messages (status region) ───────────────────────────────────────────────────────────
  'session.expired': 'Your session has expired. Please sign in again.',
  'session.otherTab': 'You signed out in another tab.',
  'session.unknown': 'We could not reach the sign-in service to confirm your session. We will try again.',

  // ── Form-level errors by kind (role="alert") ────────────────────────────────────────────────────────
  'error.network': 'We could not reach the sign-in service. Check your internet connection and try again.',
  'error.timeout': 'The sign-in service took too long to answer. Please try again.',
  'error.server': 'The sign-in service is having trouble right now. Please try again in a few minutes.',
  'error.rateLimited': 'Too many attempts. Please wait a moment before trying again.',
  'error.retryIn': {one: 'You can try again in {count} second.', other: 'You can try again in {count} seconds.'},
  'error.retryNow': 'You can try again now.',
  'error.generic': 'Something went wrong. Please try again.',
  'error.config': 'This form is not set up correctly: it has no API key.',
  'error.fieldRejected': 'This value was not accepted. Check it and try again.',
  'code.970': 'Your email address is not verified yet. Open the link we emailed you, or ask for a new one.',
  'code.991': 'This account is blocked. Please contact the site for help.',
  'code.1130': 'Sign-in is disabled for this account. Please contact the site for help.',
  'code.1198': 'Too many failed attempts: this account is locked for now. Try again later, or contact the site for help.',
  'code.1017': 'This username is already taken.',
  'code.1038': 'Enter an email address in the format name@example.com.',
  'code.990': 'Enter an email address in the format name@example.com.',
  'code.1089': 'Enter your password.',
  'code.1216': 'This password is too weak. Choose a longer one that is harder to guess.',
  'code.1134': 'Some fields were not accepted. Check them and try again.',
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
  'profile.retry': 'Try again',
  'code.1067': 'This code is not correct. Check it and try again.',
  'code.1068': 'This code has already been used. Ask for a new one.',
  'code.1069': 'This code has expired. Ask for a new one.',
  'code.1070': 'This code is no longer valid. Ask for a new one.',
  'code.1097': 'Two-step sign-in is not turned on for this site.',
  'code.1178': 'Too many codes were requested. Please try again later.',
  'code.1179': 'Too many codes were requested. Please try again later.',
  'code.1059': 'Signing in by email is not available on this site. Sign in with your password.',
  'code.1062': 'This sign-in link has already been used. Ask for a new one.',
  // issue 16: next steps, show/hide password, resend verification
  'password.hide': 'Hide password',
  'resend.button': 'Send a new link',
  'resend.to': 'Send a new link to {email}',
  'resend.busy': 'Sending a new link…',
  'resend.sent': 'We sent a new link to {email}. Open it to finish.',
  'resend.verified': '{email} is already verified. You can sign in.',
  'resend.wait': {one: 'You can send another in {count} second.', other: 'You can send another in {count} seconds.'},
});
