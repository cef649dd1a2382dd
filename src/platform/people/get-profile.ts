import { eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { unauthenticated } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';

/** The profile a person sees and edits about themselves. */
export interface Profile {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  phone: string | null;
  locale: Locale;
}

/** Columns of the profile, read fresh (the session's copy may predate an edit). */
export const profileColumns = {
  id: accounts.id,
  email: accounts.email,
  givenName: accounts.givenName,
  familyName: accounts.familyName,
  phone: accounts.phone,
  locale: accounts.locale,
};

/** The signed-in person's profile. */
export async function getProfile(options: { db: Executor; auth: AuthContext | null }): Promise<Profile> {
  const who = requireAccount(options.auth);
  const [row] = await options.db.select(profileColumns).from(accounts).where(eq(accounts.id, who.account.id));
  if (!row) throw unauthenticated();
  return row;
}
