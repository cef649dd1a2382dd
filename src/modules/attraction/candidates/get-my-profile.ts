import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { requireMrc } from '../policies.ts';
import { profileView } from './profile-view.ts';
import { candidateProfiles } from './schema.ts';

/** The signed-in person's own candidate row in an MRC, if any. */
export async function findOwnProfile(db: Executor, orgId: string, accountId: string) {
  const [row] = await db
    .select()
    .from(candidateProfiles)
    .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.accountId, accountId)));
  return row;
}

/** The signed-in person's candidate profile (null before they create it). */
export async function getMyProfile(options: { db: Executor; auth: AuthContext | null; orgId: string }) {
  const who = requireAccount(options.auth);
  await requireMrc(options.db, options.orgId);
  const row = await findOwnProfile(options.db, options.orgId, who.account.id);
  return { profile: row ? await profileView(options.db, row) : null };
}
