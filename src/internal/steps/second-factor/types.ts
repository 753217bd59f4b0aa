import type {ReactiveControllerHost} from 'lit';
import type {LoginResult} from '../../../core/client.js';
import type {Config} from '../../../core/config.js';
import type {MessageKey, MessageParams} from '../../../i18n/index.js';
import type {ActionController} from '../../controllers/action.js';

/** What a step needs from the element that shows it. */
export interface StepContext {
  host: ReactiveControllerHost & HTMLElement;
  /** The host's ActionController: the step's requests and messages go through it (slot `mfa`). */
  act: ActionController;
  config: Config;
  msg: (key: MessageKey, params?: MessageParams) => string;
  uid: (name: string) => string;
  /** The account name an authenticator app shows (the address the user signed in with). */
  account: string;
  /** The issuer an authenticator app shows; default the page's host name. */
  issuer?: string | undefined;
  /** The text of an expired step; default `mfa.expired`, which asks for the password (a passwordless host has none). */
  expiredKey?: MessageKey | undefined;
}

/** How a second step ends: signed in (the final token answer), or back to the first step. */
export type StepOutcome = {kind: 'signed-in'; login: LoginResult} | {kind: 'restart'; expired: boolean};
