import {html, type TemplateResult} from 'lit';
import type {Config} from '../../core/config.js';
import {emit} from '../../core/events.js';
import {requestPasswordReset} from '../../core/forgot.js';
import type {MessageKey, MessageParams} from '../../i18n/index.js';
import type {ActionController} from '../../internal/controllers/action.js';
import type {FormValidator} from '../../internal/validation.js';
import '../../i18n/en/forgot.js'; // its texts (issue 14: messages per chunk)

/** Shortest time the forgot-password request appears to take, so timing does not tell accounts apart. */
const FORGOT_MIN_MS = 600;

/** What the forgot-password step needs from `<lr-login>` (it renders inside the element, with its actions). */
export interface ForgotContext {
  host: HTMLElement;
  act: ActionController;
  v: FormValidator;
  config(): Config;
  msg(key: MessageKey, params?: MessageParams): string;
  uid(name: string): string;
  /** The page that handles the reset link (`reset-password-url`). */
  resetPasswordUrl(): string;
  /** The address carried between the views (read, or set with a value). */
  draft(value?: string): string;
  /** The email field of the sign-in form, in email mode (`login-id.ts`, passed in so that this chunk imports nothing
   * from the element's own chunk). */
  emailField(o: {id: string; value: string; error: (name: string) => string | undefined}): TemplateResult;
  /** After the request was accepted: show the "sent" view. */
  sent(): void;
  /** Back to the sign-in form. */
  back(): void;
}

/**
 * The forgot-password view of `<lr-login>` and its "sent" confirmation, loaded the first time the user asks
 * (`LazyStep`). "No such account" is answered exactly like success, after at least `FORGOT_MIN_MS`.
 */
export class ForgotStep {
  readonly #c: ForgotContext;

  constructor(c: ForgotContext) {
    this.#c = c;
  }

  render(view: 'forgot' | 'forgot-sent'): TemplateResult {
    const {act, v, msg} = this.#c;
    if (view === 'forgot-sent') {
      return html`
        <div class="lr-panel lr-login__forgot-sent">
          <p class="lr-notice" tabindex="-1">${msg('forgot.sent', {email: this.#c.draft()})}</p>
          <div class="lr-form__actions">
            <button type="button" class="lr-button lr-login__back" @click=${this.#c.back}>${msg('forgot.back')}</button>
          </div>
        </div>
      `;
    }
    return html`
      <form
        class="lr-form lr-login__forgot-form"
        novalidate
        aria-busy=${act.running === 'forgot' ? 'true' : 'false'}
        @submit=${this.#onSubmit}
        @input=${v.onInput}
        @change=${v.onChange}
      >
        <p class="lr-form__intro">${msg('forgot.intro')}</p>
        ${this.#c.emailField({id: this.#c.uid('forgot-email'), value: this.#c.draft(), error: (n) => v.error(n)})}
        <div class="lr-form__actions">
          <button type="submit" class="lr-form__submit" ?disabled=${act.blocked}>${msg('forgot.submit')}</button>
          <button type="button" class="lr-form__link lr-login__back" @click=${this.#c.back}>${msg('forgot.back')}</button>
          ${act.message('forgot')}
        </div>
      </form>
    `;
  }

  readonly #onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const {act, v} = this.#c;
    if (act.blocked) return;
    const form = e.currentTarget as HTMLFormElement;
    if (!v.validate(form)) return;
    const email = form.querySelector<HTMLInputElement>('input[name="email"]')!.value;
    const cfg = this.#c.config();
    if (!cfg.apiKey) return act.fail({key: 'error.config'}, {slot: 'forgot', form});
    this.#c.draft(email);
    // "No such account" is answered exactly like success.
    const request = (signal: AbortSignal) => requestPasswordReset(cfg, email, this.#c.resetPasswordUrl(), {signal});
    const r = await act.run(request, {slot: 'forgot', progress: 'forgot.busy', form, minMs: FORGOT_MIN_MS});
    if (!r.ok) return;
    this.#c.sent();
    // The confirmation is the focused text of the next step; the live region only announces it.
    act.notify('forgot.sent', {email}, {slot: 'forgot-sent', shown: true});
    await act.focus('.lr-login__forgot-sent .lr-notice');
    emit(this.#c.host, 'lr-password-reset-requested', null);
  };
}
