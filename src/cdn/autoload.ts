/**
 * The autoloader behind the CDN entry: finds `lr-*` tags that are not defined yet and imports their chunks,
 * the idea of Shoelace's autoloader (a MutationObserver on the document, a `:not(:defined)` query per added
 * subtree), extended to open shadow roots: the ones present at start are found by walking the tree, later ones
 * are observed as `attachShadow()` creates them. Once every tag is defined, it stops observing.
 *
 * Node-safe: nothing runs at import; `startAutoload()` does nothing without `document` and `customElements`.
 */
import chunkDeps from 'virtual:lr-chunk-deps';
import type {LrElementTagMap} from '../frameworks/props.js';
import {expectSession} from '../core/early-session.js';
import {TAGS, unknownTag, type LrTagName} from './tags.js';

/**
 * One dynamic import per element: the CDN build turns each into a chunk next to the loader (`lr-login.js`, …).
 * `.then(() => {})` tells the bundler the module's exports go unused here, so it builds no namespace object for
 * them (one that a chunk other chunks import from would need, with the bundler's runtime helper as a file).
 */
const chunks: Record<LrTagName, () => Promise<void>> = {
  'lr-login': () => import('../elements/lr-login/lr-login.js').then(() => {}),
  'lr-register': () => import('../elements/lr-register/lr-register.js').then(() => {}),
  'lr-profile-editor': () => import('../elements/lr-profile-editor/lr-profile-editor.js').then(() => {}),
  'lr-email-manager': () => import('../elements/lr-email-manager/lr-email-manager.js').then(() => {}),
  'lr-email-link': () => import('../elements/lr-email-link/lr-email-link.js').then(() => {}),
  'lr-mfa-settings': () => import('../elements/lr-mfa-settings/lr-mfa-settings.js').then(() => {}),
};
const isTag = (name: string): name is LrTagName => Object.hasOwn(chunks, name);

const loading = new Map<LrTagName, Promise<CustomElementConstructor>>();
const hinted = new Set<string>();

/**
 * Announces the shared chunks `tag`'s chunk imports (Lit, the common element code, …) with
 * `<link rel="modulepreload">`, so that they download beside it instead of after it. Built with DOM APIs: no
 * inline script, no Trusted Types sink; `window.litNonce`, when the page sets it, goes on the link too.
 */
function preload(tag: LrTagName): void {
  if (!globalThis.document) return; // Node / SSR: nothing to announce.
  for (const dep of chunkDeps[tag] ?? []) {
    const href = new URL(dep, import.meta.url).href;
    if (hinted.has(href)) continue;
    hinted.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    const nonce = (globalThis as {litNonce?: string}).litNonce;
    if (nonce) link.nonce = nonce;
    (document.head ?? document.documentElement).append(link);
  }
}

/**
 * Imports the chunk of `tag` (once) and resolves to its element class once the tag is defined. Rejects with a
 * clear error for a name that is not an lr-elements tag, or when the chunk cannot be loaded (a later call tries
 * again).
 */
export function load<T extends LrTagName>(tag: T): Promise<new () => LrElementTagMap[T]>;
export function load(tag: string): Promise<CustomElementConstructor>;
export function load(tag: string): Promise<CustomElementConstructor> {
  const name = String(tag).toLowerCase();
  if (!isTag(name)) {
    return Promise.reject(unknownTag(name));
  }
  let pending = loading.get(name);
  if (!pending) {
    preload(name);
    pending = chunks[name]().then(() => customElements.whenDefined(name));
    // A failed download may succeed later (flaky network): forget it so the next call retries.
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

type Root = Document | Element | ShadowRoot;

const observed = new WeakSet<Node>();
let observer: MutationObserver | undefined;
let nativeAttachShadow: typeof Element.prototype.attachShadow | undefined;

/** Loads `tag` for the autoloader: a failure is reported once on the console, never as an unhandled rejection. */
function autoload(tag: LrTagName): void {
  if (loading.has(tag) || customElements.get(tag)) return;
  load(tag)
    .then(stopWhenDone)
    .catch((e: unknown) => console.error(`lr-elements: could not load <${tag}>`, e));
}

/** An lr-elements tag in the page: its chunk loads, and its session starts restoring meanwhile (issue 14). */
function found(el: Element, tag: LrTagName): void {
  if (!customElements.get(tag)) expectSession(el);
  autoload(tag);
}

/** Watches a root for added nodes (once per root). */
function observe(root: Document | ShadowRoot): void {
  if (!observer || observed.has(root)) return;
  observed.add(root);
  observer.observe(root, {childList: true, subtree: true});
}

/**
 * Loads every lr-elements tag in `root` and its open shadow roots that is not defined yet, and keeps watching
 * those shadow roots. The autoloader calls it by itself; hosts may call it for a root it cannot see (a closed
 * shadow root they own).
 */
export function discover(root: Root): void {
  if (root instanceof Element && isTag(root.localName)) found(root, root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) if (isTag(el.localName)) found(el, el.localName);
  const shadows = root instanceof Element && root.shadowRoot ? [root.shadowRoot] : [];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) shadows.push(el.shadowRoot);
  for (const shadow of shadows) {
    if (observed.has(shadow)) continue;
    observe(shadow);
    discover(shadow);
  }
}

/** Starts the autoloader on this document (once); a no-op outside a browser. */
export function startAutoload(): void {
  if (observer || !globalThis.document || !globalThis.customElements) return; // Node / SSR: nothing to define
  observer = new MutationObserver((records) => {
    for (const {addedNodes} of records) {
      for (const node of addedNodes) if (node instanceof Element) discover(node);
    }
  });
  // Shadow roots created from now on are watched from their first child on.
  nativeAttachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = attachShadow;
  observe(document);
  discover(document);
}

function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
  const root = nativeAttachShadow!.call(this, init);
  if (init.mode === 'open') observe(root);
  return root;
}

/** Every tag defined: nothing left to find, so stop observing (and unwrap `attachShadow` if still ours). */
function stopWhenDone(): void {
  if (!observer || !TAGS.every((t) => customElements.get(t))) return;
  observer.disconnect();
  observer = undefined;
  if (Element.prototype.attachShadow === attachShadow) Element.prototype.attachShadow = nativeAttachShadow!;
}
