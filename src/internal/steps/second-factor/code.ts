import type {ReactiveControllerHost, TemplateResult} from 'lit';
import {field} from '../../field.js';

/** `numeric`: six digits (authenticator or emailed code); `backup`: a backup code (letters, digits, a dash). */
export type CodeKind = 'numeric' | 'backup';

const PATTERN: Record<CodeKind, string> = {numeric: '[0-9]{6}', backup: '[A-Za-z0-9-]{6,32}'};

/** What the user typed or pasted, without spaces (and, for digits, without separators such as `123-456`). */
export const normalizeCode = (value: string, kind: CodeKind): string =>
  kind === 'numeric' ? value.replace(/[\s-]/g, '') : value.replace(/\s/g, '');

/** True when the (normalised) code has the form of its kind. */
export const codeComplete = (value: string, kind: CodeKind): boolean => new RegExp(`^(?:${PATTERN[kind]})$`).test(value);

/**
 * The one-time code input: `autocomplete="one-time-code"`, numeric keyboard for digit codes, a pattern and a label;
 * the error text is linked with `aria-describedby`. A pasted whole code (with spaces or a dash) is accepted.
 */
export function codeField(o: {id: string; kind: CodeKind; label: string; hint?: string | undefined; error?: string | undefined}): TemplateResult {
  return field({
    id: o.id,
    name: 'code',
    type: 'text',
    label: o.label,
    autocomplete: 'one-time-code',
    required: true,
    inputmode: o.kind === 'numeric' ? 'numeric' : 'text',
    pattern: o.kind === 'numeric' ? '[0-9 \\-]{6,9}' : '[A-Za-z0-9 \\-]{6,40}',
    maxlength: o.kind === 'numeric' ? 9 : 40,
    hint: o.hint,
    error: o.error,
    spellcheck: false,
    autocapitalize: 'none',
  });
}

/** After the next update: focus on the host's code input with its text selected (a wrong code is kept to correct). */
export async function focusCode(host: ReactiveControllerHost & HTMLElement): Promise<void> {
  await host.updateComplete;
  const input = host.querySelector<HTMLInputElement>('input[name=code]');
  input?.focus();
  input?.select();
}
