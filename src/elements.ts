/**
 * Every element class, the one list of them: the package entry (`./index.ts`) and the one-file CDN bundle
 * (`./cdn/lr-elements.bundle.ts`) both export it. Importing this module defines every element.
 */
export {LrElement} from './internal/lr-element.js';

export {LrLogin} from './elements/lr-login/lr-login.js';
export {LrRegister} from './elements/lr-register/lr-register.js';
export {LrProfileEditor} from './elements/lr-profile-editor/lr-profile-editor.js';
export {LrEmailManager} from './elements/lr-email-manager/lr-email-manager.js';
export {LrEmailLink} from './elements/lr-email-link/lr-email-link.js';
export {LrMfaSettings} from './elements/lr-mfa-settings/lr-mfa-settings.js';
