/** Where and how the core talks to LoginRadius. */
export interface Config {
  /** The LoginRadius API key (public; goes in the query string). */
  apiKey: string;
  /** API origin, default `https://api.loginradius.com` (no trailing slash needed). */
  apiBase: string;
  /** Per-request timeout in milliseconds, default 15000. */
  timeoutMs: number;
  /** Extend an active user's session before it expires (default true; see `keep-alive.ts`). Page-wide only. */
  keepAlive?: boolean;
}

export const DEFAULT_API_BASE = 'https://api.loginradius.com';

let page: Partial<Config> = {};

/** Page-wide defaults for every element and session (merged with earlier calls). */
export function configure(config: Partial<Config>): void {
  page = { ...page, ...config };
}

/**
 * The effective config: values given here (an element's `apikey` / `api-base` attributes) win over
 * `configure()`, which wins over the defaults. Empty strings count as "not given".
 */
export function resolveConfig(own: Partial<Config> = {}): Config {
  return {
    apiKey: own.apiKey || page.apiKey || '',
    apiBase: (own.apiBase || page.apiBase || DEFAULT_API_BASE).replace(/\/+$/, ''),
    timeoutMs: own.timeoutMs || page.timeoutMs || 15000,
  };
}

/** Whether the page allows session keep-alive (`configure({keepAlive: false})` turns it off). */
export const keepAliveConfigured = (): boolean => page.keepAlive !== false;
