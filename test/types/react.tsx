/**
 * Compile-time check of `lr-elements/react` (src/frameworks/react.ts): the tags in React 19 JSX with typed
 * properties, attributes and `onlr-*` event props. Never run; `npm run test:types` type-checks it.
 */
import type {} from '../../src/frameworks/react.js';
import type {LrLogin} from '../../src/index.js';

declare function setUser(email: string | undefined): void;
declare const ref: {current: LrLogin | null};

export const ok = (
  <div lang="de">
    <lr-login
      ref={ref}
      apikey="public-key"
      api-base="http://127.0.0.1:8787"
      hide-when-signed-in
      verificationUrl="/verify"
      className="checkout"
      onlr-logged-in={(e) => setUser(e.detail.profile.Email)}
      onlr-error={(e) => console.log(e.detail.kind, e.detail.code, e.detail.message)}
      onlr-rate-limited={(e) => console.log(e.detail.retryAfterSeconds.toFixed(0))}
      onlr-session-expired={(e) => console.log(e.detail === null)}
    />
    <lr-register
      apiBase="http://127.0.0.1:8787"
      password-min-length={10}
      passwordMinLength={12}
      check-availability
      sottProvider={async () => 'sott'}
      onlr-registered={(e) => console.log(e.detail.email, e.detail.verificationRequired)}
    />
    <lr-profile-editor fields="FirstName,LastName,Company" heading-level={2} no-delete />
    <lr-email-manager resend-cooldown={30} onlr-email-added={(e) => console.log(e.detail.email)} />
    <lr-email-link keep-url password-min-length={8} onlr-password-reset={() => undefined} />
    <lr-login mfa onlr-mfa-required={(e) => console.log(e.detail.methods.join(','))} />
    <lr-mfa-settings issuer="Example" hide-when-signed-out onlr-backup-codes-created={(e) => console.log(e.detail.count.toFixed(0))} />
  </div>
);

export const wrongPropType = (
  // @ts-expect-error passwordMinLength is a number
  <lr-register passwordMinLength="eight" />
);

export const wrongAttributeType = (
  // @ts-expect-error hide-when-signed-in is a boolean attribute
  <lr-login hide-when-signed-in="yes" />
);

export const unknownProp = (
  // @ts-expect-error lr-login has no `sott` (that is lr-register)
  <lr-login sott="x" />
);

export const wrongDetail = (
  <lr-login
    // @ts-expect-error lr-logged-in carries {profile}, not {email}
    onlr-logged-in={(e) => setUser(e.detail.email)}
  />
);

export const noGetterProps = (
  // @ts-expect-error sessionState is read-only (a getter), not a prop
  <lr-login sessionState="authenticated" />
);
