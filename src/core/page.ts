/**
 * The page-wide core API: configuration, errors, events, the session, the profile and SOTT helpers; what the CDN
 * files export. `index.ts` (`lr-elements/core`) adds `api`, the namespace of every Auth API call.
 */
export { configure, resolveConfig, DEFAULT_API_BASE, type Config } from './config.js';
export { ErrorCodes, type ErrorCodeName } from './codes.js';
export { LrError, isApiError, type LrErrorKind, type FieldError } from './errors.js';
export type { Profile, LoginResult, EmailEntry, CallOptions, RegistrationData } from './client.js';
export type { StoredProfile, StorageFailure } from './store.js';
export type { MfaLoginResult, MfaMethod, MfaSettings, SecondFactorChallenge } from './mfa.js';
export { displayName, emailRows, minimalProfile, onlyEmail, primaryEmailOf, unverifiedList, type EmailRow } from './profile.js';
export { fetchSott, fromHost, getSott, HostSourceError, type SottSource } from './sott.js';
export {
  getSession,
  Session,
  type SessionState,
  type ChangeSource,
  type LogoutReason,
  type SessionEventMap,
} from './session.js';
export { emit, type LrEventDetails, type LrEventName, type LrEvent, type LrEventMap } from './events.js';
