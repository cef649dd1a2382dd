// Call-back list benchmark: how long the pure rules take to evaluate a whole list for one need (ordering plus
// every skip rule: availability slots, qualifications, absences, overlaps, rest, weekly hours, refusals), for
// lists of 50 to 5,000 people with a month of shifts each. Baseline measured in the same run: sorting the same
// list by seniority alone (what a spreadsheet does). A round re-evaluates the list at each step, so this is
// the cost of one step.
// Usage: node bench/callback.ts [--runs 200] [--reasons]  (--reasons prints why people of a 200-person list are passed over)
import {
  ALL_SLOTS,
  type Candidate,
  DEFAULT_RULES,
  evaluateRound,
  type NeedFacts,
} from '../src/modules/operations/callback/call-order.ts';
import { arg, type Figure, report } from './support.ts';

const RUNS = arg('runs', 200);
const HOUR = 3_600_000;
const base = Date.UTC(2026, 2, 2, 12);
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

function list(size: number): Candidate[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `e${i}`,
    employeeNumber: String(i).padStart(6, '0'),
    active: random() > 0.05,
    jobClasses: random() > 0.2 ? ['journalier'] : ['sauveteur'],
    qualifications: ['SIMDUT', 'Permis classe 3', 'Cariste'].filter(() => random() > 0.4),
    seniorityHours: Math.floor(random() * 10_000),
    seniorityDate: null,
    slots: ALL_SLOTS.filter(() => random() > 0.4),
    absences:
      random() > 0.9 ? [{ startsAt: new Date(base - 48 * HOUR), endsAt: new Date(base + 48 * HOUR) }] : [],
    assignments: Array.from({ length: 12 }, () => {
      const start = base + Math.floor((random() - 0.5) * 28 * 24) * HOUR;
      return { startsAt: new Date(start), endsAt: new Date(start + 8 * HOUR) };
    }),
    refusals: Array.from({ length: 3 }, () => ({
      at: new Date(base - random() * 20 * 24 * HOUR),
      hours: 8,
      kind: 'refused' as const,
    })),
  }));
}

const need: NeedFacts = {
  jobClass: 'journalier',
  startsAt: new Date(base + 26 * HOUR),
  endsAt: new Date(base + 34 * HOUR),
  qualifications: ['SIMDUT'],
  urgent: false,
};
const rules = {
  ...DEFAULT_RULES,
  refusalPolicy: 'limit' as const,
  refusalLimit: 5,
  equalDistribution: true,
  refusedHoursCount: true,
};

function time(fn: () => unknown): number {
  for (let i = 0; i < 5; i++) fn();
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) fn();
  return (performance.now() - start) / RUNS;
}

if (process.argv.includes('--reasons')) {
  const d = evaluateRound({ rules, need, candidates: list(200), offered: new Set() });
  const count: Record<string, number> = {};
  for (const x of d) count[x.reason ?? 'eligible'] = (count[x.reason ?? 'eligible'] ?? 0) + 1;
  console.log(count);
}
console.log(`Call-back rules: one evaluation of the whole list (mean of ${RUNS} runs)`);
console.log('people  evaluation   seniority sort (baseline)   ratio   eligible');
const figures: Figure[] = [];
for (const size of [50, 200, 1000, 5000]) {
  const people = list(size);
  const evaluation = time(() => evaluateRound({ rules, need, candidates: people, offered: new Set() }));
  const baseline = time(() => [...people].sort((a, b) => b.seniorityHours - a.seniorityHours));
  const eligible = evaluateRound({ rules, need, candidates: people, offered: new Set() }).filter(
    (d) => d.eligible,
  ).length;
  console.log(
    `${String(size).padStart(6)}  ${evaluation.toFixed(3).padStart(8)} ms   ${baseline.toFixed(3).padStart(10)} ms              ${(evaluation / baseline).toFixed(1).padStart(6)}×   ${eligible}`,
  );
  figures.push({
    label: `evaluation of a ${size}-person list`,
    value: evaluation,
    unit: 'ms',
    baseline: { label: 'seniority sort', value: baseline },
  });
}
report('callback', figures);
