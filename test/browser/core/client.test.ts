/**
 * The Auth API client against the real emulator: endpoints, error mapping, retries, timeouts, and where
 * the access token travels. Failures come from the emulator's fault controls, never from fetch stubs.
 */
import { expect } from '@open-wc/testing';
import * as api from '../../../src/core/client.js';
import { LrError } from '../../../src/core/errors.js';
import { ErrorCodes } from '../../../src/core/codes.js';
import { admin, cfg, createAccount, emu, failure, PASSWORD, resetAll, uniqueEmail } from '../helpers/index.js';

const { auth } = emu;
const LINK = `${location.origin}/landing`;


describe('core client', () => {
  beforeEach(() => resetAll());

  describe('login (A4)', () => {
    it('returns the token and profile', async () => {
      const a = await createAccount({ FirstName: 'Ada' });
      const r = await api.login(cfg(), a.email, a.password);
      expect(r.access_token).to.be.a('string').and.not.empty;
      expect(r.Profile.Uid).to.equal(a.Uid);
      expect(r.Profile.FirstName).to.equal('Ada');
      const [req] = await emu.requests('POST', auth('login'));
      expect(req!.Url).to.contain(`apikey=${encodeURIComponent(cfg().apiKey)}`);
    });

    it('maps 966 (wrong password) to an api error without echoing the password', async () => {
      const a = await createAccount();
      const e = await failure(api.login(cfg(), a.email, 'not the password at all'));
      expect(e.kind).to.equal('api');
      expect(e.code).to.equal(ErrorCodes.InvalidCredentials);
      expect(e.status).to.equal(401);
      expect(e.message).to.be.a('string').and.not.contain('not the password');
    });

    it('maps 970 (email not verified)', async () => {
      const a = await createAccount({ verified: false });
      const e = await failure(api.login(cfg(), a.email, a.password));
      expect([e.kind, e.code]).to.deep.equal(['api', ErrorCodes.EmailNotVerified]);
    });

    it('treats any body with an ErrorCode as an error, even with HTTP 200', async () => {
      await emu.setFaults({ path: auth('login'), status: 200, body: { ErrorCode: 966, Description: 'Invalid user ID and/or password' } });
      const e = await failure(api.login(cfg(), 'a@example.test', PASSWORD));
      expect([e.kind, e.code, e.status]).to.deep.equal(['api', 966, 200]);
      expect(e.message).to.equal('Invalid user ID and/or password');
    });

    it('keeps 1134 field errors', async () => {
      await emu.setFaults({
        path: auth('login'),
        status: 403,
        body: { ErrorCode: 1134, Description: 'Validation failed', Errors: [{ FieldName: 'password', ErrorMessage: 'Too short' }] },
      });
      const e = await failure(api.login(cfg(), 'a@example.test', 'x'));
      expect(e.code).to.equal(ErrorCodes.ValidationFailed);
      expect(e.fieldErrors).to.deep.equal([{ field: 'password', message: 'Too short' }]);
    });
  });

  describe('error mapping', () => {
    it('429 with Retry-After seconds → rate-limited with retryAfter', async () => {
      await emu.setFaults({ path: auth('login'), status: 429, retryAfter: 7 });
      const e = await failure(api.login(cfg(), 'a@example.test', PASSWORD));
      expect([e.kind, e.status, e.retryAfter]).to.deep.equal(['rate-limited', 429, 7]);
    });

    it('429 with an HTTP-date Retry-After', async () => {
      const at = new Date(Date.now() + 20_000).toUTCString();
      await emu.setFaults({ path: auth('login'), status: 429, retryAfter: at, body: 'html' });
      const e = await failure(api.login(cfg(), 'a@example.test', PASSWORD));
      expect(e.kind).to.equal('rate-limited');
      expect(e.retryAfter).to.be.within(15, 21);
    });

    it('429 without (or with an invalid) Retry-After → 30 s', async () => {
      await emu.setFaults({ path: auth('login'), status: 429, body: 'garbage', times: 1 }, { path: auth('login'), status: 429, retryAfter: 'soon' });
      expect((await failure(api.login(cfg(), 'a@example.test', PASSWORD))).retryAfter).to.equal(30);
      expect((await failure(api.login(cfg(), 'a@example.test', PASSWORD))).retryAfter).to.equal(30);
    });

    it('500 with an HTML body → server, no HTML in the message', async () => {
      await emu.setFaults({ path: auth('login'), status: 500, body: 'html' });
      const e = await failure(api.login(cfg(), 'a@example.test', PASSWORD));
      expect([e.kind, e.status]).to.deep.equal(['server', 500]);
      expect(e.message).not.to.contain('<');
    });

    it('500 with a LoginRadius error body → server with the code', async () => {
      await emu.setFaults({ path: auth('login'), status: 500 });
      const e = await failure(api.login(cfg(), 'a@example.test', PASSWORD));
      expect([e.kind, e.status, e.code]).to.deep.equal(['server', 500, 950]);
    });

    it('garbage, truncated JSON, {} and [] success bodies → server', async () => {
      for (const body of ['garbage', 'malformed', 'empty', [], { Profile: { Uid: 'x' } }]) {
        await emu.setFaults({ path: auth('login'), status: 200, body });
        const e = await failure(api.login(cfg(), 'a@example.test', PASSWORD));
        expect([e.kind, e.status], JSON.stringify(body)).to.deep.equal(['server', 200]);
      }
    });

    it('a 4xx without a LoginRadius body → server', async () => {
      await emu.setFaults({ path: auth('email'), status: 404, body: 'html' });
      const e = await failure(api.checkEmail(cfg(), 'a@example.test'));
      expect([e.kind, e.status]).to.deep.equal(['server', 404]);
    });

    it('a dropped connection → network', async () => {
      await emu.setFaults({ path: auth('login'), drop: true });
      const e = await failure(api.login(cfg(), 'a@example.test', PASSWORD));
      expect(e.kind).to.equal('network');
      expect(e.status).to.equal(undefined);
    });

    it('an unreachable API base → network', async () => {
      const e = await failure(api.checkEmail({ ...cfg(), apiBase: 'http://127.0.0.1:9' }, 'a@example.test'));
      expect(e.kind).to.equal('network');
    });

    it('a slow answer → timeout at the configured timeout; an idempotent GET tries once more, then gives up', async () => {
      const a = await createAccount();
      const { access_token } = await admin.accessToken(a.Uid);
      await emu.setFaults({ path: auth('access_token/validate'), delayMs: 2000 });
      const t0 = performance.now();
      const e = await failure(api.validateToken(cfg(300), access_token));
      expect(e.kind).to.equal('timeout');
      // Two attempts of 300 ms and one backoff (at most 375 ms), far from the 2 s the server takes.
      expect(performance.now() - t0).to.be.below(1800);
      expect(await emu.requests('GET', auth('access_token/validate'))).to.have.length(2);
    });

    it('a slow answer to a POST → timeout, never retried', async () => {
      await emu.setFaults({ path: auth('login'), delayMs: 2000 });
      const e = await failure(api.login(cfg(300), 'slow@example.test', 'whatever password'));
      expect(e.kind).to.equal('timeout');
      expect(await emu.requests('POST', auth('login'))).to.have.length(1);
    });

    it('the caller’s AbortSignal cancels with an AbortError, not an LrError', async () => {
      await emu.setFaults({ path: auth('email'), delayMs: 2000 });
      const ctl = new AbortController();
      const p = api.checkEmail(cfg(), 'a@example.test', { signal: ctl.signal });
      setTimeout(() => ctl.abort(), 50);
      const e = await p.then(() => null, (x) => x);
      expect(e).not.to.be.instanceOf(LrError);
      expect(e.name).to.equal('AbortError');
    });
  });

  describe('retries', () => {
    it('retries an idempotent GET after a 503 and succeeds', async () => {
      const a = await createAccount();
      const { access_token } = await admin.accessToken(a.Uid);
      await emu.setFaults({ path: auth('access_token/validate'), status: 503, body: 'html', times: 1 });
      const info = await api.validateToken(cfg(), access_token);
      expect(info.access_token).to.equal(access_token);
      expect(await emu.requests('GET', auth('access_token/validate'))).to.have.length(2);
    });

    it('retries a GET after a dropped connection', async () => {
      await emu.setFaults({ path: auth('email'), drop: true, times: 2 });
      expect(await api.checkEmail(cfg(), 'nobody@example.test')).to.equal(false);
      expect(await emu.requests('GET', auth('email'))).to.have.length(3);
    });

    it('gives up after 3 retries', async () => {
      await emu.setFaults({ path: auth('email'), status: 502 });
      const e = await failure(api.checkEmail(cfg(), 'a@example.test'));
      expect([e.kind, e.status]).to.deep.equal(['server', 502]);
      expect(await emu.requests('GET', auth('email'))).to.have.length(4);
    });

    it('does not retry a GET on 500 or on an api error', async () => {
      await emu.setFaults({ path: auth('email'), status: 500 });
      await failure(api.checkEmail(cfg(), 'a@example.test'));
      expect(await emu.requests('GET', auth('email'))).to.have.length(1);
      await emu.clearRequests();
      await emu.clearFaults();
      await failure(api.validateToken(cfg(), 'no-such-token'));
      expect(await emu.requests('GET', auth('access_token/validate'))).to.have.length(1);
    });

    it('never retries the login POST after a 503', async () => {
      const a = await createAccount();
      await emu.setFaults({ path: auth('login'), status: 503, body: 'html', times: 1 });
      expect((await failure(api.login(cfg(), a.email, a.password))).kind).to.equal('server');
      expect(await emu.requests('POST', auth('login'))).to.have.length(1);
      // The fault was used up by exactly one request: the next login goes through.
      expect((await api.login(cfg(), a.email, a.password)).access_token).to.be.a('string');
    });

    it('never retries the login POST after a dropped connection', async () => {
      // Browsers may transparently re-send a request once or twice when a reused keep-alive socket dies
      // before the answer (invisible to the page). Three drops cover that: a retry by the client would
      // get through.
      const a = await createAccount();
      await emu.setFaults({ path: auth('login'), drop: true, times: 3 });
      expect((await failure(api.login(cfg(), a.email, a.password))).kind).to.equal('network');
      expect((await emu.requests('POST', auth('login'))).length).to.be.within(1, 3);
    });
  });

  describe('access token transport', () => {
    it('sends the token only in Authorization: Bearer, never in the URL', async () => {
      await emu.setConfig({ rejectQueryTokens: true });
      const a = await createAccount();
      const { access_token: token } = await api.login(cfg(), a.email, a.password);
      await emu.clearRequests();
      await api.validateToken(cfg(), token);
      await api.tokenInfo(cfg(), token);
      await api.readProfile(cfg(), token);
      await api.socialIdentity(cfg(), token);
      await api.updateProfile(cfg(), token, { FirstName: 'B' });
      await api.changePassword(cfg(), token, a.password, 'an even better passphrase 2');
      await api.addEmail(cfg(), token, uniqueEmail('second'), { verificationUrl: LINK });
      await api.deleteAccount(cfg(), token, LINK);
      await api.invalidateToken(cfg(), token);
      const reqs = await emu.requests();
      expect(reqs).to.have.length(9);
      for (const r of reqs) {
        expect(r.Authorization, r.Url).to.equal(true);
        expect(r.Url).not.to.contain(token);
        expect(r.Url.toLowerCase()).not.to.contain('access_token=');
      }
      // The page's own view of the URLs it fetched agrees.
      const urls = performance.getEntriesByType('resource').map((e) => e.name);
      expect(urls.some((u) => u.includes('/access_token/validate'))).to.equal(true);
      expect(urls.filter((u) => u.includes(token))).to.deep.equal([]);
    });

    it('keeps the token out of error messages', async () => {
      const token = 'tok-' + crypto.randomUUID();
      await emu.setFaults({ path: auth('account'), status: 403, body: { ErrorCode: 905, Description: `Access token ${token} is invalid` } });
      const e = await failure(api.readProfile(cfg(), token));
      expect(e.code).to.equal(ErrorCodes.TokenInvalid);
      expect(e.message).not.to.contain(token);
    });
  });

  describe('endpoints', () => {
    it('register with a SOTT (A6): required flow returns no token; missing/bad SOTT → 1048/1049', async () => {
      const email = uniqueEmail('reg');
      const data = { Email: [{ Type: 'Primary', Value: email }], Password: PASSWORD, FirstName: 'Reg' };
      expect((await failure(api.register(cfg(), data, ''))).code).to.equal(ErrorCodes.SottMissing);
      expect((await failure(api.register(cfg(), data, 'not-a-sott'))).code).to.equal(ErrorCodes.SottInvalid);
      const r = await api.register(cfg(), data, await admin.sott(), { verificationUrl: LINK });
      expect(r).to.deep.equal({ IsPosted: true, Data: null });
      const [req] = await emu.requests('POST', auth('register')).then((l) => l.slice(-1));
      expect(req!.Url).not.to.contain('sott');
      const mail = await emu.lastMail(email, 'verification');
      expect(mail.Link).to.contain(`${LINK}?`);
      expect((await failure(api.register(cfg(), data, await admin.sott()))).code).to.equal(ErrorCodes.EmailExists);
    });

    it('register with a SOTT under the optional flow returns a login', async () => {
      await emu.setConfig({ verificationFlow: 'optional' });
      const email = uniqueEmail('opt');
      const r = await api.register(cfg(), { Email: [{ Type: 'Primary', Value: email }], Password: PASSWORD }, await admin.sott(), {
        verificationUrl: LINK,
      });
      expect(r.Data!.access_token).to.be.a('string');
      expect(r.Data!.Profile.EmailVerified).to.equal(false);
    });

    it('register by captcha (A7)', async () => {
      await emu.setConfig({ verificationFlow: 'disabled' });
      const data = { Email: [{ Type: 'Primary', Value: uniqueEmail('cap') }], Password: PASSWORD };
      expect((await failure(api.registerWithCaptcha(cfg(), data, 'wrong'))).code).to.equal(ErrorCodes.CaptchaInvalid);
      const { captchaTestToken } = await emu.getConfig();
      const r = await api.registerWithCaptcha(cfg(), data, captchaTestToken);
      expect(r.Data!.Profile.Email![0]!.Value).to.equal(data.Email[0]!.Value);
    });

    it('verify email (A14) from the link token, then 974 when used again; resend (A2) → 1025 once verified', async () => {
      const a = await createAccount({ verified: false });
      await api.resendVerification(cfg(), a.email, { verificationUrl: LINK });
      const { Token } = await emu.lastMail(a.email, 'verification');
      const r = await api.verifyEmail(cfg(), Token!);
      expect(r.IsPosted).to.equal(true);
      expect(r.Data!.access_token).to.be.a('string'); // loginOnEmailVerification is on by default
      expect((await failure(api.verifyEmail(cfg(), Token!))).code).to.equal(ErrorCodes.VerificationLinkUsed);
      expect((await failure(api.verifyEmail(cfg(), 'nope'))).code).to.equal(ErrorCodes.VerificationLinkInvalid);
      expect((await failure(api.resendVerification(cfg(), a.email, { verificationUrl: LINK }))).code).to.equal(
        ErrorCodes.AlreadyVerified,
      );
    });

    it('check email availability (A13)', async () => {
      const a = await createAccount();
      expect(await api.checkEmail(cfg(), a.email)).to.equal(true);
      expect(await api.checkEmail(cfg(), uniqueEmail('free'))).to.equal(false);
    });

    it('forgot (A5) and reset password by token', async () => {
      const a = await createAccount();
      await api.forgotPassword(cfg(), a.email, LINK);
      await api.forgotPassword(cfg(), uniqueEmail('ghost'), LINK); // same answer for unknown addresses
      const { Token, Link } = await emu.lastMail(a.email, 'reset');
      expect(Link).to.contain('vtype=reset');
      await api.resetPassword(cfg(), Token!, 'a brand new passphrase');
      expect((await api.login(cfg(), a.email, 'a brand new passphrase')).access_token).to.be.a('string');
    });

    it('change password: 967 for a wrong current password', async () => {
      const a = await createAccount();
      const { access_token } = await admin.accessToken(a.Uid);
      expect((await failure(api.changePassword(cfg(), access_token, 'wrong current pw', 'new passphrase here'))).code).to.equal(
        ErrorCodes.WrongCurrentPassword,
      );
      await api.changePassword(cfg(), access_token, a.password, 'new passphrase here');
      await api.login(cfg(), a.email, 'new passphrase here');
    });

    it('profile read (A11) and update (A1)', async () => {
      const a = await createAccount({ FirstName: 'Old' });
      const { access_token } = await admin.accessToken(a.Uid);
      expect((await api.readProfile(cfg(), access_token)).FirstName).to.equal('Old');
      const p = await api.updateProfile(cfg(), access_token, { FirstName: 'New' });
      expect(p.FirstName).to.equal('New');
      expect((await api.readProfile(cfg(), access_token)).FirstName).to.equal('New');
    });

    it('add (A3) and remove (A17) emails; removing the last one → 1005', async () => {
      const a = await createAccount();
      const { access_token } = await admin.accessToken(a.Uid);
      const second = uniqueEmail('second');
      await api.addEmail(cfg(), access_token, second, { verificationUrl: LINK });
      expect((await api.readProfile(cfg(), access_token)).Email!.map((e) => e.Value)).to.include(second);
      expect((await api.removeEmail(cfg(), access_token, second)).IsDeleted).to.equal(true);
      expect((await failure(api.removeEmail(cfg(), access_token, a.email))).code).to.equal(ErrorCodes.LastEmail);
    });

    it('token info (A10), social identity (A15), invalidate (A9) → then 905', async () => {
      const a = await createAccount();
      const { access_token } = await admin.accessToken(a.Uid);
      expect((await api.tokenInfo(cfg(), access_token)).access_token).to.equal(access_token);
      expect((await api.socialIdentity(cfg(), access_token)).Uid).to.equal(a.Uid);
      expect((await api.invalidateToken(cfg(), access_token)).IsPosted).to.equal(true);
      const e = await failure(api.validateToken(cfg(), access_token));
      expect([e.kind, e.code]).to.deep.equal(['api', ErrorCodes.TokenInvalid]);
    });

    it('an expired token → 906', async () => {
      const a = await createAccount();
      const { access_token } = await admin.accessToken(a.Uid);
      await emu.setConfig({ clockOffsetSeconds: 3600 });
      expect((await failure(api.readProfile(cfg(), access_token))).code).to.equal(ErrorCodes.TokenExpired);
    });

    it('delete account with email confirmation (A16) and delete token (A12); bad token → 1119', async () => {
      const a = await createAccount();
      const { access_token } = await admin.accessToken(a.Uid);
      expect((await api.deleteAccount(cfg(), access_token, LINK)).IsDeleteRequestAccepted).to.equal(true);
      const { Token, Link } = await emu.lastMail(a.email, 'delete');
      expect(Link).to.contain('vtype=deleteuser');
      expect((await failure(api.deleteAccountWithToken(cfg(), 'bogus'))).code).to.equal(ErrorCodes.DeleteTokenInvalid);
      await api.deleteAccountWithToken(cfg(), Token!);
      expect(await admin.getAccount(a.email)).to.equal(null);
    });
  });
});
