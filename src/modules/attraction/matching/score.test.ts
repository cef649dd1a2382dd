import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from './explain.ts';
import { type CandidateFacts, isMatch, nocLevel, type OfferFacts, scoreMatch } from './score.ts';

const TODAY = '2026-11-26';
const SKILLS = ['haccp', 'pasteurisation', 'rcr', 'cuisine', 'gestion', 'soudure', 'manutention', 'excel'];
const NOCS = ['94140', '94141', '95106', '92012', '33102', '63200', '72106', '21231'];

const candidate = fc.record({
  desiredNoc: fc.subarray(NOCS, { maxLength: 3 }),
  experience: fc.array(fc.record({ noc: fc.constantFrom(...NOCS), years: fc.integer({ min: 0, max: 20 }) }), {
    maxLength: 3,
  }),
  skills: fc.subarray(SKILLS).map((s) => new Set(s)),
  frenchNclc: fc.option(fc.integer({ min: 0, max: 12 })),
  englishClb: fc.option(fc.integer({ min: 0, max: 12 })),
  municipalities: fc.subarray(['a', 'b', 'c']),
  availableFrom: fc.option(fc.constantFrom('2026-11-01', '2026-12-15', '2027-03-01')),
  permit: fc.constantFrom(
    'citizen',
    'permanent_resident',
    'open_permit',
    'employer_specific_permit',
    'needs_permit' as const,
  ),
  education: fc.constantFrom(
    'none',
    'secondary',
    'vocational',
    'college',
    'bachelor',
    'master',
    'doctorate' as const,
  ),
  family: fc.record({ spouseJob: fc.boolean(), housing: fc.boolean(), relocation: fc.boolean() }),
}) as fc.Arbitrary<CandidateFacts>;

const offer = fc
  .record({
    noc: fc.constantFrom(...NOCS),
    skills: fc.subarray(SKILLS, { minLength: 1 }),
    frenchMinNclc: fc.option(fc.integer({ min: 1, max: 12 })),
    englishMinClb: fc.option(fc.integer({ min: 1, max: 12 })),
    municipality: fc.constantFrom('a', 'b', 'c'),
    startDate: fc.option(fc.constantFrom('2026-12-01', '2027-01-15')),
    permitSupport: fc.boolean(),
    housingHelp: fc.boolean(),
    relocationHelp: fc.boolean(),
    spouseJobHelp: fc.boolean(),
  })
  .map((o) => ({ ...o, teer: Number(o.noc.charAt(1)) })) as fc.Arbitrary<OfferFacts>;

describe('arrimage score', () => {
  it('ranks the NOC hierarchy: unit group, minor, sub-major, major, broad category', () => {
    expect(nocLevel('94140', '94140')).toBe('unit');
    expect(nocLevel('94140', '94141')).toBe('minor');
    expect(nocLevel('94140', '94120')).toBe('submajor');
    expect(nocLevel('94140', '95106')).toBe('broad');
    expect(nocLevel('94140', '94010')).toBe('major');
    expect(nocLevel('94140', '92012')).toBe('broad');
    expect(nocLevel('94140', '33102')).toBe('none');
  });

  it('is deterministic and stays between 0 and 100', () => {
    fc.assert(
      fc.property(candidate, offer, (c, o) => {
        const a = scoreMatch(c, o, TODAY);
        const b = scoreMatch(c, o, TODAY);
        expect(a).toEqual(b);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never lowers the score for one more matching skill', () => {
    fc.assert(
      fc.property(candidate, offer, fc.constantFrom(...SKILLS), (c, o, extra) => {
        const more = { ...c, skills: new Set([...c.skills, extra]) };
        expect(scoreMatch(more, o, TODAY).score).toBeGreaterThanOrEqual(scoreMatch(c, o, TODAY).score);
      }),
    );
  });

  it('never lowers the score for a better French level, or for wanting the offer’s municipality', () => {
    fc.assert(
      fc.property(candidate, offer, (c, o) => {
        const better = { ...c, frenchNclc: Math.min(12, (c.frenchNclc ?? 0) + 1) };
        expect(scoreMatch(better, o, TODAY).score).toBeGreaterThanOrEqual(scoreMatch(c, o, TODAY).score);
        const wants = { ...c, municipalities: [...c.municipalities, o.municipality] };
        expect(scoreMatch(wants, o, TODAY).score).toBeGreaterThanOrEqual(scoreMatch(c, o, TODAY).score);
      }),
    );
  });

  it('gives every reason a factor that counted: matches score points, gaps lack some', () => {
    fc.assert(
      fc.property(
        candidate,
        offer,
        fc.constantFrom('fr', 'en' as const),
        fc.constantFrom('candidate', 'employer' as const),
        (c, o, locale, side) => {
          const { factors } = scoreMatch(c, o, TODAY);
          for (const r of explain(factors, locale, side)) {
            const f = factors.find((x) => x.key === r.factor);
            expect(f).toBeDefined();
            if (!f) continue;
            if (r.kind === 'match') expect(f.points).toBeGreaterThan(0);
            else expect(f.points).toBeLessThan(f.max);
          }
        },
      ),
    );
  });

  it('needs an occupation in the same broad category to be a match', () => {
    fc.assert(
      fc.property(candidate, offer, (c, o) => {
        const r = scoreMatch(c, o, TODAY);
        const same = [...c.desiredNoc, ...c.experience.filter((e) => e.years > 0).map((e) => e.noc)].some(
          (n) => n.charAt(0) === o.noc.charAt(0),
        );
        if (!same) expect(isMatch(r)).toBe(false);
      }),
    );
  });

  it('explains a strong match in plain words on both sides', () => {
    const c: CandidateFacts = {
      desiredNoc: ['94140'],
      experience: [{ noc: '94140', years: 6 }],
      skills: new Set(['haccp', 'pasteurisation']),
      frenchNclc: 9,
      englishClb: 5,
      municipalities: ['a'],
      availableFrom: '2026-12-01',
      permit: 'needs_permit',
      education: 'vocational',
      family: { spouseJob: false, housing: true, relocation: false },
    };
    const o: OfferFacts = {
      noc: '94140',
      teer: 4,
      skills: ['HACCP', 'Pasteurisation'],
      frenchMinNclc: 5,
      englishMinClb: null,
      municipality: 'a',
      startDate: '2026-12-15',
      permitSupport: true,
      housingHelp: true,
      relocationHelp: false,
      spouseJobHelp: false,
    };
    const r = scoreMatch(c, o, TODAY);
    expect(r.score).toBe(100);
    const fr = explain(r.factors, 'fr', 'candidate').map((x) => x.text);
    expect(fr).toContain('Votre français (NCLC 9) atteint le niveau demandé (NCLC 5).');
    const en = explain(r.factors, 'en', 'employer').map((x) => x.text);
    expect(en.some((t) => t.startsWith('The candidate is looking for the same occupation'))).toBe(true);
    expect(en.some((t) => /you/i.test(t))).toBe(false);
  });
});

describe('fast score', () => {
  it('agrees with scoreMatch on the score and on being a match', async () => {
    const { prepareCandidate, prepareOffer, scoreValue, isMatchValue } = await import('./score.ts');
    fc.assert(
      fc.property(candidate, offer, (c, o) => {
        const full = scoreMatch(c, o, TODAY);
        const pc = prepareCandidate(c);
        const po = prepareOffer(o, TODAY);
        const fast = scoreValue(pc, po);
        expect(fast).toBe(full.score);
        expect(isMatchValue(pc, po, fast)).toBe(isMatch(full));
      }),
      { numRuns: 2000 },
    );
  });
});
