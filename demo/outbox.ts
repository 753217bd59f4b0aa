// The demo's view of the emulator outbox (GET /__emulator/outbox): newest first, new emails highlighted, links the
// user opened from here marked. DOM built with createElement/textContent only (strict CSP).

/** One message of the emulator outbox. */
export interface Mail {
  Id: string;
  To: string;
  Kind: 'verification' | 'reset' | 'delete' | 'welcome';
  Subject: string;
  Link: string | null;
  /** An emailed code (multi-factor, passwordless): what the email would say; the emulator's outbox only. */
  Otp?: string | null;
  CreatedDate: string;
}

export interface OutboxState {
  /** Ids this browser had already listed before this page load (the rest are new). */
  seenBefore: Set<string>;
  /** Ids whose link was opened from the outbox. */
  opened: Set<string>;
  /** Called when the user opens the link of a message. */
  onOpen(id: string): void;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, ...content: (string | Node)[]) => {
  const e = document.createElement(tag);
  e.className = cls;
  e.append(...content);
  return e;
};

/** An address that may wrap before its "@" (never inside a word). */
const address = (email: string) => {
  const at = email.lastIndexOf('@');
  return at > 0 ? [email.slice(0, at), document.createElement('wbr'), email.slice(at)] : [email];
};

/** Renders `messages` into the list `ol`. */
export function renderOutbox(ol: HTMLElement, messages: Mail[], state: OutboxState): void {
  const newest = [...messages].sort((a, b) => Date.parse(b.CreatedDate) - Date.parse(a.CreatedDate));
  ol.replaceChildren(...newest.map((m) => {
    const isNew = !state.seenBefore.has(m.Id);
    const isOpened = state.opened.has(m.Id);
    const li = el('li', `mail${isNew ? ' is-new' : ''}${isOpened ? ' is-opened' : ''}`);
    const meta = el('p', 'mail__meta', el('time', '', new Date(m.CreatedDate).toLocaleTimeString()));
    meta.querySelector('time')?.setAttribute('datetime', m.CreatedDate);
    if (isNew) meta.append(' ', el('span', 'badge badge--new', 'new'));
    if (isOpened) meta.append(' ', el('span', 'badge badge--opened', 'link opened'));
    li.append(meta, el('p', 'mail__subject', 'to ', ...address(m.To), `: ${m.Subject}`));
    if (m.Otp) li.append(el('p', 'mail__code', 'Code: ', el('code', '', m.Otp)));
    if (m.Link) {
      const a = el('a', 'mail__link', `open ${m.Kind} link`);
      a.href = m.Link;
      a.addEventListener('click', () => state.onOpen(m.Id));
      li.append(' ', a);
    }
    return li;
  }));
}
