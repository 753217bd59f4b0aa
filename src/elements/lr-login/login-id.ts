import type {TemplateResult} from 'lit';
import type {LoginId} from '../../core/client.js';
import {localeOf, msg, type MessageKey} from '../../i18n/index.js';
import {field} from '../../internal/field.js';
import '../../i18n/en/login.js'; // its texts (issue 14: messages per chunk)

/** What `<lr-login login-id>` signs in with. */
export type LoginIdMode = 'email' | 'username' | 'either';

/** The element: its `login-id` and its locale. */
export type LoginIdHost = HTMLElement & {loginId: string};

/** An email address, or a username (no `@`), in one field (`either`); anchored by the browser. */
const EITHER_PATTERN = '[^@\\s]+|[^@\\s]+@[^@\\s]+\\.[^@\\s]+';

/** The mode of an attribute value; anything unknown is the default, `email`. */
export function loginIdMode(v: string | null | undefined): LoginIdMode {
  const m = String(v ?? '').trim().toLowerCase();
  return m === 'username' || m === 'either' ? m : 'email';
}

/** Who signs in, from the field's value: in `either` mode an `@` makes it an email address. */
export function loginIdOf(mode: LoginIdMode, value: string): LoginId {
  const v = mode === 'email' ? value : value.trim();
  return mode === 'username' || (mode === 'either' && !v.includes('@')) ? {username: v} : {email: v};
}

/** One account's identifier as a comparable key (`e:` address or `u:` username, lower case). */
export function loginIdKey(id: LoginId): string {
  return 'email' in id ? `e:${id.email.toLowerCase()}` : `u:${id.username.toLowerCase()}`;
}

/**
 * The sign-in identifier field: `type=email` named `email` (default), or a text field named `username` whose
 * label and checks follow the mode (`o.mode`, else `login-id`). Every mode is `autocomplete="username"`: the account
 * name for password managers.
 */
export function loginIdField(
  host: LoginIdHost,
  o: {id: string; value: string; error: (name: string) => string | undefined; mode?: LoginIdMode},
): TemplateResult {
  const mode = o.mode ?? loginIdMode(host.loginId);
  const email = mode === 'email';
  return field({
    id: o.id,
    name: email ? 'email' : 'username',
    type: email ? 'email' : 'text',
    label: msg(email ? 'field.email' : mode === 'username' ? 'field.username' : 'field.loginId', {}, localeOf(host)),
    autocomplete: 'username',
    required: true,
    // A username typed in username mode is never an address carried over from the forgot-password form.
    value: mode === 'username' && o.value.includes('@') ? '' : o.value,
    error: o.error(email ? 'email' : 'username'),
    pattern: mode === 'either' ? EITHER_PATTERN : undefined,
    spellcheck: false,
    autocapitalize: 'none',
  });
}

/** The message for the identifier's or security answer's failed constraint; undefined for any other input. */
export function describeLoginInput(host: LoginIdHost, input: HTMLInputElement): string | undefined {
  const mode = loginIdMode(host.loginId);
  const text = (key: MessageKey) => msg(key, {}, localeOf(host));
  if (input.name === 'securityanswer' && input.validity.valueMissing) return text('login.question.required');
  if (input.name !== 'username' || mode === 'email' || input.validity.customError) return undefined;
  if (input.validity.valueMissing) return text(mode === 'username' ? 'validation.username.required' : 'validation.loginId.required');
  if (input.validity.patternMismatch) return text('validation.loginId.invalid');
  return undefined;
}

/** The key of the account the identifier field of `.lr-login__form` names now. */
export function typedLoginKey(host: LoginIdHost): string | undefined {
  const input = host.querySelector<HTMLInputElement>('.lr-login__form [autocomplete=username]');
  return input ? loginIdKey(loginIdOf(loginIdMode(host.loginId), input.value)) : undefined;
}

/** The text for "unknown account or wrong password" (966), naming what the field asked for. */
export function incorrectKey(mode: LoginIdMode): MessageKey {
  return mode === 'username' ? 'login.incorrect.username' : mode === 'either' ? 'login.incorrect.either' : 'code.966';
}
