/**
 * The typed Auth API client, every call: the `api` namespace of the package entries (`lr-elements`,
 * `lr-elements/core`) and the module existing code imports the calls from. The request machinery and the calls the
 * core makes itself are in `request.ts`; the others by area, each in its own module, so that a bundle puts each
 * with the elements that make it (the CDN files do not export `api`).
 */
export * from './request.js';
export * from './registration.js';
export * from './security-questions.js';
export * from './account.js';
export * from './emails.js';
export * from './link-tokens.js';
export * from './tokens.js';
