import type { EmailEntry, Profile } from './client.js';
import type { StoredProfile } from './store.js';

/** One address as the elements show it. */
export interface EmailRow {
  email: string;
  primary: boolean;
  verified: boolean;
  /** Shown optimistically while Add Email runs (rolled back visibly on failure). */
  pending?: boolean;
}

const lower = (s: string) => s.trim().toLowerCase();
const isPrimary = (e: EmailEntry | undefined) => /^primary$/i.test(e?.Type ?? '');
const entries = (p: Profile | undefined): EmailEntry[] =>
  Array.isArray(p?.Email) ? p!.Email!.filter((e) => e && typeof e.Value === 'string') : [];

/** The primary address of a profile (or the first one); '' when it has none. */
export function primaryEmailOf(p: Profile | undefined): string {
  const list = entries(p);
  return (list.find(isPrimary) ?? list[0])?.Value ?? '';
}

/** The account's address when it has exactly one (otherwise the verified one cannot be told apart). */
export function onlyEmail(p: Profile | undefined): string {
  const list = entries(p);
  return list.length === 1 ? list[0]!.Value : '';
}

/** Keeps the fields the UI needs (the only ones stored on disk); `Email` becomes the primary address. */
export function minimalProfile(p: Profile | StoredProfile): StoredProfile {
  const e = p.Email;
  return {
    Uid: p.Uid,
    Email: Array.isArray(e) ? primaryEmailOf(p as Profile) || undefined : (e ?? undefined),
    FirstName: p.FirstName,
    LastName: p.LastName,
    FullName: p.FullName,
    EmailVerified: p.EmailVerified,
  };
}

/** Who is signed in, as shown to the user: "Name (address)", the name, or the address. */
export function displayName(p: StoredProfile | undefined): string {
  if (!p) return '';
  const name = p.FullName || [p.FirstName, p.LastName].filter(Boolean).join(' ');
  if (name && p.Email) return `${name} (${p.Email})`;
  return name || p.Email || '';
}

/** The profile's `UnverifiedEmail` (an array of entries, or one address as a string) as entries. */
export function unverifiedList(p: Profile | undefined): EmailEntry[] {
  const raw = p?.['UnverifiedEmail'];
  if (typeof raw === 'string') return raw ? [{ Type: 'Secondary', Value: raw }] : [];
  if (!Array.isArray(raw)) return [];
  return raw
    .map((u) => (typeof u === 'string' ? { Type: 'Secondary', Value: u } : u))
    .filter((u): u is EmailEntry => !!u && typeof u === 'object' && typeof u.Value === 'string' && !!u.Value);
}

/** The rows of a profile, primary first: unverified ones are those listed in `UnverifiedEmail`. */
export function emailRows(p: Profile | undefined): EmailRow[] {
  if (!p) return [];
  const list = entries(p);
  const hasList = p['UnverifiedEmail'] != null && p['UnverifiedEmail'] !== '';
  const unverified = new Set(unverifiedList(p).map((u) => lower(u.Value)));
  const hasPrimary = list.some(isPrimary);
  const rows = list.map((e, i) => {
    const primary = hasPrimary ? isPrimary(e) : i === 0;
    // Without an `UnverifiedEmail` list, the primary address follows `EmailVerified`.
    const verified = unverified.has(lower(e.Value)) ? false : primary && !hasList ? p.EmailVerified !== false : true;
    return { email: e.Value, primary, verified };
  });
  return [...rows.filter((r) => r.primary), ...rows.filter((r) => !r.primary)];
}

/**
 * True when the site does not make users verify their addresses, as far as the signed-in profile tells: under
 * mandatory verification LoginRadius refuses the sign-in of an unverified primary address (970), so a signed-in
 * user whose primary address is unverified (`EmailVerified: false`) is on a site with verification disabled (or
 * optional, which the profile cannot tell apart). Then "Not verified" means nothing to the user and the elements
 * show no verification state and no resend. A verified primary address (or no `EmailVerified` at all) keeps them.
 */
export function verificationOff(p: Profile | undefined): boolean {
  return p?.EmailVerified === false;
}
