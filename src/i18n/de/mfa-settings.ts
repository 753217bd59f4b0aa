/**
 * German message part `mfa-settings` (Sie form), the twin of `../en/mfa-settings.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const mfaSettings: PartTable<'mfa-settings'> = {
  'mfaSettings.loading': 'Ihre Einstellungen für die Anmeldung in zwei Schritten werden geladen…',
  'mfaSettings.retry': 'Erneut versuchen',
  'mfaSettings.signedOut': 'Melden Sie sich an, um Ihre Anmeldung in zwei Schritten zu verwalten.',
  'mfaSettings.authenticator': 'Authenticator-App',
  'mfaSettings.email': 'Code per E-Mail',
  'mfaSettings.backup': 'Backup-Codes',
  'mfaSettings.on': 'Ein',
  'mfaSettings.off': 'Aus',
  'mfaSettings.setUp': 'Einrichten',
  'mfaSettings.setupIntro': 'Scannen Sie den QR-Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel von Hand ein. Geben Sie dann den 6-stelligen Code ein, den sie anzeigt.',
  'mfaSettings.turnOn': 'Einschalten',
  'mfaSettings.turnOff': 'Ausschalten',
  'mfaSettings.cancel': 'Abbrechen',
  'mfaSettings.enabled.authenticator': 'Die Authenticator-App ist eingeschaltet.',
  'mfaSettings.enabled.emailotp': 'Codes per E-Mail sind eingeschaltet.',
  'mfaSettings.remove': 'Entfernen',
  'mfaSettings.removeConfirm': 'Die Authenticator-App entfernen? Ihre Codes werden bei der Anmeldung dann nicht mehr verlangt und nicht mehr angenommen.',
  'mfaSettings.removeYes': 'Authenticator-App entfernen',
  'mfaSettings.removing': 'Wird entfernt…',
  'mfaSettings.removed.authenticator': 'Die Authenticator-App wurde entfernt.',
  'mfaSettings.removed.emailotp': 'Codes per E-Mail sind ausgeschaltet.',
  'mfaSettings.emailIntro': 'Wählen Sie die Adresse für Ihre Anmeldecodes. Wir senden einen Code, um sie zu bestätigen.',
  'mfaSettings.emailSent': 'Wir haben einen Code an {email} gesendet. Geben Sie ihn ein, um Codes per E-Mail einzuschalten.',
  'mfaSettings.backupIntro': 'Mit Backup-Codes können Sie sich anmelden, wenn Ihr anderer zweiter Schritt nicht verfügbar ist. Jeder Code funktioniert einmal.',
  'mfaSettings.needFactor': 'Schalten Sie zuerst die Authenticator-App oder Codes per E-Mail ein.',
  'mfaSettings.create': 'Backup-Codes erstellen',
  'mfaSettings.regenerate': 'Neue Backup-Codes erstellen',
  'mfaSettings.regenerateConfirm': 'Neue Backup-Codes erstellen? Ihre alten Backup-Codes funktionieren dann nicht mehr.',
  'mfaSettings.regenerateYes': 'Neue Codes erstellen',
  'mfaSettings.generating': 'Backup-Codes werden erstellt…',
  'mfaSettings.codesTitle': 'Ihre Backup-Codes',
  'mfaSettings.codesOnce': 'Bewahren Sie diese Codes jetzt an einem sicheren Ort auf. Sie werden nicht noch einmal angezeigt.',
  'mfaSettings.copyCodes': 'Codes kopieren',
  'mfaSettings.download': 'Als Textdatei herunterladen',
  'mfaSettings.saved': 'Ich habe meine Codes gespeichert',
  'mfaSettings.created': {one: '{count} Backup-Code wurde erstellt.', other: '{count} Backup-Codes wurden erstellt.'},
};

export default mfaSettings;
