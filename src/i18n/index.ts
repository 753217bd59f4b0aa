/**
 * Message lookup: `msg(key, params, locale)` reads the English table (`./en.ts`) unless the host (or a lazily
 * loaded locale) overrides the key with `setMessages(locale, partialTable)`.
 *
 * Lookup order for locale `de-CH`: overrides for `de-ch`, then `de`, then `en`, then the built-in English.
 * Elements find their locale from the nearest ancestor `lang` attribute (`localeOf(element)`), and re-render
 * when messages change (`messageEvents` fires `change`).
 *
 * Node-safe: no DOM access at module top level.
 */
import {en, type MessageKey, type MessageTable, type PluralForms} from './en.js';

export {en};
export type {MessageKey, MessageTable, PluralForms};

export type MessageParams = Record<string, string | number>;

const overrides = new Map<string, Partial<MessageTable>>();
const pluralRules = new Map<string, Intl.PluralRules>();
const loading = new Map<string, Promise<void>>();
let loader: LocaleLoader | undefined;

/** Gives the table for a locale (or `undefined` when there is none), e.g. through a dynamic `import()`. */
export type LocaleLoader = (
  locale: string,
) => Promise<Partial<MessageTable> | undefined> | Partial<MessageTable> | undefined;

/** Fires `change` after `setMessages()`; elements listen to re-render. */
export const messageEvents: EventTarget = new EventTarget();

const norm = (locale: string) => locale.trim().toLowerCase().replace(/_/g, '-');

/**
 * Overrides some messages for a locale (`'en'` to reword the English defaults). Merges with earlier
 * overrides for the same locale. Every connected element re-renders.
 */
export function setMessages(locale: string, table: Partial<MessageTable>): void {
  const key = norm(locale);
  overrides.set(key, {...overrides.get(key), ...table});
  messageEvents.dispatchEvent(new Event('change'));
}

/**
 * Registers a loader for locales that are not in the page yet (e.g. `(l) => import(`./locales/${l}.js`)`).
 * `ensureLocale()` calls it at most once per locale, for the element's locale and each of its parents
 * (`de-at`, then `de`), so a loader that only knows `de` also serves `lang="de-AT"`. Locales arrive
 * lower-cased (`de-at`); resolve `undefined` for the ones you do not have. The result goes through
 * `setMessages()`. The shipped German table: `import('lr-elements/i18n/de.js')`.
 */
export function setLocaleLoader(fn: LocaleLoader | undefined): void {
  loader = fn;
  loading.clear();
}

/**
 * Starts loading a locale and its parents (`de-at`, then `de`) through the registered loader, each at most
 * once. English and single-letter prefixes (`x-…`, `i-…`) are never asked for. Never rejects.
 */
export function ensureLocale(locale: string): Promise<void> {
  if (!loader) return Promise.resolve();
  const keys = chain(locale).filter((l) => l.length > 1 && l !== 'en' && !l.startsWith('en-'));
  return Promise.all(keys.map(ensureOne)).then(() => undefined);
}

function ensureOne(key: string): Promise<void> {
  if (!loader || overrides.has(key)) return Promise.resolve();
  let p = loading.get(key);
  if (!p) {
    const load = loader;
    p = Promise.resolve()
      .then(() => load(key))
      .then((table) => {
        if (table) setMessages(key, table);
      })
      .catch(() => undefined);
    loading.set(key, p);
  }
  return p;
}

/** The chain of locales to try, most specific first, always ending with `en`. */
function chain(locale: string | undefined): string[] {
  const out: string[] = [];
  let l = norm(locale || 'en');
  while (l) {
    out.push(l);
    const i = l.lastIndexOf('-');
    l = i > 0 ? l.slice(0, i) : '';
  }
  if (!out.includes('en')) out.push('en');
  return out;
}

function pluralRule(locale: string): Intl.PluralRules {
  let rule = pluralRules.get(locale);
  if (!rule) {
    try {
      rule = new Intl.PluralRules(locale);
    } catch {
      rule = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, rule);
  }
  return rule;
}

/** Looks up a message and fills `{name}` placeholders. Unknown placeholders stay as written. */
export function msg(key: MessageKey, params: MessageParams = {}, locale?: string): string {
  const locales = chain(locale);
  let value: string | PluralForms | undefined;
  let found = 'en';
  for (const l of locales) {
    value = overrides.get(l)?.[key];
    if (value !== undefined) {
      found = l;
      break;
    }
  }
  value ??= en[key];
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else {
    const count = Number(params['count'] ?? 0);
    text = value[pluralRule(found).select(count)] ?? value.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}

/** True when the table has a message for `key` (used to map error codes that may have no entry). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * The locale of an element: the nearest ancestor `lang` attribute, crossing shadow roots, then the
 * document's, then `en`.
 */
export function localeOf(node: Element): string {
  let el: Element | null = node;
  while (el) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
    const parent: Element | null = el.parentElement;
    if (parent) {
      el = parent;
    } else {
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return 'en';
}
