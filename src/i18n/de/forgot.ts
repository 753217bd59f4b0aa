/**
 * German message part `forgot` (Sie form), the twin of `../en/forgot.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const forgot: PartTable<'forgot'> = {
  'forgot.label': 'Passwort zurücksetzen',
  'forgot.intro':
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen dann einen Link, mit dem Sie ein neues Passwort festlegen können.',
  'forgot.submit': 'Link zum Zurücksetzen senden',
  'forgot.back': 'Zurück zur Anmeldung',
};

export default forgot;
