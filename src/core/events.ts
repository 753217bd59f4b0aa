import type { LrErrorKind } from './errors.js';
import type { MfaMethod } from './mfa.js';
import type { ChangeSource, LogoutReason, SessionState } from './session.js';
import type { StorageFailure, StoredProfile } from './store.js';

/** Detail of every public `lr-*` DOM event (never a token or a password). */
export interface LrEventDetails {
  'lr-logged-in': { profile: StoredProfile };
  'lr-logged-out': { reason: LogoutReason };
  'lr-session-changed': { state: SessionState; profile?: StoredProfile; source: ChangeSource };
  'lr-session-expired': null;
  'lr-registered': { email: string; verificationRequired: boolean };
  'lr-error': { kind: LrErrorKind; code?: number; message: string };
  'lr-storage-unavailable': { reason: StorageFailure };
  'lr-rate-limited': { retryAfterSeconds: number };
  'lr-profile-updated': { profile: StoredProfile };
  'lr-password-changed': null;
  'lr-email-added': { email: string };
  'lr-email-removed': { email: string };
  'lr-verification-sent': { email: string };
  'lr-email-verified': { email: string };
  'lr-password-reset': null;
  'lr-password-reset-requested': null;
  'lr-account-deletion-requested': null;
  'lr-account-deleted': null;
  // Multi-factor (issue 12): methods and counts only, never a code, secret or token.
  'lr-mfa-required': { methods: MfaMethod[] };
  'lr-mfa-enabled': { method: MfaMethod };
  'lr-mfa-disabled': { method: MfaMethod };
  'lr-backup-codes-created': { count: number };
  /** Issue 13: a passwordless sign-in email was requested (sent when the address has an account). */
  'lr-passwordless-sent': { email: string };
}

export type LrEventName = keyof LrEventDetails;
export type LrEvent<K extends LrEventName> = CustomEvent<LrEventDetails[K]>;
export type LrEventMap = { [K in LrEventName]: LrEvent<K> };

/** Dispatches a public event from `el`: a `CustomEvent` that bubbles and is composed. */
export const emit = <K extends LrEventName>(el: EventTarget, name: K, detail: LrEventDetails[K]): boolean =>
  el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));

declare global {
  interface HTMLElementEventMap extends LrEventMap {}
  interface DocumentEventMap extends LrEventMap {}
  interface WindowEventMap extends LrEventMap {}
}
