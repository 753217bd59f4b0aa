/**
 * German message part `lockout` (Sie form), the twin of `../en/lockout.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const lockout: PartTable<'lockout'> = {
  'login.lock.until': 'Sie können es um {time} erneut versuchen.',
  'login.lock.minutes': {one: 'Sie können es in {count} Minute erneut versuchen.', other: 'Sie können es in {count} Minuten erneut versuchen.'},
  'login.captcha.step': 'Wählen Sie zum Fortfahren erneut „Anmelden“ und schließen Sie die CAPTCHA-Prüfung ab.',
  'login.captcha.unavailable': 'Diese Seite kann die CAPTCHA-Prüfung, die dieses Konto jetzt verlangt, nicht anzeigen. Bitte wenden Sie sich an den Betreiber der Website.',
  'login.question.step': 'Beantworten Sie zum Fortfahren Ihre Sicherheitsfrage und melden Sie sich erneut an.',
  'login.question.loading': 'Ihre Sicherheitsfrage wird geladen…',
  'login.question.failed': 'Ihre Sicherheitsfrage konnte nicht geladen werden. Wählen Sie „Anmelden“, um es erneut zu versuchen.',
  'login.question.none': 'Dieses Konto kann hier nicht entsperrt werden. Bitte wenden Sie sich an den Betreiber der Website.',
  'code.1094': 'Diese Antwort ist nicht richtig.',
};

export default lockout;
