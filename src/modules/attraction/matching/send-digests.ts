import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { candidateProfiles } from '../candidates/schema.ts';
import { companies, companyMembers, jobOffers } from '../employers/schema.ts';
import { MATCH_DIGEST } from '../notifications.ts';
import { jobMatches } from './schema.ts';

const MAX_LINES = 10;

/**
 * Sends each person one digest of their new matches (never one message per match). Candidates choose
 * daily, weekly or never; employers get a daily digest per company member. The person's channel choices
 * for the `jobs` category apply (notify). A match is marked as told only once its digest is recorded.
 */
export async function sendDigests(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  orgId: string;
  now?: Date;
}) {
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  let sent = 0;
  // Candidates whose frequency is due.
  const due = await db
    .select()
    .from(candidateProfiles)
    .where(
      inOrg(
        candidateProfiles,
        orgId,
        eq(candidateProfiles.matchingEnabled, true),
        or(
          isNull(candidateProfiles.lastDigestAt),
          and(
            eq(candidateProfiles.digestFrequency, 'daily'),
            lte(candidateProfiles.lastDigestAt, sql`${now.toISOString()}::timestamptz - interval '20 hours'`),
          ),
          and(
            eq(candidateProfiles.digestFrequency, 'weekly'),
            lte(
              candidateProfiles.lastDigestAt,
              sql`${now.toISOString()}::timestamptz - interval '6 days 20 hours'`,
            ),
          ),
        ),
        sql`${candidateProfiles.digestFrequency} <> 'never'`,
      ),
    );
  for (const p of due) {
    const fresh = await db
      .select({ id: jobMatches.id, title: jobOffers.title, company: companies.name })
      .from(jobMatches)
      .innerJoin(jobOffers, and(eq(jobOffers.orgId, jobMatches.orgId), eq(jobOffers.id, jobMatches.offerId)))
      .innerJoin(companies, and(eq(companies.orgId, jobOffers.orgId), eq(companies.id, jobOffers.companyId)))
      .where(
        inOrg(
          jobMatches,
          orgId,
          eq(jobMatches.candidateId, p.id),
          isNull(jobMatches.candidateNotifiedAt),
          eq(jobOffers.status, 'published'),
        ),
      )
      .orderBy(sql`${jobMatches.score} desc`);
    if (fresh.length === 0) continue;
    await notify(options, {
      accountId: p.accountId,
      orgId,
      category: 'jobs',
      template: MATCH_DIGEST,
      params: {
        side: 'candidate',
        count: fresh.length,
        lines: fresh
          .slice(0, MAX_LINES)
          .map((f) => ({ fr: `${f.title} — ${f.company}`, en: `${f.title} — ${f.company}` })),
        url: `${options.publicUrl}/arrimage/${orgId}/candidat`,
      },
    });
    await db
      .update(jobMatches)
      .set({ candidateNotifiedAt: now })
      .where(
        inOrg(
          jobMatches,
          orgId,
          inArray(
            jobMatches.id,
            fresh.map((f) => f.id),
          ),
        ),
      );
    await db
      .update(candidateProfiles)
      .set({ lastDigestAt: now })
      .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.id, p.id)));
    sent++;
  }
  // Employers: per company, the new matches of its live offers, to each member.
  const fresh = await db
    .select({
      id: jobMatches.id,
      companyId: jobOffers.companyId,
      title: jobOffers.title,
      score: jobMatches.score,
    })
    .from(jobMatches)
    .innerJoin(jobOffers, and(eq(jobOffers.orgId, jobMatches.orgId), eq(jobOffers.id, jobMatches.offerId)))
    .where(
      inOrg(jobMatches, orgId, isNull(jobMatches.employerNotifiedAt), eq(jobOffers.status, 'published')),
    );
  const byCompany = new Map<string, typeof fresh>();
  for (const f of fresh) byCompany.set(f.companyId, [...(byCompany.get(f.companyId) ?? []), f]);
  for (const [companyId, list] of byCompany) {
    const members = await db
      .select({ accountId: companyMembers.accountId })
      .from(companyMembers)
      .where(inOrg(companyMembers, orgId, eq(companyMembers.companyId, companyId)));
    const perOffer = new Map<string, number>();
    for (const f of list) perOffer.set(f.title, (perOffer.get(f.title) ?? 0) + 1);
    const lines = [...perOffer].slice(0, MAX_LINES).map(([title, n]) => ({
      fr: `${title} : ${n} profil(s) anonyme(s)`,
      en: `${title}: ${n} anonymous profile(s)`,
    }));
    for (const m of members) {
      await notify(options, {
        accountId: m.accountId,
        orgId,
        category: 'jobs',
        template: MATCH_DIGEST,
        params: {
          side: 'employer',
          count: list.length,
          lines,
          url: `${options.publicUrl}/arrimage/${orgId}/employeur`,
        },
      });
      sent++;
    }
    await db
      .update(jobMatches)
      .set({ employerNotifiedAt: now })
      .where(
        inOrg(
          jobMatches,
          orgId,
          inArray(
            jobMatches.id,
            list.map((f) => f.id),
          ),
        ),
      );
  }
  return { sent };
}
