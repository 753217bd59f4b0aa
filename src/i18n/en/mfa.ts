/**
 * English message part `mfa` (issue 14): What the second step of a sign-in and `<lr-mfa-settings>` share: code
 * fields, the authenticator setup, copying, the MFA error codes.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/mfa.ts`.
 */
import {addEnglish} from '../english.js';

export const mfa = addEnglish('mfa', {
  'mfa.field.code': 'Code from the app',
  'mfa.field.address': 'Send the code to',
  'mfa.busy': 'Checking the code…',
  'mfa.send': 'Email me a code',
  'mfa.sending': 'Sending the code…',
  'mfa.wrongCode': 'This code is not correct. Check it and try again.',
  'mfa.codeRequired': 'Enter the code.',
  'mfa.codeFormat': 'Enter the 6 digits of the code.',
  'mfa.qr.label': 'QR code to scan with an authenticator app',
  'mfa.key.label': 'Or enter this key in the app:',
  'mfa.key.copy': 'Copy key',
  'mfa.openApp': 'Open in an authenticator app on this device',
  'mfa.copied': 'Copied.',
  'mfa.copyFailed': 'Could not copy. Select the text and copy it by hand.',
  'code.1102': 'This code is not correct. Check it and try again.',
  'code.1128': 'This backup code is not correct or has already been used.',
  'code.1129': 'This backup code is not correct or has already been used.',
  'code.1103': 'This sign-in step has expired. Start again and enter your password once more.',
  'code.1104': 'This sign-in step has expired. Start again and enter your password once more.',
  'code.1099': 'No authenticator app is set up for this account.',
  'code.1101': 'Turn on the authenticator app or codes by email first.',
  'code.1121': 'This second step cannot be removed: the site requires at least one.',
  'code.1127': 'You already have backup codes. Make new ones to replace them.',
  'code.1256': 'Codes by email are not turned on for this account.',
  'code.1279': 'This sign-in method is not available on this site.',
  'code.1340': 'This email address does not belong to your account.',
});
