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
export {LrElement} from './internal/lr-element.js';

export {LrLogin} from './elements/lr-login/lr-login.js';
export {LrRegister} from './elements/lr-register/lr-register.js';
export {LrProfileEditor} from './elements/lr-profile-editor/lr-profile-editor.js';
export {LrEmailManager} from './elements/lr-email-manager/lr-email-manager.js';
export {LrEmailLink} from './elements/lr-email-link/lr-email-link.js';
export {LrMfaSettings} from './elements/lr-mfa-settings/lr-mfa-settings.js';
