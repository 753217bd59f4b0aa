import {ErrorCodes} from '../../core/codes.js';
import type {MessageKey} from '../../i18n/index.js';
import '../../i18n/en/link.js'; // its texts (issue 14: messages per chunk)

/** The flows a LoginRadius email link can start (`vtype`). */
export type LinkType = 'emailverification' | 'reset' | 'deleteuser' | 'oneclicksignin';

const TYPES: Record<string, LinkType> = {
  emailverification: 'emailverification',
  reset: 'reset',
  deleteuser: 'deleteuser',
  oneclicksignin: 'oneclicksignin', // issue 13: passwordless sign-in (contract §7)
};

/** Messages for the link-token failures, per flow: invalid (973/1063/1119), used (974), expired (975). */
const TOKEN_ERRORS: Record<LinkType, {invalid: MessageKey; used: MessageKey; expired: MessageKey}> = {
  emailverification: {invalid: 'link.verify.invalid', used: 'link.verify.used', expired: 'link.verify.expired'},
  reset: {invalid: 'link.reset.invalid', used: 'link.reset.used', expired: 'link.reset.expired'},
  deleteuser: {invalid: 'link.delete.invalid', used: 'link.delete.invalid', expired: 'link.delete.invalid'},
  oneclicksignin: {invalid: 'link.passwordless.expired', used: 'link.passwordless.used', expired: 'link.passwordless.expired'},
};

/** The message key for a token failure, or undefined when the failure is not about the link. */
export function tokenError(type: LinkType, code: number | undefined): MessageKey | undefined {
  const keys = TOKEN_ERRORS[type];
  switch (code) {
    case ErrorCodes.VerificationLinkInvalid:
    case ErrorCodes.ResetTokenInvalid:
    case ErrorCodes.DeleteTokenInvalid:
      return keys.invalid;
    case ErrorCodes.VerificationLinkUsed:
    case ErrorCodes.PasswordlessLinkUsed:
    case ErrorCodes.AlreadyVerified:
    case ErrorCodes.EmailAlreadyVerified:
      return keys.used;
    case ErrorCodes.VerificationLinkExpired:
      return keys.expired;
    default:
      return undefined;
  }
}

/** A link as `<lr-email-link>` reads it: attributes win over the page URL's `vtype` / `vtoken` (and `email`). */
export interface Link {
  vtype: string;
  vtoken: string;
  /** The flow, undefined for an unknown `vtype`. */
  type: LinkType | undefined;
  /** The page URL's `email` parameter ('' without one). */
  email: string;
}

/**
 * Reads the link; when it came from the page URL and `scrub` is set, removes `vtype` and `vtoken` from the address
 * bar (the token is single-use and must not linger in history or referrers).
 */
export function readLink(vtypeAttr: string, vtokenAttr: string, scrub: boolean): Link {
  let query: URLSearchParams | undefined;
  try {
    query = new URLSearchParams(globalThis.location?.search ?? '');
  } catch {
    query = undefined;
  }
  const vtype = (vtypeAttr || query?.get('vtype') || '').trim();
  const vtoken = (vtokenAttr || query?.get('vtoken') || '').trim();
  if (!vtypeAttr && !vtokenAttr && vtoken && scrub) scrubUrl();
  return {vtype, vtoken, type: TYPES[vtype.toLowerCase()], email: query?.get('email') ?? ''};
}

function scrubUrl(): void {
  try {
    const url = new URL(location.href);
    if (!url.searchParams.has('vtoken') && !url.searchParams.has('vtype')) return;
    url.searchParams.delete('vtoken');
    url.searchParams.delete('vtype');
    history.replaceState(history.state, '', url.href);
  } catch {
    // Sandboxed or opaque origins: leave the URL alone.
  }
}
