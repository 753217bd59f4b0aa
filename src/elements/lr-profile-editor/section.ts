import {html, type TemplateResult} from 'lit';
import type {Profile} from '../../core/client.js';
import type {Session} from '../../core/session.js';
import type {MessageKey, MessageParams} from '../../i18n/index.js';
import type {ActionController} from '../../internal/controllers/action.js';
import type {DataHost} from '../../internal/controllers/signed-in-data.js';

/** The editor's attributes a section reads. */
export interface EditorProps {
  fields: string;
  deleteUrl: string;
  verificationUrl: string;
  passwordMinLength: number;
  headingLevel: number;
  noIdentities: boolean;
}

/**
 * What the shell (`<lr-profile-editor>`) gives each of its sections. Each section is a controller of the shell
 * that renders one `<section>`; all of them share the shell's `ActionController` (one message per slot: the
 * section's name) and its profile.
 */
export interface SectionContext {
  host: DataHost & EditorProps;
  act: ActionController;
  msg(key: MessageKey, params?: MessageParams): string;
  /** Id unique on the page. */
  uid(name: string): string;
  /** The element's default text for an input that fails its constraints. */
  describe(input: HTMLInputElement): string;
  session(): Session | undefined;
  /** The profile on screen. */
  profile(): Profile | undefined;
  /** True while the session ended with unsaved edits on screen (saving waits for a new sign-in). */
  expired(): boolean;
}

/** One section with its heading (`aria-level` from `heading-level`), labelled by it. */
export function section(c: SectionContext, name: string, title: MessageKey, body: unknown): TemplateResult {
  const id = c.uid(`h-${name}`);
  return html`<section class="lr-profile__section lr-profile__${name}" aria-labelledby=${id}>
    <div class="lr-profile__heading" role="heading" aria-level=${c.host.headingLevel} id=${id}>${c.msg(title)}</div>
    ${body}
  </section>`;
}

export interface SectionFormOptions {
  /** The section's name (its heading labels the form) and its message slot. */
  name: string;
  className: string;
  onSubmit: (e: SubmitEvent) => void;
  onInput: (e: Event) => void;
  onChange: (e: Event) => void;
}

/** A section's form: `novalidate` (own messages), labelled by the section heading, `aria-busy` while it saves. */
export function sectionForm(c: SectionContext, o: SectionFormOptions, body: unknown): TemplateResult {
  return html`<form
    class="lr-form ${o.className}"
    novalidate
    aria-labelledby=${c.uid(`h-${o.name}`)}
    aria-busy=${c.act.running === o.name ? 'true' : 'false'}
    @submit=${o.onSubmit}
    @input=${o.onInput}
    @change=${o.onChange}
  >
    ${body}
  </form>`;
}
