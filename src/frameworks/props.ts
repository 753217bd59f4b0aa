/**
 * Framework-neutral typing of the `lr-*` tags, derived from the element classes and the event map so it
 * cannot drift from them: `./react.ts` and `./vue.ts` build JSX / template types on top. Types only (the
 * compiled module is empty).
 */
import type {LrEventDetails, LrEventName} from '../core/events.js';
import type {LrEmailLink} from '../elements/lr-email-link/email-link.js';
import type {LrEmailManager} from '../elements/lr-email-manager/email-manager.js';
import type {LrLogin} from '../elements/lr-login/login.js';
import type {LrMfaSettings} from '../elements/lr-mfa-settings/mfa-settings.js';
import type {LrProfileEditor} from '../elements/lr-profile-editor/profile-editor.js';
import type {LrRegister} from '../elements/lr-register/register.js';
import type {LrElement} from '../internal/lr-element.js';

export type {LrEventDetails, LrEventName};

/** Every tag and its element class. */
export interface LrElementTagMap {
  'lr-login': LrLogin;
  'lr-register': LrRegister;
  'lr-profile-editor': LrProfileEditor;
  'lr-email-manager': LrEmailManager;
  'lr-email-link': LrEmailLink;
  'lr-mfa-settings': LrMfaSettings;
}

export type LrTagName = keyof LrElementTagMap;

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
/** Public keys that can be assigned (drops getters such as `sessionState` and `ready`). */
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{[Q in K]: T[K]}, {-readonly [Q in K]: T[K]}, K, never>;
}[keyof T];

/** Methods (`render()`, `refresh()`): function-typed members that cannot be `undefined`. */
type MethodKeys<T> = {[K in keyof T]-?: [T[K]] extends [(...args: never[]) => unknown] ? K : never}[keyof T];

/**
 * The settable properties of an element: what its class declares on top of `LrElement`, plus `apikey` and
 * `apiBase`. Left out: everything from `LitElement` / `HTMLElement`, getters (`sessionState`, `ready`) and
 * methods. Function-valued properties such as `sottProvider` stay (their type includes `undefined`).
 */
export type LrProps<E extends LrElement> = {
  [K in Exclude<WritableKeys<E>, keyof LrElement | MethodKeys<E>> | 'apikey' | 'apiBase' | 'keepAlive']?: E[K];
};

/** `apiBase` → `api-base`, `hideWhenSignedIn` → `hide-when-signed-in`. */
export type KebabCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${KebabCase<T>}`
  : S;

/**
 * The same settings as HTML attributes (`api-base`, `password-min-length`, …): every property with a
 * string, number or boolean value (properties such as `sottProvider` have no attribute). The elements name
 * their attributes as the kebab-case of the property.
 */
export type LrAttributes<E extends LrElement> = {
  [K in keyof LrProps<E> as K extends string
    ? NonNullable<LrProps<E>[K]> extends string | number | boolean
      ? KebabCase<K>
      : never
    : never]?: LrProps<E>[K];
};

/** The `CustomEvent` dispatched for each `lr-*` event name. */
export type LrCustomEvent<K extends LrEventName> = CustomEvent<LrEventDetails[K]>;
