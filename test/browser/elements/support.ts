/**
 * Support for the element tests: the emulator's `/__emulator/` controls, server-side admin commands, page
 * state reset, and a few UI helpers. Everything goes over HTTP to the real emulator; nothing stubs `fetch`.
 *
 * Interim: the shared harness helpers (`test/browser/helpers/`) are written in parallel; this file talks to
 * the same endpoints and can later re-export them.
 */
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {clear, createStore} from 'idb-keyval';
import {configure} from '../../../src/core/config.js';
import {_resetSessionsForTests} from '../../../src/core/session.js';

const envUrl = '/__lr-env.js';
export const env = (await import(/* @vite-ignore */ envUrl)).default as {apiBase: string; apiKey: string};

/** Calls an emulator control (`/__emulator/<path>`) and returns its JSON. */
export async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {method};
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = {'Content-Type': 'application/json'};
  }
  const res = await fetch(`${env.apiBase}/__emulator${path}`, init);
  if (!res.ok) throw new Error(`${method} /__emulator${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface Fault {
  path: string;
  method?: string;
  status?: number;
  body?: unknown;
  retryAfter?: number | string;
  delayMs?: number;
  drop?: boolean;
  times?: number;
}

export const setFaults = (faults: Fault[]) => control('PUT', '/faults', {faults});
export const setConfig = (config: Record<string, unknown>) => control('PUT', '/config', config);

export interface Mail {
  Id: string;
  To: string;
  Kind: 'verification' | 'reset' | 'delete' | 'welcome';
  Link: string | null;
  Token: string | null;
}
export const outbox = async (to?: string) =>
  (await control<{Messages: Mail[]}>('GET', `/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)).Messages;

export interface RequestRecord {
  Method: string;
  Url: string;
  Authorization: boolean;
}
/** Requests the emulator saw (controls excluded), optionally filtered by method and path prefix. */
export async function requests(method?: string, path?: string): Promise<RequestRecord[]> {
  const all = (await control<{Requests: RequestRecord[]}>('GET', '/requests')).Requests;
  return all.filter(
    (r) =>
      (!method || r.Method === method) && (!path || r.Url.split('?')[0]!.toLowerCase() === path.toLowerCase()),
  );
}

/** Emulator reset + page reset (sessions, stored token, page-wide config), for `beforeEach`. */
export async function resetAll(): Promise<void> {
  _resetSessionsForTests();
  try {
    await clear(createStore('lr-elements', 'session'));
  } catch {
    // Storage may be unavailable in a test on purpose.
  }
  configure({apiKey: env.apiKey, apiBase: env.apiBase, timeoutMs: 15000});
  await control('POST', '/reset');
  await control('DELETE', '/requests');
}

let n = 0;
/** A fresh address per call. */
export const uniqueEmail = (tag = 'user') => `${tag}.${Date.now().toString(36)}.${++n}@example.test`;

export const PASSWORD = 'correct horse battery staple';

/** Creates an account server-side (Account API with the secret), verified unless told otherwise. */
export async function createAccount(email: string, password = PASSWORD, verified = true): Promise<void> {
  await executeServerCommand('lr-admin', {op: 'create', email, password, verified});
}

/** A fresh SOTT made server-side with the API secret (as a host's backend would). */
export async function getSott(): Promise<string> {
  return (await executeServerCommand('lr-admin', {op: 'sott'})) as string;
}

/**
 * Focuses an input and types like a user. One key per command: WebKitGTK's WebDriver drops repeated
 * characters and some spaces when a whole string is sent at once.
 */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await typeKeys(text);
}

/** Types into the focused element, one key per command (see `typeInto`). */
export async function typeKeys(text: string): Promise<void> {
  for (const ch of text) await sendKeys({type: ch});
}

/** Waits until `check()` is truthy (polling), or fails with `what`. */
export async function until(check: () => unknown, what: string, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Collects every event of the given names dispatched on `target` until `stop()`. */
export function record(target: EventTarget, names: string[]) {
  const events: CustomEvent[] = [];
  const on = (e: Event) => events.push(e as CustomEvent);
  for (const name of names) target.addEventListener(name, on);
  return {
    events,
    of: (name: string) => events.filter((e) => e.type === name),
    stop: () => names.forEach((name) => target.removeEventListener(name, on)),
  };
}
