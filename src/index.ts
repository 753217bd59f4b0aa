/**
 * lr-elements: the package entry (and what the one-file CDN bundle holds). Importing this module defines every
 * element (`<lr-login>`, `<lr-register>`, …) and exports the public API (page-wide `configure()`, the session,
 * message overrides, element classes).
 *
 * Safe to import in Node (no DOM access at module top level; `defineElement` does nothing without
 * `customElements`).
 */
export * from './api.js';
export {api} from './core/index.js';
export * from './elements.js';
