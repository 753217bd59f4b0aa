/**
 * The page-wide API without the elements: `configure()`, the session, message overrides, `defineElement`. The
 * package entry (`./index.ts`) adds the element classes; the CDN loader (`./cdn/lr-elements.ts`) exports this and
 * loads the elements on demand.
 *
 * Safe to import in Node (no DOM access at module top level).
 */
export * from './core/index.js';
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
