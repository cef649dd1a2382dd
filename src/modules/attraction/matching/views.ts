import { inArray } from 'drizzle-orm';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { candidateProfiles } from '../candidates/schema.ts';
import type { jobOffers } from '../employers/schema.ts';
import { nocClasses } from '../noc/schema.ts';
import { explain } from './explain.ts';
import { candidateFacts, offerFacts } from './facts.ts';
import { quebecToday } from './recompute.ts';
import type { jobMatches } from './schema.ts';
import { type MatchScore, scoreMatch } from './score.ts';

type Match = typeof jobMatches.$inferSelect;
type Profile = typeof candidateProfiles.$inferSelect;
type Offer = typeof jobOffers.$inferSelect;

/** The interest state of a match, the same for both sides. */
export function matchState(m: Match) {
  return {
    candidateInterested: !!m.candidateInterestAt,
    employerInterested: !!m.employerInterestAt,
    mutual: !!m.mutualAt,
    hired: !!m.hiredAt,
  };
}

/**
 * What an employer sees of a matched candidate. Anonymous by construction: no name, e-mail, phone,
 * employer names, institutions, origin or CV unless the candidate agreed (`named`) or both sides did
 * (`contact`). Built field by field so that nothing is added to it by accident.
 */
export async function candidatesForEmployer(
  db: Executor,
  offer: Offer,
  rows: ReadonlyArray<{ match: Match; profile: Profile }>,
  locale: Locale,
  today = quebecToday(),
) {
  const codes = new Set(
    rows.flatMap(({ profile: p }) => [
      ...p.desiredNocCodes,
      ...p.experience.flatMap((e) => (e.nocCode ? [e.nocCode] : [])),
    ]),
  );
  const noc = codes.size
    ? await db
        .select()
        .from(nocClasses)
        .where(inArray(nocClasses.code, [...codes]))
    : [];
  const titles = new Map(noc.map((n) => [n.code, locale === 'fr' ? n.titleFr : n.titleEn]));
  // Names only of those who agreed: nobody else's account row is read.
  const agreed = rows.filter((r) => r.match.candidateInterestAt).map((r) => r.profile.accountId);
  const people = agreed.length ? await db.select().from(accounts).where(inArray(accounts.id, agreed)) : [];
  const facts = offerFacts(offer);
  return rows.map(({ match, profile }) =>
    candidateForEmployer(
      match,
      profile,
      locale,
      (c) => titles.get(c) ?? c,
      people.find((a) => a.id === profile.accountId),
      scoreMatch(candidateFacts(profile), facts, today),
    ),
  );
}

function candidateForEmployer(
  m: Match,
  p: Profile,
  locale: Locale,
  title: (code: string) => string,
  a: typeof accounts.$inferSelect | undefined,
  scored: MatchScore,
) {
  let named: { name: string; cvFileId: string | null } | null = null;
  let contact: { email: string; phone: string | null } | null = null;
  if (m.candidateInterestAt && a) {
    named = { name: `${a.givenName} ${a.familyName}`, cvFileId: p.cvFileId };
    if (m.mutualAt) contact = { email: a.email, phone: a.phone };
  }
  return {
    matchId: m.id,
    score: scored.score,
    reasons: explain(scored.factors, locale, 'employer'),
    ...matchState(m),
    profile: {
      headline: named ? p.headline : '',
      desiredOccupations: p.desiredNocCodes.map((c) => ({ code: c, title: title(c) })),
      experience: p.experience.map((e) => ({
        title: e.nocCode ? title(e.nocCode) : e.title,
        years: e.years,
      })),
      education: p.education.map((e) => ({ level: e.level, field: e.field })),
      skills: p.skills,
      frenchNclc: p.frenchNclc,
      englishClb: p.englishClb,
      availableFrom: p.availableFrom,
      permitSituation: p.permitSituation,
      familyNeeds: {
        spouseJob: p.family.spouseJob,
        housing: p.family.housing,
        relocation: p.family.relocation ?? false,
        children: p.family.schoolChildren + p.family.daycareChildren,
      },
    },
    named,
    contact,
  };
}
