/**
 * A small `lr-*` element for the controller tests: one form (an input and a submit button) with its message at
 * the submit row, a second slot (`item`) for an item-level action, a `done` view that replaces the form, and the
 * profile through `SignedInData`.
 */
import {html, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {ActionController} from '../../../src/internal/controllers/action.js';
import {SignedInData} from '../../../src/internal/controllers/signed-in-data.js';
import {defineElement} from '../../../src/internal/define.js';
import {LrElement} from '../../../src/internal/lr-element.js';
// Its texts (`login.busy`, `login.success`, …) are lr-login's: like an element, it imports their part (issue 14).
import '../../../src/i18n/en/login.js';

export class TestActionHost extends LrElement {
  readonly act = new ActionController(this);
  @state() done = false;

  override render(): TemplateResult {
    const body = this.done
      ? html`<p class="done" tabindex="-1">done</p>`
      : html`<form class="lr-form" novalidate @submit=${(e: Event) => e.preventDefault()}>
          <input name="name" aria-label="name" />
          <div class="lr-form__actions">
            <button type="submit" class="lr-form__submit" ?disabled=${this.act.blocked}>go</button>
            ${this.act.message('form')}
          </div>
        </form>`;
    return html`${body}
      <div class="item"><button type="button" class="item-button">item</button>${this.act.message('item')}</div>
      ${this.act.regions()}`;
  }
}

export class TestDataHost extends LrElement {
  readonly data = new SignedInData(this);

  override render(): TemplateResult {
    return html`<p class="status">${this.data.status}</p>`;
  }
}

defineElement('test-action-host', TestActionHost);
defineElement('test-data-host', TestDataHost);

/** A promise with its resolve/reject outside (an answer the test releases when it wants). */
export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return {promise, resolve, reject};
}
