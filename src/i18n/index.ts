/**
 * Message lookup: `msg(key, params, locale)` reads the English table (the parts loaded so far, `./english.ts`)
 * unless the host (or a lazily loaded locale) overrides the key with `setMessages(locale, partialTable)`.
 *
 * Lookup order for locale `de-CH`: the host's overrides for `de-ch`, then what the locale loader gave for `de-ch`,
 * then the same for `de`, then `en`, then the built-in English. A host's `setMessages` thus wins over a loaded
 * table whenever either arrives. Elements find their locale from the nearest ancestor `lang` attribute
 * (`localeOf(element)`), and re-render when messages change (`messageEvents` fires `change`).
 *
 * Issue 14: the English texts come in parts (`./en/<part>.ts`), each imported by the module that shows it; this
 * module imports the shared part. A locale loader may resolve to a whole table or to a part loader (a function
 * of the part name, e.g. `./de/parts.ts`), which is asked for each part the page has and for each part loaded later.
 *
 * Node-safe: no DOM access at module top level.
 */
import type {MessageKey, MessagePart, MessageTable, PartTable, PluralForms} from './en.js';
import {english, englishParts, onEnglishPart} from './english.js';
import './en/shared.js';

/** The English texts of the message parts loaded so far (issue 14: each element's part loads with it). */
export const en: Readonly<Partial<MessageTable>> = english;
export type {MessageKey, MessagePart, MessageTable, PartTable, PluralForms};

export type MessageParams = Record<string, string | number>;

const overrides = new Map<string, Partial<MessageTable>>();
const loaded = new Map<string, Partial<MessageTable>>();
const pluralRules = new Map<string, Intl.PluralRules>();
const loading = new Map<string, Promise<void>>();
const partLoaders = new Map<string, PartLoader>();
const partLoading = new Map<string, Promise<void>>();
const byParts = new Set<string>();
let loader: LocaleLoader | undefined;

/** A locale's texts one message part at a time (e.g. the default export of `lr-elements/i18n/de/parts.js`). */
export type PartLoader = (
  part: MessagePart,
) => Promise<Partial<MessageTable> | undefined> | Partial<MessageTable> | undefined;

/**
 * Gives the table for a locale (or `undefined` when there is none), e.g. through a dynamic `import()`, or a
 * `PartLoader` for it.
 */
export type LocaleLoader = (
  locale: string,
) => Promise<Partial<MessageTable> | PartLoader | undefined> | Partial<MessageTable> | PartLoader | undefined;

/** Fires `change` after `setMessages()`; elements listen to re-render. */
export const messageEvents: EventTarget = new EventTarget();

const norm = (locale: string) => locale.trim().toLowerCase().replace(/_/g, '-');

/**
 * Overrides some messages for a locale (`'en'` to reword the English defaults). Merges with earlier
 * overrides for the same locale. Every connected element re-renders.
 */
export function setMessages(locale: string, table: Partial<MessageTable>): void {
  merge(overrides, norm(locale), table);
}

function merge(into: Map<string, Partial<MessageTable>>, key: string, table: Partial<MessageTable>): void {
  into.set(key, {...into.get(key), ...table});
  messageEvents.dispatchEvent(new Event('change'));
}

/**
 * Registers a loader for locales that are not in the page yet (e.g. `(l) => import(`./locales/${l}.js`)`).
 * `ensureLocale()` calls it at most once per locale, for the element's locale and each of its parents
 * (`de-at`, then `de`), so a loader that only knows `de` also serves `lang="de-AT"`. Locales arrive
 * lower-cased (`de-at`); resolve `undefined` for the ones you do not have. A table is merged under the host's
 * own `setMessages()` overrides; a `PartLoader` is asked for each message part the page has, now and later, at
 * most once each. The shipped German: `import('lr-elements/i18n/de.js')` (the whole table) or
 * `import('lr-elements/i18n/de/parts.js')` (a part loader), both as `.then((m) => m.default)`.
 */
export function setLocaleLoader(fn: LocaleLoader | undefined): void {
  loader = fn;
  loading.clear();
  partLoaders.clear();
  partLoading.clear();
}

/**
 * Starts loading a locale and its parents (`de-at`, then `de`) through the registered loader, each at most
 * once. English and single-letter prefixes (`x-…`, `i-…`) are never asked for. Never rejects. Resolves once
 * they are in, including the parts a part loader is still loading (so a lazily loaded step can await it after
 * its `import()` and show its first text in the locale).
 */
export function ensureLocale(locale: string): Promise<void> {
  if (!loader) return Promise.resolve();
  const keys = chain(locale).filter((l) => l.length > 1 && l !== 'en' && !l.startsWith('en-'));
  const inFlight = () => [...partLoading].filter(([id]) => keys.some((k) => id.startsWith(`${k} `))).map(([, p]) => p);
  return Promise.all(keys.map(ensureOne))
    .then(() => Promise.all(inFlight()))
    .then(() => undefined);
}

function ensureOne(key: string): Promise<void> {
  // A locale a loader already gave a whole table for is not asked again (not even by a new loader); one served
  // by parts is, so that the parts still to come have a loader. A host's own setMessages() never stops a load.
  if (!loader || (loaded.has(key) && !byParts.has(key))) return Promise.resolve();
  let p = loading.get(key);
  if (!p) {
    const load = loader;
    p = Promise.resolve()
      .then(() => load(key))
      .then((table) => {
        if (load !== loader || !table) return undefined;
        if (typeof table !== 'function') return merge(loaded, key, table);
        partLoaders.set(key, table);
        byParts.add(key);
        return Promise.all(englishParts().map((part) => ensurePart(key, part))).then(() => undefined);
      })
      .catch(() => undefined);
    loading.set(key, p);
  }
  return p;
}

/** Loads one part of a locale served by a part loader, at most once. Never rejects. */
function ensurePart(key: string, part: MessagePart): Promise<void> {
  const load = partLoaders.get(key);
  const id = `${key} ${part}`;
  let p = partLoading.get(id);
  if (!load) return Promise.resolve();
  if (!p) {
    p = Promise.resolve()
      .then(() => load(part))
      .then((table) => {
        if (table && partLoaders.get(key) === load) merge(loaded, key, table);
      })
      .catch(() => undefined);
    partLoading.set(id, p);
  }
  return p;
}

// A part that loads later (a lazily loaded step's) comes in each locale already served by a part loader.
onEnglishPart((part) => {
  for (const key of partLoaders.keys()) void ensurePart(key, part);
});

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
    value = overrides.get(l)?.[key] ?? loaded.get(l)?.[key];
    if (value !== undefined) {
      found = l;
      break;
    }
  }
  value ??= english[key];
  // Not in a loaded part (the module showing it did not import its part): the key, visibly wrong, not a crash.
  if (value === undefined) return key;
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

/**
 * True when the English table has a message for `key` (used to map error codes that may have no entry): a key
 * of a part that is not loaded has none yet.
 */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(english, key);
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
