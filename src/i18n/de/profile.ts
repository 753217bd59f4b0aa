/**
 * German message part `profile` (Sie form), the twin of `../en/profile.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const profile: PartTable<'profile'> = {
  'code.967': 'Ihr aktuelles Passwort ist falsch.',

  // ── <lr-profile-editor> ─────────────────────────────────────────────────────────────────────────────
  'profile.title': 'Ihr Profil',
  'profile.signedOut': 'Melden Sie sich an, um Ihr Profil zu sehen und zu bearbeiten.',
  'profile.loading': 'Ihr Profil wird geladen…',
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

  // Issue 11: die weiteren beschreibbaren Profilfelder.
  'profile.field.UserName': 'Benutzername',
  'profile.field.ProfileName': 'Profilname',
  'profile.field.HomeTown': 'Heimatort',
  'profile.field.Industry': 'Branche',
  'profile.field.Designation': 'Berufsbezeichnung',
  'profile.field.Website': 'Website',
  'profile.field.TimeZone': 'Zeitzone',
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
};

export default profile;
