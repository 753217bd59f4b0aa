/**
 * German message part `hand-over` (Sie form), the twin of `../en/hand-over.ts`: typed by that part's keys, so a missing or
 * unknown key is a type error. Loaded by `./parts.ts` when an element that needs it is on a German page, or as part
 * of the whole table (`../de.ts`).
 */
import type {PartTable} from '../en.js';

export const handOver: PartTable<'hand-over'> = {
  'mfa.handOver':
    'Ihr Konto verlangt zusätzlich einen zweiten Faktor. Fahren Sie auf der Anmeldeseite mit Ihrem zweiten Faktor fort.',
};

export default handOver;
