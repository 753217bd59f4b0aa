/**
 * German message part `shared` (Sie form), the twin of `../en/shared.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const shared: PartTable<'shared'> = {
  // ── Field labels and hints ──────────────────────────────────────────────────────────────────────────
  'field.email': 'E-Mail-Adresse',
  'password.toggle': 'Passwort anzeigen',

  // ── Client-side validation ──────────────────────────────────────────────────────────────────────────
  'validation.email.required': 'Geben Sie Ihre E-Mail-Adresse ein.',
  'validation.email.invalid': 'Geben Sie eine E-Mail-Adresse im Format name@example.com ein.',
  'validation.password.required': 'Geben Sie Ihr Passwort ein.',
  'validation.tooShort': {one: 'Verwenden Sie mindestens {count} Zeichen.', other: 'Verwenden Sie mindestens {count} Zeichen.'},
  'validation.required': '{label} ist ein Pflichtfeld.',
  'validation.tooLong': {one: 'Verwenden Sie höchstens {count} Zeichen.', other: 'Verwenden Sie höchstens {count} Zeichen.'},
  'validation.invalid': 'Überprüfen Sie dieses Feld.',
  'forgot.busy': 'Wird gesendet…',
  'forgot.sent':
    'Falls ein Konto für {email} existiert, haben wir einen Link zum Zurücksetzen des Passworts dorthin gesendet. Bitte sehen Sie in Ihrem Posteingang nach.',

  // ── Session-wide messages (status region) ───────────────────────────────────────────────────────────
  'session.expired': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'session.otherTab': 'Sie haben sich in einem anderen Tab abgemeldet.',
  'session.unknown':
    'Der Anmeldedienst ist nicht erreichbar, daher konnten wir Ihre Sitzung nicht bestätigen. Wir versuchen es erneut.',

  // ── Form-level errors by kind (role="alert") ────────────────────────────────────────────────────────
  'error.network':
    'Der Anmeldedienst ist nicht erreichbar. Überprüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  'error.timeout': 'Der Anmeldedienst hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.',
  'error.server': 'Beim Anmeldedienst gibt es gerade Probleme. Bitte versuchen Sie es in ein paar Minuten erneut.',
  'error.rateLimited': 'Zu viele Versuche. Bitte warten Sie einen Moment, bevor Sie es erneut versuchen.',
  'error.retryIn': {
    one: 'Sie können es in {count} Sekunde erneut versuchen.',
    other: 'Sie können es in {count} Sekunden erneut versuchen.',
  },
  'error.retryNow': 'Sie können es jetzt erneut versuchen.',
  'error.generic': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'error.config': 'Dieses Formular ist nicht richtig eingerichtet: Es fehlt ein API-Schlüssel.',
  'error.fieldRejected': 'Dieser Wert wurde nicht akzeptiert. Überprüfen Sie ihn und versuchen Sie es erneut.',
  'code.970':
    'Ihre E-Mail-Adresse ist noch nicht bestätigt. Öffnen Sie den Link aus unserer E-Mail oder fordern Sie einen neuen an.',
  'code.991': 'Dieses Konto ist gesperrt. Bitte wenden Sie sich an den Betreiber der Website.',
  'code.1130': 'Die Anmeldung ist für dieses Konto deaktiviert. Bitte wenden Sie sich an den Betreiber der Website.',
  'code.1198': 'Zu viele fehlgeschlagene Versuche: Dieses Konto ist vorübergehend gesperrt. Versuchen Sie es später erneut oder wenden Sie sich an den Betreiber der Website.',
  'code.1017': 'Dieser Benutzername ist bereits vergeben.',
  'code.1038': 'Geben Sie eine E-Mail-Adresse im Format name@example.com ein.',
  'code.990': 'Geben Sie eine E-Mail-Adresse im Format name@example.com ein.',
  'code.1089': 'Geben Sie Ihr Passwort ein.',
  'code.1216': 'Dieses Passwort ist zu schwach. Wählen Sie ein längeres, schwerer zu erratendes Passwort.',
  'code.1134': 'Einige Felder wurden nicht akzeptiert. Überprüfen Sie sie und versuchen Sie es erneut.',
  'code.982': 'Die CAPTCHA-Prüfung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  'code.1218': 'Die CAPTCHA-Prüfung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  'code.1025': 'Diese E-Mail-Adresse ist bereits bestätigt. Sie können sich anmelden.',
  'code.1126': 'Diese E-Mail-Adresse ist bereits bestätigt. Sie können sich anmelden.',
  'code.905': 'Ihre Sitzung ist nicht mehr gültig. Bitte melden Sie sich erneut an.',
  'code.906': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'code.920': 'Dieses Formular ist nicht richtig eingerichtet: Der API-Schlüssel ist ungültig.',
  'code.922': 'Dieses Formular ist nicht richtig eingerichtet: Es fehlt ein API-Schlüssel.',
  'code.901': 'Dieses Formular ist nicht richtig eingerichtet: Der API-Schlüssel ist nicht berechtigt.',
  'code.1122': 'An diese Adresse wurden zu viele E-Mails gesendet. Bitte versuchen Sie es später erneut.',
  'code.950': 'Beim Anmeldedienst gibt es gerade Probleme. Bitte versuchen Sie es in ein paar Minuten erneut.',
  'profile.retry': 'Erneut versuchen',
  'code.1067': 'Dieser Code ist nicht richtig. Prüfen Sie ihn und versuchen Sie es erneut.',
  'code.1068': 'Dieser Code wurde schon verwendet. Fordern Sie einen neuen an.',
  'code.1069': 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
  'code.1070': 'Dieser Code ist nicht mehr gültig. Fordern Sie einen neuen an.',
  'code.1097': 'Die Anmeldung in zwei Schritten ist für diese Website nicht eingeschaltet.',
  'code.1178': 'Es wurden zu viele Codes angefordert. Bitte versuchen Sie es später erneut.',
  'code.1179': 'Es wurden zu viele Codes angefordert. Bitte versuchen Sie es später erneut.',
  'code.1059': 'Die Anmeldung per E-Mail ist auf dieser Website nicht verfügbar. Melden Sie sich mit Ihrem Passwort an.',
  'code.1062': 'Dieser Anmeldelink wurde bereits verwendet. Fordern Sie einen neuen an.',
  // issue 16: next steps, show/hide password, resend verification
  'password.hide': 'Passwort verbergen',
  'resend.button': 'Neuen Link senden',
  'resend.to': 'Neuen Link an {email} senden',
  'resend.busy': 'Ein neuer Link wird gesendet…',
  'resend.sent': 'Wir haben einen neuen Link an {email} gesendet. Öffnen Sie ihn, um fortzufahren.',
  'resend.verified': '{email} ist bereits bestätigt. Sie können sich anmelden.',
  'resend.wait': {one: 'Sie können in {count} Sekunde einen weiteren senden.', other: 'Sie können in {count} Sekunden einen weiteren senden.'},
};

export default shared;
