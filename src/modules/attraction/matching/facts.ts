// Turns stored rows into what the pure score reads.
import type { candidateProfiles } from '../candidates/schema.ts';
import type { jobOffers } from '../employers/schema.ts';
import { type CandidateFacts, type Education, normaliseSkill, type OfferFacts } from './score.ts';

const EDUCATION_RANK: Record<Education, number> = {
  none: 0,
  secondary: 1,
  vocational: 2,
  college: 3,
  bachelor: 4,
  master: 5,
  doctorate: 6,
};

/** The highest education level among a person's diplomas. */
export function highestEducation(items: ReadonlyArray<{ level: Education }>): Education {
  let best: Education = 'none';
  for (const e of items) if (EDUCATION_RANK[e.level] > EDUCATION_RANK[best]) best = e.level;
  return best;
}

/** The facts of a stored candidate profile. */
export function candidateFacts(p: typeof candidateProfiles.$inferSelect): CandidateFacts {
  return {
    desiredNoc: p.desiredNocCodes,
    experience: p.experience
      .filter((e) => e.nocCode)
      .map((e) => ({ noc: e.nocCode as string, years: e.years })),
    skills: new Set(p.skills.map(normaliseSkill)),
    frenchNclc: p.frenchNclc,
    englishClb: p.englishClb,
    municipalities: p.desiredMunicipalityIds,
    availableFrom: p.availableFrom,
    permit: p.permitSituation,
    education: highestEducation(p.education),
    family: {
      spouseJob: p.family.spouseJob,
      housing: p.family.housing,
      relocation: p.family.relocation ?? false,
    },
  };
}

/** The facts of a stored offer. */
export function offerFacts(o: typeof jobOffers.$inferSelect): OfferFacts {
  return {
    noc: o.nocCode,
    teer: o.teer,
    skills: o.skills,
    frenchMinNclc: o.frenchMinNclc,
    englishMinClb: o.englishMinClb,
    municipality: o.municipalityOrgId,
    startDate: o.startDate,
    permitSupport: o.permitSupport,
    housingHelp: o.housingHelp,
    relocationHelp: o.relocationHelp,
    spouseJobHelp: o.spouseJobHelp,
  };
}
