import type {ReactiveControllerHost} from 'lit';
import type {ActionController} from '../controllers/action.js';
import {ensureLocale, localeOf} from '../../i18n/index.js';
import {errorOutcome} from '../controllers/errors.js';

/**
 * A secondary view's module, imported on first use (a chunk of its own in the CDN build, so a page that never opens
 * the view never downloads it). `loading` is true meanwhile (the element shows it: `aria-busy`, the button
 * disabled). A failed download is shown and reported like a failed request ("Something went wrong. Please try
 * again." at `o.slot`, `lr-error`; never an unhandled rejection), and the next `load()` (the user's next click)
 * tries again. Loading is not an action of the `ActionController`: it neither waits for nor cancels one.
 */
export class LazyStep<M> {
  #module: M | undefined;
  #loading = false;
  readonly #host: ReactiveControllerHost;
  readonly #import: () => Promise<M>;

  constructor(host: ReactiveControllerHost, load: () => Promise<M>) {
    this.#host = host;
    this.#import = load;
  }

  get loading(): boolean {
    return this.#loading;
  }

  /** The module (loaded once); undefined while it loads already, or when the download failed (shown). */
  async load(act: ActionController, o: {slot?: string; form?: HTMLFormElement | null} = {}): Promise<M | undefined> {
    if (this.#module || this.#loading) return this.#module;
    this.#loading = true;
    this.#host.requestUpdate();
    try {
      const m = await this.#import();
      // Its texts in the page's language first (a part loader fetches the view's part now): no English flash.
      if (this.#host instanceof Element) await ensureLocale(localeOf(this.#host));
      return (this.#module = m);
    } catch (err) {
      act.fail(errorOutcome(err), o);
      return undefined;
    } finally {
      this.#loading = false;
      this.#host.requestUpdate();
    }
  }
}
