/** Calls on the signed-in user's account (`<lr-profile-editor>`): profile update, password change, linked identities, deletion request. */
import type { Config } from './config.js';
import { call, type CallOptions, type Posted, type Profile } from './request.js';

/** Change the password of the signed-in user. 967 when the current password is wrong. */
export const changePassword = (cfg: Config, token: string, oldpassword: string, newpassword: string, o: CallOptions = {}) =>
  call<Posted>(cfg, 'PUT', 'password/change', { ...o, token, body: { oldpassword, newpassword }, need: ['IsPosted'] });

/** A1: update profile fields; resolves to the updated profile. */
export const updateProfile = (
  cfg: Config,
  token: string,
  changes: Record<string, unknown>,
  o: CallOptions & { verificationUrl?: string } = {},
) =>
  call<{ IsPosted: boolean; Data: Profile }>(cfg, 'PUT', 'account', {
    ...o,
    token,
    query: { verificationurl: o.verificationUrl },
    body: changes,
    need: ['Data'],
  }).then((b) => b.Data);

/** A15: the social identity profile of the token's user. */
export const socialIdentity = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<Profile>(cfg, 'GET', 'socialidentity', { ...o, token, retry: true, need: [] });

/** A16: ask for account deletion; the email link (`deleteurl`) carries the delete token. */
export const deleteAccount = (cfg: Config, token: string, deleteUrl: string, o: CallOptions = {}) =>
  call<{ IsDeleteRequestAccepted: boolean }>(cfg, 'DELETE', 'account', {
    ...o,
    token,
    query: { deleteurl: deleteUrl },
    need: ['IsDeleteRequestAccepted'],
  });
