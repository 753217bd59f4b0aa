/**
 * German message part `hand-over` (Sie form), the twin of `../en/hand-over.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const handOver: PartTable<'hand-over'> = {
  // Issue 13: a passwordless first factor continues in the shared second step; its expiry cannot ask for a password.
  'mfa.expiredPasswordless': 'Dieser Anmeldeschritt ist abgelaufen. Beginnen Sie neu und fordern Sie eine neue Anmelde-E-Mail an.',
};

export default handOver;
