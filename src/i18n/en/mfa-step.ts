/**
 * English message part `mfa-step` (issue 14): The second step of a sign-in
 * (`src/internal/steps/second-factor/step.ts`), loaded with that step.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/mfa-step.ts`.
 */
import {addEnglish} from '../english.js';

export const mfaStep = addEnglish('mfa-step', {
  // ════════════════════════════════════════════════════════════════════════════════════════════════════
  // Multi-factor sign-in: the second step and <lr-mfa-settings> (issue 12). Keep this block together.
  // ════════════════════════════════════════════════════════════════════════════════════════════════════
  'mfa.intro.setup':
    'This site asks for a second step when you sign in. Scan the QR code with an authenticator app (or enter the key by hand), then enter the 6-digit code it shows.',
  'mfa.intro.authenticator': 'Enter the 6-digit code from your authenticator app.',
  'mfa.intro.email': 'We can email you a 6-digit sign-in code.',
  'mfa.intro.backup': 'Enter one of your backup codes. Each code works only once.',
  'mfa.field.emailCode': 'Code from the email',
  'mfa.field.backupCode': 'Backup code',
  'mfa.submit': 'Verify',
  'mfa.sent': 'We sent a code to {email}. It may take a minute to arrive.',
  'mfa.resend': 'Send a new code',
  'mfa.resendIn': {one: 'You can ask for a new code in {count} second.', other: 'You can ask for a new code in {count} seconds.'},
  'mfa.use.authenticator': 'Use the authenticator app',
  'mfa.use.email': 'Get a code by email',
  'mfa.use.backup': 'Use a backup code',
  'mfa.restart': 'Start again',
  'mfa.expired': 'This sign-in step has expired. Start again and enter your password once more.',
  'mfa.wrongBackup': 'This backup code is not correct or has already been used.',
  'mfa.backupFormat': 'Enter the whole backup code, for example 1a2b3-c4d5e.',
});
