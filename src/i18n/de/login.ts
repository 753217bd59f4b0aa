/**
 * German message part `login` (Sie form), the twin of `../en/login.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const login: PartTable<'login'> = {
  'field.password': 'Passwort',

  // ── <lr-login> ──────────────────────────────────────────────────────────────────────────────────────
  'login.label': 'Anmelden',
  'login.submit': 'Anmelden',
  'login.busy': 'Anmeldung läuft…',
  'login.success': 'Sie sind angemeldet.',
  'login.checking': 'Anmeldestatus wird geprüft…',
  'login.forgot': 'Passwort vergessen?',
  'login.signedInAs': 'Angemeldet als {name}',
  'login.signOut': 'Abmelden',
  'login.signingOut': 'Abmeldung läuft…',
  'login.signedOut': 'Sie haben sich abgemeldet.',
  'login.resend': 'Bestätigungs-E-Mail erneut senden',

  // Issue 11: Anmeldung mit Benutzername und die Sperrschritte des Live-Dienstes.
  'field.username': 'Benutzername',
  'field.loginId': 'E-Mail-Adresse oder Benutzername',
  'validation.username.required': 'Geben Sie Ihren Benutzernamen ein.',
  'validation.loginId.required': 'Geben Sie Ihre E-Mail-Adresse oder Ihren Benutzernamen ein.',
  'validation.loginId.invalid': 'Geben Sie eine E-Mail-Adresse im Format name@example.com oder Ihren Benutzernamen ein.',
  'login.incorrect.username': 'Benutzername oder Passwort ist falsch.',
  'login.incorrect.either': 'E-Mail-Adresse/Benutzername oder Passwort ist falsch.',
  'login.question.required': 'Geben Sie die Antwort auf Ihre Sicherheitsfrage ein.',

  // ── LoginRadius ErrorCode → readable German ─────────────────────────────────────────────────────────
  'code.966': 'E-Mail-Adresse oder Passwort ist falsch.',
  'code.938': 'E-Mail-Adresse oder Passwort ist falsch.',
  'code.1023': 'E-Mail-Adresse oder Passwort ist falsch.',
  'code.1132': 'Zu viele fehlgeschlagene Anmeldeversuche: Dieses Konto verlangt jetzt eine CAPTCHA-Prüfung.',
  'code.1148': 'Zu viele fehlgeschlagene Anmeldeversuche: Dieses Konto verlangt jetzt die Antwort auf eine Sicherheitsfrage.',
  'code.1264': 'Zu viele fehlgeschlagene Versuche. Versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.',
  'login.unverified':
    'Ihre E-Mail-Adresse ist noch nicht bestätigt. Wir haben soeben einen neuen Bestätigungslink an {email} gesendet: Öffnen Sie ihn und melden Sie sich dann an.',
};

export default login;
