import { HostSourceError } from './errors.js';

export { HostSourceError };

/** A value or a promise of it. */
type Awaitable<T> = T | Promise<T>;

/** Where a SOTT comes from, in order of preference: a callback, an endpoint of the site, a fixed value. */
export interface SottSource {
  provider?: (() => Awaitable<string>) | undefined;
  url?: string | undefined;
  sott?: string | undefined;
}

/** A value from a host callback; a throwing callback becomes a `HostSourceError`. '' without a callback. */
export async function fromHost(provider: (() => Awaitable<string>) | undefined): Promise<string> {
  if (!provider) return '';
  try {
    return String((await provider()) ?? '');
  } catch {
    throw new HostSourceError('server', 'The host callback for the SOTT or CAPTCHA failed');
  }
}

/** A fresh SOTT: `provider`, else `url`, else the fixed `sott`; '' when none is configured. */
export function getSott(src: SottSource, timeoutMs: number): Promise<string> {
  if (src.provider) return fromHost(src.provider);
  if (src.url) return fetchSott(src.url, timeoutMs);
  return Promise.resolve(src.sott ?? '');
}

/** GETs a SOTT from the host's endpoint: JSON `{Sott}` (any casing) or a JSON string or plain text. */
export async function fetchSott(url: string, timeoutMs: number): Promise<string> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json, text/plain;q=0.9' },
      signal: ctl.signal,
    });
    text = await res.text();
  } catch {
    throw new HostSourceError(ctl.signal.aborted ? 'timeout' : 'network', 'The SOTT endpoint could not be reached');
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) throw new HostSourceError('server', `The SOTT endpoint answered HTTP ${res.status}`, { status: res.status });
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) return trimmed;
  try {
    const body: unknown = JSON.parse(trimmed);
    if (typeof body === 'string') return body;
    const entry = body && typeof body === 'object' ? Object.entries(body).find(([k]) => k.toLowerCase() === 'sott') : undefined;
    if (entry && typeof entry[1] === 'string') return entry[1];
  } catch {}
  throw new HostSourceError('server', 'The SOTT endpoint answered without a SOTT');
}
