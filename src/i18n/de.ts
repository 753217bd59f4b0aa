/**
 * German message table (Sie form), whole: every part of `./de/` in one table. Not part of the core or CDN bundle:
 * load it lazily, e.g.
 *
 * ```js
 * import { setLocaleLoader } from 'lr-elements';
 * setLocaleLoader((l) => (l === 'de' ? import('lr-elements/i18n/de.js').then((m) => m.default) : undefined));
 * ```
 *
 * or load only the parts of the elements on the page (issue 14) with `import('lr-elements/i18n/de/parts.js')`
 * (`./de/parts.ts`).
 *
 * Typed as the complete `MessageTable`: a key missing from or unknown to the English table is a type error (each
 * part is typed by its English twin). Same security rule as the English table: unknown account and wrong password
 * share one message (`code.966` = `code.938` = `code.1023`).
 */
import type {MessageTable} from './en.js';
import {emails} from './de/emails.js';
import {forgot} from './de/forgot.js';
import {handOver} from './de/hand-over.js';
import {link} from './de/link.js';
import {lockout} from './de/lockout.js';
import {login} from './de/login.js';
import {mfa} from './de/mfa.js';
import {mfaSettings} from './de/mfa-settings.js';
import {mfaStep} from './de/mfa-step.js';
import {passwordless} from './de/passwordless.js';
import {profile} from './de/profile.js';
import {register} from './de/register.js';
import {shared} from './de/shared.js';

export const de: MessageTable = {
  ...shared,
  ...login,
  ...forgot,
  ...lockout,
  ...passwordless,
  ...register,
  ...profile,
  ...emails,
  ...link,
  ...mfa,
  ...mfaStep,
  ...mfaSettings,
  ...handOver,
};

export default de;
