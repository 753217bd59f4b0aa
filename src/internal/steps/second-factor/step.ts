import {html, nothing, type TemplateResult} from 'lit';
import type {LoginResult} from '../../../core/client.js';
import {ErrorCodes} from '../../../core/codes.js';
import * as mfa from '../../../core/mfa.js';
import * as calls from '../../../core/mfa-steps.js';
import type {MessageKey} from '../../../i18n/index.js';
import {copyText} from './clipboard.js';
import {adoptStyles} from '../../adopt-styles.js';
import {CountdownController} from '../../countdown.js';
import {selectField} from '../../templates.js';
import {codeComplete, codeField, focusCode, normalizeCode, type CodeKind} from './code.js';
import {authenticatorSetup} from './setup.js';
import {setupStyles} from './setup.styles.js';
import type {StepContext, StepOutcome} from './types.js';
import '../../../i18n/en/mfa-step.js'; // its texts (issue 14: messages per chunk)
import '../../../i18n/en/mfa.js';

type Method = mfa.MfaMethod | 'setup';

/** Seconds before another email code may be asked for. */
export const RESEND_SECONDS = 30;
const WRONG_CODE: readonly number[] = [ErrorCodes.MfaCodeWrong, ErrorCodes.OtpInvalid, ErrorCodes.BackupCodeWrong, ErrorCodes.BackupCodeInvalid];
const STEP_GONE: readonly number[] = [ErrorCodes.SecondFactorTokenInvalid, ErrorCodes.SecondFactorTokenExpired];

/** The methods an MFA answer offers (first-time setup: the authenticator, and the email code when there is an address). */
export function methodsOf(sfa: mfa.SecondFactorChallenge): mfa.MfaMethod[] {
  const setup = isSetup(sfa);
  const out: mfa.MfaMethod[] = [];
  if (mfa.authenticatorOn(sfa) || (setup && sfa.ManualEntryCode)) out.push('authenticator');
  if (sfa.IsEmailOtpAuthenticatorVerified || (setup && sfa.Email?.length)) out.push('emailotp');
  if (!setup) out.push('backupcode');
  return out;
}

const isSetup = (sfa: mfa.SecondFactorChallenge) => !mfa.authenticatorOn(sfa) && !sfa.IsEmailOtpAuthenticatorVerified;

/**
 * The second step of a sign-in (authenticator code, email code, backup code, or the first-time authenticator setup),
 * rendered by its host element (`render()`) and resolving `done` with the final token answer, or with a restart (the
 * user chose "start again", or the step expired). It shows its messages through the host's `ActionController`. The
 * second-factor token stays in this object: never in the DOM, an event or the console.
 */
export class SecondFactorStep {
  readonly methods: mfa.MfaMethod[];
  readonly done: Promise<StepOutcome>;
  #resolve!: (o: StepOutcome) => void;
  readonly #c: StepContext;
  readonly #sfa: mfa.SecondFactorChallenge;
  readonly #sfat: string;
  readonly #cooldown: CountdownController;
  #method: Method;
  #error: MessageKey | undefined;
  #expired = false;
  #address: string;
  #sentTo = '';

  constructor(c: StepContext, sfa: mfa.SecondFactorChallenge) {
    this.#c = c;
    adoptStyles(c.host, [setupStyles]);
    this.#sfa = sfa;
    this.#sfat = sfa.SecondFactorAuthenticationToken;
    this.methods = methodsOf(sfa);
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    this.#cooldown = new CountdownController(c.host, () => undefined);
    this.#address = sfa.EmailOTPStatus?.Email ?? sfa.Email?.[0] ?? '';
    if (sfa.EmailOTPStatus?.Email) {
      this.#sentTo = sfa.EmailOTPStatus.Email;
      this.#cooldown.start(RESEND_SECONDS);
    }
    this.#method = isSetup(sfa) && sfa.ManualEntryCode ? 'setup' : (this.methods[0] ?? 'backupcode');
  }

  /** Where focus goes when the step appears. */
  get focusTarget(): string {
    return this.#method === 'emailotp' && !this.#sentTo ? '.lr-mfa__send' : '.lr-mfa input[name=code]';
  }

  render(): TemplateResult {
    const {msg} = this.#c;
    if (this.#expired) {
      return html`<div class="lr-panel lr-mfa lr-mfa__expired">
        <p class="lr-notice" tabindex="-1">${msg(this.#c.expiredKey ?? 'mfa.expired')}</p>
        <div class="lr-form__actions">
          <button type="button" class="lr-form__submit lr-mfa__restart" @click=${() => this.#end(true)}>${msg('mfa.restart')}</button>
        </div>
      </div>`;
    }
    const m = this.#method;
    const waiting = m === 'emailotp' && !this.#sentTo;
    const act = this.#c.act;
    return html`<form class="lr-form lr-mfa" novalidate aria-busy=${act.running === 'mfa' ? 'true' : 'false'} @submit=${this.#onSubmit}
      @input=${this.#onInput}>
      <p class="lr-form__intro lr-mfa__intro">${msg(INTRO[m])}</p>
      ${m === 'setup' ? this.#setup() : nothing}
      ${m === 'emailotp' ? this.#email() : nothing}
      ${waiting ? nothing : codeField({id: this.#c.uid('mfa-code'), kind: this.#kind(), label: msg(LABEL[m]), error: this.#error ? msg(this.#error) : undefined})}
      <div class="lr-form__actions">
        ${waiting ? nothing : html`<button type="submit" class="lr-form__submit lr-mfa__submit" ?disabled=${act.blocked}>${msg('mfa.submit')}</button>`}
        ${act.message('mfa')}
      </div>
      <div class="lr-mfa__others">
        ${this.methods.filter((o) => o !== (m === 'setup' ? 'authenticator' : m)).map(
          (o) => html`<button type="button" class="lr-form__link lr-mfa__use-${o}" @click=${() => this.#switch(o)}>${msg(USE[o])}</button>`,
        )}
        <button type="button" class="lr-form__link lr-mfa__restart" @click=${() => this.#end(false)}>${msg('mfa.restart')}</button>
      </div>
    </form>`;
  }

  #setup(): TemplateResult {
    const {msg} = this.#c;
    return authenticatorSetup({
      key: this.#sfa.ManualEntryCode ?? '',
      account: this.#c.account,
      issuer: this.#c.issuer ?? (location.hostname || 'lr-elements'),
      texts: {qr: msg('mfa.qr.label'), key: msg('mfa.key.label'), copy: msg('mfa.key.copy'), open: msg('mfa.openApp')},
      onCopy: (key) => void this.#copy(key),
    });
  }

  #email(): TemplateResult {
    const {msg, act} = this.#c;
    const list = this.#sfa.Email ?? [];
    const resendIn = this.#cooldown.active ? this.#cooldown.remaining : 0;
    return html`${this.#sentTo
        ? html`<p class="lr-notice lr-mfa__sent">${msg('mfa.sent', {email: this.#sentTo})}</p>`
        : list.length > 1
          ? html`<div @change=${(e: Event) => (this.#address = (e.target as HTMLSelectElement).value)}>
              ${selectField({id: this.#c.uid('mfa-address'), name: 'address', label: msg('mfa.field.address'), autocomplete: 'off',
                options: list.map((a) => [a, a] as const), value: this.#address})}
            </div>`
          : nothing}
      <div class="lr-form__actions">
        <button type="button" class="${this.#sentTo ? 'lr-form__link lr-mfa__resend' : 'lr-form__submit lr-mfa__send'}" ?disabled=${act.blocked || resendIn > 0}
          @click=${this.#send}>${msg(this.#sentTo ? 'mfa.resend' : 'mfa.send')}</button>
        ${resendIn ? html`<span class="lr-mfa__cooldown">${msg('mfa.resendIn', {count: resendIn})}</span>` : nothing}
      </div>`;
  }

  #kind(): CodeKind {
    return this.#method === 'backupcode' ? 'backup' : 'numeric';
  }

  #switch(to: mfa.MfaMethod): void {
    this.#c.act.clear();
    this.#method = to === 'authenticator' && isSetup(this.#sfa) && this.#sfa.ManualEntryCode ? 'setup' : to;
    this.#error = undefined;
    const input = this.#input();
    if (input) input.value = '';
    this.#c.host.requestUpdate();
    void this.#c.act.focus(this.focusTarget);
  }

  #input(): HTMLInputElement | null {
    return this.#c.host.querySelector<HTMLInputElement>('.lr-mfa input[name=code]');
  }

  readonly #onInput = (e: Event): void => {
    if ((e.target as HTMLInputElement).name === 'code' && this.#error) {
      this.#error = undefined;
      this.#c.host.requestUpdate();
    }
  };

  readonly #onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const {act} = this.#c;
    const input = this.#input();
    if (act.blocked || !input) return;
    const kind = this.#kind();
    const code = normalizeCode(input.value, kind);
    input.value = code;
    if (!codeComplete(code, kind)) return this.#wrong(code ? (kind === 'numeric' ? 'mfa.codeFormat' : 'mfa.backupFormat') : 'mfa.codeRequired');
    const {config} = this.#c;
    const verify = (signal: AbortSignal): Promise<LoginResult> =>
      this.#method === 'backupcode'
        ? calls.loginWithBackupCode(config, this.#sfat, code, {signal})
        : this.#method === 'emailotp'
          ? calls.loginWithEmailCode(config, this.#sfat, this.#sentTo, code, {signal})
          : calls.loginWithAuthenticator(config, this.#sfat, code, {signal});
    const r = await act.run(verify, {slot: 'mfa', progress: 'mfa.busy', form: e.currentTarget as HTMLFormElement, onError: (err) => this.#onError(err.code)});
    if (r.ok) this.#finish({kind: 'signed-in', login: r.value});
  };

  readonly #send = async (): Promise<void> => {
    const {act, config} = this.#c;
    const email = this.#address;
    if (act.blocked || !email || this.#cooldown.active) return;
    const r = await act.run((signal) => calls.sendLoginCode(config, this.#sfat, email, {signal}), {
      slot: 'mfa',
      progress: 'mfa.sending',
      onError: (err) => this.#onError(err.code),
    });
    if (!r.ok) return;
    this.#sentTo = email;
    this.#cooldown.start(RESEND_SECONDS);
    act.notify('mfa.sent', {email}, {slot: 'mfa', tone: 'info', shown: true});
    await act.focus('.lr-mfa input[name=code]');
  };

  /** Wrong code: the text at the field, the code kept and selected; an ended step: the "start again" notice. */
  #onError(code: number | undefined): {key: MessageKey; shown: true} | void {
    if (code === undefined) return;
    if (STEP_GONE.includes(code)) {
      this.#expired = true;
      void this.#c.act.focus('.lr-mfa__expired .lr-notice');
      return {key: this.#c.expiredKey ?? 'mfa.expired', shown: true};
    }
    if (WRONG_CODE.includes(code)) {
      const key: MessageKey = this.#method === 'backupcode' ? 'mfa.wrongBackup' : 'mfa.wrongCode';
      this.#wrong(key);
      return {key, shown: true};
    }
  }

  #wrong(key: MessageKey): void {
    this.#error = key;
    this.#c.host.requestUpdate();
    void focusCode(this.#c.host);
  }

  async #copy(key: string): Promise<void> {
    const ok = await copyText(key);
    this.#c.act.notify(ok ? 'mfa.copied' : 'mfa.copyFailed', undefined, {slot: 'mfa', tone: ok ? 'success' : 'info'});
  }

  #end(expired: boolean): void {
    this.#finish({kind: 'restart', expired});
  }

  #finish(o: StepOutcome): void {
    this.#cooldown.stop();
    this.#c.host.removeController(this.#cooldown);
    this.#resolve(o);
  }
}

const INTRO = {
  setup: 'mfa.intro.setup',
  authenticator: 'mfa.intro.authenticator',
  emailotp: 'mfa.intro.email',
  backupcode: 'mfa.intro.backup',
} as const;
const LABEL = {setup: 'mfa.field.code', authenticator: 'mfa.field.code', emailotp: 'mfa.field.emailCode', backupcode: 'mfa.field.backupCode'} as const;
const USE = {authenticator: 'mfa.use.authenticator', emailotp: 'mfa.use.email', backupcode: 'mfa.use.backup'} as const;
