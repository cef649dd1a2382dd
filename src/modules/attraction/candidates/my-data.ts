import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { jobOffers } from '../employers/schema.ts';
import { jobMatches, jobMatchMessages } from '../matching/schema.ts';
import { findOwnProfile } from './get-my-profile.ts';
import { profileView } from './profile-view.ts';
import { candidateProfiles } from './schema.ts';

/** Everything the job portal holds about the signed-in candidate (Law 25 access and portability). */
export async function exportMyCandidateData(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
}) {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  const row = await findOwnProfile(db, orgId, who.account.id);
  if (!row) throw new AppError('attraction.profile_not_found', 404);
  const matches = await db
    .select({ match: jobMatches, offer: { reference: jobOffers.reference, title: jobOffers.title } })
    .from(jobMatches)
    .innerJoin(jobOffers, and(eq(jobOffers.orgId, jobMatches.orgId), eq(jobOffers.id, jobMatches.offerId)))
    .where(inOrg(jobMatches, orgId, eq(jobMatches.candidateId, row.id)));
  const ids = matches.map((m) => m.match.id);
  const messages = ids.length
    ? await db
        .select()
        .from(jobMatchMessages)
        .where(inOrg(jobMatchMessages, orgId, inArray(jobMatchMessages.matchId, ids)))
        .orderBy(asc(jobMatchMessages.createdAt))
    : [];
  return {
    exportedAt: new Date().toISOString(),
    profile: await profileView(db, row),
    matches: matches.map((m) => ({
      offer: m.offer,
      score: m.match.score,
      candidateInterestAt: m.match.candidateInterestAt?.toISOString() ?? null,
      employerInterestAt: m.match.employerInterestAt?.toISOString() ?? null,
      mutualAt: m.match.mutualAt?.toISOString() ?? null,
      messages: messages
        .filter((x) => x.matchId === m.match.id)
        .map((x) => ({ side: x.side, body: x.body, at: x.createdAt.toISOString() })),
    })),
  };
}

/**
 * Deletes the signed-in person's candidate profile with its matches and messages (cascade) and the CV row.
 * Employers lose every trace of the person at once.
 */
export async function deleteMyCandidateData(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
}) {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  const row = await findOwnProfile(db, orgId, who.account.id);
  if (!row) throw new AppError('attraction.profile_not_found', 404);
  await db.transaction(async (tx) => {
    await tx
      .delete(candidateProfiles)
      .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.id, row.id)));
    if (row.cvFileId) await tx.delete(files).where(inOrg(files, orgId, eq(files.id, row.cvFileId)));
  });
  return { ok: true };
}
