/** Shared by the second-step tests (`mfa-login`, `passwordless-mfa`): the code field and a wrong code's checks. */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {$, describedError, settle} from './account-support.js';
import {typeInto, type record} from './support.js';

/** The second step's code field. */
export const code = (el: Element) => $<HTMLInputElement>(el, '.lr-mfa input[name=code]');

export async function enterCode(el: Element, value: string): Promise<void> {
  await typeInto(code(el), value);
  await sendKeys({press: 'Enter'});
}

/**
 * Enters a wrong code (not `right`) and checks what the user sees: the text at the field, the code kept, marked and
 * focused, one `lr-error` (1102, with that text). Resolves with the field.
 */
export async function wrongCodeKept(el: HTMLElement & {updateComplete: Promise<boolean>}, rec: ReturnType<typeof record>, right: string) {
  const wrong = right === '123456' ? '654321' : '123456';
  await enterCode(el, wrong);
  await settle(el, () => rec.of('lr-error').length, 'lr-error');
  const input = code(el);
  expect(describedError(input)).to.equal('This code is not correct. Check it and try again.');
  expect(input.value).to.equal(wrong);
  expect(input.getAttribute('aria-invalid')).to.equal('true');
  expect(document.activeElement).to.equal(input);
  expect(rec.of('lr-error')[0]!.detail).to.include({code: 1102, message: 'This code is not correct. Check it and try again.'});
  return {input, wrong};
}
