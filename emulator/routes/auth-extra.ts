/**
 * Auth API endpoints around usernames, security questions and the welcome email: username availability and set,
 * the security questions of an account, reset password by security answer, send welcome email.
 */
import type { Emu, Req, RouteDef } from '../context.js';
import { fail, invalid } from '../errors.js';
import { answersMatch } from '../lockout.js';
import type { User } from '../store.js';
import { checkPassword, emailFromQuery, type Json } from '../validate.js';
import {
  SECURITY_QUESTIONS, answeredQuestions, checkUserNameFree, primaryEmail, touch, userNameFrom,
} from './common.js';

const A = '/identity/v2/auth';

export function authExtraRoutes(emu: Emu): RouteDef[] {
  const { store } = emu;

  /** `GET /auth/username?username=` → `{IsExist}`. */
  function userNameAvailable(req: Req): Json {
    const name = req.q('username');
    if (!name) fail(908, 'The username is a required parameter.');
    return { IsExist: !!store.userByUserName(name) };
  }

  /** `PUT /auth/username` (token) `{username}` → `{IsPosted: true}`; 1075 missing, 1134 invalid, 1017 taken. */
  function setUserName(req: Req): Json {
    const user = req.user();
    const name = userNameFrom(req.body, 'username');
    if (name === undefined) fail(1075);
    checkUserNameFree(emu, name, user.Uid);
    user.UserName = name;
    store.put(user);
    touch(emu, user);
    return { IsPosted: true };
  }

  /** The account a security-question call names: 1023 / 1022 / 1043 when there is none. */
  function accountBy(kind: 'email' | 'username' | 'phone', value: string | undefined): User {
    if (!value) fail(908, `The ${kind} is a required parameter.`);
    const user = kind === 'email' ? store.userByEmail(emailFromQuery(value)) : kind === 'username' ? store.userByUserName(value) : store.userByPhone(value);
    if (!user) fail(kind === 'email' ? 1023 : kind === 'username' ? 1022 : 1043);
    return user;
  }

  const questionsBy = (kind: 'email' | 'username' | 'phone') => (req: Req): Json => answeredQuestions(accountBy(kind, req.q(kind)));

  /**
   * `PUT /auth/password/securityanswer` `{securityanswer: {QuestionId: answer}, email | username | phone, password}`:
   * 1141 no identifier, 938 unknown account, 1092 no answers saved, 1091 unknown question, 1094 wrong answer.
   */
  async function resetBySecurityAnswer(req: Req): Promise<Json> {
    const email = req.body.str('email', 'email'), userName = req.body.str('username', 'username'), phone = req.body.str('phone', 'phone');
    if (!email && !userName && !phone) fail(1141);
    const given = req.body.raw('securityanswer');
    if (!given || typeof given !== 'object' || Array.isArray(given) || !Object.keys(given).length) {
      invalid(['securityanswer', 'The securityanswer field is required.']);
    }
    const password = checkPassword(req.body.raw('password'), emu.config.passwordPolicy, 'password', emu.isCommonPassword);
    const user = email ? store.userByEmail(email) : userName ? store.userByUserName(userName) : store.userByPhone(phone!);
    if (!user) fail(938);
    if (!Object.keys(user.securityAnswers).length) fail(1092);
    if (Object.keys(given).some((qid) => !SECURITY_QUESTIONS.some((q) => q.QuestionId === qid))) fail(1091);
    if (!answersMatch(user, given as Record<string, unknown>)) fail(1094);
    user.passwordHash = await emu.hash(password);
    user.LastPasswordChangeDate = new Date(emu.now()).toISOString();
    // As a reset by token: every session ends and every outstanding reset link dies.
    store.revokeTokens(user.Uid);
    store.consumeAll('reset', user.Uid, emu.now());
    touch(emu, user);
    return { IsPosted: true };
  }

  /** `GET /auth/account/sendwelcomeemail` (token) → `{IsPosted: true}`; the welcome email goes to the Primary. */
  function sendWelcomeEmail(req: Req): Json {
    const user = req.user();
    emu.send('welcome', primaryEmail(user).Value, 'Welcome', null, null);
    return { IsPosted: true };
  }

  return [
    { method: 'GET', path: `${A}/username`, kind: 'auth', group: 'availability', handler: userNameAvailable },
    { method: 'PUT', path: `${A}/username`, kind: 'auth', handler: setUserName },
    { method: 'GET', path: `${A}/securityquestion/email`, kind: 'auth', group: 'availability', handler: questionsBy('email') },
    { method: 'GET', path: `${A}/securityquestion/username`, kind: 'auth', group: 'availability', handler: questionsBy('username') },
    { method: 'GET', path: `${A}/securityquestion/phone`, kind: 'auth', group: 'availability', handler: questionsBy('phone') },
    { method: 'GET', path: `${A}/securityquestion/accesstoken`, kind: 'auth', handler: (req) => answeredQuestions(req.user()) },
    { method: 'PUT', path: `${A}/password/securityanswer`, kind: 'auth', group: 'login', handler: resetBySecurityAnswer },
    { method: 'GET', path: `${A}/account/sendwelcomeemail`, kind: 'auth', handler: sendWelcomeEmail },
  ];
}
