/** The tags of the CDN files (types from `frameworks/props.ts`, which derives them from the element classes). */
import type {LrTagName} from '../frameworks/props.js';

export type {LrTagName};

export const TAGS: readonly LrTagName[] = ['lr-login', 'lr-register', 'lr-profile-editor', 'lr-email-manager', 'lr-email-link', 'lr-mfa-settings'];

/** The error `load()` rejects with for a name that is not one of `TAGS`. */
export const unknownTag = (name: string): TypeError =>
  new TypeError(`lr-elements: <${name}> is not an element of this library (${TAGS.join(', ')})`);
