/**
 * German message part `mfa-step` (Sie form), the twin of `../en/mfa-step.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const mfaStep: PartTable<'mfa-step'> = {
  // ════════════════════════════════════════════════════════════════════════════════════════════════════
  // Anmeldung in zwei Schritten: der zweite Schritt und <lr-mfa-settings> (issue 12).
  // ════════════════════════════════════════════════════════════════════════════════════════════════════
  'mfa.intro.setup':
    'Diese Website verlangt bei der Anmeldung einen zweiten Schritt. Scannen Sie den QR-Code mit einer Authenticator-App (oder geben Sie den Schlüssel von Hand ein) und geben Sie dann den 6-stelligen Code ein, den sie anzeigt.',
  'mfa.intro.authenticator': 'Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.',
  'mfa.intro.email': 'Wir können Ihnen einen 6-stelligen Anmeldecode per E-Mail senden.',
  'mfa.intro.backup': 'Geben Sie einen Ihrer Backup-Codes ein. Jeder Code funktioniert nur einmal.',
  'mfa.field.emailCode': 'Code aus der E-Mail',
  'mfa.field.backupCode': 'Backup-Code',
  'mfa.submit': 'Bestätigen',
  'mfa.sent': 'Wir haben einen Code an {email} gesendet. Es kann eine Minute dauern, bis er ankommt.',
  'mfa.resend': 'Neuen Code senden',
  'mfa.resendIn': {one: 'Sie können in {count} Sekunde einen neuen Code anfordern.', other: 'Sie können in {count} Sekunden einen neuen Code anfordern.'},
  'mfa.use.authenticator': 'Authenticator-App verwenden',
  'mfa.use.email': 'Code per E-Mail erhalten',
  'mfa.use.backup': 'Backup-Code verwenden',
  'mfa.restart': 'Neu beginnen',
  'mfa.expired': 'Dieser Anmeldeschritt ist abgelaufen. Beginnen Sie neu und geben Sie Ihr Passwort noch einmal ein.',
  'mfa.wrongBackup': 'Dieser Backup-Code ist nicht richtig oder wurde schon verwendet.',
  'mfa.backupFormat': 'Geben Sie den ganzen Backup-Code ein, zum Beispiel 1a2b3-c4d5e.',
};

export default mfaStep;
