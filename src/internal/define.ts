/**
 * Registers a custom element once. Importing the library twice (for example the CDN bundle next to an npm
 * copy) must not throw: the same constructor is skipped silently, a different one is skipped with a warning.
 * Safe to import in Node: it only touches `customElements` when called, and only if it exists.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // Node / SSR: nothing to define.
  const existing = registry.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(`lr-elements: <${tag}> is already defined by another class; keeping the first definition.`);
    return;
  }
  registry.define(tag, ctor);
}
