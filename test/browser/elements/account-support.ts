/**
 * Helpers for the signed-in elements' tests (`<lr-profile-editor>`, `<lr-email-manager>`, `<lr-email-link>`).
 * Everything runs against the real emulator; nothing stubs `fetch`. Builds on `./support.ts`.
 */
import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import * as api from '../../../src/core/client.js';
import {resolveConfig} from '../../../src/core/config.js';
import {getSession, type Session} from '../../../src/core/session.js';
import {admin, env, outbox, until, type Mail} from './support.js';

export const cfg = () => resolveConfig({apiKey: env.apiKey, apiBase: env.apiBase});

/**
 * Types like a user, one key at a time. (WebKitGTK's WebDriver drops repeated characters and some spaces when
 * `sendKeys({type})` gets a whole string, so WebKit gets one character per call.)
 */
export async function typeText(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  if (!isWebKit) return void (await sendKeys({type: text}));
  for (const ch of text) await sendKeys({type: ch});
}

/** WebKit (MiniBrowser), not Chromium. */
export const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrom(e|ium)/.test(navigator.userAgent);

/** Selects all of an input's text and types over it (empty `text` just clears it). */
export async function retype(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({press: 'Backspace'});
  if (text) await typeText(input, text);
}

/** The page's session for the test emulator (the one every element binds to). */
export const session = (): Session => getSession({apiKey: env.apiKey, apiBase: env.apiBase});

/** Signs in through the page's session (as `<lr-login>` would). */
export async function signIn(email: string, password: string): Promise<void> {
  await session().login(email, password);
}

/** Mounts `<tag apikey api-base ...attrs>` inside a wrapper and waits until its session state is known. */
export async function mount<T extends HTMLElement & {ready: Promise<unknown>; updateComplete: Promise<boolean>}>(
  tag: string,
  attrs = '',
): Promise<T> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><${tag} apikey="${env.apiKey}" api-base="${env.apiBase}" ${attrs}></${tag}></div>`,
  );
  const el = wrapper.querySelector(tag) as unknown as T;
  await el.ready;
  await el.updateComplete;
  return el;
}

/** Admin: the account for an email, or null when there is none (Account API, server side). */
export const adminGet = (email: string): Promise<Record<string, any> | null> => admin.getAccount(email);

/** Admin: creates a (verified) account with extra profile fields. */
export const adminCreate = (email: string, password: string, fields: Record<string, unknown> = {}) =>
  admin.createAccount({...fields, email, password});

/** Admin: updates an account's profile fields. */
export const adminUpdate = (uid: string, fields: Record<string, unknown>) => admin.updateAccount(uid, fields);

/** The newest outbox mail of a kind to an address (waits for it). */
export async function mail(to: string, kind: Mail['Kind'], after = 0): Promise<Mail> {
  let found: Mail | undefined;
  const end = Date.now() + 5000;
  while (!found) {
    const list = (await outbox(to)).filter((m) => m.Kind === kind);
    if (list.length > after) found = list[list.length - 1];
    else if (Date.now() > end) throw new Error(`no ${kind} mail to ${to}`);
    else await new Promise((r) => setTimeout(r, 50));
  }
  return found;
}

/** `vtype` / `vtoken` of an emailed link. */
export function linkParams(link: string | null): {vtype: string; vtoken: string; url: URL} {
  expect(link, 'the mail has a link').to.be.a('string');
  const url = new URL(link!);
  return {vtype: url.searchParams.get('vtype')!, vtoken: url.searchParams.get('vtoken')!, url};
}

/** Ends the access token on the server (as an admin revoking it, or a sign-out elsewhere on the server). */
export async function revokeToken(token: string): Promise<void> {
  await api.invalidateToken(cfg(), token);
}

export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.querySelector<T & HTMLElement>(sel)!;
export const alertText = (el: Element) => $(el, ':scope [role=alert]').textContent!.trim();
export const statusText = (el: Element) => $(el, ':scope [role=status]').textContent!.trim();

/** Waits for the element to finish an update triggered by something async (a request, a session event). */
export async function settle(el: {updateComplete: Promise<boolean>}, check: () => unknown, what: string, ms = 8000) {
  await until(check, what, ms);
  await el.updateComplete;
}

/** The error shown for an input (via `aria-describedby`), or '' when none. */
export function describedError(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** Asserts that no token appears in any event detail. */
export function expectNoTokens(events: CustomEvent[], ...secrets: (string | undefined)[]): void {
  for (const e of events) {
    const text = JSON.stringify(e.detail ?? null);
    expect(text, e.type).not.to.match(/access_token|refresh_token|vtoken/i);
    for (const s of secrets) if (s) expect(text, e.type).not.to.contain(s);
  }
}

/**
 * The list on screen goes out of date (issue 16: the only address has no Remove): a second address is added and
 * shown, then removed behind the element's back (as another tab would). Asking to remove `email` then meets the
 * API's refusal of the last address (1005). Resolves after the refusal.
 */
export async function removeLast(el: HTMLElement & {refresh(): Promise<void>; updateComplete: Promise<boolean>}, email: string): Promise<void> {
  const second = `second.${email}`;
  await session().withToken((t) => api.addEmail(cfg(), t, second, {verificationUrl: `${location.origin}/verify`}));
  await el.refresh();
  await settle(el, () => el.querySelectorAll('.lr-emails__remove').length === 2, 'Remove on both addresses');
  await session().withToken((t) => api.removeEmail(cfg(), t, second));
  const remove = [...el.querySelectorAll<HTMLButtonElement>('.lr-emails__remove')].find((b) => b.dataset['email'] === email)!;
  remove.click();
  await el.updateComplete;
  const err = new Promise((resolve) => el.addEventListener('lr-error', resolve, {once: true}));
  el.querySelector<HTMLButtonElement>('.lr-emails__remove-yes')!.click();
  await err;
  await el.updateComplete;
}
