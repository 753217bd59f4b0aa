import {html, nothing, type TemplateResult} from 'lit';
import type {EmailRow} from '../../core/profile.js';
import type {MessageKey, MessageParams} from '../../i18n/index.js';
import type {ActionController} from '../../internal/controllers/action.js';
import '../../i18n/en/emails.js'; // its texts (issue 14: messages per chunk)

export interface EmailRowOptions {
  row: EmailRow;
  /** Position in the list (for ids). */
  index: number;
  act: ActionController;
  msg(key: MessageKey, params?: MessageParams): string;
  uid(name: string): string;
  /** The address's message slot. */
  slot: string;
  /** Seconds until its verification link can be sent again (0: now). */
  wait: number;
  /** Its removal waits for confirmation. */
  confirming: boolean;
  /** How many addresses the account has: the only one cannot be removed (the API refuses with 1005). */
  count: number;
  /** The site does not verify addresses: no verification state, no resend. */
  off: boolean;
  onResend(): void;
  onAskRemove(): void;
  onRemove(): void;
  onKeep(): void;
}

/**
 * One address: its type and state (none when the site does not verify), its actions (resend with its cooldown beside
 * it, remove unless it is the only address, or the removal's confirmation), and under them its message (the outcome
 * of its last action, with a 429's countdown).
 */
export function emailRow(o: EmailRowOptions): TemplateResult {
  const {row: r, index, act, msg, uid, slot, off} = o;
  const wait = off ? 0 : o.wait;
  const busy = !!r.pending || act.running === slot;
  const m = act.get(slot);
  const waitId = uid(`wait-${index}`);
  const described = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || nothing;
  const messageId = !!m && !m.shown && act.idOf(slot);
  let actions: TemplateResult | typeof nothing = nothing;
  if (r.pending) {
    actions = nothing;
  } else if (o.confirming) {
    const confirmId = uid(`confirm-${index}`);
    actions = html`<p class="lr-notice lr-emails__confirm" id=${confirmId} tabindex="-1">
        ${msg('emails.removeConfirm', {email: r.email})}
      </p>
      <div class="lr-form__actions lr-emails__actions">
        <button
          type="button"
          class="lr-button lr-button--danger lr-emails__remove-yes"
          aria-describedby=${confirmId}
          ?disabled=${busy || act.blocked}
          @click=${o.onRemove}
        >
          ${msg('emails.removeYes')}
        </button>
        <button type="button" class="lr-button lr-emails__remove-no" ?disabled=${busy} @click=${o.onKeep}>
          ${msg('emails.removeNo')}
        </button>
      </div>`;
  } else {
    actions = html`<div class="lr-form__actions lr-emails__actions">
      ${r.verified || off
        ? nothing
        : html`<span class="lr-resend"><button
              type="button"
              class="lr-button lr-emails__resend"
              data-email=${r.email}
              aria-label=${msg('emails.resendLabel', {email: r.email})}
              aria-describedby=${described(messageId, wait > 0 && waitId)}
              ?disabled=${busy || act.blocked || wait > 0}
              @click=${o.onResend}
            >
              ${msg('emails.resend')}
            </button>
            ${wait > 0 ? html`<span class="lr-emails__cooldown" id=${waitId}>${msg('emails.resendIn', {count: wait})}</span>` : nothing}</span>`}
      ${o.count > 1 // the only address cannot be removed: no button that leads nowhere
        ? html`<button
            type="button"
            class="lr-button lr-button--danger-quiet lr-emails__remove"
            data-email=${r.email}
            aria-label=${msg('emails.removeLabel', {email: r.email})}
            aria-describedby=${described(messageId)}
            ?disabled=${busy}
            @click=${o.onAskRemove}
          >
            ${msg('emails.remove')}
          </button>`
        : nothing}
    </div>`;
  }
  return html`<li
    class="lr-emails__item"
    ?data-primary=${r.primary}
    ?data-verified=${r.verified}
    ?data-pending=${!!r.pending}
    aria-busy=${busy ? 'true' : 'false'}
  >
    <span class="lr-emails__address">${r.email}</span>
    <span class="lr-emails__badges">
      <span class="lr-emails__badge lr-emails__type">${msg(r.primary ? 'emails.primary' : 'emails.secondary')}</span>
      ${off && !r.pending
        ? nothing
        : html`<span class="lr-emails__badge lr-emails__state" ?data-verified=${r.verified}
            >${msg(r.pending ? 'emails.adding' : r.verified ? 'emails.verified' : 'emails.unverified')}</span
          >`}
    </span>
    ${actions}
    <div class="lr-emails__note">${act.message(slot)}</div>
  </li>`;
}
