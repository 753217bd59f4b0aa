import {html, type TemplateResult} from 'lit';
import type {MessageKey} from '../../i18n/index.js';
import '../../i18n/en/mfa-settings.js'; // its texts (issue 14: messages per chunk)

export interface BackupCodesOptions {
  codes: readonly string[];
  msg: (key: MessageKey) => string;
  titleId: string;
  /** The panel's message slot (copy outcome). */
  message: unknown;
  onCopy: () => void;
  onDownload: () => void;
  onSaved: () => void;
}

/** New backup codes, shown once: the list, copy, download as a text file, and "I have saved my codes". */
export function backupCodesPanel(o: BackupCodesOptions): TemplateResult {
  return html`<section class="lr-panel lr-mfa-settings__codes" aria-labelledby=${o.titleId}>
    <p class="lr-notice lr-mfa-settings__codes-title" id=${o.titleId} tabindex="-1">${o.msg('mfaSettings.codesTitle')}</p>
    <p class="lr-form__intro">${o.msg('mfaSettings.codesOnce')}</p>
    <ul class="lr-mfa-settings__code-list" translate="no">
      ${o.codes.map((c) => html`<li><code>${c}</code></li>`)}
    </ul>
    <div class="lr-form__actions">
      <button type="button" class="lr-button lr-mfa-settings__copy" @click=${o.onCopy}>${o.msg('mfaSettings.copyCodes')}</button>
      <button type="button" class="lr-button lr-mfa-settings__download" @click=${o.onDownload}>${o.msg('mfaSettings.download')}</button>
      <button type="button" class="lr-form__submit lr-mfa-settings__saved" @click=${o.onSaved}>${o.msg('mfaSettings.saved')}</button>
      ${o.message}
    </div>
  </section>`;
}
