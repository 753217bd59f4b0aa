/**
 * German message table (Sie form). Not part of the core or CDN bundle: load it lazily, e.g.
 *
 * ```js
 * import { setLocaleLoader } from 'lr-elements';
 * setLocaleLoader((l) => (l === 'de' ? import('lr-elements/i18n/de.js').then((m) => m.default) : undefined));
 * ```
 *
 * Typed as the complete `MessageTable`: a key missing from or unknown to the English table is a type error.
 * Same security rule as the English table: unknown account and wrong password share one message
 * (`code.966` = `code.938` = `code.1023`).
 */
import type {MessageTable} from './en.js';

export const de: MessageTable = {
  // ── Field labels and hints ──────────────────────────────────────────────────────────────────────────
  'field.email': 'E-Mail-Adresse',
  'field.password': 'Passwort',
  'field.newPassword': 'Passwort',
  'field.FirstName': 'Vorname',
  'field.MiddleName': 'Zweiter Vorname',
  'field.LastName': 'Nachname',
  'field.NickName': 'Spitzname',
  'field.optional': '(optional)',
  'password.toggle': 'Passwort anzeigen',
  'register.passwordHint': {one: 'Mindestens {count} Zeichen.', other: 'Mindestens {count} Zeichen.'},

  // ── Client-side validation ──────────────────────────────────────────────────────────────────────────
  'validation.email.required': 'Geben Sie Ihre E-Mail-Adresse ein.',
  'validation.email.invalid': 'Geben Sie eine E-Mail-Adresse im Format name@example.com ein.',
  'validation.password.required': 'Geben Sie Ihr Passwort ein.',
  'validation.tooShort': {one: 'Verwenden Sie mindestens {count} Zeichen.', other: 'Verwenden Sie mindestens {count} Zeichen.'},
  'validation.required': '{label} ist ein Pflichtfeld.',
  'validation.tooLong': {one: 'Verwenden Sie höchstens {count} Zeichen.', other: 'Verwenden Sie höchstens {count} Zeichen.'},
  'validation.invalid': 'Überprüfen Sie dieses Feld.',

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
  'forgot.label': 'Passwort zurücksetzen',
  'forgot.intro':
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen dann einen Link, mit dem Sie ein neues Passwort festlegen können.',
  'forgot.submit': 'Link zum Zurücksetzen senden',
  'forgot.busy': 'Wird gesendet…',
  'forgot.back': 'Zurück zur Anmeldung',
  'forgot.sent':
    'Falls ein Konto für {email} existiert, haben wir einen Link zum Zurücksetzen des Passworts dorthin gesendet. Bitte sehen Sie in Ihrem Posteingang nach.',

  // ── Session-wide messages (status region) ───────────────────────────────────────────────────────────
  'session.expired': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'session.otherTab': 'Sie haben sich in einem anderen Tab abgemeldet.',
  'session.unknown':
    'Der Anmeldedienst ist nicht erreichbar, daher konnten wir Ihre Sitzung nicht bestätigen. Wir versuchen es erneut.',

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
  'error.registrationUnavailable': 'Die Registrierung ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
  'error.fieldRejected': 'Dieser Wert wurde nicht akzeptiert. Überprüfen Sie ihn und versuchen Sie es erneut.',

  // ── LoginRadius ErrorCode → readable German ─────────────────────────────────────────────────────────
  'code.966': 'E-Mail-Adresse oder Passwort ist falsch.',
  'code.938': 'E-Mail-Adresse oder Passwort ist falsch.',
  'code.1023': 'E-Mail-Adresse oder Passwort ist falsch.',
  'code.967': 'Ihr aktuelles Passwort ist falsch.',
  'code.970':
    'Ihre E-Mail-Adresse ist noch nicht bestätigt. Öffnen Sie den Link aus unserer E-Mail oder fordern Sie einen neuen an.',
  'code.991': 'Dieses Konto ist gesperrt. Bitte wenden Sie sich an den Betreiber der Website.',
  'code.1130': 'Die Anmeldung ist für dieses Konto deaktiviert. Bitte wenden Sie sich an den Betreiber der Website.',
  'code.1132': 'Zu viele fehlgeschlagene Versuche. Versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.',
  'code.1148': 'Zu viele fehlgeschlagene Versuche. Versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.',
  'code.1198': 'Zu viele fehlgeschlagene Versuche. Versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.',
  'code.1264': 'Zu viele fehlgeschlagene Versuche. Versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.',
  'code.936': 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Versuchen Sie stattdessen, sich anzumelden.',
  'code.1017': 'Dieser Benutzername ist bereits vergeben.',
  'code.1038': 'Geben Sie eine E-Mail-Adresse im Format name@example.com ein.',
  'code.990': 'Geben Sie eine E-Mail-Adresse im Format name@example.com ein.',
  'code.1089': 'Geben Sie Ihr Passwort ein.',
  'code.1216': 'Dieses Passwort ist zu schwach. Wählen Sie ein längeres, schwerer zu erratendes Passwort.',
  'code.1134': 'Einige Felder wurden nicht akzeptiert. Überprüfen Sie sie und versuchen Sie es erneut.',
  'code.1048': 'Die Registrierung ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
  'code.1049': 'Die Registrierung ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
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

  // ── <lr-profile-editor> ─────────────────────────────────────────────────────────────────────────────
  'profile.title': 'Ihr Profil',
  'profile.signedOut': 'Melden Sie sich an, um Ihr Profil zu sehen und zu bearbeiten.',
  'profile.loading': 'Ihr Profil wird geladen…',
  'profile.retry': 'Erneut versuchen',
  'profile.save': 'Änderungen speichern',
  'profile.saving': 'Ihre Änderungen werden gespeichert…',
  'profile.saved': 'Ihr Profil wurde gespeichert.',
  'profile.noChanges': 'Es gibt keine Änderungen zum Speichern.',
  'profile.expired':
    'Ihre Sitzung ist abgelaufen – bitte melden Sie sich erneut an. Ihre Änderungen bleiben erhalten: Speichern Sie sie, sobald Sie angemeldet sind.',
  'profile.field.Prefix': 'Anrede',
  'profile.field.FirstName': 'Vorname',
  'profile.field.MiddleName': 'Zweiter Vorname',
  'profile.field.LastName': 'Nachname',
  'profile.field.Suffix': 'Namenszusatz',
  'profile.field.NickName': 'Spitzname',
  'profile.field.BirthDate': 'Geburtsdatum',
  'profile.field.Gender': 'Geschlecht',
  'profile.field.PhoneNumbers': 'Telefonnummer',
  'profile.field.Company': 'Unternehmen',
  'profile.field.City': 'Ort',
  'profile.field.State': 'Bundesland oder Region',
  'profile.field.Country': 'Land',
  'profile.gender.unspecified': 'Keine Angabe',
  'profile.gender.F': 'Weiblich',
  'profile.gender.M': 'Männlich',
  'profile.identities.title': 'Verknüpfte Konten',
  'profile.identities.loading': 'Verknüpfte Konten werden geladen…',
  'profile.identities.none': 'Keine verknüpften Konten.',
  'profile.identities.failed': 'Ihre verknüpften Konten konnten nicht geladen werden.',
  'profile.identities.item': '{provider} ({email})',
  'profile.password.title': 'Passwort',
  'profile.password.open': 'Passwort ändern',
  'profile.password.current': 'Aktuelles Passwort',
  'profile.password.new': 'Neues Passwort',
  'profile.password.currentRequired': 'Geben Sie Ihr aktuelles Passwort ein.',
  'profile.password.newRequired': 'Geben Sie ein neues Passwort ein.',
  'profile.password.same': 'Wählen Sie ein neues Passwort, das sich vom aktuellen unterscheidet.',
  'profile.password.hint': {one: 'Mindestens {count} Zeichen.', other: 'Mindestens {count} Zeichen.'},
  'profile.password.submit': 'Passwort ändern',
  'profile.password.cancel': 'Abbrechen',
  'profile.password.busy': 'Ihr Passwort wird geändert…',
  'profile.password.changed': 'Ihr Passwort wurde geändert.',
  'profile.delete.title': 'Konto löschen',
  'profile.delete.intro': 'Wenn Sie Ihr Konto löschen, werden Ihr Profil und Ihre Anmeldedaten endgültig entfernt.',
  'profile.delete.start': 'Mein Konto löschen',
  'profile.delete.confirm':
    'Sind Sie sicher? Wir senden einen Bestätigungslink an {email}. Ihr Konto wird erst gelöscht, wenn Sie diesen Link öffnen.',
  'profile.delete.send': 'Ja, Link per E-Mail senden',
  'profile.delete.cancel': 'Abbrechen',
  'profile.delete.busy': 'Bestätigungs-E-Mail wird gesendet…',
  'profile.delete.sent':
    'Bitte sehen Sie in Ihr E-Mail-Postfach: Wir haben einen Link an {email} gesendet. Öffnen Sie ihn, um die Löschung Ihres Kontos zu bestätigen.',

  // ── <lr-email-manager> ──────────────────────────────────────────────────────────────────────────────
  'emails.title': 'E-Mail-Adressen',
  'emails.signedOut': 'Melden Sie sich an, um Ihre E-Mail-Adressen zu verwalten.',
  'emails.loading': 'Ihre E-Mail-Adressen werden geladen…',
  'emails.none': 'Ihr Konto hat keine E-Mail-Adressen.',
  'emails.primary': 'Primär',
  'emails.secondary': 'Weitere',
  'emails.verified': 'Bestätigt',
  'emails.unverified': 'Nicht bestätigt',
  'emails.adding': 'Wird hinzugefügt…',
  'emails.remove': 'Entfernen',
  'emails.removeLabel': '{email} entfernen',
  'emails.removeConfirm': '{email} aus Ihrem Konto entfernen?',
  'emails.removeYes': 'Ja, entfernen',
  'emails.removeNo': 'Behalten',
  'emails.removing': '{email} wird entfernt…',
  'emails.removed': '{email} wurde aus Ihrem Konto entfernt.',
  'emails.cannotRemoveOnly':
    '{email} ist Ihre einzige E-Mail-Adresse und kann daher nicht entfernt werden. Fügen Sie zuerst eine weitere Adresse hinzu.',
  'emails.resend': 'Bestätigungslink erneut senden',
  'emails.resendLabel': 'Bestätigungslink erneut an {email} senden',
  'emails.resending': 'Neuer Bestätigungslink wird an {email} gesendet…',
  'emails.resent': 'Wir haben einen neuen Bestätigungslink an {email} gesendet.',
  'emails.resendIn': {
    one: 'Sie können in {count} Sekunde erneut senden.',
    other: 'Sie können in {count} Sekunden erneut senden.',
  },
  'emails.alreadyVerified': '{email} ist bereits bestätigt.',
  'emails.add.title': 'E-Mail-Adresse hinzufügen',
  'emails.add.field': 'Neue E-Mail-Adresse',
  'emails.add.submit': 'E-Mail-Adresse hinzufügen',
  'emails.add.busy': '{email} wird hinzugefügt…',
  'emails.added':
    'Wir haben {email} hinzugefügt und einen Bestätigungslink an diese Adresse gesendet. Öffnen Sie den Link, um die Adresse zu bestätigen.',
  'emails.add.exists': 'Diese E-Mail-Adresse gehört zu einem anderen Konto.',
  'emails.add.duplicate': 'Diese E-Mail-Adresse ist bereits in Ihrem Konto hinterlegt.',

  // ── <lr-email-link> ─────────────────────────────────────────────────────────────────────────────────
  'link.missing':
    'Dieser Link ist unvollständig. Öffnen Sie den Link aus Ihrer E-Mail erneut oder kopieren Sie die vollständige Adresse in den Browser.',
  'link.unknown': 'Dieser Link wird nicht erkannt. Öffnen Sie den Link aus Ihrer E-Mail erneut.',
  'link.verify.busy': 'Ihre E-Mail-Adresse wird bestätigt…',
  'link.verify.done': 'Ihre E-Mail-Adresse ist bestätigt.',
  'link.verify.doneSignedIn': 'Ihre E-Mail-Adresse ist bestätigt und Sie sind jetzt angemeldet.',
  'link.verify.used':
    'Dieser Bestätigungslink wurde bereits verwendet. Wenn Ihre Adresse bestätigt ist, können Sie sich anmelden.',
  'link.verify.expired':
    'Dieser Bestätigungslink ist abgelaufen. Melden Sie sich an, um eine neue Bestätigungs-E-Mail zu erhalten.',
  'link.verify.invalid':
    'Dieser Bestätigungslink ist ungültig. Prüfen Sie, ob Sie den vollständigen Link geöffnet haben, oder fordern Sie einen neuen an.',
  'link.reset.intro': 'Wählen Sie ein neues Passwort für Ihr Konto.',
  'link.reset.password': 'Neues Passwort',
  'link.reset.confirm': 'Neues Passwort wiederholen',
  'link.reset.passwordRequired': 'Geben Sie ein neues Passwort ein.',
  'link.reset.confirmRequired': 'Wiederholen Sie das neue Passwort.',
  'link.reset.mismatch': 'Die beiden Passwörter stimmen nicht überein.',
  'link.reset.hint': {one: 'Mindestens {count} Zeichen.', other: 'Mindestens {count} Zeichen.'},
  'link.reset.submit': 'Neues Passwort festlegen',
  'link.reset.busy': 'Ihr neues Passwort wird gespeichert…',
  'link.reset.done': 'Ihr Passwort wurde geändert. Sie können sich jetzt mit Ihrem neuen Passwort anmelden.',
  'link.reset.used':
    'Dieser Link zum Zurücksetzen des Passworts wurde bereits verwendet. Fordern Sie einen neuen an, falls Sie Ihr Passwort noch zurücksetzen müssen.',
  'link.reset.expired':
    'Dieser Link zum Zurücksetzen des Passworts ist abgelaufen. Fordern Sie über das Anmeldeformular einen neuen an.',
  'link.reset.invalid':
    'Dieser Link zum Zurücksetzen des Passworts ist ungültig. Prüfen Sie, ob Sie den vollständigen Link geöffnet haben, oder fordern Sie einen neuen an.',
  'link.delete.confirm':
    'Möchten Sie Ihr Konto endgültig löschen? Dies kann nicht rückgängig gemacht werden.',
  'link.delete.submit': 'Mein Konto endgültig löschen',
  'link.delete.keep': 'Mein Konto behalten',
  'link.delete.busy': 'Ihr Konto wird gelöscht…',
  'link.delete.done': 'Ihr Konto wurde gelöscht und Sie wurden abgemeldet.',
  'link.delete.kept': 'Ihr Konto wurde nicht gelöscht. Sie können diese Seite schließen.',
  'link.delete.invalid':
    'Dieser Löschlink ist nicht mehr gültig: Er wurde bereits verwendet, ist abgelaufen oder unvollständig. Fordern Sie in Ihrem Profil einen neuen an.',
  // issue 16: next steps, show/hide password, resend verification
  'password.hide': 'Passwort verbergen',
  'resend.button': 'Neuen Link senden',
  'resend.to': 'Neuen Link an {email} senden',
  'resend.busy': 'Ein neuer Link wird gesendet…',
  'resend.sent': 'Wir haben einen neuen Link an {email} gesendet. Öffnen Sie ihn, um fortzufahren.',
  'resend.verified': '{email} ist bereits bestätigt. Sie können sich anmelden.',
  'resend.wait': {one: 'Sie können in {count} Sekunde einen weiteren senden.', other: 'Sie können in {count} Sekunden einen weiteren senden.'},
  'login.unverified':
    'Ihre E-Mail-Adresse ist noch nicht bestätigt. Wir haben soeben einen neuen Bestätigungslink an {email} gesendet: Öffnen Sie ihn und melden Sie sich dann an.',
  'register.sentTitle': 'Prüfen Sie Ihr Postfach',
  'link.next.continue': 'Weiter',
  'link.next.signIn': 'Anmelden',
  'link.verify.doneEmail': 'Ihre E-Mail-Adresse {email} ist bestätigt.',
  'link.verify.doneSignedInEmail': 'Ihre E-Mail-Adresse {email} ist bestätigt und Sie sind jetzt angemeldet.',
  'link.resend.intro': 'Geben Sie Ihre E-Mail-Adresse ein, dann senden wir Ihnen einen neuen Link.',
};

export default de;
