/**
 * The page-wide API without the elements: `configure()`, the session, message overrides, `defineElement`. The
 * package entry (`./index.ts`) adds `api` (the namespace of every Auth API call) and the element classes; the CDN
 * files (`./cdn/`) export this without `api`, so that each call is only in the chunks of the elements that make it.
 *
 * Safe to import in Node (no DOM access at module top level).
 */
export * from './core/page.js';
export {
  setMessages,
  setLocaleLoader,
  msg,
  en as messagesEn,
  type LocaleLoader,
  type MessageKey,
  type MessagePart,
  type MessageTable,
  type PartLoader,
  type PartTable,
} from './i18n/index.js';
export {defineElement} from './internal/define.js';
