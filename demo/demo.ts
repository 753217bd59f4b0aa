// The demo page (and its email-link page): configures the elements for the embedded emulator (or any LoginRadius API
// base), guides a new user through "Start here", logs every lr-* event, shows the emulator's outbox with clickable
// links, and switches theme, language and verification flow. It builds its DOM with createElement/textContent only
// (no innerHTML, no style attributes): it runs under the same strict CSP as the elements.
import { configure, getSession } from '../src/core/index.js';
import { renderOutbox, type Mail } from './outbox.js';

const EVENTS = [
  'lr-logged-in', 'lr-logged-out', 'lr-session-changed', 'lr-session-expired', 'lr-registered', 'lr-error',
  'lr-storage-unavailable', 'lr-rate-limited', 'lr-profile-updated', 'lr-password-changed', 'lr-email-added',
  'lr-email-removed', 'lr-verification-sent', 'lr-email-verified', 'lr-password-reset', 'lr-password-reset-requested',
  'lr-account-deletion-requested', 'lr-account-deleted', 'lr-passwordless-sent',
  'lr-mfa-required', 'lr-mfa-enabled', 'lr-mfa-disabled', 'lr-backup-codes-created',
];

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);

/** localStorage that never throws (private modes, disabled storage): the demo then just forgets. */
const stored = {
  get: (k: string) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k: string, v: string) => { try { localStorage.setItem(k, v); } catch { /* forget */ } },
  del: (k: string) => { try { localStorage.removeItem(k); } catch { /* forget */ } },
};

// ---------------------------------------------------------------------- theme (first, before anything paints)
const theme = $<HTMLSelectElement>('#theme');
const applyTheme = (value: string) => {
  if (value === 'light' || value === 'dark') document.documentElement.dataset.theme = value;
  else delete document.documentElement.dataset.theme;
};
applyTheme(stored.get('lr-demo-theme') ?? '');
if (theme) {
  theme.value = document.documentElement.dataset.theme ?? '';
  theme.addEventListener('change', () => { applyTheme(theme.value); stored.set('lr-demo-theme', theme.value); });
}

// ------------------------------------------------------------------------------------------------ backend
const params = new URLSearchParams(location.search);
const demo = (await fetch('/demo-api/config').then((r) => r.json()).catch(() => null)) as { apiBase: string; apiKey: string } | null;
const saved = JSON.parse(sessionStorage.getItem('lr-demo-backend') ?? 'null') as { apiBase: string; apiKey: string } | null;
const apiBase = params.get('apiBase') ?? saved?.apiBase ?? demo?.apiBase ?? 'https://api.loginradius.com';
const apiKey = params.get('apikey') ?? saved?.apiKey ?? demo?.apiKey ?? '';
const onEmulator = !!demo && apiBase === demo.apiBase;

configure({ apiBase, apiKey });

// Links in emails come back to the email-link page of this demo.
const linkPage = new URL('./link.html', location.href).href;
for (const el of document.querySelectorAll('lr-login, lr-register, lr-email-manager, lr-profile-editor')) {
  el.setAttribute('verification-url', linkPage);
  el.setAttribute('reset-password-url', linkPage);
  el.setAttribute('delete-url', linkPage);
}

// Passwordless on the demo's <lr-login> (issue 13): its links come back to the email-link page too.
const passwordless = $<HTMLSelectElement>('#passwordless');
const login = $('#login');
login?.setAttribute('passwordless-url', linkPage);
if (passwordless && login) {
  passwordless.value = sessionStorage.getItem('lr-demo-passwordless') ?? 'off';
  login.setAttribute('passwordless', passwordless.value);
  passwordless.addEventListener('change', () => {
    sessionStorage.setItem('lr-demo-passwordless', passwordless.value);
    login.setAttribute('passwordless', passwordless.value);
  });
}

const form = $<HTMLFormElement>('#backend');
if (form) {
  (form.elements.namedItem('apiBase') as HTMLInputElement).value = apiBase;
  (form.elements.namedItem('apikey') as HTMLInputElement).value = apiKey;
  const name = $('#backend-name');
  const host = URL.canParse(apiBase) ? new URL(apiBase).host : apiBase; // a hand-typed ?apiBase= may be no URL
  if (name) name.textContent = onEmulator ? `embedded emulator (${host})` : host;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    sessionStorage.setItem('lr-demo-backend', JSON.stringify({ apiBase: data.get('apiBase'), apiKey: data.get('apikey') }));
    location.search = '';
  });
  $('#use-emulator')?.addEventListener('click', () => { sessionStorage.removeItem('lr-demo-backend'); location.search = ''; });
}

// ---------------------------------------------------------------------------------------------- language
// German ships as its own module, loaded only when an element under lang="de" appears.
const { setLocaleLoader } = await import('../src/i18n/index.js');
setLocaleLoader((l) => (l === 'de' ? import('../src/i18n/de.js').then((m) => m.default) : undefined));
const main = $('#main');
const lang = $<HTMLSelectElement>('#lang');
// The elements follow a change of an ancestor's lang by themselves (and load the locale if needed).
main?.setAttribute('lang', stored.get('lr-demo-lang') === 'de' ? 'de' : 'en');
if (lang) {
  lang.value = main?.getAttribute('lang') ?? 'en';
  lang.addEventListener('change', () => { main?.setAttribute('lang', lang.value); stored.set('lr-demo-lang', lang.value); });
}

await import('../src/index.js'); // defines every element (after configure, so they start on the right backend)

// ---------------------------------------------------------------------------------------------- event log
/** The event log panel of both pages (a card at the end of `.panels`): its heading, a Clear button and the list. */
function logPanel(): HTMLElement | null {
  const panels = $('.panels');
  if (!panels) return null;
  const h2 = Object.assign(document.createElement('h2'), { id: 'h-log', textContent: 'Event log' });
  const clear = Object.assign(document.createElement('button'), { type: 'button', id: 'clear-log', className: 'btn btn--quiet btn--small', textContent: 'Clear' });
  const head = Object.assign(document.createElement('div'), { className: 'card__head' });
  head.append(h2, clear);
  const list = Object.assign(document.createElement('ol'), { id: 'log', className: 'log', tabIndex: 0 });
  list.setAttribute('aria-labelledby', 'h-log');
  list.setAttribute('aria-live', 'off');
  clear.addEventListener('click', () => list.replaceChildren());
  const section = Object.assign(document.createElement('section'), { className: 'card' });
  section.setAttribute('aria-labelledby', 'h-log');
  section.append(head, list);
  panels.append(section);
  return list;
}
const log = logPanel();
/** `text` with a line-break opportunity after every comma (JSON wraps between fields, never inside a word). */
const breakable = (text: string) => text.split(/(?<=,)/).flatMap((part, i) => (i ? [document.createElement('wbr'), part] : [part]));
const span = (cls: string, ...content: (string | Node)[]) => {
  const s = document.createElement('span');
  s.className = cls;
  s.append(...content);
  return s;
};
for (const name of EVENTS) {
  document.addEventListener(name, (e) => {
    const detail = (e as CustomEvent).detail;
    const li = document.createElement('li');
    if (name === 'lr-error') li.className = 'is-error';
    li.append(
      span('log__time', new Date().toLocaleTimeString()), ' ',
      span('log__el', (e.target as Element).id || (e.target as Element).localName), ' ',
      span('log__name', name), ' ',
      span('log__detail', ...(detail == null ? [] : breakable(JSON.stringify(detail)))),
    );
    log?.prepend(li);
    while (log && log.childElementCount > 200) log.lastElementChild?.remove();
  });
}

// ------------------------------------------------------------------------------------- emulator-only parts
const flow = $<HTMLSelectElement>('#flow');
const mfa = $<HTMLSelectElement>('#mfa');
const reset = $<HTMLButtonElement>('#reset');
const outbox = $('#outbox');
if (onEmulator && outbox) {
  const control = (path: string, init?: RequestInit) => fetch(`${apiBase}/__emulator/${path}`, init).then((r) => r.json());
  // The emulator may have stopped meanwhile: the demo then keeps its controls as they are (no unhandled rejection).
  const config = (await control('config').catch(() => null)) as { verificationFlow?: string; mfa?: string } | null;
  if (flow && config?.verificationFlow) flow.value = config.verificationFlow;
  flow?.addEventListener('change', () => void control('config', {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verificationFlow: flow.value }),
  }).catch(() => undefined));
  if (mfa && config?.mfa) mfa.value = config.mfa;
  mfa?.addEventListener('change', () => void control('config', {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mfa: mfa.value }),
  }).then(() => $<HTMLElement & { refresh(): Promise<void> }>('#mfa-settings')?.refresh()).catch(() => undefined));

  // Which emails this browser has seen (a new one is highlighted until the next visit) and whose link it opened.
  const ids = (key: string) => new Set<string>(JSON.parse(stored.get(key) ?? '[]') as string[]);
  const seenBefore = ids('lr-demo-seen');
  const opened = ids('lr-demo-opened');
  const session = getSession();
  let messages: Mail[] = [];
  let signature = '';

  const steps = [1, 2, 3].map((n) => $(`#step-${n}`));
  /** "Start here": which step is done, which is the current one. */
  const updateSteps = () => {
    const signedIn = session.state === 'authenticated';
    const registered = signedIn || messages.some((m) => m.Kind === 'verification' || m.Kind === 'welcome');
    const verified = signedIn || messages.some((m) => m.Kind === 'verification' && opened.has(m.Id));
    const done = [registered, verified, signedIn];
    const current = done.indexOf(false) === -1 ? 2 : done.indexOf(false);
    steps.forEach((li, i) => {
      li?.classList.toggle('is-done', done[i]!);
      if (i === current) li?.setAttribute('aria-current', 'step');
      else li?.removeAttribute('aria-current');
    });
  };
  session.addEventListener('change', updateSteps);

  const render = () => {
    renderOutbox(outbox, messages, { seenBefore, opened, onOpen: (id) => {
      opened.add(id);
      stored.set('lr-demo-opened', JSON.stringify([...opened]));
      setTimeout(render); // after the click has done its default action (the link may open in another tab)
    } });
    const count = $('#outbox-count');
    if (count) count.textContent = messages.length ? `(${messages.length})` : '';
    $('#outbox-empty')?.toggleAttribute('hidden', messages.length > 0);
    updateSteps();
  };

  let first = true;
  const poll = async () => {
    const { Messages } = await control('outbox').catch(() => ({ Messages: [] })) as { Messages: Mail[] };
    const next = Messages.map((m) => m.Id).join();
    const wasFirst = first;
    first = false;
    if (next === signature) return;
    const known = new Set(messages.map((m) => m.Id));
    const arrived = wasFirst ? [] : Messages.filter((m) => !known.has(m.Id));
    [messages, signature] = [Messages, next];
    render();
    stored.set('lr-demo-seen', JSON.stringify(Messages.map((m) => m.Id)));
    const news = $('#outbox-news');
    if (news && arrived.length) news.textContent = arrived.map((m) => `New email to ${m.To}: ${m.Subject}`).join('. ');
  };
  render();
  void poll();
  setInterval(() => void poll(), 1500);

  // Reset: asks first; signs out locally (so the elements show "signed out", not "your session has expired"), then
  // wipes the emulator and starts the page afresh.
  const dialog = $<HTMLDialogElement>('#reset-dialog');
  reset?.addEventListener('click', () => { if (dialog) { dialog.returnValue = ''; dialog.showModal(); } });
  dialog?.addEventListener('close', () => {
    if (dialog.returnValue !== 'reset') return;
    void (async () => {
      await session.logout().catch(() => undefined);
      await control('reset', { method: 'POST', headers: { 'content-type': 'application/json' } }).catch(() => undefined);
      for (const k of ['lr-demo-seen', 'lr-demo-opened']) stored.del(k);
      sessionStorage.setItem('lr-demo-flash', 'The emulator was reset: no accounts, no emails. Start again at step 1.');
      location.reload();
    })();
  });
  const flash = $('#flash');
  const message = sessionStorage.getItem('lr-demo-flash');
  if (flash && message) {
    flash.textContent = message;
    sessionStorage.removeItem('lr-demo-flash');
  }
} else {
  for (const el of [flow, mfa, reset]) if (el) el.disabled = true;
  $('#start')?.setAttribute('hidden', '');
}
