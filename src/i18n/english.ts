/**
 * The English table as the page has it (issue 14): the union of the message parts loaded so far. Each part
 * (`./en/<part>.ts`) is imported by the module that shows its texts and adds itself here when it is evaluated, so
 * a lookup stays synchronous: a module's texts are in the table before the module runs. `./index.ts` imports the
 * shared part and is told of every later part (to load that part of the locales already asked for).
 *
 * Node-safe and import-free at run time (the parts import this module; it imports none of them).
 */
import type {MessagePart, MessageTable, PluralForms} from './en.js';

/** The English texts of the parts loaded so far. */
export const english: Partial<MessageTable> = {};

const parts = new Set<MessagePart>();
let listener: ((part: MessagePart) => void) | undefined;

/** Adds a part to the English table (once per part) and returns it unchanged, typed with its own keys. */
export function addEnglish<T extends Record<string, string | PluralForms>>(part: MessagePart, table: T): T {
  if (!parts.has(part)) {
    parts.add(part);
    Object.assign(english, table);
    listener?.(part);
  }
  return table;
}

/** The parts loaded so far, in load order. */
export const englishParts = (): MessagePart[] => [...parts];

/** Registers the one listener for parts added from now on (`./index.ts`). */
export function onEnglishPart(fn: (part: MessagePart) => void): void {
  listener = fn;
}
