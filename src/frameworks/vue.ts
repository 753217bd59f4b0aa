/**
 * Types the `lr-*` tags in Vue 3 templates (vue-tsc / Vue language tools read `GlobalComponents`):
 * `import type {} from 'lr-elements/vue'` once (e.g. in `env.d.ts`). Types only; the elements themselves
 * still need `import 'lr-elements'`, and Vue must be told they are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('lr-')`).
 *
 * ```vue
 * <lr-login :apikey="key" api-base="https://…" @lr-logged-in="(e) => (user = e.detail.profile)" />
 * ```
 */
import type {EmitFn, HTMLAttributes, PublicProps} from 'vue';
import type {LrCustomEvent, LrElementTagMap, LrEventName, LrProps, LrTagName} from './props.js';

export type {LrCustomEvent, LrElementTagMap, LrEventName, LrProps, LrTagName} from './props.js';

/** `lr-logged-in` → `LrLoggedIn` (what `@lr-logged-in` compiles to, after `on`). */
type Pascal<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Pascal<T>}` : Capitalize<S>;

/** Event handlers as props: `onLrLoggedIn`, `onLrError`, … */
export type LrVueEventProps = {
  [K in LrEventName as `on${Pascal<K>}`]?: (event: LrCustomEvent<K>) => void;
};

/** Events as Vue emits (`@lr-logged-in="(e) => …"`). */
export type LrVueEmits = {[K in LrEventName]: (event: LrCustomEvent<K>) => void};

/**
 * A tag as Vue sees it (the pattern of the Vue guide for non-Vue custom elements): the element instance
 * plus `$props` (HTML attributes, the element's properties, event props) and `$emit` for template checks.
 */
export type LrVueComponent<E extends LrElementTagMap[LrTagName]> = new () => E & {
  /** @deprecated For template type checking only; not on the element at run time. */
  $props: HTMLAttributes & LrProps<E> & LrVueEventProps & PublicProps;
  /** @deprecated For template type checking only; not on the element at run time. */
  $emit: EmitFn<LrVueEmits>;
};

type LrGlobalComponents = {[T in LrTagName]: LrVueComponent<LrElementTagMap[T]>};

declare module 'vue' {
  interface GlobalComponents extends LrGlobalComponents {}
}
