import {html, type TemplateResult} from 'lit';

/** The small fixed view of `<lr-login>` when signed in (the forgot-password views are in `forgot.ts`). */
export const signedInView = (o: {who: string; signOut: string; busy: boolean; onSignOut: () => void; message: unknown}): TemplateResult => html`
  <div class="lr-panel lr-login__signed-in">
    <p class="lr-notice lr-login__who" tabindex="-1">${o.who}</p>
    <div class="lr-form__actions">
      <button type="button" class="lr-button lr-login__sign-out" ?disabled=${o.busy} @click=${o.onSignOut}>${o.signOut}</button>
      ${o.message}
    </div>
  </div>
`;
