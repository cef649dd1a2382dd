import { and, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { findOwnProfile } from '../candidates/get-my-profile.ts';
import { candidateProfiles } from '../candidates/schema.ts';
import { companyMembers, jobOffers } from '../employers/schema.ts';
import { MUTUAL_INTEREST } from '../notifications.ts';
import { requireCompanyMember } from '../policies.ts';
import { jobMatches } from './schema.ts';

type Ctx = { db: Database; jobs: JobQueue; publicUrl: string };

/** Tells both sides once a match became mutual. */
async function announceMutual(ctx: Ctx, orgId: string, match: typeof jobMatches.$inferSelect) {
  const [offer] = await ctx.db
    .select()
    .from(jobOffers)
    .where(inOrg(jobOffers, orgId, eq(jobOffers.id, match.offerId)));
  const [profile] = await ctx.db
    .select()
    .from(candidateProfiles)
    .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.id, match.candidateId)));
  if (!offer || !profile) return;
  const members = await ctx.db
    .select({ accountId: companyMembers.accountId })
    .from(companyMembers)
    .where(inOrg(companyMembers, orgId, eq(companyMembers.companyId, offer.companyId)));
  const to = [
    { accountId: profile.accountId, url: `${ctx.publicUrl}/arrimage/${orgId}/candidat?arrimage=${match.id}` },
    ...members.map((m) => ({
      accountId: m.accountId,
      url: `${ctx.publicUrl}/arrimage/${orgId}/employeur?arrimage=${match.id}`,
    })),
  ];
  for (const t of to)
    await notify(ctx, {
      accountId: t.accountId,
      orgId,
      category: 'jobs',
      template: MUTUAL_INTEREST,
      params: { offer: offer.title, url: t.url },
    });
}

/**
 * One side's interest (or decline) in a match. The statement that records interest also sets `mutual_at`
 * when the other side's interest is already there, so two interests arriving together still make one
 * mutual match, announced once (only the statement that set it sees `mutual_at` change).
 */
async function setInterest(
  ctx: Ctx,
  orgId: string,
  matchId: string,
  side: 'candidate' | 'employer',
  interested: boolean,
  accountId: string,
  extra: ReturnType<typeof and>,
) {
  const mine = side === 'candidate' ? jobMatches.candidateInterestAt : jobMatches.employerInterestAt;
  const theirs = side === 'candidate' ? jobMatches.employerInterestAt : jobMatches.candidateInterestAt;
  const declined = side === 'candidate' ? 'candidateDeclinedAt' : 'employerDeclinedAt';
  const interestField = side === 'candidate' ? 'candidateInterestAt' : 'employerInterestAt';
  if (!interested) {
    const [row] = await ctx.db
      .update(jobMatches)
      .set({ [declined]: sql`now()` })
      .where(inOrg(jobMatches, orgId, eq(jobMatches.id, matchId), sql`${jobMatches.mutualAt} is null`, extra))
      .returning();
    if (!row) throw new AppError('attraction.match_not_found', 404);
    return { ...row, becameMutual: false };
  }
  const [row] = await ctx.db
    .update(jobMatches)
    .set({
      [interestField]: sql`coalesce(${mine}, now())`,
      [declined]: null,
      ...(side === 'employer' ? { employerInterestBy: accountId } : {}),
      mutualAt: sql`case when ${jobMatches.mutualAt} is null and ${theirs} is not null then now() else ${jobMatches.mutualAt} end`,
    })
    .where(inOrg(jobMatches, orgId, eq(jobMatches.id, matchId), extra))
    .returning({
      row: jobMatches,
      wasMutual: sql<boolean>`(select m.mutual_at is not null from job_matches m where m.org_id = ${orgId} and m.id = ${matchId})`,
    });
  if (!row) throw new AppError('attraction.match_not_found', 404);
  // The subquery reads the snapshot before this statement: it says whether mutual_at was already set.
  const becameMutual = !!row.row.mutualAt && !row.wasMutual;
  if (becameMutual) await announceMutual(ctx, orgId, row.row);
  return { ...row.row, becameMutual };
}

/** The candidate says yes (their named profile opens to this company) or no to a matched offer. */
export async function candidateInterest(
  options: Ctx & { auth: AuthContext | null; orgId: string; matchId: string; interested: boolean },
) {
  const who = requireAccount(options.auth);
  const profile = await findOwnProfile(options.db, options.orgId, who.account.id);
  if (!profile) throw new AppError('attraction.match_not_found', 404);
  const row = await setInterest(
    options,
    options.orgId,
    options.matchId,
    'candidate',
    options.interested,
    who.account.id,
    eq(jobMatches.candidateId, profile.id),
  );
  return {
    matchId: row.id,
    candidateInterested: !!row.candidateInterestAt,
    employerInterested: !!row.employerInterestAt,
    mutual: !!row.mutualAt,
  };
}

/** A company member says yes or no to a matched candidate of one of the company's offers. */
export async function employerInterest(
  options: Ctx & {
    auth: AuthContext | null;
    orgId: string;
    companyId: string;
    matchId: string;
    interested: boolean;
  },
) {
  const { who } = await requireCompanyMember(options.db, options.auth, options.orgId, options.companyId);
  const ofCompany = sql`${jobMatches.offerId} in (select o.id from job_offers o where o.org_id = ${options.orgId} and o.company_id = ${options.companyId})`;
  const row = await setInterest(
    options,
    options.orgId,
    options.matchId,
    'employer',
    options.interested,
    who.account.id,
    and(ofCompany),
  );
  return {
    matchId: row.id,
    candidateInterested: !!row.candidateInterestAt,
    employerInterested: !!row.employerInterestAt,
    mutual: !!row.mutualAt,
  };
}
