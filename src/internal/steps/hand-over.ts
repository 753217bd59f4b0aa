import type {LoginResult} from '../../core/client.js';
import type {MfaLoginResult} from '../../core/mfa.js';
import type {FirstFactorResult} from '../../core/passwordless.js';
import type {SecondFactorOptions} from './second-factor/index.js';

/** A plain address (not one the API masked), for "Send a new link" and the authenticator app's account name. */
const PLAIN_ADDRESS = /^[^\s@*]+@[^\s@*]+$/;

/** The address a second-factor challenge names (the one an email code went to, else the first), '' if none or masked. */
export function challengeAddress(answer: FirstFactorResult): string {
  const sfa = answer.SecondFactorAuthentication as MfaLoginResult['SecondFactorAuthentication'];
  const address = sfa?.EmailOTPStatus?.Email ?? sfa?.Email?.[0] ?? '';
  return PLAIN_ADDRESS.test(address) ? address : '';
}

/**
 * A passwordless first factor (the link in `<lr-email-link>`, the code in `<lr-login passwordless>`) answered with a
 * second-factor challenge (contract §7: P2/P3 on an MFA site; the second step's calls L2–L5 take its
 * `SecondFactorAuthenticationToken`). Loads and runs the shared second-factor step, the one `<lr-login>`'s password
 * sign-in uses (`lr-mfa-required` with the methods, never a token), and resolves with the final session answer, or
 * undefined when the user chose "start again" (or the step expired): the first factor is used up by then, so the
 * host goes back to asking for a new email. The step's code loads only here, so a page that never meets MFA pays
 * nothing for it.
 */
export async function handOverChallenge(answer: FirstFactorResult, o: SecondFactorOptions): Promise<LoginResult | undefined> {
  const {secondFactor} = await import('./second-factor/lazy.js');
  return secondFactor(answer as MfaLoginResult, {expiredKey: 'mfa.expiredPasswordless', ...o});
}
