import {defineElement} from '../../internal/define.js';
import {LrRegister} from './register.js';

export {LrRegister};

defineElement('lr-register', LrRegister);

declare global {
  interface HTMLElementTagNameMap {
    'lr-register': LrRegister;
  }
}
