import {html, type TemplateResult} from 'lit';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {emit} from '../../core/events.js';
import {primaryEmailOf} from '../../core/profile.js';
import {section, type SectionContext} from './section.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

type Step = 'idle' | 'confirm' | 'sent';
const SLOT = 'delete';

/**
 * Delete account in three steps: an intro with "Delete my account", a confirmation naming the address, and the
 * "check your email" step once the deletion email was sent (the account is deleted when its link is opened).
 * Focus moves to each new step.
 */
export class DeleteAccountSection {
  readonly #c: SectionContext;
  #step: Step = 'idle';

  constructor(c: SectionContext) {
    this.#c = c;
  }

  /** Back to the intro (a pending confirmation is dropped; "sent" is kept unless `all`). */
  reset(all = true): void {
    if (all || this.#step === 'confirm') this.#step = 'idle';
  }

  render(p: Profile): TemplateResult {
    const {act, msg, uid} = this.#c;
    const email = primaryEmailOf(p);
    let body: TemplateResult;
    if (this.#step === 'sent') {
      body = html`<p class="lr-notice lr-profile__delete-sent" tabindex="-1">${msg('profile.delete.sent', {email})}</p>`;
    } else if (this.#step === 'confirm') {
      body = html`<p class="lr-notice lr-profile__delete-confirm" tabindex="-1" id=${uid('delete-confirm')}>
          ${msg('profile.delete.confirm', {email})}
        </p>
        <div class="lr-form__actions">
          <button
            type="button"
            class="lr-form__submit lr-button--danger lr-profile__delete-send"
            aria-describedby=${uid('delete-confirm')}
            ?disabled=${act.blocked}
            @click=${this.#onSend}
          >
            ${msg('profile.delete.send')}
          </button>
          <button type="button" class="lr-button lr-profile__delete-cancel" @click=${() => this.#go('idle', '.lr-profile__delete-start')}>
            ${msg('profile.delete.cancel')}
          </button>
          ${act.message(SLOT)}
        </div>`;
    } else {
      body = html`<p class="lr-notice">${msg('profile.delete.intro')}</p>
        <div class="lr-form__actions">
          <button
            type="button"
            class="lr-button lr-button--danger-quiet lr-profile__delete-start"
            @click=${() => this.#go('confirm', '.lr-profile__delete-confirm')}
          >
            ${msg('profile.delete.start')}
          </button>
        </div>`;
    }
    return section(this.#c, 'delete', 'profile.delete.title', body);
  }

  #go(step: Step, focus: string): void {
    this.#step = step;
    this.#c.act.clear(SLOT);
    this.#c.host.requestUpdate();
    void this.#c.act.focus(focus);
  }

  readonly #onSend = async (): Promise<void> => {
    const {act, host} = this.#c;
    const session = this.#c.session();
    const email = primaryEmailOf(this.#c.profile());
    if (!session || act.running === SLOT) return;
    const r = await act.run(() => session.withToken((t) => api.deleteAccount(session.config, t, host.deleteUrl)), {
      slot: SLOT,
      progress: 'profile.delete.busy',
    });
    if (!r.ok) return;
    this.#go('sent', '.lr-profile__delete-sent');
    act.notify('profile.delete.sent', {email}, {slot: SLOT, shown: true});
    emit(host, 'lr-account-deletion-requested', null);
  };
}
