/**
 * German message part `register` (Sie form), the twin of `../en/register.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const register: PartTable<'register'> = {
  'field.newPassword': 'Passwort',
  'field.FirstName': 'Vorname',
  'field.MiddleName': 'Zweiter Vorname',
  'field.LastName': 'Nachname',
  'field.NickName': 'Spitzname',
  'field.optional': '(optional)',
  'register.passwordHint': {one: 'Mindestens {count} Zeichen.', other: 'Mindestens {count} Zeichen.'},

  // ── <lr-register> ───────────────────────────────────────────────────────────────────────────────────
  'register.label': 'Konto erstellen',
  'register.submit': 'Konto erstellen',
  'register.busy': 'Ihr Konto wird erstellt…',
  'register.checkEmail':
    'Wir haben einen Bestätigungslink an {email} gesendet. Öffnen Sie ihn, um die Registrierung abzuschließen.',
  'register.done': 'Ihr Konto ist eingerichtet und Sie sind als {name} angemeldet.',
  'register.signedInAs': 'Sie sind als {name} angemeldet.',
  'register.checkingEmail': 'E-Mail-Adresse wird geprüft…',
  'register.emailAvailable': 'Diese E-Mail-Adresse kann verwendet werden.',

  // Issue 11: Benutzername bei der Registrierung.
  'field.UserName': 'Benutzername',
  'error.registrationUnavailable': 'Die Registrierung ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
  'code.936': 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Versuchen Sie stattdessen, sich anzumelden.',
  'code.1048': 'Die Registrierung ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
  'code.1049': 'Die Registrierung ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
  'register.sentTitle': 'Prüfen Sie Ihr Postfach',
};

export default register;
