/**
 * The emulator CLI in a child process (`emulator/bin.ts`), for tests that kill it or read its exit. Every child
 * is bounded in time: it is killed when `timeoutMs` passes and when the test ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { API_KEY, API_SECRET } from './helpers.js';

const BIN = fileURLToPath(new URL('../../emulator/bin.ts', import.meta.url));

export interface Child {
  child: ChildProcess;
  url: string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code / signal and everything written to stderr. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Runs bin.ts with `args` and resolves with its exit (for start-up failures). */
export function runBin(t: TestContext, args: string[], timeoutMs = 20_000, env: Record<string, string> = {}): Child['exited'] {
  return launch(t, args, timeoutMs, env).exited;
}

/**
 * Starts bin.ts (cheap hashing, no rate limits) and resolves once it listens. The test credentials come from the
 * environment (`LR_API_KEY`, `LR_API_SECRET`) unless `env` says otherwise.
 */
export async function startChild(t: TestContext, args: string[], timeoutMs = 60_000, env: Record<string, string> = { LR_API_KEY: API_KEY, LR_API_SECRET: API_SECRET }): Promise<Child> {
  const { child, exited, stdout, errText } = launch(t, ['--port', '0', '--fast-hash', '--no-rate-limit', ...args], timeoutMs, env);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((e) => reject(new Error(`the emulator exited (${e.code ?? e.signal}) before it was ready: ${e.stderr}`)));
  });
  return { child, url, exited, stderr: () => errText() };
}

function launch(t: TestContext, args: string[], timeoutMs: number, env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.LR_API_KEY;
  delete clean.LR_API_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...clean, ...env } });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stderr }); });
  });
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  return { child, exited, stdout: child.stdout!, errText: () => stderr };
}
