import type {LoginResult} from '../../core/client.js';
import {LrError} from '../../core/errors.js';
import {challengeOf, type MfaLoginResult} from '../../core/mfa.js';
import {isSession, type FirstFactorResult} from '../../core/passwordless.js';
import type {SecondFactorOptions} from './second-factor/index.js';
import '../../i18n/en/hand-over.js'; // its texts (issue 14: messages per chunk)

/** A plain address (not one the API masked), for "Send a new link" and the authenticator app's account name. */
const PLAIN_ADDRESS = /^[^\s@*]+@[^\s@*]+$/;

/**
 * A passwordless first factor's answer (P2 / P3), checked inside the request: a session as it is; a second-factor
 * challenge as the second step reads it (`SecondFactorAuthentication` holding the token; newer LoginRadius docs show
 * P2's challenge flat, `SecondFactorAuthenticationToken` at the top level: contract §7, unverified, read too).
 * Anything else is refused as a server error, so a pending answer (zero-GUID token) is never adopted.
 */
export function firstFactor(answer: FirstFactorResult): LoginResult | MfaLoginResult {
  if (isSession(answer)) return answer;
  const flat = answer as unknown as MfaLoginResult['SecondFactorAuthentication'];
  const sfa = challengeOf(answer) ?? (typeof flat?.SecondFactorAuthenticationToken === 'string' ? flat : null);
  if (!sfa) throw new LrError('server', 'The sign-in answer is neither a session nor a second-factor challenge');
  return {...(answer as MfaLoginResult), Profile: null, SecondFactorAuthentication: sfa};
}

/** The address a challenge names (the one an email code went to, else the first); '' without one, or when masked. */
export function challengeAddress(answer: LoginResult | MfaLoginResult): string {
  const sfa = challengeOf(answer);
  const address = sfa?.EmailOTPStatus?.Email ?? sfa?.Email?.[0] ?? '';
  return PLAIN_ADDRESS.test(address) ? address : '';
}

/**
 * Completes a passwordless sign-in (the link in `<lr-email-link>`, the code in `<lr-login passwordless>`): a session
 * is returned as it is; a second-factor challenge (an MFA site; the second step's calls L2–L5 take its
 * `SecondFactorAuthenticationToken`) loads and runs the shared second-factor step, the one `<lr-login>`'s password
 * sign-in uses (`lr-mfa-required` with the methods, never a token), and resolves with the final session answer, or
 * undefined when the user chose "start again" (or the step expired): the first factor is used up by then, so the
 * host goes back to asking for a new email. The step's code loads only here, so a page that never meets MFA pays
 * nothing for it.
 */
export async function handOverChallenge(
  answer: LoginResult | MfaLoginResult,
  o: SecondFactorOptions,
): Promise<LoginResult | undefined> {
  if (!challengeOf(answer)) return answer as LoginResult;
  const {secondFactor} = await import('./second-factor/lazy.js');
  return secondFactor(answer, {expiredKey: 'mfa.expiredPasswordless', ...o});
}
