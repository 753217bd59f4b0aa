/** What `./sott.ts` imports on first use: the SOTT helpers under their own names. */
export {fetchSott, fromHost, getSott} from '../core/sott.js';
