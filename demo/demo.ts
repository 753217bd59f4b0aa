// The demo page: configures the elements for the embedded emulator (or any LoginRadius API base), logs every
// lr-* event, shows the emulator's outbox with clickable links, and switches theme and verification flow.
import { configure } from '../src/core/index.js';

const EVENTS = [
  'lr-logged-in', 'lr-logged-out', 'lr-session-changed', 'lr-session-expired', 'lr-registered', 'lr-error',
  'lr-storage-unavailable', 'lr-rate-limited', 'lr-profile-updated', 'lr-password-changed', 'lr-email-added',
  'lr-email-removed', 'lr-verification-sent', 'lr-email-verified', 'lr-password-reset', 'lr-password-reset-requested',
  'lr-account-deletion-requested', 'lr-account-deleted', 'lr-passwordless-sent', 'lr-mfa-required',
];

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);
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

// Languages: German ships as its own module, loaded only when an element under lang="de" appears.
const { setLocaleLoader } = await import('../src/i18n/index.js');
setLocaleLoader((l) => (l === 'de' ? import('../src/i18n/de.js').then((m) => m.default) : undefined));
const main = $('#main');
const lang = $<HTMLSelectElement>('#lang');
// The elements follow a change of an ancestor's lang by themselves (and load the locale if needed).
const setLang = (value: string) => {
  main?.setAttribute('lang', value);
  sessionStorage.setItem('lr-demo-lang', value);
};
if (lang) {
  lang.value = sessionStorage.getItem('lr-demo-lang') === 'de' ? 'de' : 'en';
  main?.setAttribute('lang', lang.value);
  lang.addEventListener('change', () => setLang(lang.value));
}

await import('../src/index.js'); // defines every element (after configure, so they start on the right backend)

// --------------------------------------------------------------------------------------- event log
const log = $('#log');
for (const name of EVENTS) {
  document.addEventListener(name, (e) => {
    const li = document.createElement('li');
    const detail = (e as CustomEvent).detail;
    li.textContent = `${new Date().toLocaleTimeString()} ${(e.target as Element).id || (e.target as Element).localName} ${name} ${detail == null ? '' : JSON.stringify(detail)}`;
    log?.prepend(li);
  });
}
$('#clear-log')?.addEventListener('click', () => log?.replaceChildren());

// ---------------------------------------------------------------------------------------- backend form
const form = $<HTMLFormElement>('#backend');
if (form) {
  (form.elements.namedItem('apiBase') as HTMLInputElement).value = apiBase;
  (form.elements.namedItem('apikey') as HTMLInputElement).value = apiKey;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    sessionStorage.setItem('lr-demo-backend', JSON.stringify({ apiBase: data.get('apiBase'), apiKey: data.get('apikey') }));
    location.search = '';
  });
  $('#use-emulator')?.addEventListener('click', () => { sessionStorage.removeItem('lr-demo-backend'); location.search = ''; });
}

// -------------------------------------------------------------------------------------------- theme
const theme = $<HTMLSelectElement>('#theme');
theme?.addEventListener('change', () => {
  if (theme.value) document.documentElement.dataset.theme = theme.value;
  else delete document.documentElement.dataset.theme;
});

// -------------------------------------------------------------------------- emulator-only controls
const flow = $<HTMLSelectElement>('#flow');
const reset = $<HTMLButtonElement>('#reset');
if (onEmulator) {
  const control = (path: string, init?: RequestInit) => fetch(`${apiBase}/__emulator/${path}`, init).then((r) => r.json());
  const config = await control('config');
  if (flow) flow.value = config.verificationFlow;
  flow?.addEventListener('change', () => void control('config', {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verificationFlow: flow.value }),
  }));
  reset?.addEventListener('click', () => void control('reset', { method: 'POST' }).then(() => location.reload()));

  const outbox = $('#outbox');
  let seen = -1;
  const poll = async () => {
    const { Messages } = await control('outbox').catch(() => ({ Messages: [] }));
    if (Messages.length === seen) return;
    seen = Messages.length;
    outbox?.replaceChildren(...[...Messages].reverse().map((m: { To: string; Kind: string; Subject: string; Link: string | null; Otp?: string | null; CreatedDate: string }) => {
      const li = document.createElement('li');
      li.append(`${new Date(m.CreatedDate).toLocaleTimeString()} to ${m.To}: ${m.Subject} `);
      if (m.Link) {
        const a = document.createElement('a');
        a.href = m.Link;
        a.textContent = `open ${m.Kind} link`;
        li.append(a);
      }
      if (m.Otp) li.append(` code ${m.Otp}`); // the emulator's outbox: codes of mfa-otp / passwordless mails
      return li;
    }));
  };
  void poll();
  setInterval(() => void poll(), 1500);
} else {
  for (const el of [flow, reset]) if (el) el.disabled = true;
}
