import { and, eq, gt, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { candidateProfiles } from '../candidates/schema.ts';
import { jobOffers } from '../employers/schema.ts';
import { candidateFacts, offerFacts } from './facts.ts';
import { prepareCandidates, rankCandidates } from './rank.ts';
import { jobMatches } from './schema.ts';
import { isMatchValue, prepareCandidate, prepareOffer, scoreValue } from './score.ts';

/** How many candidates are kept per offer: the employer's ranked list (a candidate still sees every offer they rank in). */
export const MAX_MATCHES_PER_OFFER = 50;

/** Today's date in Quebec (YYYY-MM-DD), the day availability is compared with. */
export function quebecToday(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
}

const noInterest = () => and(isNull(jobMatches.candidateInterestAt), isNull(jobMatches.employerInterestAt));

async function upsertMatches(
  db: Executor,
  orgId: string,
  rows: Array<{ offerId: string; candidateId: string; score: number }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await db
      .insert(jobMatches)
      .values(chunk.map((r) => ({ orgId, offerId: r.offerId, candidateId: r.candidateId, score: r.score })))
      .onConflictDoUpdate({
        target: [jobMatches.orgId, jobMatches.offerId, jobMatches.candidateId],
        set: { score: sql`excluded.score`, computedAt: sql`now()` },
      });
  }
}

async function liveOffers(db: Executor, orgId: string, offerId?: string) {
  return db
    .select()
    .from(jobOffers)
    .where(
      inOrg(
        jobOffers,
        orgId,
        eq(jobOffers.status, 'published'),
        or(isNull(jobOffers.expiresAt), gt(jobOffers.expiresAt, sql`now()`)),
        offerId ? eq(jobOffers.id, offerId) : undefined,
      ),
    );
}

async function openCandidates(db: Executor, orgId: string) {
  const rows = await db
    .select()
    .from(candidateProfiles)
    .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.matchingEnabled, true)));
  return prepareCandidates(rows.map((r) => ({ id: r.id, facts: candidateFacts(r) })));
}

/** Rescores one candidate against every live offer; matches nobody acted on and that no longer hold go. */
export async function recomputeForCandidate(
  db: Executor,
  orgId: string,
  candidateId: string,
  today = quebecToday(),
) {
  const [profile] = await db
    .select()
    .from(candidateProfiles)
    .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.id, candidateId)));
  if (!profile) return { matches: 0 };
  const kept: Array<{ offerId: string; candidateId: string; score: number }> = [];
  if (profile.matchingEnabled) {
    const pc = prepareCandidate(candidateFacts(profile));
    for (const offer of await liveOffers(db, orgId)) {
      const po = prepareOffer(offerFacts(offer), today);
      const score = scoreValue(pc, po);
      if (isMatchValue(pc, po, score)) kept.push({ offerId: offer.id, candidateId, score });
    }
  }
  await upsertMatches(db, orgId, kept);
  await db.delete(jobMatches).where(
    inOrg(
      jobMatches,
      orgId,
      eq(jobMatches.candidateId, candidateId),
      noInterest(),
      kept.length
        ? notInArray(
            jobMatches.offerId,
            kept.map((k) => k.offerId),
          )
        : undefined,
    ),
  );
  return { matches: kept.length };
}

/** Rescores one offer against every open candidate (or clears it when it is no longer published). */
export async function recomputeForOffer(
  db: Executor,
  orgId: string,
  offerId: string,
  options: { today?: string; candidates?: Awaited<ReturnType<typeof openCandidates>> } = {},
) {
  const today = options.today ?? quebecToday();
  const [offer] = await liveOffers(db, orgId, offerId);
  let kept: Array<{ offerId: string; candidateId: string; score: number }> = [];
  if (offer) {
    const candidates = options.candidates ?? (await openCandidates(db, orgId));
    kept = rankCandidates(offerFacts(offer), candidates, today, MAX_MATCHES_PER_OFFER).map((m) => ({
      offerId,
      candidateId: m.candidate.id,
      score: m.score,
    }));
  }
  await upsertMatches(db, orgId, kept);
  await db.delete(jobMatches).where(
    inOrg(
      jobMatches,
      orgId,
      eq(jobMatches.offerId, offerId),
      noInterest(),
      kept.length
        ? notInArray(
            jobMatches.candidateId,
            kept.map((k) => k.candidateId),
          )
        : undefined,
    ),
  );
  return { matches: kept.length };
}

/**
 * Full recomputation of an organisation (nightly, and after a change of the score): every live offer
 * ranked in memory, then one transaction that drops the pairs nobody acted on and writes the kept ones
 * in large batches (pairs with an interest keep it, with their new score).
 */
export async function recomputeAll(db: Executor, orgId: string, today = quebecToday()) {
  const candidates = await openCandidates(db, orgId);
  const offers = await liveOffers(db, orgId);
  const kept: Array<{ offerId: string; candidateId: string; score: number }> = [];
  for (const offer of offers)
    for (const m of rankCandidates(offerFacts(offer), candidates, today, MAX_MATCHES_PER_OFFER))
      kept.push({ offerId: offer.id, candidateId: m.candidate.id, score: m.score });
  await db.transaction(async (tx) => {
    await tx.delete(jobMatches).where(inOrg(jobMatches, orgId, noInterest()));
    await upsertMatches(tx, orgId, kept);
  });
  return { offers: offers.length, candidates: candidates.length, matches: kept.length };
}
