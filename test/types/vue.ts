/**
 * Compile-time check of `lr-elements/vue` (src/frameworks/vue.ts). vue-tsc type-checks a template tag
 * against `GlobalComponents[tag]`: props against the instance's `$props`, `@event` handlers against
 * `$emit` (or the `onXxx` props). This file does the same checks in plain TypeScript, and passes the typed
 * tags to `h()`. Never run; `npm run test:types` type-checks it.
 */
import {h, type GlobalComponents} from 'vue';
import type {} from '../../src/frameworks/vue.js';

/** What vue-tsc checks a tag's attributes against. */
type PropsOf<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
/** What vue-tsc checks `@event="handler"` against: the parameter of `$emit(event, …)`. */
type EmitOf<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$emit'];

declare function setUser(email: string | undefined): void;

export const login: PropsOf<'lr-login'> = {
  apikey: 'public-key',
  apiBase: 'http://127.0.0.1:8787',
  hideWhenSignedIn: true,
  class: 'checkout',
  lang: 'de',
  onLrLoggedIn: (e) => setUser(e.detail.profile.Email),
  onLrError: (e) => console.log(e.detail.kind, e.detail.code, e.detail.message),
  onLrSessionChanged: (e) => console.log(e.detail.state, e.detail.source),
};

export const register: PropsOf<'lr-register'> = {
  passwordMinLength: 10,
  checkAvailability: true,
  sottProvider: async () => 'sott',
  onLrRegistered: (e) => console.log(e.detail.email, e.detail.verificationRequired),
};

export const editor: PropsOf<'lr-profile-editor'> = {fields: 'FirstName,Company', headingLevel: 2, noDelete: true};
export const manager: PropsOf<'lr-email-manager'> = {resendCooldown: 30, onLrEmailAdded: (e) => console.log(e.detail.email)};
export const link: PropsOf<'lr-email-link'> = {keepUrl: true, onLrPasswordReset: () => undefined};
export const mfaSettings: PropsOf<'lr-mfa-settings'> = {issuer: 'Example', onLrMfaEnabled: (e) => console.log(e.detail.method)};

// `@lr-logged-in="(e) => …"`: the handler's event is typed from `$emit`.
declare const emit: EmitOf<'lr-login'>;
emit('lr-logged-in', new CustomEvent('lr-logged-in', {detail: {profile: {Uid: 'u', Email: 'a@example.com'}}}));
// @ts-expect-error lr-logged-in carries {profile}, not {email}
emit('lr-logged-in', new CustomEvent('lr-logged-in', {detail: {email: 'a@example.com'}}));

// @ts-expect-error passwordMinLength is a number
export const wrongPropType: PropsOf<'lr-register'> = {passwordMinLength: 'eight'};

export const wrongDetail: PropsOf<'lr-login'> = {
  // @ts-expect-error lr-logged-in carries {profile}, not {email}
  onLrLoggedIn: (e) => setUser(e.detail.email),
};

// @ts-expect-error lr-login has no `sott` (that is lr-register)
export const unknownProp: PropsOf<'lr-login'> = {sott: 'x'};

// Render functions: the typed component for a tag, with checked props.
declare const components: GlobalComponents;
export const vnode = () => h(components['lr-login'], {apikey: 'k', onLrLoggedIn: (e) => setUser(e.detail.profile.Email)});
// @ts-expect-error hideWhenSignedIn is a boolean
export const badVnode = () => h(components['lr-login'], {hideWhenSignedIn: 'yes'});
