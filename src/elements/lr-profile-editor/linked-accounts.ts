import {html, type ReactiveController, type TemplateResult} from 'lit';
import * as api from '../../core/client.js';
import type {Profile} from '../../core/client.js';
import {primaryEmailOf} from '../../core/profile.js';
import {SignedInData} from '../../internal/controllers/signed-in-data.js';
import {section, type SectionContext} from './section.js';
import '../../i18n/en/profile.js'; // its texts (issue 14: messages per chunk)

interface Identity {
  provider: string;
  email: string;
}

/** The social accounts linked to the account (Social Identity), read while signed in; hidden by `no-identities`. */
export class LinkedAccountsSection implements ReactiveController {
  readonly #c: SectionContext;
  readonly #data: SignedInData<Identity[]>;
  /** The last read was skipped because of `no-identities`. */
  #skipped = false;

  constructor(c: SectionContext) {
    this.#c = c;
    this.#data = new SignedInData<Identity[]>(c.host, {
      read: async (s) => {
        this.#skipped = c.host.noIdentities;
        if (this.#skipped) return [];
        const social = await s.withToken((t) => api.socialIdentity(s.config, t));
        const raw = Array.isArray(social?.['Identities']) ? (social['Identities'] as Record<string, unknown>[]) : [];
        return raw
          .filter((i) => i && typeof i === 'object')
          .map((i) => ({provider: String(i['Provider'] ?? '') || '?', email: primaryEmailOf(i as unknown as Profile)}));
      },
    });
    c.host.addController(this);
  }

  hostUpdate(): void {
    // `no-identities` was removed after a skipped read: read them now.
    if (this.#skipped && !this.#c.host.noIdentities && this.#data.status === 'ready') {
      this.#skipped = false;
      void this.#data.load({quiet: true});
    }
  }

  /** Reads the linked accounts again, keeping the list on screen meanwhile. */
  load(): Promise<void> {
    return this.#data.load({quiet: true});
  }

  render(): TemplateResult {
    const {msg} = this.#c;
    const list = this.#data.value;
    let body: TemplateResult;
    if (this.#data.status === 'failed') body = html`<p class="lr-notice">${msg('profile.identities.failed')}</p>`;
    else if (!list) body = html`<p class="lr-notice">${msg('profile.identities.loading')}</p>`;
    else if (!list.length) body = html`<p class="lr-notice lr-profile__no-identities">${msg('profile.identities.none')}</p>`;
    else
      body = html`<ul class="lr-profile__identities">
        ${list.map(
          (i) => html`<li class="lr-profile__identity">
            ${i.email ? msg('profile.identities.item', {provider: i.provider, email: i.email}) : i.provider}
          </li>`,
        )}
      </ul>`;
    return section(this.#c, 'linked', 'profile.identities.title', body);
  }
}
