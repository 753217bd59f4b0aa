/** Test helpers for core and element tests: `import {resetAll, admin, emu, ...} from '../helpers/index.js'`. */
export * from './env.js';
export * as emu from './emulator.js';
export * as admin from './admin.js';
export { PASSWORD, uniqueEmail, createAccount } from './admin.js';
export * from './page.js';
export * from './storage-faults.js';
export * from './util.js';
