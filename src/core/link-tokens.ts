/** The calls made with the token of an emailed link (`<lr-email-link>`): verify an email, reset the password, delete the account. */
import type { Config } from './config.js';
import { call, type CallOptions, type Posted, type PostedWithLogin } from './request.js';

/** Set a new password with the token from the reset link. */
export const resetPassword = (cfg: Config, resettoken: string, password: string, o: CallOptions = {}) =>
  call<Posted>(cfg, 'PUT', 'password/reset', { ...o, body: { resettoken, password }, need: ['IsPosted'] });

/** A14: verify an email with the `vtoken` from the link. `Data` holds a login when auto-login is on. */
export const verifyEmail = (cfg: Config, verificationtoken: string, o: CallOptions & { url?: string } = {}) =>
  call<PostedWithLogin>(cfg, 'GET', 'email', { ...o, query: { verificationtoken, url: o.url }, need: ['IsPosted'] });

/** A12: delete the account with the token from the deletion email. 1119 for a bad token. */
export const deleteAccountWithToken = (cfg: Config, deletetoken: string, o: CallOptions = {}) =>
  call<Posted>(cfg, 'GET', 'account/delete', { ...o, query: { deletetoken }, need: ['IsPosted'] });
