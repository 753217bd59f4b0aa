/**
 * Early session restore for the CDN loader (issue 14; here in the core chunk to keep the loader small). The loader
 * finds the `lr-*` tags before their chunks arrive; each found element's session starts restoring at once (the
 * IndexedDB read, then the validate request), so that it runs while the chunks download instead of after the
 * first element's upgrade.
 *
 * Which session: the element's `apikey` / `api-base` attributes, else the page-wide `configure()`, resolved once
 * the page's own module scripts have run (at `DOMContentLoaded`, or on a `configure()` call from then on), so a
 * host that configures in a script after the loader's is seen. Without an API key the element waits for a later
 * `configure()`; if its upgrade comes first, it binds as before. It is the same `Session` the element's
 * `getSession()` gets (one validate per page), and the session's events wait for that call (held-events.ts).
 *
 * Node-safe: nothing runs at import.
 */
import {configure as configurePage, resolveConfig, type Config} from './config.js';
import {startSession} from './session.js';

/** The attributes of the elements found whose API key is not known yet, by value (one entry each). */
const waiting = new Map<string, Partial<Config>>();
let watching = false;
let settled = false;
let queued = false;

/** Notes the session `el` (an `lr-*` element not upgraded yet) will ask for, and starts it when its config is known. */
export function expectSession(el: Element): void {
  const own = {apiKey: el.getAttribute('apikey') ?? '', apiBase: el.getAttribute('api-base') ?? ''};
  waiting.set(JSON.stringify(own), own);
  if (settled) later();
  else watchLoad();
}

/** `configure()` as the loader exports it: the page-wide config, then the sessions of the elements found so far. */
export function configure(config: Partial<Config>): void {
  configurePage(config);
  if (settled) later();
}

/** The page's own module scripts have run at `DOMContentLoaded` (or `load`, for a loader imported after it). */
function watchLoad(): void {
  if (watching) return;
  watching = true;
  if (document.readyState === 'complete') return settle();
  for (const type of ['DOMContentLoaded', 'load']) addEventListener(type, settle, {once: true});
}

function settle(): void {
  settled = true;
  later();
}

/** Once per microtask, so that `configure()` calls made one after another are seen together. */
function later(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    for (const [id, own] of waiting) {
      const cfg = resolveConfig(own);
      if (!cfg.apiKey) continue;
      waiting.delete(id);
      startSession({apiKey: cfg.apiKey, apiBase: cfg.apiBase});
    }
  });
}
