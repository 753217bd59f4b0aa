/**
 * What `lazy-resend.ts` imports: `ResendVerification` under its own name, in a file of its own, so that the CDN
 * build's shared chunk with it needs no namespace helper.
 */
export {ResendVerification} from '../resend-verification.js';
