import {html, type TemplateResult} from 'lit';

/** The small fixed views of `<lr-login>`: after a forgot-password request, and signed in. */
export const forgotSentView = (text: string, back: string, onBack: () => void): TemplateResult => html`
  <div class="lr-panel lr-login__forgot-sent">
    <p class="lr-notice" tabindex="-1">${text}</p>
    <div class="lr-form__actions">
      <button type="button" class="lr-button lr-login__back" @click=${onBack}>${back}</button>
    </div>
  </div>
`;

export const signedInView = (o: {who: string; signOut: string; busy: boolean; onSignOut: () => void; message: unknown}): TemplateResult => html`
  <div class="lr-panel lr-login__signed-in">
    <p class="lr-notice lr-login__who" tabindex="-1">${o.who}</p>
    <div class="lr-form__actions">
      <button type="button" class="lr-button lr-login__sign-out" ?disabled=${o.busy} @click=${o.onSignOut}>${o.signOut}</button>
      ${o.message}
    </div>
  </div>
`;
