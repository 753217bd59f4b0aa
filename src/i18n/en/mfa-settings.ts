/**
 * English message part `mfa-settings` (issue 14): `<lr-mfa-settings>`.
 * Imported by the module that shows these texts, so the CDN build puts them in that module's chunk; importing it
 * adds the texts to the English table (`../english.ts`). Keys: add at the end of the part whose element shows
 * them, and the German twin in `../de/mfa-settings.ts`.
 */
import {addEnglish} from '../english.js';

export const mfaSettings = addEnglish('mfa-settings', {
  'mfaSettings.loading': 'Loading your two-step sign-in settings…',
  'mfaSettings.retry': 'Try again',
  'mfaSettings.signedOut': 'Sign in to manage your two-step sign-in.',
  'mfaSettings.authenticator': 'Authenticator app',
  'mfaSettings.email': 'Code by email',
  'mfaSettings.backup': 'Backup codes',
  'mfaSettings.on': 'On',
  'mfaSettings.off': 'Off',
  'mfaSettings.setUp': 'Set up',
  'mfaSettings.setupIntro': 'Scan the QR code with your authenticator app, or enter the key by hand. Then enter the 6-digit code it shows.',
  'mfaSettings.turnOn': 'Turn on',
  'mfaSettings.turnOff': 'Turn off',
  'mfaSettings.cancel': 'Cancel',
  'mfaSettings.enabled.authenticator': 'The authenticator app is on.',
  'mfaSettings.enabled.emailotp': 'Codes by email are on.',
  'mfaSettings.remove': 'Remove',
  'mfaSettings.removeConfirm': 'Remove the authenticator app? Its codes will no longer be asked for or accepted when you sign in.',
  'mfaSettings.removeYes': 'Remove the authenticator app',
  'mfaSettings.removing': 'Removing…',
  'mfaSettings.removed.authenticator': 'The authenticator app has been removed.',
  'mfaSettings.removed.emailotp': 'Codes by email are off.',
  'mfaSettings.emailIntro': 'Choose the address for your sign-in codes. We will send a code to confirm it.',
  'mfaSettings.emailSent': 'We sent a code to {email}. Enter it to turn on codes by email.',
  'mfaSettings.backupIntro': 'Backup codes let you sign in when you cannot use your other second step. Each code works once.',
  'mfaSettings.needFactor': 'Turn on the authenticator app or codes by email first.',
  'mfaSettings.create': 'Create backup codes',
  'mfaSettings.regenerate': 'Make new backup codes',
  'mfaSettings.regenerateConfirm': 'Make new backup codes? Your old backup codes will stop working.',
  'mfaSettings.regenerateYes': 'Make new codes',
  'mfaSettings.generating': 'Making backup codes…',
  'mfaSettings.codesTitle': 'Your backup codes',
  'mfaSettings.codesOnce': 'Save these codes somewhere safe now. They won’t be shown again.',
  'mfaSettings.copyCodes': 'Copy codes',
  'mfaSettings.download': 'Download as a text file',
  'mfaSettings.saved': 'I have saved my codes',
  'mfaSettings.created': {one: '{count} backup code was created.', other: '{count} backup codes were created.'},
});
