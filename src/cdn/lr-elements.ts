/**
 * lr-elements CDN entry (`dist/cdn/lr-elements.js`): a small autoloader. One line includes it:
 *
 *     <script type="module" src="https://cdn.example/lr-elements/lr-elements.js"></script>
 *
 * Each `lr-*` tag is registered the first time it appears in the document or in an open shadow root, by
 * importing that element's chunk (next to this file, resolved from this module's own URL, so the whole
 * `dist/cdn/` folder works from any path and under a CSP that allows only its origin). Lit and the shared
 * element code come in shared chunks, announced with `<link rel="modulepreload">` created through DOM APIs (no
 * inline script, nothing for Trusted Types to refuse). `load('lr-login')` imports an element ahead of time and
 * resolves to its class.
 *
 * The page-wide API (`configure()`, `getSession()`, `setMessages()`, …) is exported from here as from the
 * one-file bundle (`dist/cdn/lr-elements.bundle.js`), without the package's `api` namespace of every Auth API call
 * (each call comes with the elements that make it; `lr-elements` and `lr-elements/core` on npm export it). The
 * element classes are not: `await load(tag)` gives them, or use the bundle.
 */
import {discover, load, startAutoload} from './autoload.js';

export * from '../api.js';
// Also starts the sessions of the elements found before their chunks arrived (issue 14; same signature).
export {configure} from '../core/early-session.js';
// These names win over the ones `export *` brings: the SOTT module loads on first use (./sott.ts).
export {fetchSott, fromHost, getSott} from './sott.js';
export {discover, load};
export type {LrTagName} from './tags.js';

startAutoload();
