// Adaptive large-neighbourhood search (Ropke & Pisinger 2006) for the dial-a-ride problem.
//
// Each iteration removes q requests with a destroy operator and re-inserts them with a repair operator;
// operators are drawn by weights that adapt to how often they helped. Acceptance is simulated annealing
// whose temperature follows the iteration count only, never the clock, so a run is reproducible from its
// seed: under a time limit the same trajectory is simply cut short. The annealing runs in rounds, each
// twice as long as the previous one and starting hot again, which keeps the search useful whatever the
// budget turns out to be; new best plans and, between rounds, the best plan get a local search.
import { constructPlan, createRepairCache, type RepairOptions, repair } from './construct.ts';
import { exchange, relocate } from './local-search.ts';
import type { Instance } from './model.ts';
import { clonePlan, copyPlan, createScratch, type Plan, planCost } from './plan.ts';
import { createRandom, randomInt } from './random.ts';
import { type Removal, removeRandom, removeRelated, removeRoute, removeWorst } from './removal.ts';

export interface SearchOptions {
  seed: number;
  /** Wall-clock budget in milliseconds. */
  timeLimitMs?: number;
  /** Iteration budget (deterministic stop). */
  maxIterations?: number;
  /** Plan to start from (must serve every request it can); built by regret insertion otherwise. */
  initial?: Plan;
}

export interface SearchResult {
  plan: Plan;
  cost: number;
  iterations: number;
  elapsedMs: number;
}

const NOISE = 0.025;
const REMOVALS: Removal[] = [removeRandom, removeWorst, removeRelated, removeRoute];
const REPAIRS: RepairOptions[] = [
  { regret: 0, noise: 4 * NOISE },
  { regret: 1, noise: 0 },
  { regret: 1, noise: NOISE },
  { regret: 2, noise: 0 },
  { regret: 2, noise: NOISE },
  { regret: 3, noise: 0 },
  { regret: 3, noise: NOISE },
];

/** Length of the first annealing round (iterations); each next round is twice as long. */
const FIRST_ROUND = 1000;
/** Scores of the adaptive weights: new best, better than current, accepted. */
const SCORE_BEST = 33;
const SCORE_BETTER = 9;
const SCORE_ACCEPTED = 13;
const SEGMENT = 100;
const REACTION = 0.1;

function pick(weights: Float64Array, random: () => number): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] as number;
    if (x <= 0) return i;
  }
  return weights.length - 1;
}

/** Runs the search; returns the best plan found (fewest unserved requests, then least travel). */
export function searchPlan(inst: Instance, options: SearchOptions): SearchResult {
  const started = performance.now();
  const deadline =
    options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : started + options.timeLimitMs;
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const random = createRandom(options.seed);
  const scratch = createScratch(inst);
  const cache = createRepairCache(inst);
  const penalty = 100 * Math.max(1, cache.maxTravel);
  const objective = (p: Plan) => planCost(p) + penalty * p.unserved;

  const current = options.initial
    ? clonePlan(inst, options.initial)
    : constructPlan(inst, random, scratch, cache);
  const candidate = clonePlan(inst, current);
  const best = clonePlan(inst, current);
  let currentCost = objective(current);
  let bestCost = currentCost;

  const movable = inst.n - inst.onboard.filter((v) => v >= 0).length;
  const qMin = Math.min(movable, 4);
  const qMax = Math.min(movable, Math.max(qMin, Math.min(40, Math.round(0.4 * movable))));
  const removalWeights = new Float64Array(REMOVALS.length).fill(1);
  const repairWeights = new Float64Array(REPAIRS.length).fill(1);
  const removalScores = new Float64Array(REMOVALS.length);
  const repairScores = new Float64Array(REPAIRS.length);
  const removalUses = new Float64Array(REMOVALS.length);
  const repairUses = new Float64Array(REPAIRS.length);

  let roundLength = FIRST_ROUND;
  let roundStart = 0;
  const removed: number[] = [];
  let iteration = 0;
  while (iteration < maxIterations && movable > 0 && (iteration & 15 || performance.now() < deadline)) {
    if (iteration - roundStart >= roundLength) {
      roundStart = iteration;
      roundLength *= 2;
      // Between rounds, polish the best plan with exchanges and relocations. The search itself goes on
      // from where it is (restarting from the best plan tested worse: it keeps falling into the same valley).
      for (let pass = 0; pass < 4; pass++) {
        const swapped = exchange(inst, best, scratch, random, 5);
        if (!relocate(inst, best, scratch, random) && !swapped) break;
      }
      bestCost = objective(best);
    }
    const progress = (iteration - roundStart) / roundLength;
    // A plan 1 % worse is accepted with probability ½ at the start of a round, 200 times less at its end.
    const t0 = (0.01 * currentCost) / Math.LN2;
    const temperature = t0 * 0.005 ** progress;

    const ro = pick(removalWeights, random);
    const rp = pick(repairWeights, random);
    removed.length = 0;
    const closed = (REMOVALS[ro] as Removal)(inst, candidate, randomInt(random, qMin, qMax), random, removed);
    // Requests left unserved before this iteration get another chance.
    if (candidate.unserved > removed.length)
      for (let r = 0; r < inst.n; r++)
        if ((candidate.routeOf[r] as number) < 0 && (inst.onboard[r] as number) < 0 && !removed.includes(r))
          removed.push(r);
    repair(inst, candidate, removed, REPAIRS[rp] as RepairOptions, random, scratch, cache, closed);
    let cost = objective(candidate);
    // Intensify around each new best plan: relocate requests between routes while it gains.
    if (cost < bestCost - 1e-9) {
      for (let pass = 0; pass < 4 && relocate(inst, candidate, scratch, random); pass++);
      cost = objective(candidate);
    }
    let score = 0;
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      copyPlan(best, candidate, inst.dims);
      score = SCORE_BEST;
    } else if (cost < currentCost - 1e-9) score = SCORE_BETTER;
    const accept = cost <= currentCost || random() < Math.exp((currentCost - cost) / temperature);
    if (accept) {
      if (score === 0) score = SCORE_ACCEPTED;
      currentCost = cost;
      copyPlan(current, candidate, inst.dims);
    } else copyPlan(candidate, current, inst.dims);
    removalScores[ro] = (removalScores[ro] as number) + score;
    repairScores[rp] = (repairScores[rp] as number) + score;
    removalUses[ro] = (removalUses[ro] as number) + 1;
    repairUses[rp] = (repairUses[rp] as number) + 1;
    iteration++;
    if (iteration % SEGMENT === 0) {
      adapt(removalWeights, removalScores, removalUses);
      adapt(repairWeights, repairScores, repairUses);
    }
  }
  return { plan: best, cost: planCost(best), iterations: iteration, elapsedMs: performance.now() - started };
}

function adapt(weights: Float64Array, scores: Float64Array, uses: Float64Array): void {
  for (let i = 0; i < weights.length; i++) {
    const used = uses[i] as number;
    if (used > 0)
      weights[i] = Math.max(
        0.05,
        (1 - REACTION) * (weights[i] as number) + (REACTION * (scores[i] as number)) / used,
      );
    scores[i] = 0;
    uses[i] = 0;
  }
}
