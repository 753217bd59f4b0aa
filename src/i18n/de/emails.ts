/**
 * German message part `emails` (Sie form), the twin of `../en/emails.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const emails: PartTable<'emails'> = {
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
};

export default emails;
