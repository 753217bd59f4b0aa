/**
 * English message part `lockout` (issue 14): The lockout steps of `<lr-login>` (CAPTCHA, security question,
 * waiting), loaded with that step.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/lockout.ts`.
 */
import {addEnglish} from '../english.js';

export const lockout = addEnglish('lockout', {
  'login.lock.until': 'You can try again at {time}.',
  'login.lock.minutes': {one: 'You can try again in {count} minute.', other: 'You can try again in {count} minutes.'},
  'login.captcha.step': 'To continue, select “Sign in” again and complete the CAPTCHA check.',
  'login.captcha.unavailable': 'This page cannot show the CAPTCHA check that this account now needs. Please contact the site for help.',
  'login.question.step': 'To continue, answer your security question and sign in again.',
  'login.question.loading': 'Loading your security question…',
  'login.question.failed': 'We could not load your security question. Select “Sign in” to try again.',
  'login.question.none': 'This account cannot be unlocked here. Please contact the site for help.',
  'code.1094': 'This answer is not correct.',
});
