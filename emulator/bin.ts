/**
 * CLI: `LR_API_SECRET=… npm run emulator -- --port 8787 [--data <file>] [--allowed-host <name>]...`.
 * Binds 127.0.0.1 unless --host says otherwise and prints one line with its URL when ready. Start-up problems are
 * one line on stderr and exit 1 (no stack trace). SIGTERM / SIGINT stop it gracefully: requests in flight finish,
 * the state is written, exit 0.
 */
import { parseArgs } from 'node:util';
import { type Credentials, resolveCredentials } from './credentials.js';
import { DEFAULT_PORT } from './defaults.js';
import { DataFileError, createEmulator, type Emulator } from './server.js';

const HELP = `lr-elements emulator: a LoginRadius-compatible local server

  --port N                 port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H                 bind address (default 127.0.0.1)
  --allowed-host NAME      also serve requests whose Host is NAME (repeatable; default: the bound address,
                           localhost, 127.0.0.1 and [::1] only)
  --apisecret-file PATH    the API secret from a file (chmod 600); or the LR_API_SECRET environment variable.
                           --apisecret S still works but shows the secret to every user in ps (warned)
  --apikey-file PATH       the API key from a file; or LR_API_KEY; or --apikey K
                           (default for both: the documented public demo pair)
  --data FILE              keep state in FILE across restarts (journal FILE.journal, fsync'd before each answer)
  --verification-flow F    required | optional | disabled (default required)
  --mfa M                  multi-factor authentication: off | optional | required (default off)
  --cors-origin O          allowed browser origin (repeatable; default: any loopback origin)
  --no-rate-limit          turn the per-IP rate limits off
  --fast-hash              cheap password hashing (development only)
  --log                    request logging`;

/** Prints one line and exits 1. */
function die(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(1);
}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: '127.0.0.1' },
        'allowed-host': { type: 'string', multiple: true },
        apikey: { type: 'string' },
        'apikey-file': { type: 'string' },
        apisecret: { type: 'string' },
        'apisecret-file': { type: 'string' },
        data: { type: 'string' },
        'verification-flow': { type: 'string', default: 'required' },
        mfa: { type: 'string', default: 'off' },
        'cors-origin': { type: 'string', multiple: true },
        'no-rate-limit': { type: 'boolean', default: false },
        'fast-hash': { type: 'boolean', default: false },
        log: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    die(`${(e as Error).message}. See --help.`);
  }
}

const values = parse();
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const flow = values['verification-flow'];
if (flow !== 'required' && flow !== 'optional' && flow !== 'disabled') {
  console.error(`--verification-flow must be required, optional or disabled (got ${flow})`);
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) die(`--port must be a number from 0 to 65535 (got ${values.port}).`);

const mfa = values.mfa;
if (mfa !== 'off' && mfa !== 'optional' && mfa !== 'required') {
  console.error(`--mfa must be off, optional or required (got ${mfa})`);
  process.exit(2);
}

let credentials: Credentials;
try {
  credentials = resolveCredentials({
    apikey: values.apikey, apikeyFile: values['apikey-file'], apisecret: values.apisecret, apisecretFile: values['apisecret-file'], env: process.env,
  });
} catch (e) {
  die((e as Error).message);
}
for (const w of credentials.warnings) console.error(`emulator: ${w}`);

let emulator: Emulator;
try {
  emulator = createEmulator({
    apiKey: credentials.apiKey,
    apiSecret: credentials.apiSecret,
    ...(values.data ? { dataFile: values.data } : {}),
    verificationFlow: flow,
    mfa,
    ...(values['cors-origin'] ? { corsOrigins: values['cors-origin'] } : {}),
    ...(values['allowed-host'] ? { allowedHosts: values['allowed-host'] } : {}),
    ...(values['no-rate-limit'] ? { rateLimit: false as const } : {}),
    hashCost: values['fast-hash'] ? 'fast' : 'default',
    logger: values.log,
  });
} catch (e) {
  if (e instanceof DataFileError) die(`data file ${e.message}`);
  die(`could not start: ${(e as Error).message}`);
}

try {
  const url = await emulator.listen({ port, host: values.host });
  console.log(`LoginRadius emulator listening on ${url} (apikey ${credentials.apiKey}, secret from ${credentials.secretFrom})`);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') die(`port ${port} on ${values.host} is in use: stop what runs there or pick another with --port.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') die(`cannot bind ${values.host}: not an address of this machine (see --host).`);
  die(`could not listen on ${values.host}:${port}: ${(e as Error).message}`);
}

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => die(`stopped, but the final write failed: ${(e as Error).message}`),
    );
  });
}
