/**
 * English message part `forgot` (issue 14): The forgot-password view of `<lr-login>`.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/forgot.ts`.
 */
import {addEnglish} from '../english.js';

export const forgot = addEnglish('forgot', {
  'forgot.label': 'Reset your password',
  'forgot.intro': 'Enter the email address of your account and we will send you a link to choose a new password.',
  'forgot.submit': 'Send reset link',
  'forgot.back': 'Back to sign in',
});
