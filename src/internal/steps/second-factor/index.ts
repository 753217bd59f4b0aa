/**
 * The entry of the shared second-factor step, for any element whose first factor may answer with a challenge
 * (`<lr-login>`'s password, and a passwordless link or code through `../hand-over.ts`). Only this small
 * module is imported statically: the step itself (and its QR library) loads with a dynamic `import()` when a
 * challenge arrives, so a page that never meets MFA pays no bytes for it.
 */
import type {LockProof, LoginId, LoginResult} from '../../../core/client.js';
import {ErrorCodes} from '../../../core/codes.js';
import {isApiError} from '../../../core/errors.js';
import {emit} from '../../../core/events.js';
import {challengeOf, mfaLogin, type MfaLoginResult} from '../../../core/mfa.js';
import * as api from '../../../core/request.js';
import type {Config} from '../../../core/config.js';
import {ensureLocale, localeOf} from '../../../i18n/index.js';
import type {SecondFactorStep} from './step.js';
import type {StepContext} from './types.js';

export type {SecondFactorStep, StepContext};

/**
 * The password step: the MFA login when `mfa` is set, else the plain login, which on an MFA site answers 1176 and is
 * then repeated on the MFA login. Resolves with a token answer or a challenge (tell them apart with `challengeOf`).
 */
export function passwordStep(
  cfg: Config,
  id: string | LoginId,
  password: string,
  o: {mfa: boolean; verificationUrl?: string; signal: AbortSignal} & LockProof,
): Promise<LoginResult | MfaLoginResult> {
  const {mfa, ...rest} = o;
  if (mfa) return mfaLogin(cfg, id, password, rest);
  return api.login(cfg, id, password, rest).catch((err: unknown) => {
    if (isApiError(err, ErrorCodes.UseMfaLogin)) return mfaLogin(cfg, id, password, rest);
    throw err;
  });
}

export interface SecondFactorOptions extends StepContext {
  /** Shows (a step) or hides (undefined) the step in the host's render. */
  show: (step: SecondFactorStep | undefined) => void;
  /** Where focus goes when the user is back at the first step (e.g. the password field). */
  restartFocus: string;
  /** The host's message slot at that first step (default `form`), where an expired step says why. */
  restartSlot?: string;
}

/**
 * Completes a sign-in whose first factor answered `answer`: a finished sign-in is returned as it is; a challenge
 * loads and shows the second step (`lr-mfa-required` names its methods, never a token) and resolves with the final
 * token answer, or undefined when the user went back to the first step.
 */
export async function secondFactor(
  answer: LoginResult | MfaLoginResult,
  o: SecondFactorOptions,
): Promise<LoginResult | undefined> {
  const sfa = challengeOf(answer);
  if (!sfa) return answer as LoginResult;
  const {SecondFactorStep} = await import('./step.js');
  await ensureLocale(localeOf(o.host)); // the step's texts in the page's language before it shows (part loaders)
  const step = new SecondFactorStep(o, sfa);
  o.show(step);
  void o.act.focus(step.focusTarget);
  emit(o.host, 'lr-mfa-required', {methods: [...step.methods]});
  const out = await step.done;
  o.show(undefined);
  if (out.kind === 'signed-in') return out.login;
  // Back at the first step (the host keeps what was typed before): an expired step says why.
  if (out.expired) o.act.notify(o.expiredKey ?? 'mfa.expired', undefined, {tone: 'info', slot: o.restartSlot ?? 'form'});
  void o.act.focus(o.restartFocus);
  return undefined;
}
