/**
 * Every English message part at once, for the one-file bundle (`src/cdn/lr-elements.bundle.ts`, issue 14): the
 * bundle has every element's texts anyway, and importing them here, ahead of the elements, keeps them side by side
 * in the file, where they compress together (≈ 0.7 KB gzip less than scattered beside their elements). Not a part
 * of its own: each element and step still imports its part.
 */
import './shared.js';
import './login.js';
import './forgot.js';
import './lockout.js';
import './passwordless.js';
import './register.js';
import './profile.js';
import './emails.js';
import './link.js';
import './mfa.js';
import './mfa-step.js';
import './mfa-settings.js';
import './hand-over.js';
