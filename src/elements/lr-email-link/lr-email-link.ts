import {defineElement} from '../../internal/define.js';
import {LrEmailLink} from './email-link.js';

export {LrEmailLink};

defineElement('lr-email-link', LrEmailLink);

declare global {
  interface HTMLElementTagNameMap {
    'lr-email-link': LrEmailLink;
  }
}
