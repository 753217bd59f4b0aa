import {defineElement} from '../../internal/define.js';
import {LrEmailManager} from './email-manager.js';

export {LrEmailManager};

defineElement('lr-email-manager', LrEmailManager);

declare global {
  interface HTMLElementTagNameMap {
    'lr-email-manager': LrEmailManager;
  }
}
