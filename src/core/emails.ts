/** The signed-in user's email addresses (`<lr-email-manager>`): add a secondary one, remove one. */
import type { Config } from './config.js';
import { call, type CallOptions, type Posted } from './request.js';

/** A3: add a secondary email (a verification email is sent). */
export const addEmail = (cfg: Config, token: string, email: string, o: CallOptions & { verificationUrl?: string } = {}) =>
  call<Posted>(cfg, 'POST', 'email', {
    ...o,
    token,
    query: { verificationurl: o.verificationUrl },
    body: { email, type: 'Secondary' },
    need: ['IsPosted'],
  });

/** A17: remove an email (JSON body on DELETE). 1005 when it is the last one. */
export const removeEmail = (cfg: Config, token: string, email: string, o: CallOptions = {}) =>
  call<{ IsDeleted: boolean }>(cfg, 'DELETE', 'email', { ...o, token, body: { email }, need: ['IsDeleted'] });
