// The arrimage score: a pure function of one candidate and one offer (no I/O), so that it can be tested
// for its properties and benchmarked alone. Every factor that counts is returned with its points, and the
// reasons shown to either side are written from those factors only (explain.ts).

export type Education = 'none' | 'secondary' | 'vocational' | 'college' | 'bachelor' | 'master' | 'doctorate';
export type Permit =
  | 'citizen'
  | 'permanent_resident'
  | 'open_permit'
  | 'employer_specific_permit'
  | 'needs_permit';

/** What the score reads of a candidate (skills lower-cased and trimmed; see `prepareCandidate`). */
export interface CandidateFacts {
  desiredNoc: readonly string[];
  /** NOC codes of past jobs with their years. */
  experience: ReadonlyArray<{ noc: string; years: number }>;
  skills: ReadonlySet<string>;
  frenchNclc: number | null;
  englishClb: number | null;
  /** Empty: anywhere in the region. */
  municipalities: readonly string[];
  availableFrom: string | null;
  permit: Permit;
  education: Education;
  family: { spouseJob: boolean; housing: boolean; relocation: boolean };
}

/** What the score reads of an offer. */
export interface OfferFacts {
  noc: string;
  teer: number;
  skills: readonly string[];
  frenchMinNclc: number | null;
  englishMinClb: number | null;
  municipality: string;
  startDate: string | null;
  permitSupport: boolean;
  housingHelp: boolean;
  relocationHelp: boolean;
  spouseJobHelp: boolean;
}

/** How close two NOC codes are in the hierarchy, from the same unit group down to nothing in common. */
export type NocLevel = 'unit' | 'minor' | 'submajor' | 'major' | 'broad' | 'none';

export type Factor =
  | {
      key: 'occupation';
      points: number;
      max: number;
      level: NocLevel;
      via: 'desired' | 'experience';
      code: string;
      years?: number;
    }
  | { key: 'skills'; points: number; max: number; matched: string[]; missing: string[] }
  | { key: 'french' | 'english'; points: number; max: number; level: number | null; required: number }
  | { key: 'location'; points: number; max: number; wanted: boolean }
  | { key: 'availability'; points: number; max: number; daysLate: number }
  | { key: 'permit'; points: number; max: number; permit: Permit; supported: boolean }
  | {
      key: 'education';
      points: number;
      max: number;
      teer: number;
      reaches: number;
      compensatedByExperience: boolean;
    }
  | { key: 'family'; points: number; max: number; met: string[]; unmet: string[] };

export interface MatchScore {
  /** 0–100, rounded. */
  score: number;
  factors: Factor[];
}

export const WEIGHTS = {
  occupation: 30,
  skills: 20,
  languages: 15,
  location: 10,
  availability: 5,
  permit: 10,
  education: 5,
  family: 5,
} as const;

const NOC_SHARE: Record<NocLevel, number> = {
  unit: 1,
  minor: 0.75,
  submajor: 0.55,
  major: 0.4,
  broad: 0.2,
  none: 0,
};

/** How close two 5-digit codes are: same unit group, minor group (4), sub-major (3), major (2), broad (1). */
export function nocLevel(a: string, b: string): NocLevel {
  // Character comparisons, no substrings: this runs for every pair of a full recomputation.
  if (a === b) return 'unit';
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return 'none';
  if (a.charCodeAt(1) !== b.charCodeAt(1)) return 'broad';
  if (a.charCodeAt(2) !== b.charCodeAt(2)) return 'major';
  if (a.charCodeAt(3) !== b.charCodeAt(3)) return 'submajor';
  return 'minor';
}

/** The most demanding TEER an education level prepares for (TEER 1 needs a degree, TEER 5 nothing). */
export function teerReachedBy(education: Education): number {
  switch (education) {
    case 'bachelor':
    case 'master':
    case 'doctorate':
      return 1;
    case 'college':
      return 2;
    case 'vocational':
      return 3;
    case 'secondary':
      return 4;
    default:
      return 5;
  }
}

/** Normalises a skill for comparison: lower case, accents and extra spaces removed. */
export function normaliseSkill(skill: string): string {
  return skill
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const FREE_TO_WORK: ReadonlySet<Permit> = new Set(['citizen', 'permanent_resident', 'open_permit']);
const DAY = 86_400_000;

function occupationFactor(c: CandidateFacts, o: OfferFacts): Factor {
  let best: Extract<Factor, { key: 'occupation' }> = {
    key: 'occupation',
    points: 0,
    max: WEIGHTS.occupation,
    level: 'none',
    via: 'desired',
    code: '',
  };
  const consider = (code: string, via: 'desired' | 'experience', years?: number) => {
    const level = nocLevel(code, o.noc);
    // Experience counts as much as a wish once it is two years or more; less before.
    const weight = via === 'experience' ? Math.min(1, (years ?? 0) / 2) : 1;
    const points = WEIGHTS.occupation * NOC_SHARE[level] * weight;
    if (points > best.points)
      best = { ...best, points, level, via, code, ...(years === undefined ? {} : { years }) };
  };
  for (const code of c.desiredNoc) consider(code, 'desired');
  for (const e of c.experience) consider(e.noc, 'experience', e.years);
  return best;
}

function languageFactor(
  key: 'french' | 'english',
  level: number | null,
  required: number | null,
  max: number,
): Factor | null {
  if (required === null || required <= 0) return null;
  const have = level ?? 0;
  const points = have >= required ? max : (max * have) / required / 2;
  return { key, points, max, level, required };
}

/** Scores one candidate against one offer. Pure and deterministic. */
export function scoreMatch(c: CandidateFacts, o: OfferFacts, today: string): MatchScore {
  const factors: Factor[] = [];
  factors.push(occupationFactor(c, o));

  if (o.skills.length > 0) {
    const matched: string[] = [];
    const missing: string[] = [];
    for (const s of o.skills) (c.skills.has(normaliseSkill(s)) ? matched : missing).push(s);
    factors.push({
      key: 'skills',
      points: (WEIGHTS.skills * matched.length) / o.skills.length,
      max: WEIGHTS.skills,
      matched,
      missing,
    });
  } else {
    factors.push({
      key: 'skills',
      points: WEIGHTS.skills / 2,
      max: WEIGHTS.skills,
      matched: [],
      missing: [],
    });
  }

  const fr = languageFactor('french', c.frenchNclc, o.frenchMinNclc, 0);
  const en = languageFactor('english', c.englishClb, o.englishMinClb, 0);
  const required = [fr, en].filter((f): f is Factor => f !== null);
  if (required.length === 0) {
    // No requirement: the languages part is fully met; shown as French when the person has some.
    factors.push({
      key: 'french',
      points: WEIGHTS.languages,
      max: WEIGHTS.languages,
      level: c.frenchNclc,
      required: 0,
    });
  } else {
    const share = WEIGHTS.languages / required.length;
    if (fr) factors.push(languageFactor('french', c.frenchNclc, o.frenchMinNclc, share) as Factor);
    if (en) factors.push(languageFactor('english', c.englishClb, o.englishMinClb, share) as Factor);
  }

  const wanted = c.municipalities.length === 0 || c.municipalities.includes(o.municipality);
  factors.push({ key: 'location', points: wanted ? WEIGHTS.location : 0, max: WEIGHTS.location, wanted });

  let daysLate = 0;
  if (c.availableFrom) {
    const start = o.startDate && o.startDate > today ? o.startDate : today;
    daysLate = Math.max(0, Math.round((Date.parse(c.availableFrom) - Date.parse(start)) / DAY));
  }
  factors.push({
    key: 'availability',
    points: WEIGHTS.availability * Math.max(0, 1 - daysLate / 90),
    max: WEIGHTS.availability,
    daysLate,
  });

  const free = FREE_TO_WORK.has(c.permit);
  factors.push({
    key: 'permit',
    points: free || o.permitSupport ? WEIGHTS.permit : 0,
    max: WEIGHTS.permit,
    permit: c.permit,
    supported: !free && o.permitSupport,
  });

  const reaches = teerReachedBy(c.education);
  const yearsInField = c.experience.reduce(
    (sum, e) => (nocLevel(e.noc, o.noc) !== 'none' ? sum + e.years : sum),
    0,
  );
  // TEER 0 (management) asks for experience more than a diploma: count it like TEER 2.
  const needed = o.teer === 0 ? 2 : o.teer;
  const gap = Math.max(0, reaches - needed);
  const compensated = gap === 1 && yearsInField >= 5;
  const eduShare = gap === 0 || compensated ? 1 : gap === 1 ? 0.5 : 0;
  factors.push({
    key: 'education',
    points: WEIGHTS.education * eduShare,
    max: WEIGHTS.education,
    teer: o.teer,
    reaches,
    compensatedByExperience: compensated,
  });

  const needs: Array<[string, boolean, boolean]> = [
    ['housing', c.family.housing, o.housingHelp],
    ['relocation', c.family.relocation, o.relocationHelp],
    ['spouseJob', c.family.spouseJob, o.spouseJobHelp],
  ];
  const asked = needs.filter(([, need]) => need);
  const met = asked.filter(([, , help]) => help).map(([k]) => k);
  const unmet = asked.filter(([, , help]) => !help).map(([k]) => k);
  factors.push({
    key: 'family',
    points: asked.length === 0 ? WEIGHTS.family : (WEIGHTS.family * met.length) / asked.length,
    max: WEIGHTS.family,
    met,
    unmet,
  });

  const total = factors.reduce((sum, f) => sum + f.points, 0);
  return { score: Math.round(total), factors };
}

/** A pair is a match only when the occupations share at least their broad category and the score is high enough. */
export const MATCH_THRESHOLD = 50;

/** Whether a score makes a match. */
export function isMatch(result: MatchScore): boolean {
  const occupation = result.factors.find((f) => f.key === 'occupation');
  return !!occupation && occupation.points > 0 && result.score >= MATCH_THRESHOLD;
}

/** An offer prepared once for scoring many candidates: skills normalised, start date parsed. */
export interface PreparedOffer {
  facts: OfferFacts;
  skills: string[];
  /** Milliseconds of the later of the start date and today. */
  startMs: number;
  broad: string;
}

/** A candidate prepared once for scoring many offers. */
export interface PreparedCandidate {
  facts: CandidateFacts;
  availableMs: number | null;
  broads: ReadonlySet<string>;
  /** The most demanding TEER the person's education prepares for. */
  education: number;
}

/** Prepares an offer for `scoreValue` (same result as `scoreMatch`, without building the factors). */
export function prepareOffer(o: OfferFacts, today: string): PreparedOffer {
  const start = o.startDate && o.startDate > today ? o.startDate : today;
  return {
    facts: o,
    skills: o.skills.map(normaliseSkill),
    startMs: Date.parse(start),
    broad: o.noc.charAt(0),
  };
}

/** Prepares a candidate for `scoreValue`. */
export function prepareCandidate(c: CandidateFacts): PreparedCandidate {
  const broads = new Set<string>();
  for (const n of c.desiredNoc) broads.add(n.charAt(0));
  // Experience counts for nothing until it lasted some time (its weight is years / 2).
  for (const e of c.experience) if (e.years > 0) broads.add(e.noc.charAt(0));
  return {
    facts: c,
    availableMs: c.availableFrom ? Date.parse(c.availableFrom) : null,
    broads,
    education: teerReachedBy(c.education),
  };
}

/**
 * The score of `scoreMatch` as a number only, for ranking thousands of pairs: same arithmetic in the
 * same order (a property test checks they agree), no objects built.
 */
export function scoreValue(pc: PreparedCandidate, po: PreparedOffer): number {
  const c = pc.facts;
  const o = po.facts;
  let occupation = 0;
  for (const code of c.desiredNoc) {
    const p = WEIGHTS.occupation * NOC_SHARE[nocLevel(code, o.noc)] * 1;
    if (p > occupation) occupation = p;
  }
  for (const e of c.experience) {
    const p = WEIGHTS.occupation * NOC_SHARE[nocLevel(e.noc, o.noc)] * Math.min(1, (e.years ?? 0) / 2);
    if (p > occupation) occupation = p;
  }
  let total = occupation;
  if (po.skills.length > 0) {
    let matched = 0;
    for (const s of po.skills) if (c.skills.has(s)) matched++;
    total += (WEIGHTS.skills * matched) / po.skills.length;
  } else total += WEIGHTS.skills / 2;
  const frReq = o.frenchMinNclc !== null && o.frenchMinNclc > 0;
  const enReq = o.englishMinClb !== null && o.englishMinClb > 0;
  if (!frReq && !enReq) total += WEIGHTS.languages;
  else {
    const share = WEIGHTS.languages / ((frReq ? 1 : 0) + (enReq ? 1 : 0));
    const lang = (level: number | null, required: number) => {
      const have = level ?? 0;
      return have >= required ? share : (share * have) / required / 2;
    };
    if (frReq) total += lang(c.frenchNclc, o.frenchMinNclc as number);
    if (enReq) total += lang(c.englishClb, o.englishMinClb as number);
  }
  total += c.municipalities.length === 0 || c.municipalities.includes(o.municipality) ? WEIGHTS.location : 0;
  const daysLate = pc.availableMs === null ? 0 : Math.max(0, Math.round((pc.availableMs - po.startMs) / DAY));
  total += WEIGHTS.availability * Math.max(0, 1 - daysLate / 90);
  total += FREE_TO_WORK.has(c.permit) || o.permitSupport ? WEIGHTS.permit : 0;
  let yearsInField = 0;
  for (const e of c.experience) if (e.noc.charAt(0) === po.broad) yearsInField += e.years;
  const needed = o.teer === 0 ? 2 : o.teer;
  const gap = Math.max(0, pc.education - needed);
  const compensated = gap === 1 && yearsInField >= 5;
  total += WEIGHTS.education * (gap === 0 || compensated ? 1 : gap === 1 ? 0.5 : 0);
  let asked = 0;
  let met = 0;
  if (c.family.housing) {
    asked++;
    if (o.housingHelp) met++;
  }
  if (c.family.relocation) {
    asked++;
    if (o.relocationHelp) met++;
  }
  if (c.family.spouseJob) {
    asked++;
    if (o.spouseJobHelp) met++;
  }
  total += asked === 0 ? WEIGHTS.family : (WEIGHTS.family * met) / asked;
  return Math.round(total);
}

/** Whether a prepared pair makes a match (`isMatch` of `scoreMatch`, from the number alone). */
export function isMatchValue(pc: PreparedCandidate, po: PreparedOffer, score: number): boolean {
  return pc.broads.has(po.broad) && score >= MATCH_THRESHOLD;
}
