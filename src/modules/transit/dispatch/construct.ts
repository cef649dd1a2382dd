// Repair: insert a set of unserved requests one at a time, greedy (cheapest first) or by regret-k (the
// request that would lose most by waiting goes first), optionally with noise on the costs
// (Ropke & Pisinger 2006). The cheapest insertion of each request into each route is cached and only the
// route that just changed is re-evaluated.
import type { Instance } from './model.ts';
import { emptyPlan, evaluate, insertRequest, type Plan, type Scratch } from './plan.ts';
import type { Random } from './random.ts';
import type { Route } from './route.ts';

export interface RepairOptions {
  /** 0 = in random order, 1 = greedy, k ≥ 2 = regret-k. */
  regret: number;
  /** Noise amplitude as a fraction of the longest travel time; 0 for none. */
  noise: number;
}

/** Reusable cache of per-(request, route) cheapest insertions. */
export interface RepairCache {
  cost: Float64Array;
  posI: Int32Array;
  posJ: Int32Array;
  maxTravel: number;
}

export function createRepairCache(inst: Instance): RepairCache {
  const size = inst.n * inst.vehicles;
  return {
    cost: new Float64Array(size),
    posI: new Int32Array(size),
    posJ: new Int32Array(size),
    maxTravel: inst.maxTravel,
  };
}

const INF = Number.POSITIVE_INFINITY;

// An empty route stands for all empty routes of the same vehicle class; only the first is evaluated.
function representsClass(inst: Instance, plan: Plan, k: number): boolean {
  const route = plan.routes[k] as Route;
  if (route.size > 2) return true;
  const cls = inst.vehicleClass[k];
  for (let h = 0; h < k; h++)
    if (inst.vehicleClass[h] === cls && (plan.routes[h] as Route).size === 2) return false;
  return true;
}

/** Inserts `pending` requests into `plan` (never into vehicle `closed`); those that fit nowhere stay unserved. */
export function repair(
  inst: Instance,
  plan: Plan,
  pending: number[],
  options: RepairOptions,
  random: Random,
  scratch: Scratch,
  cache: RepairCache,
  closed = -1,
): void {
  const K = inst.vehicles;
  const { cost, posI, posJ } = cache;
  const amplitude = options.noise * cache.maxTravel;
  const compute = (a: number, k: number) => {
    const slot = a * K + k;
    const route = plan.routes[k] as Route;
    if (
      k === closed ||
      !representsClass(inst, plan, k) ||
      !evaluate(inst, route, pending[a] as number, scratch, INF, amplitude, random)
    ) {
      cost[slot] = INF;
      return;
    }
    const c = scratch.choice;
    cost[slot] = c.delta;
    posI[slot] = c.i;
    posJ[slot] = c.j;
  };
  const drop = (a: number, last: number) => {
    pending[a] = pending[last] as number;
    cost.copyWithin(a * K, last * K, last * K + K);
    posI.copyWithin(a * K, last * K, last * K + K);
    posJ.copyWithin(a * K, last * K, last * K + K);
  };
  let q = pending.length;
  for (let a = 0; a < q; a++) for (let k = 0; k < K; k++) compute(a, k);
  const regret = options.regret;
  const top = new Float64Array(Math.max(regret, 1));
  while (q > 0) {
    let chosen = -1;
    let chosenRoute = -1;
    let chosenKey = -INF;
    let chosenCost = INF;
    // In random order: one request drawn at random is considered, the others wait their turn.
    const only = regret === 0 ? Math.floor(random() * q) : -1;
    for (let a = Math.max(only, 0); a < (only < 0 ? q : only + 1); a++) {
      const base = a * K;
      let bestK = -1;
      let feasible = 0;
      top.fill(INF);
      for (let k = 0; k < K; k++) {
        const c = cost[base + k] as number;
        if (c === INF) continue;
        feasible++;
        if (bestK < 0 || c < (cost[base + bestK] as number)) bestK = k;
        // keep the `regret` smallest costs in `top`, sorted
        if (c < (top[top.length - 1] as number)) {
          let h = top.length - 1;
          while (h > 0 && (top[h - 1] as number) > c) {
            top[h] = top[h - 1] as number;
            h--;
          }
          top[h] = c;
        }
      }
      if (bestK < 0) continue;
      const c1 = top[0] as number;
      let key: number;
      if (regret <= 1) key = -c1;
      else if (feasible < regret) key = 1e15 * (regret - feasible) - c1;
      else {
        key = 0;
        for (let h = 1; h < regret; h++) key += (top[h] as number) - c1;
      }
      if (key > chosenKey || (key === chosenKey && c1 < chosenCost)) {
        chosen = a;
        chosenRoute = bestK;
        chosenKey = key;
        chosenCost = c1;
      }
    }
    if (chosen < 0) {
      if (only < 0) break;
      // The drawn request fits nowhere: it stays unserved, the others still get their turn.
      q--;
      drop(only, q);
      continue;
    }
    const slot = chosen * K + chosenRoute;
    const wasEmpty = (plan.routes[chosenRoute] as Route).size === 2;
    insertRequest(
      inst,
      plan,
      pending[chosen] as number,
      chosenRoute,
      posI[slot] as number,
      posJ[slot] as number,
    );
    // Move the last pending request into the chosen one's slot.
    q--;
    if (chosen !== q) drop(chosen, q);
    pending.length = q;
    const sibling = wasEmpty ? nextEmptySibling(inst, plan, chosenRoute) : -1;
    for (let a = 0; a < q; a++) {
      compute(a, chosenRoute);
      if (sibling >= 0) compute(a, sibling);
    }
  }
}

function nextEmptySibling(inst: Instance, plan: Plan, k: number): number {
  for (let h = 0; h < inst.vehicles; h++)
    if (h !== k && inst.vehicleClass[h] === inst.vehicleClass[k] && (plan.routes[h] as Route).size === 2)
      return h;
  return -1;
}

/** A first plan: every request inserted by regret-3 into empty routes. */
export function constructPlan(inst: Instance, random: Random, scratch: Scratch, cache: RepairCache): Plan {
  const plan = emptyPlan(inst);
  const pending: number[] = [];
  for (let r = 0; r < inst.n; r++) if ((inst.onboard[r] as number) < 0) pending.push(r);
  repair(inst, plan, pending, { regret: 3, noise: 0 }, random, scratch, cache);
  return plan;
}
