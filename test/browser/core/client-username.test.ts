/**
 * The client's issue-11 calls against the real emulator: login by username and with lock proofs, username
 * availability, security questions (a JSON array answer), and the `Data` of an error answer (1198).
 */
import { expect } from '@open-wc/testing';
import * as api from '../../../src/core/client.js';
import { admin, cfg, createAccount, emu, failure, resetAll } from '../helpers/index.js';

const PET = '7d3a1f0c9b2e4d6a8c5b1e0f3a2d4c6b';


describe('core client: usernames and the lockout', () => {
  beforeEach(() => resetAll());
  afterEach(() => emu.clearFaults());

  it('logs in by username; an email string still logs in by email', async () => {
    const a = await createAccount({ UserName: 'lin_user' });
    expect((await api.login(cfg(), { username: 'lin_user' }, a.password)).Profile.Uid).to.equal(a.Uid);
    expect((await api.login(cfg(), a.email, a.password)).Profile.Uid).to.equal(a.Uid);
    expect((await failure(api.login(cfg(), { username: 'lin_user' }, 'wrong'))).code).to.equal(966);
  });

  it('checks whether a username is taken', async () => {
    await createAccount({ UserName: 'taken_one' });
    expect(await api.checkUserName(cfg(), 'taken_one')).to.equal(true);
    expect(await api.checkUserName(cfg(), 'free_one')).to.equal(false);
  });

  it('lists the security questions of an account (an array), by email or username', async () => {
    const a = await createAccount({ UserName: 'q_user' });
    expect(await api.securityQuestions(cfg(), { email: a.email })).to.deep.equal([]);
    await admin.updateAccount(a.Uid, { securityquestionanswer: { [PET]: 'Rex' } });
    const list = await api.securityQuestions(cfg(), { username: 'q_user' });
    expect(list).to.deep.equal([{ QuestionId: PET, Question: 'What was the name of your first pet?' }]);
    await emu.setFaults({ path: emu.auth('securityquestion/email'), status: 200, body: { IsPosted: true } });
    expect((await failure(api.securityQuestions(cfg(), { email: a.email }))).kind, 'an object is not a list').to.equal('server');
  });

  it('a 1198 carries Data.LoginLockedTimeout; the proofs lift a CAPTCHA and a question lock', async () => {
    await emu.setConfig({ lockout: { threshold: 1, type: 'suspend', suspendSeconds: 120 } });
    const a = await createAccount();
    await failure(api.login(cfg(), a.email, 'wrong'));
    const e = await failure(api.login(cfg(), a.email, a.password));
    expect([e.status, e.code]).to.deep.equal([403, 1198]);
    const until = Date.parse(String(e.data?.['LoginLockedTimeout']));
    expect(until - Date.now()).to.be.within(100_000, 125_000);

    await emu.setConfig({ lockout: { threshold: 1, type: 'captcha' } });
    const b = await createAccount();
    await failure(api.login(cfg(), b.email, 'wrong'));
    expect((await failure(api.login(cfg(), b.email, b.password))).code).to.equal(1132);
    expect((await failure(api.login(cfg(), b.email, b.password, { captcha: 'nope' }))).code).to.equal(982);
    expect((await api.login(cfg(), b.email, b.password, { captcha: 'emulator-captcha-pass' })).Profile.Uid).to.equal(b.Uid);

    await emu.setConfig({ lockout: { threshold: 1, type: 'securityquestion' } });
    const c = await createAccount();
    await admin.updateAccount(c.Uid, { securityquestionanswer: { [PET]: 'Rex' } });
    await failure(api.login(cfg(), c.email, 'wrong'));
    expect((await failure(api.login(cfg(), c.email, c.password))).code).to.equal(1148);
    expect((await failure(api.login(cfg(), c.email, c.password, { securityAnswer: { [PET]: 'Max' } }))).code).to.equal(1094);
    expect((await api.login(cfg(), c.email, c.password, { securityAnswer: { [PET]: 'rex' } })).Profile.Uid).to.equal(c.Uid);
  });
});
