import type {ActionController, RunOptions} from '../controllers/action.js';

/**
 * A secondary view's module, imported on first use (a chunk of its own in the CDN build, so a page that never opens
 * the view never downloads it). The import runs as an action of the host's `ActionController`: the element is busy
 * meanwhile (`aria-busy` on the form of `o.form`, its buttons disabled), a failed download is a failure like any
 * other ("Something went wrong. Please try again." at `o.slot`, `lr-error`; never an unhandled rejection), and the
 * next `load()` (the user's next click) tries again. Once loaded, `module` is there at once.
 */
export class LazyStep<M> {
  #module: M | undefined;
  readonly #import: () => Promise<M>;

  constructor(load: () => Promise<M>) {
    this.#import = load;
  }

  get module(): M | undefined {
    return this.#module;
  }

  /** The module (loaded once); undefined when the download failed (shown) or a newer action won. */
  async load(act: ActionController, o: RunOptions = {}): Promise<M | undefined> {
    if (this.#module) return this.#module;
    const r = await act.run(() => this.#import(), o);
    if (r.ok) this.#module ??= r.value;
    return r.ok ? this.#module : undefined;
  }
}
