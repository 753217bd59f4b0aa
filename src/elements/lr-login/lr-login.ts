import {defineElement} from '../../internal/define.js';
import {LrLogin} from './login.js';

export {LrLogin};

defineElement('lr-login', LrLogin);

declare global {
  interface HTMLElementTagNameMap {
    'lr-login': LrLogin;
  }
}
