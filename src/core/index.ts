/** `lr-elements/core`: the page-wide core API (`page.ts`) and `api`, the namespace of every Auth API call. */
export * from './page.js';
export * as api from './client.js';
