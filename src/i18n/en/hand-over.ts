/**
 * English message part `hand-over` (issue 14): A first factor answered with a second-factor challenge
 * (`src/internal/steps/hand-over.ts`).
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/hand-over.ts`.
 */
import {addEnglish} from '../english.js';

export const handOver = addEnglish('hand-over', {
  'mfa.handOver': 'Your account also asks for a second factor. Continue with your second factor on the sign-in page.',
});
