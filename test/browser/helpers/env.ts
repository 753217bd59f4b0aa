/**
 * Where the emulator of this test run listens: served by tools/wtr/emulator-plugin.mjs as the virtual
 * module `/__lr-env.js` (the API secret never reaches the browser).
 */
import { resolveConfig, type Config } from '../../../src/core/config.js';

const url = '/__lr-env.js'; // a variable keeps tsc from resolving the virtual module
export const env = (await import(/* @vite-ignore */ url)).default as { apiBase: string; apiKey: string };
export const { apiBase, apiKey } = env;

/** A core `Config` for the emulator (optionally with a short timeout). */
export const cfg = (timeoutMs = 15000): Config => resolveConfig({ apiBase, apiKey, timeoutMs });
