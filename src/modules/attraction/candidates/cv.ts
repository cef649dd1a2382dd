import { and, eq, isNotNull } from 'drizzle-orm';
import type { FileAccessPolicy } from '../../../platform/files/purposes.ts';
import { companyMembers, jobOffers } from '../employers/schema.ts';
import { jobMatches } from '../matching/schema.ts';
import { candidateProfiles } from './schema.ts';

/** The upload purpose of a candidate's CV (PDF only, 5 MB at most). */
export const CV_PURPOSE = 'attraction.cv';
export const CV_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Who may download a CV: the candidate, or a member of a company the candidate agreed to show their
 * named profile to (interest expressed on one of its offers). Staff of the MRC do not browse CVs.
 */
export const cvAccessPolicy: FileAccessPolicy = async (auth, file, { db }) => {
  if (file.ownerAccountId === auth.account.id) return true;
  const [row] = await db
    .select({ id: jobMatches.id })
    .from(jobMatches)
    .innerJoin(
      candidateProfiles,
      and(eq(candidateProfiles.orgId, jobMatches.orgId), eq(candidateProfiles.id, jobMatches.candidateId)),
    )
    .innerJoin(jobOffers, and(eq(jobOffers.orgId, jobMatches.orgId), eq(jobOffers.id, jobMatches.offerId)))
    .innerJoin(
      companyMembers,
      and(eq(companyMembers.orgId, jobOffers.orgId), eq(companyMembers.companyId, jobOffers.companyId)),
    )
    .where(
      and(
        eq(jobMatches.orgId, file.orgId),
        eq(candidateProfiles.cvFileId, file.id),
        isNotNull(jobMatches.candidateInterestAt),
        eq(companyMembers.accountId, auth.account.id),
      ),
    )
    .limit(1);
  return !!row;
};
