import {defineElement} from '../../internal/define.js';
import {LrProfileEditor} from './profile-editor.js';

export {LrProfileEditor};

defineElement('lr-profile-editor', LrProfileEditor);

declare global {
  interface HTMLElementTagNameMap {
    'lr-profile-editor': LrProfileEditor;
  }
}
