import {defineElement} from '../../internal/define.js';
import {LrMfaSettings} from './mfa-settings.js';

export {LrMfaSettings};

defineElement('lr-mfa-settings', LrMfaSettings);

declare global {
  interface HTMLElementTagNameMap {
    'lr-mfa-settings': LrMfaSettings;
  }
}
