/**
 * The SOTT helpers of the page-wide API, for the CDN loader: the same functions as `core/sott.ts` (each returns a
 * promise there too), importing that module on first call, so that only pages that use it (`<lr-register>`, a
 * CAPTCHA lock of `<lr-login>`, or a host calling these) download it. `lr-elements.ts` exports these in place of
 * the ones `export *` would bring. (The import goes through `sott-entry.ts`, a file of its own that keeps the
 * export names, so the shared chunk needs no namespace helper.)
 */
import type * as sott from '../core/sott.js';

const load = () => import('./sott-entry.js');

export const getSott: typeof sott.getSott = (...a) => load().then((m) => m.getSott(...a));
export const fetchSott: typeof sott.fetchSott = (...a) => load().then((m) => m.fetchSott(...a));
export const fromHost: typeof sott.fromHost = (...a) => load().then((m) => m.fromHost(...a));
