/**
 * German message part `mfa` (Sie form), the twin of `../en/mfa.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const mfa: PartTable<'mfa'> = {
  'mfa.field.code': 'Code aus der App',
  'mfa.field.address': 'Code senden an',
  'mfa.busy': 'Der Code wird geprüft…',
  'mfa.send': 'Code per E-Mail senden',
  'mfa.sending': 'Der Code wird gesendet…',
  'mfa.wrongCode': 'Dieser Code ist nicht richtig. Prüfen Sie ihn und versuchen Sie es erneut.',
  'mfa.codeRequired': 'Geben Sie den Code ein.',
  'mfa.codeFormat': 'Geben Sie die 6 Ziffern des Codes ein.',
  'mfa.qr.label': 'QR-Code zum Scannen mit einer Authenticator-App',
  'mfa.key.label': 'Oder geben Sie diesen Schlüssel in der App ein:',
  'mfa.key.copy': 'Schlüssel kopieren',
  'mfa.openApp': 'In einer Authenticator-App auf diesem Gerät öffnen',
  'mfa.copied': 'Kopiert.',
  'mfa.copyFailed': 'Kopieren war nicht möglich. Markieren Sie den Text und kopieren Sie ihn von Hand.',
  'code.1102': 'Dieser Code ist nicht richtig. Prüfen Sie ihn und versuchen Sie es erneut.',
  'code.1128': 'Dieser Backup-Code ist nicht richtig oder wurde schon verwendet.',
  'code.1129': 'Dieser Backup-Code ist nicht richtig oder wurde schon verwendet.',
  'code.1103': 'Dieser Anmeldeschritt ist abgelaufen. Beginnen Sie neu und geben Sie Ihr Passwort noch einmal ein.',
  'code.1104': 'Dieser Anmeldeschritt ist abgelaufen. Beginnen Sie neu und geben Sie Ihr Passwort noch einmal ein.',
  'code.1099': 'Für dieses Konto ist keine Authenticator-App eingerichtet.',
  'code.1101': 'Schalten Sie zuerst die Authenticator-App oder Codes per E-Mail ein.',
  'code.1121': 'Dieser zweite Schritt kann nicht entfernt werden: Die Website verlangt mindestens einen.',
  'code.1127': 'Sie haben schon Backup-Codes. Erstellen Sie neue, um sie zu ersetzen.',
  'code.1256': 'Codes per E-Mail sind für dieses Konto nicht eingeschaltet.',
  'code.1279': 'Diese Anmeldemethode ist auf dieser Website nicht verfügbar.',
  'code.1340': 'Diese E-Mail-Adresse gehört nicht zu Ihrem Konto.',
};

export default mfa;
