import type {LoginResult} from '../../core/client.js';
import {emit} from '../../core/events.js';
import type {FirstFactorResult, SecondFactorChallenge} from '../../core/passwordless.js';
import type {MfaMethod} from '../../core/mfa.js';
import type {Msg} from '../controllers/errors.js';
import '../../i18n/en/hand-over.js'; // its texts (issue 14: messages per chunk)

/** What a hand-over ends with: the final session answer, or a message for the element to show. */
export type HandOver = {session: LoginResult} | {message: Msg};

/** The second factors a challenge names (no token, no code): what `lr-mfa-required` carries. */
export function methodsOf(c: SecondFactorChallenge): MfaMethod[] {
  const methods: MfaMethod[] = [];
  if (c['IsGoogleAuthenticatorVerified'] || c['IsAuthenticatorVerified']) methods.push('authenticator');
  if (c['IsEmailOtpAuthenticatorVerified']) methods.push('emailotp');
  return methods;
}

/**
 * A first factor (passwordless link or code) answered with a second-factor challenge. The ONE place where the
 * shared second-factor step (`src/internal/steps/second-factor/`, issue 12) is to be wired: until then it
 * dispatches `lr-mfa-required` from `el` and asks the user to continue on the sign-in page.
 */
export async function handOverChallenge(el: HTMLElement, answer: FirstFactorResult): Promise<HandOver> {
  emit(el, 'lr-mfa-required', {methods: methodsOf(answer.SecondFactorAuthentication!)});
  return {message: {key: 'mfa.handOver'}};
}
