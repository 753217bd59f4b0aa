import {html, type TemplateResult} from 'lit';

/** The `deleteuser` link's question: delete (danger) or keep, with the action's message at the row. */
export const deleteConfirmView = (o: {
  id: string;
  question: string;
  submit: string;
  keep: string;
  blocked: boolean;
  onDelete: () => void;
  onKeep: () => void;
  message: unknown;
}): TemplateResult => html`<div class="lr-panel lr-link__delete-confirm">
  <p class="lr-notice lr-link__message" id=${o.id} tabindex="-1">${o.question}</p>
  <div class="lr-form__actions">
    <button
      type="button"
      class="lr-form__submit lr-button--danger lr-link__delete-submit"
      aria-describedby=${o.id}
      ?disabled=${o.blocked}
      @click=${o.onDelete}
    >
      ${o.submit}
    </button>
    <button type="button" class="lr-button lr-link__delete-keep" ?disabled=${o.blocked} @click=${o.onKeep}>${o.keep}</button>
    ${o.message}
  </div>
</div>`;
