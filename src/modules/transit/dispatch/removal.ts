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
  for (let r = 0; r < inst.n; r++) if ((plan.routeOf[r] as number) >= 0 && (inst.onboard[r] as number) < 0) list.push(r);
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

export const removeWorst: Removal = (inst, plan, q, random, out) => {
  const list = movable(inst, plan);
  const gain = new Float64Array(inst.n);
  for (let c = 0; c < q && list.length > 0; c++) {
    for (const r of list) gain[r] = removalGain(inst, plan, r);
    list.sort((a, b) => (gain[b] as number) - (gain[a] as number));
    const at = Math.floor(random() ** 3 * list.length);
    const r = list[at] as number;
    list.splice(at, 1);
    removeRequest(inst, plan, r);
    out.push(r);
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
  let maxTravel = 1e-9;
  let horizon = 1e-9;
  for (const r of list) {
    for (const s of list) {
      maxTravel = Math.max(maxTravel, time[r * nodes + s] as number, time[(n + r) * nodes + n + s] as number);
    }
    horizon = Math.max(horizon, times[n + r] as number);
  }
  const relatedness = (a: number, b: number) =>
    (9 * ((time[a * nodes + b] as number) + (time[(n + a) * nodes + n + b] as number))) / maxTravel +
    (3 * (Math.abs((times[a] as number) - (times[b] as number)) + Math.abs((times[n + a] as number) - (times[n + b] as number)))) /
      horizon +
    (plan.routeOf[a] === plan.routeOf[b] ? 0 : 1);
  const first = Math.floor(random() * list.length);
  const taken = [list[first] as number];
  list.splice(first, 1);
  const score = new Float64Array(n);
  while (taken.length < q && list.length > 0) {
    const ref = taken[Math.floor(random() * taken.length)] as number;
    for (const r of list) score[r] = relatedness(ref, r);
    list.sort((a, b) => (score[a] as number) - (score[b] as number));
    const at = Math.floor(random() ** 6 * list.length);
    taken.push(list[at] as number);
    list.splice(at, 1);
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
  if (used.length < 2) return -1;
  const k = used[Math.floor(random() * used.length)] as number;
  for (let r = 0; r < inst.n; r++)
    if (plan.routeOf[r] === k && (inst.onboard[r] as number) < 0) {
      removeRequest(inst, plan, r);
      out.push(r);
    }
  return k;
};
