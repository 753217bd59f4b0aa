/**
 * CLI: `npm run emulator -- --port 8787 --apikey <key> --apisecret <secret> [--data <file>]`.
 * Binds 127.0.0.1 unless --host says otherwise and prints one line with its URL when ready.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, DEMO_API_KEY, DEMO_API_SECRET } from './defaults.js';
import { createEmulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
    apikey: { type: 'string', default: DEMO_API_KEY },
    apisecret: { type: 'string', default: DEMO_API_SECRET },
    data: { type: 'string' },
    'verification-flow': { type: 'string', default: 'required' },
    mfa: { type: 'string', default: 'off' },
    'cors-origin': { type: 'string', multiple: true },
    'no-rate-limit': { type: 'boolean', default: false },
    'fast-hash': { type: 'boolean', default: false },
    log: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`lr-elements emulator: a LoginRadius-compatible local server

  --port N                 port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H                 bind address (default 127.0.0.1)
  --apikey K --apisecret S credentials (default: the documented demo pair)
  --data FILE              keep state in FILE across restarts (atomic writes)
  --verification-flow F    required | optional | disabled (default required)
  --mfa M                  multi-factor authentication: off | optional | required (default off)
  --cors-origin O          allowed browser origin (repeatable; default: any loopback origin)
  --no-rate-limit          turn the per-IP rate limits off
  --fast-hash              cheap password hashing (development only)
  --log                    request logging`);
  process.exit(0);
}

const flow = values['verification-flow'];
if (flow !== 'required' && flow !== 'optional' && flow !== 'disabled') {
  console.error(`--verification-flow must be required, optional or disabled (got ${flow})`);
  process.exit(2);
}

const mfa = values.mfa;
if (mfa !== 'off' && mfa !== 'optional' && mfa !== 'required') {
  console.error(`--mfa must be off, optional or required (got ${mfa})`);
  process.exit(2);
}

const emulator = createEmulator({
  apiKey: values.apikey,
  apiSecret: values.apisecret,
  ...(values.data ? { dataFile: values.data } : {}),
  verificationFlow: flow,
  mfa,
  ...(values['cors-origin'] ? { corsOrigins: values['cors-origin'] } : {}),
  ...(values['no-rate-limit'] ? { rateLimit: false as const } : {}),
  hashCost: values['fast-hash'] ? 'fast' : 'default',
  logger: values.log,
});

const url = await emulator.listen({ port: Number(values.port), host: values.host });
console.log(`LoginRadius emulator listening on ${url} (apikey ${values.apikey})`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    void emulator.close().then(() => process.exit(0));
  });
}
