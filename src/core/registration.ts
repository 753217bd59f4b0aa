/** Registration calls (`<lr-register>`): the address and username checks, registering with a SOTT or a captcha. */
import type { Config } from './config.js';
import { call, type CallOptions, type EmailEntry, type PostedWithLogin } from './request.js';

/** Registration fields (`Email` as `[{Type:'Primary', Value}]`, `Password`, names, ...). */
export type RegistrationData = { Email: EmailEntry[]; Password: string } & Record<string, unknown>;

/** Is this username taken? (`GET /auth/username`) */
export const checkUserName = (cfg: Config, username: string, o: CallOptions = {}) =>
  call<{ IsExist: boolean }>(cfg, 'GET', 'username', { ...o, query: { username }, retry: true, need: ['IsExist'] }).then(
    (b) => b.IsExist,
  );

/** A6: register with a SOTT (sent in `X-LoginRadius-Sott`). */
export const register = (
  cfg: Config,
  data: RegistrationData,
  sott: string,
  o: CallOptions & { verificationUrl?: string } = {},
) =>
  call<PostedWithLogin>(cfg, 'POST', 'register', {
    ...o,
    query: { verificationurl: o.verificationUrl },
    headers: { 'X-LoginRadius-Sott': sott },
    body: data,
    need: ['IsPosted'],
  });

/** A7: register with a captcha token (`g-recaptcha-response` in the body). */
export const registerWithCaptcha = (
  cfg: Config,
  data: RegistrationData,
  captcha: string,
  o: CallOptions & { verificationUrl?: string } = {},
) =>
  call<PostedWithLogin>(cfg, 'POST', 'register/captcha', {
    ...o,
    query: { verificationurl: o.verificationUrl },
    body: { ...data, 'g-recaptcha-response': captcha },
    need: ['IsPosted'],
  });

/** A13: is this email registered? */
export const checkEmail = (cfg: Config, email: string, o: CallOptions = {}) =>
  call<{ IsExist: boolean }>(cfg, 'GET', 'email', { ...o, query: { email }, retry: true, need: ['IsExist'] }).then(
    (b) => b.IsExist,
  );
