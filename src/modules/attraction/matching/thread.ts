import { and, asc, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { candidateProfiles } from '../candidates/schema.ts';
import { companies, companyMembers, jobOffers } from '../employers/schema.ts';
import { MATCH_MESSAGE } from '../notifications.ts';
import { jobMatches, jobMatchMessages } from './schema.ts';

/**
 * The match as seen by the signed-in person, with their side: the candidate, or a member of the offer's
 * company. Anyone else gets a 404.
 */
async function matchFor(db: Database, auth: AuthContext | null, orgId: string, matchId: string) {
  const who = requireAccount(auth);
  const [row] = await db
    .select({ match: jobMatches, offer: jobOffers, profile: candidateProfiles, company: companies })
    .from(jobMatches)
    .innerJoin(jobOffers, and(eq(jobOffers.orgId, jobMatches.orgId), eq(jobOffers.id, jobMatches.offerId)))
    .innerJoin(companies, and(eq(companies.orgId, jobOffers.orgId), eq(companies.id, jobOffers.companyId)))
    .innerJoin(
      candidateProfiles,
      and(eq(candidateProfiles.orgId, jobMatches.orgId), eq(candidateProfiles.id, jobMatches.candidateId)),
    )
    .where(inOrg(jobMatches, orgId, eq(jobMatches.id, matchId)));
  if (!row) throw new AppError('attraction.match_not_found', 404);
  if (row.profile.accountId === who.account.id) return { who, side: 'candidate' as const, ...row };
  const [member] = await db
    .select({ id: companyMembers.id })
    .from(companyMembers)
    .where(
      inOrg(
        companyMembers,
        orgId,
        eq(companyMembers.companyId, row.offer.companyId),
        eq(companyMembers.accountId, who.account.id),
      ),
    );
  if (!member) throw new AppError('attraction.match_not_found', 404);
  return { who, side: 'employer' as const, ...row };
}

/** The thread of a mutual match (both sides); opening it marks the other side's messages read. */
export async function getThread(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  matchId: string;
}) {
  const { db, orgId, matchId } = options;
  const m = await matchFor(db, options.auth, orgId, matchId);
  if (!m.match.mutualAt) throw new AppError('attraction.not_mutual', 403);
  const other = m.side === 'candidate' ? 'employer' : 'candidate';
  await db
    .update(jobMatchMessages)
    .set({ readAt: sql`now()` })
    .where(
      inOrg(
        jobMatchMessages,
        orgId,
        eq(jobMatchMessages.matchId, matchId),
        eq(jobMatchMessages.side, other),
        sql`${jobMatchMessages.readAt} is null`,
      ),
    );
  const messages = await db
    .select()
    .from(jobMatchMessages)
    .where(inOrg(jobMatchMessages, orgId, eq(jobMatchMessages.matchId, matchId)))
    .orderBy(asc(jobMatchMessages.createdAt), asc(jobMatchMessages.id));
  return {
    matchId,
    side: m.side,
    offer: { id: m.offer.id, title: m.offer.title, reference: m.offer.reference },
    company: { id: m.company.id, name: m.company.name },
    hired: !!m.match.hiredAt,
    messages: messages.map((x) => ({
      id: x.id,
      side: x.side,
      mine: x.side === m.side,
      body: x.body,
      at: x.createdAt.toISOString(),
      read: !!x.readAt,
    })),
  };
}

/** Sends a message in a mutual match's thread; the other side is notified (their channels, category jobs). */
export async function sendMessage(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  orgId: string;
  matchId: string;
  body: string;
}) {
  const { db, orgId, matchId } = options;
  const m = await matchFor(db, options.auth, orgId, matchId);
  if (!m.match.mutualAt) throw new AppError('attraction.not_mutual', 403);
  const body = options.body.trim();
  if (!body) throw new AppError('attraction.message_required', 422);
  const [row] = await db
    .insert(jobMatchMessages)
    .values(
      scopeOf(orgId).rows({
        matchId,
        senderAccountId: m.who.account.id,
        side: m.side,
        body: body.slice(0, 4000),
      }),
    )
    .returning();
  if (!row) throw new Error('message insert returned no row');
  const recipients =
    m.side === 'candidate'
      ? (
          await db
            .select({ accountId: companyMembers.accountId })
            .from(companyMembers)
            .where(inOrg(companyMembers, orgId, eq(companyMembers.companyId, m.offer.companyId)))
        ).map((r) => ({
          accountId: r.accountId,
          url: `${options.publicUrl}/arrimage/${orgId}/employeur?arrimage=${matchId}`,
        }))
      : [
          {
            accountId: m.profile.accountId,
            url: `${options.publicUrl}/arrimage/${orgId}/candidat?arrimage=${matchId}`,
          },
        ];
  for (const r of recipients)
    await notify(
      { db, jobs: options.jobs },
      {
        accountId: r.accountId,
        orgId,
        category: 'jobs',
        template: MATCH_MESSAGE,
        params: { offer: m.offer.title, url: r.url },
      },
    );
  return {
    id: row.id,
    side: row.side,
    mine: true,
    body: row.body,
    at: row.createdAt.toISOString(),
    read: false,
  };
}

/** Either side reports that a mutual match led to a hire (counted in the MRC's statistics once). */
export async function reportHire(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  matchId: string;
}) {
  const { db, orgId, matchId } = options;
  const m = await matchFor(db, options.auth, orgId, matchId);
  if (!m.match.mutualAt) throw new AppError('attraction.not_mutual', 403);
  await db.transaction(async (tx) => {
    const [set] = await tx
      .update(jobMatches)
      .set({ hiredAt: sql`now()` })
      .where(inOrg(jobMatches, orgId, eq(jobMatches.id, matchId), sql`${jobMatches.hiredAt} is null`))
      .returning({ id: jobMatches.id });
    if (set) {
      await tx
        .update(jobOffers)
        .set({ hiresReported: sql`${jobOffers.hiresReported} + 1` })
        .where(inOrg(jobOffers, orgId, eq(jobOffers.id, m.offer.id)));
      await tx
        .update(candidateProfiles)
        .set({ hiredAt: sql`now()` })
        .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.id, m.profile.id)));
    }
  });
  return { ok: true };
}
