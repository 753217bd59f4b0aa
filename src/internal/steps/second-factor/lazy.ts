/**
 * What `../hand-over.ts` loads with `import()` (a passwordless link or code on an MFA site). A module of its own so
 * the entry (`index.ts`, imported statically by `<lr-login>`) is not also a dynamic-import target: the bundler would
 * then build its namespace object with a runtime helper chunk that the core chunk, and so every page, imports.
 */
export {secondFactor} from './index.js';
