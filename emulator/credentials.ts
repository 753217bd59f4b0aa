/**
 * Where the CLI takes the API key and secret from (issue 17: keep the secret out of argv). For each:
 * `--apisecret-file PATH` (warns when others may read the file), else `--apisecret VALUE` (warns: argv is visible to
 * every user of the machine in `ps`), else `LR_API_SECRET`, else the public demo value. The same for the key
 * (`--apikey-file`, `--apikey`, `LR_API_KEY`); the key is public by design (browsers send it), so it draws no warning.
 */
import { readFileSync, statSync } from 'node:fs';
import { DEMO_API_KEY, DEMO_API_SECRET } from './defaults.js';

export class CredentialError extends Error {}

export interface CredentialSources {
  apikey?: string;
  apikeyFile?: string;
  apisecret?: string;
  apisecretFile?: string;
  env: NodeJS.ProcessEnv;
}

export interface Credentials { apiKey: string; apiSecret: string; warnings: string[]; secretFrom: string }

function readCredentialFile(flag: string, path: string, secret: boolean, warnings: string[]): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CredentialError(`${flag} ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  const value = text.trim();
  if (!value || /\s/.test(value)) throw new CredentialError(`${flag} ${path}: must hold one value on one line.`);
  if (secret && process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) warnings.push(`warning: ${path} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}); run chmod 600 ${path}`);
  }
  return value;
}

function pick(name: 'apikey' | 'apisecret', value: string | undefined, file: string | undefined, envName: string, env: NodeJS.ProcessEnv, fallback: string, warnings: string[]): [string, string] {
  const secret = name === 'apisecret';
  if (value !== undefined && file !== undefined) throw new CredentialError(`give --${name} or --${name}-file, not both.`);
  if (file !== undefined) return [readCredentialFile(`--${name}-file`, file, secret, warnings), `--${name}-file`];
  if (value !== undefined) {
    if (!value) throw new CredentialError(`--${name} is empty.`);
    if (secret) warnings.push(`warning: --apisecret puts the secret in the process list, where every user of this machine can read it; use ${envName} or --apisecret-file instead`);
    return [value, `--${name}`];
  }
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return [fromEnv, envName];
  return [fallback, 'the demo default'];
}

export function resolveCredentials(s: CredentialSources): Credentials {
  const warnings: string[] = [];
  const [apiKey] = pick('apikey', s.apikey, s.apikeyFile, 'LR_API_KEY', s.env, DEMO_API_KEY, warnings);
  const [apiSecret, secretFrom] = pick('apisecret', s.apisecret, s.apisecretFile, 'LR_API_SECRET', s.env, DEMO_API_SECRET, warnings);
  return { apiKey, apiSecret, warnings, secretFrom };
}
