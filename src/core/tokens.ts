/** Token calls the session does not make on load: the keep-alive's sliding extension, token info. */
import type { Config } from './config.js';
import { call, type CallOptions, type TokenInfo } from './request.js';

/**
 * T1: extends an active token (the answer may carry the same token or a new one, with its `expires_in`). Not
 * retried here: the keep-alive retries on its own schedule, which shrinks with the time left.
 */
export const slideToken = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<TokenInfo>(cfg, 'GET', 'access_token/sliding_token', { ...o, token, need: ['access_token'] });

/** A10: token info. */
export const tokenInfo = (cfg: Config, token: string, o: CallOptions = {}) =>
  call<TokenInfo & Record<string, unknown>>(cfg, 'GET', 'access_token', { ...o, token, retry: true, need: ['access_token'] });
