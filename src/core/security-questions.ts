/** The security questions that lift a login lock (1148; `<lr-login>`'s lockout step). */
import type { Config } from './config.js';
import { call, type CallOptions, type LoginId } from './request.js';

/** One security question of an account. */
export interface SecurityQuestion {
  QuestionId: string;
  Question: string;
}

/** The security questions an account has answered (`GET /auth/securityquestion/{email|username}`). */
export const securityQuestions = (cfg: Config, id: LoginId, o: CallOptions = {}) => {
  const [kind, value] = 'email' in id ? ['email', id.email] : ['username', id.username];
  return call<SecurityQuestion[]>(cfg, 'GET', `securityquestion/${kind}`, { ...o, query: { [kind]: value }, retry: true, need: [], list: true });
};
