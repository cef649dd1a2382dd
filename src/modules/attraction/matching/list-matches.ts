import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { findOwnProfile } from '../candidates/get-my-profile.ts';
import { candidateProfiles } from '../candidates/schema.ts';
import { jobOffers } from '../employers/schema.ts';
import { offerViews } from '../employers/views.ts';
import { requireCompanyMember, requireMrc } from '../policies.ts';
import { explain } from './explain.ts';
import { candidateFacts, offerFacts } from './facts.ts';
import { quebecToday } from './recompute.ts';
import { jobMatches } from './schema.ts';
import { scoreMatch } from './score.ts';
import { candidatesForEmployer, matchState } from './views.ts';

/** The candidate's matched offers, best first, with the reasons in plain words. */
export async function listMyMatches(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  locale: Locale;
  publicUrl: string;
}) {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  const { org } = await requireMrc(db, orgId);
  const profile = await findOwnProfile(db, orgId, who.account.id);
  if (!profile) return { matchingEnabled: false, items: [] };
  const rows = await db
    .select({ match: jobMatches, offer: jobOffers })
    .from(jobMatches)
    .innerJoin(jobOffers, and(eq(jobOffers.orgId, jobMatches.orgId), eq(jobOffers.id, jobMatches.offerId)))
    .where(
      inOrg(
        jobMatches,
        orgId,
        eq(jobMatches.candidateId, profile.id),
        isNull(jobMatches.candidateDeclinedAt),
        ne(jobOffers.status, 'draft'),
      ),
    )
    .orderBy(desc(jobMatches.score), desc(jobMatches.computedAt));
  const offers = await offerViews(
    db,
    org.slug,
    options.publicUrl,
    rows.map((r) => r.offer),
  );
  const facts = candidateFacts(profile);
  const today = quebecToday();
  return {
    matchingEnabled: profile.matchingEnabled,
    items: rows.map((r, i) => {
      const scored = scoreMatch(facts, offerFacts(r.offer), today);
      return {
        matchId: r.match.id,
        score: scored.score,
        reasons: explain(scored.factors, options.locale, 'candidate'),
        ...matchState(r.match),
        offer: offers[i],
      };
    }),
  };
}

/**
 * The anonymous candidates matched with one of the company's offers, best first. Members of another
 * company get a 404 (the offer is not theirs); candidates who declined are not listed.
 */
export async function listOfferMatches(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  offerId: string;
  locale: Locale;
  limit?: number;
}) {
  const { db, orgId, companyId, offerId } = options;
  await requireCompanyMember(db, options.auth, orgId, companyId);
  const [offer] = await db
    .select()
    .from(jobOffers)
    .where(inOrg(jobOffers, orgId, eq(jobOffers.id, offerId), eq(jobOffers.companyId, companyId)));
  if (!offer) throw new AppError('attraction.offer_not_found', 404);
  const rows = await db
    .select({ match: jobMatches, profile: candidateProfiles })
    .from(jobMatches)
    .innerJoin(
      candidateProfiles,
      and(eq(candidateProfiles.orgId, jobMatches.orgId), eq(candidateProfiles.id, jobMatches.candidateId)),
    )
    .where(
      inOrg(
        jobMatches,
        orgId,
        eq(jobMatches.offerId, offerId),
        isNull(jobMatches.candidateDeclinedAt),
        isNull(jobMatches.employerDeclinedAt),
      ),
    )
    .orderBy(desc(jobMatches.score), jobMatches.id)
    .limit(options.limit ?? 50);
  return { items: await candidatesForEmployer(db, offer, rows, options.locale) };
}
