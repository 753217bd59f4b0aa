/**
 * Types the `lr-*` tags in React 19 JSX: `import type {} from 'lr-elements/react'` once (e.g. in a `.d.ts`
 * of the app). Types only; the elements themselves still need `import 'lr-elements'` (or the define files).
 *
 * React 19 passes props to custom elements as properties when the element has them (`apikey`, `apiBase`,
 * `passwordMinLength`, …) and as attributes otherwise (`api-base="…"`, which also server-renders), and turns
 * `on` + the exact event name into a listener: `onlr-logged-in={(e) => e.detail.profile}`.
 *
 * ```tsx
 * <lr-login apikey={key} api-base={base} onlr-logged-in={(e) => setUser(e.detail.profile)} />
 * ```
 */
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {LrAttributes, LrCustomEvent, LrElementTagMap, LrEventName, LrProps, LrTagName} from './props.js';

export type {LrAttributes, LrCustomEvent, LrElementTagMap, LrEventName, LrProps, LrTagName} from './props.js';

/** `onlr-logged-in`, `onlr-error`, … (React 19 listens to the exact event name after `on`). */
export type LrReactEventProps = {
  [K in LrEventName as `on${K}`]?: (event: LrCustomEvent<K>) => void;
};

/** The JSX props of one tag: React's HTML props, the element's properties and attributes, and its events. */
export type LrReactProps<E extends LrElementTagMap[LrTagName]> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  LrProps<E> &
  LrAttributes<E> &
  LrReactEventProps;

type LrIntrinsicElements = {[T in LrTagName]: LrReactProps<LrElementTagMap[T]>};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends LrIntrinsicElements {}
  }
}
