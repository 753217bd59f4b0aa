import type {CSSResult} from 'lit';

type StyleRoot = Document | ShadowRoot;

/** Fallback `<style>` elements per root, for engines without constructable stylesheets. */
const fallbackStyles = new WeakMap<StyleRoot, Set<CSSResult>>();

/**
 * Adopts light-DOM styles into the root an element lives in (the document, or the shadow root that encloses
 * it), once per root and stylesheet. Idempotent: safe to call on every `connectedCallback` (elements can move
 * between roots). Constructed stylesheets need no `style-src` allowance under CSP; the `<style>` fallback uses
 * `window.litNonce` when set.
 */
export function adoptStyles(node: Node, styles: readonly CSSResult[]): void {
  const root = node.getRootNode();
  const target: StyleRoot | undefined =
    root instanceof ShadowRoot ? root : root instanceof Document ? root : undefined;
  if (!target) return; // disconnected subtree: adopt on connect.
  for (const style of styles) {
    const sheet = style.styleSheet;
    if (sheet && 'adoptedStyleSheets' in target) {
      if (!target.adoptedStyleSheets.includes(sheet)) {
        target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      }
      continue;
    }
    let seen = fallbackStyles.get(target);
    if (!seen) fallbackStyles.set(target, (seen = new Set()));
    if (seen.has(style)) continue;
    seen.add(style);
    const doc = target instanceof Document ? target : target.ownerDocument;
    const el = doc.createElement('style');
    const nonce = (globalThis as {litNonce?: string}).litNonce;
    if (nonce) el.setAttribute('nonce', nonce);
    el.textContent = style.cssText;
    (target instanceof Document ? target.head ?? target.documentElement : target).append(el);
  }
}
