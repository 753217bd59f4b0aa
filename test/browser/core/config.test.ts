import { expect } from '@open-wc/testing';
import { configure, resolveConfig, DEFAULT_API_BASE } from '../../../src/core/config.js';
import { ErrorCodes } from '../../../src/core/codes.js';
import { emit } from '../../../src/core/events.js';
import { env, resetPage } from '../helpers/index.js';

describe('core config, codes and events', () => {
  afterEach(() => resetPage());

  it('defaults to the LoginRadius API with a 15 s timeout', () => {
    configure({ apiKey: '', apiBase: '', timeoutMs: 0 });
    expect(resolveConfig()).to.deep.equal({ apiKey: '', apiBase: DEFAULT_API_BASE, timeoutMs: 15000 });
    expect(DEFAULT_API_BASE).to.equal('https://api.loginradius.com');
  });

  it('lets element attributes win over the page-wide configure()', () => {
    configure({ apiKey: 'page-key', apiBase: 'https://page.example/', timeoutMs: 5000 });
    expect(resolveConfig()).to.deep.equal({ apiKey: 'page-key', apiBase: 'https://page.example', timeoutMs: 5000 });
    expect(resolveConfig({ apiKey: 'el-key', apiBase: 'http://127.0.0.1:1' })).to.deep.equal({
      apiKey: 'el-key',
      apiBase: 'http://127.0.0.1:1',
      timeoutMs: 5000,
    });
    // Empty attributes do not override.
    expect(resolveConfig({ apiKey: '', apiBase: '' }).apiKey).to.equal('page-key');
  });

  it('serves the emulator env without the secret', () => {
    expect(env.apiBase).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.apiKey).to.be.a('string').and.not.empty;
    expect(Object.keys(env).sort()).to.deep.equal(['apiBase', 'apiKey']);
  });

  it('names the LoginRadius error codes', () => {
    expect(ErrorCodes.InvalidCredentials).to.equal(966);
    expect(ErrorCodes.EmailNotVerified).to.equal(970);
    expect(ErrorCodes.TokenInvalid).to.equal(905);
    expect(ErrorCodes.TokenExpired).to.equal(906);
  });

  it('emit() dispatches a bubbling, composed CustomEvent across shadow roots', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    let got: CustomEvent | undefined;
    document.addEventListener('lr-registered', (e) => (got = e), { once: true });
    emit(inner, 'lr-registered', { email: 'a@example.test', verificationRequired: true });
    host.remove();
    expect(got).to.be.instanceOf(CustomEvent);
    expect(got!.bubbles && got!.composed).to.equal(true);
    expect(got!.detail).to.deep.equal({ email: 'a@example.test', verificationRequired: true });
  });
});
