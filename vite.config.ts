import { defineConfig } from 'vite';

// Dev server: serves demo/ (npm start adds the emulator and the demo-only backend from tools/start.ts).
export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  build: { target: 'es2022' },
});
