/**
 * German message part `passwordless` (Sie form), the twin of `../en/passwordless.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const passwordless: PartTable<'passwordless'> = {
  // ── Issue 13: passwordless sign-in (<lr-login passwordless>, <lr-email-link> vtype=oneclicksignin) ─────
  'passwordless.linkButton': 'Anmeldelink per E-Mail senden',
  'passwordless.codeButton': 'Anmeldecode per E-Mail senden',
  'passwordless.intro.link':
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen einen Link, mit dem Sie sich anmelden.',
  'passwordless.intro.code':
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen einen Code, mit dem Sie sich anmelden.',
  'passwordless.submit.link': 'Anmeldelink senden',
  'passwordless.submit.code': 'Anmeldecode senden',
  'passwordless.busy': 'Wird gesendet…',
  'passwordless.back': 'Stattdessen mit Passwort anmelden',
  'passwordless.sent.link':
    'Falls ein Konto für {email} existiert, haben wir einen Anmeldelink dorthin gesendet. Öffnen Sie den Link, um sich anzumelden.',
  'passwordless.sent.code':
    'Falls ein Konto für {email} existiert, haben wir einen Anmeldecode dorthin gesendet. Geben Sie den Code unten ein.',
  'passwordless.sent.both':
    'Falls ein Konto für {email} existiert, haben wir einen Anmeldelink und einen Code dorthin gesendet. Öffnen Sie den Link oder geben Sie den Code unten ein.',
  'passwordless.code': 'Anmeldecode',
  'passwordless.codeRequired': 'Geben Sie den Code aus der E-Mail ein.',
  'passwordless.verify': 'Mit dem Code anmelden',
  'passwordless.verifying': 'Der Code wird geprüft…',
  'passwordless.resend': 'Neue E-Mail senden',
  'passwordless.resendIn': {
    one: 'Sie können in {count} Sekunde eine neue E-Mail anfordern.',
    other: 'Sie können in {count} Sekunden eine neue E-Mail anfordern.',
  },
  'passwordless.resent': 'Falls ein Konto für {email} existiert, haben wir eine neue E-Mail dorthin gesendet.',
  'passwordless.otherEmail': 'Andere E-Mail-Adresse verwenden',
};

export default passwordless;
