/**
 * German message part `link` (Sie form), the twin of `../en/link.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const link: PartTable<'link'> = {
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
  'link.passwordless.busy': 'Sie werden angemeldet…',
  'link.passwordless.done': 'Sie sind jetzt angemeldet.',
  'link.passwordless.used': 'Dieser Anmeldelink wurde bereits verwendet.',
  'link.passwordless.expired': 'Dieser Anmeldelink ist abgelaufen oder ungültig.',
  'link.passwordless.resend': 'Neuen Link senden',
  'link.passwordless.resending': 'Ein neuer Link wird gesendet…',
  'link.passwordless.resent':
    'Falls ein Konto für {email} existiert, haben wir einen neuen Anmeldelink dorthin gesendet. Öffnen Sie ihn, um sich anzumelden.',
  'link.next.continue': 'Weiter',
  'link.next.signIn': 'Anmelden',
  'link.verify.doneEmail': 'Ihre E-Mail-Adresse {email} ist bestätigt.',
  'link.verify.doneSignedInEmail': 'Ihre E-Mail-Adresse {email} ist bestätigt und Sie sind jetzt angemeldet.',
  'link.resend.intro': 'Geben Sie Ihre E-Mail-Adresse ein, dann senden wir Ihnen einen neuen Link.',
};

export default link;
