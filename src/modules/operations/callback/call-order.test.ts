import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_SLOTS,
  availabilityEffectiveFrom,
  type CallbackRules,
  type Candidate,
  DEFAULT_RULES,
  evaluateRound,
  localParts,
  type NeedFacts,
  nextToOffer,
  periodHours,
  responseWindowMinutes,
  type Slot,
  slotAt,
  slotsOf,
  weekOf,
} from './call-order.ts';

const HOUR = 3_600_000;
// Monday 2026-03-02 is in EST (UTC-5): 07:00 local = 12:00 UTC.
const MON_7 = new Date('2026-03-02T12:00:00Z');
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);

function person(overrides: Partial<Candidate> & { id: string }): Candidate {
  return {
    employeeNumber: overrides.id,
    active: true,
    jobClasses: ['journalier'],
    qualifications: [],
    seniorityHours: 1000,
    seniorityDate: '2020-01-01',
    slots: ALL_SLOTS,
    absences: [],
    assignments: [],
    refusals: [],
    ...overrides,
  };
}

const need: NeedFacts = {
  jobClass: 'journalier',
  startsAt: MON_7,
  endsAt: at(MON_7, 8),
  qualifications: [],
  urgent: false,
};
const rules: CallbackRules = { ...DEFAULT_RULES };

describe('slots and weeks (Quebec time)', () => {
  it('places day, evening and night shifts, a night belonging to the day it starts', () => {
    expect(slotAt(MON_7)).toBe('mon:day');
    expect(slotAt(at(MON_7, 8))).toBe('mon:evening');
    expect(slotAt(at(MON_7, 16))).toBe('mon:night');
    expect(slotAt(at(MON_7, 20))).toBe('mon:night'); // Tuesday 03:00
    expect(slotAt(at(MON_7, 24))).toBe('tue:day');
    expect(slotAt(at(MON_7, -8))).toBe('sun:night'); // Sunday 23:00
  });

  it('lists every slot a shift touches', () => {
    expect(slotsOf({ startsAt: MON_7, endsAt: at(MON_7, 8) })).toEqual(['mon:day']);
    expect(slotsOf({ startsAt: at(MON_7, 6), endsAt: at(MON_7, 12) })).toEqual(['mon:day', 'mon:evening']);
    expect(slotsOf({ startsAt: at(MON_7, 16), endsAt: at(MON_7, 24) })).toEqual(['mon:night']);
  });

  it('keeps local hours across the spring change of time (8 March 2026)', () => {
    // Sunday 8 March, 09:00 EDT = 13:00 UTC.
    expect(localParts(new Date('2026-03-08T13:00:00Z'))).toEqual({ date: '2026-03-08', weekday: 6, hour: 9 });
    expect(weekOf(new Date('2026-03-08T13:00:00Z'))).toBe('2026-03-02');
    expect(weekOf(new Date('2026-03-09T13:00:00Z'))).toBe('2026-03-09');
  });
});

describe('skip rules', () => {
  const cases: Array<[string, Partial<Candidate>, Partial<CallbackRules>, Partial<NeedFacts>]> = [
    ['inactive', { active: false }, {}, {}],
    ['absent', { absences: [{ startsAt: at(MON_7, -24), endsAt: at(MON_7, 1) }] }, {}, {}],
    ['unavailable', { slots: ['mon:evening', 'tue:day'] }, {}, {}],
    ['unqualified', { qualifications: ['SIMDUT'] }, {}, { qualifications: ['SIMDUT', 'Permis classe 3'] }],
    ['overlap', { assignments: [{ startsAt: at(MON_7, 4), endsAt: at(MON_7, 10) }] }, {}, {}],
    [
      'min_rest',
      { assignments: [{ startsAt: at(MON_7, -12), endsAt: at(MON_7, -4) }] },
      { minRestHours: 8 },
      {},
    ],
    [
      'min_rest',
      { assignments: [{ startsAt: at(MON_7, 12), endsAt: at(MON_7, 20) }] },
      { minRestHours: 8 },
      {},
    ],
    [
      'max_hours',
      {
        assignments: [0, 1, 2, 3].map((d) => ({
          startsAt: at(MON_7, 24 * (d + 1)),
          endsAt: at(MON_7, 24 * (d + 1) + 8),
        })),
      },
      { maxHoursPerWeek: 35 },
      {},
    ],
    [
      'refusal_limit',
      { refusals: [1, 2, 3].map((d) => ({ at: at(MON_7, -24 * d), hours: 8, kind: 'refused' as const })) },
      { refusalPolicy: 'limit', refusalLimit: 3 },
      {},
    ],
  ];
  for (const [reason, who, ruleChanges, needChanges] of cases)
    it(`passes over: ${reason}`, () => {
      const [d] = evaluateRound({
        rules: { ...rules, ...ruleChanges },
        need: { ...need, ...needChanges },
        candidates: [person({ id: 'a', ...who })],
        offered: new Set(),
      });
      expect(d).toMatchObject({ eligible: false, reason });
    });

  it('does not skip at exactly the minimum rest or exactly the maximum hours', () => {
    const [rest] = evaluateRound({
      rules: { ...rules, minRestHours: 8 },
      need,
      candidates: [person({ id: 'a', assignments: [{ startsAt: at(MON_7, -16), endsAt: at(MON_7, -8) }] })],
      offered: new Set(),
    });
    expect(rest?.eligible).toBe(true);
    const [max] = evaluateRound({
      rules: { ...rules, maxHoursPerWeek: 40 },
      need,
      candidates: [
        person({
          id: 'a',
          assignments: [1, 2, 3, 4].map((d) => ({
            startsAt: at(MON_7, 24 * d),
            endsAt: at(MON_7, 24 * d + 8),
          })),
        }),
      ],
      offered: new Set(),
    });
    expect(max?.eligible).toBe(true);
  });

  it('counts windows left to expire as refusals only when the agreement says so', () => {
    const who = person({
      id: 'a',
      refusals: [1, 2, 3].map((d) => ({ at: at(MON_7, -24 * d), hours: 8, kind: 'expired' as const })),
    });
    const limit = { ...rules, refusalPolicy: 'limit' as const, refusalLimit: 3 };
    expect(evaluateRound({ rules: limit, need, candidates: [who], offered: new Set() })[0]?.eligible).toBe(
      true,
    );
    expect(
      evaluateRound({
        rules: { ...limit, noAnswerCountsAsRefusal: true },
        need,
        candidates: [who],
        offered: new Set(),
      })[0]?.reason,
    ).toBe('refusal_limit');
  });

  it('forgets refusals older than the period', () => {
    const who = person({
      id: 'a',
      refusals: [30, 31, 32].map((d) => ({ at: at(MON_7, -24 * d), hours: 8, kind: 'refused' as const })),
    });
    const limit = { ...rules, refusalPolicy: 'limit' as const, refusalLimit: 3, periodDays: 28 };
    expect(evaluateRound({ rules: limit, need, candidates: [who], offered: new Set() })[0]?.eligible).toBe(
      true,
    );
  });
});

describe('order', () => {
  it('calls by seniority in hours, most first, employee number breaking ties', () => {
    const d = evaluateRound({
      rules,
      need,
      candidates: [
        person({ id: 'c', seniorityHours: 100 }),
        person({ id: 'b', seniorityHours: 900 }),
        person({ id: 'a', seniorityHours: 100 }),
        person({ id: 'x', seniorityHours: 5000, jobClasses: ['sauveteur'] }),
      ],
      offered: new Set(),
    });
    expect(d.map((x) => x.employeeId)).toEqual(['b', 'a', 'c']);
    expect(d.map((x) => x.rank)).toEqual([1, 2, 3]);
  });

  it('calls by seniority date, earliest first, people without a date last', () => {
    const d = evaluateRound({
      rules: { ...rules, seniorityBasis: 'date' },
      need,
      candidates: [
        person({ id: 'a', seniorityDate: null, seniorityHours: 9999 }),
        person({ id: 'b', seniorityDate: '2021-05-01' }),
        person({ id: 'c', seniorityDate: '2018-02-01' }),
      ],
      offered: new Set(),
    });
    expect(d.map((x) => x.employeeId)).toEqual(['c', 'b', 'a']);
  });

  it('shares hours equally when asked: fewest hours in the period first, refused hours counting when agreed', () => {
    const candidates = [
      person({
        id: 'senior',
        seniorityHours: 5000,
        assignments: [{ startsAt: at(MON_7, -72), endsAt: at(MON_7, -64) }],
      }),
      person({ id: 'junior', seniorityHours: 100 }),
      person({
        id: 'refuser',
        seniorityHours: 3000,
        refusals: [{ at: at(MON_7, -48), hours: 8, kind: 'refused' }],
      }),
    ];
    const share = { ...rules, equalDistribution: true };
    expect(
      evaluateRound({ rules: share, need, candidates, offered: new Set() }).map((x) => x.employeeId),
    ).toEqual(['refuser', 'junior', 'senior']);
    expect(
      evaluateRound({
        rules: { ...share, refusedHoursCount: true },
        need,
        candidates,
        offered: new Set(),
      }).map((x) => x.employeeId),
    ).toEqual(['junior', 'senior', 'refuser']);
  });

  it('offers as many at once as the rules allow, beside those pending', () => {
    const decisions = evaluateRound({
      rules,
      need,
      candidates: ['a', 'b', 'c', 'd'].map((id, i) =>
        person({ id, seniorityHours: 100 - i, active: id !== 'b' }),
      ),
      offered: new Set(),
    });
    expect(nextToOffer(decisions, rules, 0).map((d) => d.employeeId)).toEqual(['a']);
    expect(nextToOffer(decisions, { ...rules, offersAtOnce: 2 }, 0).map((d) => d.employeeId)).toEqual([
      'a',
      'c',
    ]);
    expect(nextToOffer(decisions, { ...rules, offersAtOnce: 2 }, 1).map((d) => d.employeeId)).toEqual(['a']);
    expect(nextToOffer(decisions, rules, 1)).toEqual([]);
  });
});

describe('windows and deadlines', () => {
  it('gives 5 minutes within 24 h, 20 within 48 h, the default beyond; urgent takes the shortest', () => {
    const w = (hoursAhead: number, urgent = false) =>
      responseWindowMinutes(rules, { ...need, urgent }, new Date(MON_7.getTime() - hoursAhead * HOUR));
    expect(w(2)).toBe(5);
    expect(w(24)).toBe(5);
    expect(w(30)).toBe(20);
    expect(w(100)).toBe(60);
    expect(w(100, true)).toBe(5);
  });

  it('applies a change of availability from the first week the deadline still allows', () => {
    // Wednesday 4 March 2026 at noon; deadline 3 days: next Monday (9th) is 5 days away → 9 March.
    const wed = new Date('2026-03-04T17:00:00Z');
    expect(availabilityEffectiveFrom(wed, 3)).toBe('2026-03-09');
    // Deadline 7 days: the 9th is too close → 16 March.
    expect(availabilityEffectiveFrom(wed, 7)).toBe('2026-03-16');
    expect(availabilityEffectiveFrom(wed, 0)).toBe('2026-03-04');
  });
});

// ---- Properties ----

const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
const QUALS = ['SIMDUT', 'Permis classe 3', 'Cariste'];
const base = Date.UTC(2026, 0, 5, 12); // Monday 5 January 2026, 07:00 EST

const arbInterval = fc
  .tuple(fc.integer({ min: -14 * 24, max: 14 * 24 }), fc.integer({ min: 1, max: 12 }))
  .map(([start, len]) => ({
    startsAt: new Date(base + start * HOUR),
    endsAt: new Date(base + (start + len) * HOUR),
  }));

const arbCandidate = (id: string) =>
  fc.record({
    id: fc.constant(id),
    employeeNumber: fc.constant(id),
    active: fc.integer({ min: 0, max: 9 }).map((x) => x > 0),
    jobClasses: fc.subarray(['journalier', 'sauveteur'], { minLength: 1 }),
    qualifications: fc.subarray(QUALS),
    seniorityHours: fc.integer({ min: 0, max: 10_000 }),
    seniorityDate: fc.option(
      fc
        .integer({ min: 0, max: 3000 })
        .map((d) => new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    ),
    slots: fc.subarray([...ALL_SLOTS] as Slot[]),
    absences: fc.array(arbInterval, { maxLength: 2 }),
    assignments: fc.array(arbInterval, { maxLength: 4 }),
    refusals: fc.array(
      fc.record({
        at: fc.integer({ min: -40 * 24, max: 0 }).map((h) => new Date(base + h * HOUR)),
        hours: fc.integer({ min: 1, max: 12 }),
        kind: fc.constantFrom('refused' as const, 'expired' as const),
      }),
      { maxLength: 5 },
    ),
  });

const arbRules: fc.Arbitrary<CallbackRules> = fc.record({
  seniorityBasis: fc.constantFrom('hours' as const, 'date' as const),
  windows: fc.constant(DEFAULT_RULES.windows),
  defaultWindowMinutes: fc.integer({ min: 1, max: 240 }),
  maxHoursPerWeek: fc.option(fc.integer({ min: 8, max: 60 })),
  minRestHours: fc.integer({ min: 0, max: 16 }),
  refusalPolicy: fc.constantFrom('free' as const, 'limit' as const),
  refusalLimit: fc.integer({ min: 1, max: 4 }),
  periodDays: fc.integer({ min: 1, max: 60 }),
  noAnswerCountsAsRefusal: fc.boolean(),
  equalDistribution: fc.boolean(),
  refusedHoursCount: fc.boolean(),
  offersAtOnce: fc.integer({ min: 1, max: 3 }),
  availabilityDeadlineDays: fc.integer({ min: 0, max: 14 }),
});

const arbNeed: fc.Arbitrary<NeedFacts> = fc
  .record({
    jobClass: fc.constantFrom('journalier', 'sauveteur'),
    start: fc.integer({ min: 0, max: 7 * 24 }),
    length: fc.integer({ min: 1, max: 12 }),
    qualifications: fc.subarray(QUALS, { maxLength: 2 }),
    urgent: fc.boolean(),
  })
  .map((n) => ({
    jobClass: n.jobClass,
    startsAt: new Date(base + n.start * HOUR),
    endsAt: new Date(base + (n.start + n.length) * HOUR),
    qualifications: n.qualifications,
    urgent: n.urgent,
  }));

const arbList = fc.tuple(...ids.map(arbCandidate));
const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

describe('properties of the call order', () => {
  it('never finds eligible someone unavailable, unqualified, absent, inactive, busy or short of rest', () => {
    fc.assert(
      fc.property(arbRules, arbNeed, arbList, fc.subarray(ids), (r, n, list, offeredIds) => {
        const offered = new Set(offeredIds);
        for (const d of evaluateRound({ rules: r, need: n, candidates: list, offered })) {
          if (!d.eligible) continue;
          const c = list.find((x) => x.id === d.employeeId) as Candidate;
          expect(c.active).toBe(true);
          expect(offered.has(c.id)).toBe(false);
          expect(c.jobClasses).toContain(n.jobClass);
          for (const s of slotsOf(n)) expect(c.slots).toContain(s);
          for (const q of n.qualifications) expect(c.qualifications).toContain(q);
          for (const a of c.absences) expect(overlaps(a, n)).toBe(false);
          for (const a of c.assignments) {
            expect(overlaps(a, n)).toBe(false);
            const gap =
              a.endsAt <= n.startsAt
                ? n.startsAt.getTime() - a.endsAt.getTime()
                : a.startsAt.getTime() - n.endsAt.getTime();
            expect(gap).toBeGreaterThanOrEqual(r.minRestHours * HOUR);
          }
          if (r.maxHoursPerWeek !== null) {
            const week = weekOf(n.startsAt);
            const worked = c.assignments
              .filter((a) => weekOf(a.startsAt) === week)
              .reduce((t, a) => t + (a.endsAt.getTime() - a.startsAt.getTime()) / HOUR, 0);
            expect(worked + (n.endsAt.getTime() - n.startsAt.getTime()) / HOUR).toBeLessThanOrEqual(
              r.maxHoursPerWeek,
            );
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('lists every member of the job class exactly once, ranked 1..n, and nobody else', () => {
    fc.assert(
      fc.property(arbRules, arbNeed, arbList, (r, n, list) => {
        const d = evaluateRound({ rules: r, need: n, candidates: list, offered: new Set() });
        const members = list.filter((c) => c.jobClasses.includes(n.jobClass)).map((c) => c.id);
        expect([...d.map((x) => x.employeeId)].sort()).toEqual([...members].sort());
        expect(d.map((x) => x.rank)).toEqual(members.map((_, i) => i + 1));
      }),
    );
  });

  it('orders by seniority (or by hours in the period first under equal distribution)', () => {
    fc.assert(
      fc.property(arbRules, arbNeed, arbList, (r, n, list) => {
        const d = evaluateRound({ rules: r, need: n, candidates: list, offered: new Set() });
        for (let i = 1; i < d.length; i++) {
          const [a, b] = [d[i - 1], d[i]] as [(typeof d)[0], (typeof d)[0]];
          if (r.equalDistribution) {
            expect(a.periodHours).toBeLessThanOrEqual(b.periodHours);
            if (a.periodHours !== b.periodHours) continue;
          }
          if (r.seniorityBasis === 'hours')
            expect(Number(a.seniority)).toBeGreaterThanOrEqual(Number(b.seniority));
          else if (a.seniority !== null && b.seniority !== null)
            expect(String(a.seniority) <= String(b.seniority)).toBe(true);
          else if (a.seniority === null) expect(b.seniority).toBeNull();
        }
      }),
    );
  });

  it('does not depend on the order the list is read in', () => {
    fc.assert(
      fc.property(
        arbRules,
        arbNeed,
        arbList.chain((l) => fc.shuffledSubarray(l, { minLength: l.length }).map((s) => [l, s] as const)),
        (r, n, [list, shuffled]) => {
          const a = evaluateRound({ rules: r, need: n, candidates: list, offered: new Set() });
          const b = evaluateRound({ rules: r, need: n, candidates: shuffled, offered: new Set() });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('a simulated round offers in rank order, never twice to one person, and fills at most once', () => {
    fc.assert(
      fc.property(
        arbRules,
        arbNeed,
        arbList,
        fc.array(fc.constantFrom('accept', 'refuse', 'expire'), { minLength: 1, maxLength: 12 }),
        (r, n, list, answers) => {
          const offered: string[] = [];
          let pending: string[] = [];
          let accepted = 0;
          let step = 0;
          for (;;) {
            const decisions = evaluateRound({
              rules: r,
              need: n,
              candidates: list,
              offered: new Set(offered),
            });
            const picks = nextToOffer(decisions, r, pending.length);
            const firstEligible = decisions.filter((d) => d.eligible).map((d) => d.employeeId);
            expect(picks.map((p) => p.employeeId)).toEqual(firstEligible.slice(0, picks.length));
            for (const p of picks) {
              expect(offered).not.toContain(p.employeeId);
              offered.push(p.employeeId);
              pending.push(p.employeeId);
            }
            if (pending.length === 0) break;
            const answer = answers[step++ % answers.length];
            const who = pending.shift() as string;
            if (answer === 'accept') {
              accepted++;
              pending = []; // the others are withdrawn
              break;
            }
            expect(who).toBeDefined();
            if (step > 50) break;
          }
          expect(accepted).toBeLessThanOrEqual(1);
          expect(new Set(offered).size).toBe(offered.length);
        },
      ),
    );
  });

  it('gives a window that never grows as the need comes closer, urgent never longer', () => {
    fc.assert(
      fc.property(
        arbRules,
        arbNeed,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (r, n, h1, h2) => {
          const [near, far] = h1 <= h2 ? [h1, h2] : [h2, h1];
          const plain = { ...n, urgent: false };
          const w = (h: number, x: NeedFacts) =>
            responseWindowMinutes(r, x, new Date(n.startsAt.getTime() - h * HOUR));
          if (r.defaultWindowMinutes >= Math.max(...r.windows.map((x) => x.minutes)))
            expect(w(near, plain)).toBeLessThanOrEqual(w(far, plain));
          expect(w(near, { ...n, urgent: true })).toBeLessThanOrEqual(w(near, plain));
        },
      ),
    );
  });

  it('applies availability changes from a Monday at least the deadline away, and the earliest such', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 }), fc.integer({ min: 1, max: 30 }), (h, days) => {
        const now = new Date(base + h * HOUR);
        const from = availabilityEffectiveFrom(now, days);
        const today = localParts(now).date;
        const gap = (Date.parse(from) - Date.parse(today)) / 86_400_000;
        expect(new Date(`${from}T12:00:00Z`).getUTCDay()).toBe(1);
        expect(gap).toBeGreaterThanOrEqual(days);
        expect(gap - 7).toBeLessThan(days);
      }),
    );
  });

  it('counts period hours as the sum of shifts in the period (plus refusals when agreed)', () => {
    fc.assert(
      fc.property(arbRules, arbNeed, arbCandidate('x'), (r, n, c) => {
        const h = periodHours(r, c, n);
        expect(h).toBeGreaterThanOrEqual(0);
        const noRefusals = periodHours({ ...r, refusedHoursCount: false }, c, n);
        expect(h).toBeGreaterThanOrEqual(noRefusals);
      }),
    );
  });
});
