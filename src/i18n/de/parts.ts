/**
 * German by parts (issue 14): a part loader for `setLocaleLoader`, so a German page downloads only the German
 * texts of the elements (and steps) it shows, the same parts as the English table:
 *
 * ```js
 * import { setLocaleLoader } from 'lr-elements';
 * setLocaleLoader((l) => (l === 'de' ? import('lr-elements/i18n/de/parts.js').then((m) => m.default) : undefined));
 * ```
 *
 * The loader resolves to this function; it is then asked for each part the page has loaded (`shared`, `login`,
 * …) and for each part loaded later (a lazily loaded step's), each at most once. Every part has an entry (a
 * missing one is a type error), each a separate `import()` so a bundler makes one small file per part.
 */
import type {MessagePart, PartTable} from '../en.js';

const parts: {[P in MessagePart]: () => Promise<{default: PartTable<P>}>} = {
  shared: () => import('./shared.js'),
  login: () => import('./login.js'),
  forgot: () => import('./forgot.js'),
  lockout: () => import('./lockout.js'),
  passwordless: () => import('./passwordless.js'),
  register: () => import('./register.js'),
  profile: () => import('./profile.js'),
  emails: () => import('./emails.js'),
  link: () => import('./link.js'),
  mfa: () => import('./mfa.js'),
  'mfa-step': () => import('./mfa-step.js'),
  'mfa-settings': () => import('./mfa-settings.js'),
  'hand-over': () => import('./hand-over.js'),
};

/** The German table of one part. */
export default function german(part: MessagePart): Promise<PartTable<MessagePart>> {
  return parts[part]().then((m) => m.default);
}
