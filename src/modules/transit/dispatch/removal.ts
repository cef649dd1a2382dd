// Destroy operators of the large-neighbourhood search: take q requests out of their routes. Random,
// worst (largest saving, randomised) and related (Shaw: close in space and time to requests already
// taken out), as in Ropke & Pisinger (2006), and route removal, which empties one vehicle and keeps it
// closed during the repair so its riders join other vehicles (what one-at-a-time moves cannot do).
// Requests already on board are never moved. An operator returns the vehicle to keep closed, or −1.
import type { Instance } from './model.ts';
import { type Plan, removalGain, removeRequest } from './plan.ts';
import type { Random } from './random.ts';
import type { Route } from './route.ts';

export type Removal = (inst: Instance, plan: Plan, q: number, random: Random, out: number[]) => number;

function movable(inst: Instance, plan: Plan): number[] {
  const list: number[] = [];
  for (let r = 0; r < inst.n; r++)
    if ((plan.routeOf[r] as number) >= 0 && (inst.onboard[r] as number) < 0) list.push(r);
  return list;
}

export const removeRandom: Removal = (inst, plan, q, random, out) => {
  const list = movable(inst, plan);
  for (let c = 0; c < q && list.length > 0; c++) {
    const at = Math.floor(random() * list.length);
    const r = list[at] as number;
    list[at] = list[list.length - 1] as number;
    list.pop();
    removeRequest(inst, plan, r);
    out.push(r);
  }
  return -1;
};

/**
 * Moves the element of `list` at `rank` in increasing order of `key` to position `rank` (quickselect,
 * average linear time) and returns it.
 */
function selectRank(list: number[], key: Float64Array, rank: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const pivot = key[list[(lo + hi) >> 1] as number] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((key[list[i] as number] as number) < pivot) i++;
      while ((key[list[j] as number] as number) > pivot) j--;
      if (i <= j) {
        const t = list[i] as number;
        list[i++] = list[j] as number;
        list[j--] = t;
      }
    }
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else break;
  }
  return list[rank] as number;
}

function takeAt(list: number[], at: number): void {
  list[at] = list[list.length - 1] as number;
  list.pop();
}

export const removeWorst: Removal = (inst, plan, q, random, out) => {
  const list = movable(inst, plan);
  // Negated savings, so that rank 0 is the largest saving.
  const key = new Float64Array(inst.n);
  for (const r of list) key[r] = -removalGain(inst, plan, r);
  for (let c = 0; c < q && list.length > 0; c++) {
    const at = Math.floor(random() ** 3 * list.length);
    const r = selectRank(list, key, at);
    const k = plan.routeOf[r];
    takeAt(list, at);
    removeRequest(inst, plan, r);
    out.push(r);
    for (const s of list) if (plan.routeOf[s] === k) key[s] = -removalGain(inst, plan, s);
  }
  return -1;
};

/** Start-of-service times of every routed request's pickup and drop-off in the current plan. */
function serviceTimes(inst: Instance, plan: Plan): Float64Array {
  const times = new Float64Array(2 * inst.n);
  for (const route of plan.routes as Route[])
    for (let k = 1; k < route.size - 1; k++) times[route.node[k] as number] = route.emin[k] as number;
  return times;
}

export const removeRelated: Removal = (inst, plan, q, random, out) => {
  const list = movable(inst, plan);
  if (list.length === 0) return -1;
  const { n, time, nodes } = inst;
  const times = serviceTimes(inst, plan);
  const maxTravel = Math.max(inst.maxTravel, 1e-9);
  let horizon = 1e-9;
  for (const r of list) horizon = Math.max(horizon, times[n + r] as number);
  const relatedness = (a: number, b: number) =>
    (9 * ((time[a * nodes + b] as number) + (time[(n + a) * nodes + n + b] as number))) / maxTravel +
    (3 *
      (Math.abs((times[a] as number) - (times[b] as number)) +
        Math.abs((times[n + a] as number) - (times[n + b] as number)))) /
      horizon +
    (plan.routeOf[a] === plan.routeOf[b] ? 0 : 1);
  const first = Math.floor(random() * list.length);
  const taken = [list[first] as number];
  takeAt(list, first);
  const score = new Float64Array(n);
  while (taken.length < q && list.length > 0) {
    const ref = taken[Math.floor(random() * taken.length)] as number;
    for (const r of list) score[r] = relatedness(ref, r);
    const at = Math.floor(random() ** 6 * list.length);
    taken.push(selectRank(list, score, at));
    takeAt(list, at);
  }
  for (const r of taken) {
    removeRequest(inst, plan, r);
    out.push(r);
  }
  return -1;
};

export const removeRoute: Removal = (inst, plan, _q, random, out) => {
  const used: number[] = [];
  for (const route of plan.routes as Route[]) if (route.size > 2) used.push(route.vehicle);
  if (used.length === 0) return -1;
  const k = used[Math.floor(random() * used.length)] as number;
  // Pointless when the only other vehicles are idle twins of this one.
  const elsewhere = (plan.routes as Route[]).some(
    (route) =>
      route.vehicle !== k && (route.size > 2 || inst.vehicleClass[route.vehicle] !== inst.vehicleClass[k]),
  );
  if (!elsewhere) return -1;
  for (let r = 0; r < inst.n; r++)
    if (plan.routeOf[r] === k && (inst.onboard[r] as number) < 0) {
      removeRequest(inst, plan, r);
      out.push(r);
    }
  return k;
};
