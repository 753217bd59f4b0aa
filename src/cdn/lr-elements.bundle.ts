/**
 * lr-elements one-file CDN bundle (`dist/cdn/lr-elements.bundle.js`): every element and the whole public API in
 * one request, for hosts that prefer that to the autoloading `lr-elements.js`. `load(tag)` answers as there
 * (resolves to the element class; here every element is defined on import).
 */
import '../i18n/en/all.js'; // every text side by side, where they compress together (issue 14)
import {unknownTag} from './tags.js';

// The package's exports but `api` (as the loader: each call is the elements'), and `load()`.
export * from '../api.js';
export * from '../elements.js';
export type {LrTagName} from './tags.js';

/** Resolves to the class of `tag`; rejects with a clear error for a name that is not an lr-elements tag. */
export function load(tag: string): Promise<CustomElementConstructor> {
  const name = String(tag).toLowerCase();
  const ctor = name.startsWith('lr-') ? globalThis.customElements?.get(name) : undefined;
  return ctor ? Promise.resolve(ctor) : Promise.reject(unknownTag(name));
}
