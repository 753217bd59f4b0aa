/**
 * English message part `hand-over` (issue 14): A first factor answered with a second-factor challenge
 * (`src/internal/steps/hand-over.ts`).
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/hand-over.ts`.
 */
import {addEnglish} from '../english.js';

export const handOver = addEnglish('hand-over', {
  // Issue 13: a passwordless first factor continues in the shared second step; its expiry cannot ask for a password.
  'mfa.expiredPasswordless': 'This sign-in step has expired. Start again and ask for a new sign-in email.',
});
