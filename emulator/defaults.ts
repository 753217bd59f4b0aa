/**
 * Demo credentials of the embedded emulator. They are public on purpose: the emulator is a local
 * development backend. Never use them against the real LoginRadius service.
 */
export const DEMO_API_KEY = '1b2e5c9e-7a3f-4d2b-9c1e-0e5a7d3f8b21';
export const DEMO_API_SECRET = 'a7c4e1f0-3b9d-4e6a-8f2c-5d1b0e9a7c63';
export const DEFAULT_PORT = 8787;
