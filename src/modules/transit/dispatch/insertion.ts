// Cheapest feasible insertion of one request into one route.
//
// Every pair of positions (pickup after i, drop-off after j ≥ i) is screened with O(1) necessary
// conditions — load, the request's windows, the push it causes on the next stop against that stop's
// latest feasible time, the ride-time lower bound — while walking j forward. The survivors are tried in
// increasing order of added travel time with the exact schedule check (insertion-check.ts); the first
// feasible one is the answer.

import { checkInsertion } from './insertion-check.ts';
import type { Route } from './route.ts';
import { EPS } from './route-schedule.ts';

/** The request being inserted; toP[k] etc. are travel times between route stop k and the new stops. */
export interface Probe {
  pickupEarly: number;
  pickupLate: number;
  pickupService: number;
  dropEarly: number;
  dropLate: number;
  dropService: number;
  maxRide: number;
  /** Travel time pickup → drop-off. */
  direct: number;
  demand: Int32Array;
  toP: Float64Array;
  fromP: Float64Array;
  toD: Float64Array;
  fromD: Float64Array;
  /** Route positions whose travel times are filled (see insertionRange). */
  from: number;
  to: number;
}

export interface InsertionChoice {
  delta: number;
  i: number;
  j: number;
}

/** Scratch space reused across calls (no allocation in the search loops). */
export interface Workspace {
  times: Float64Array;
  pending: Int32Array;
  candDelta: Float64Array;
  candI: Int32Array;
  candJ: Int32Array;
}

export function createProbe(dims: number, room: number): Probe {
  return {
    pickupEarly: 0,
    pickupLate: 0,
    pickupService: 0,
    dropEarly: 0,
    dropLate: 0,
    dropService: 0,
    maxRide: 0,
    direct: 0,
    demand: new Int32Array(dims),
    toP: new Float64Array(room),
    fromP: new Float64Array(room),
    toD: new Float64Array(room),
    fromD: new Float64Array(room),
    from: 0,
    to: 0,
  };
}

export function createWorkspace(room: number): Workspace {
  const r = room + 2;
  return {
    times: new Float64Array(r),
    pending: new Int32Array(r),
    candDelta: new Float64Array(256),
    candI: new Int32Array(256),
    candJ: new Int32Array(256),
  };
}

/** Grows probe and workspace arrays for routes of `size` stops. */
export function fitScratch(probe: Probe, ws: Workspace, size: number): Workspace {
  if (probe.toP.length < size) {
    const room = size * 2;
    probe.toP = new Float64Array(room);
    probe.fromP = new Float64Array(room);
    probe.toD = new Float64Array(room);
    probe.fromD = new Float64Array(room);
  }
  return ws.times.length >= size + 2 ? ws : createWorkspace(size * 2);
}

// First position k ≥ lo whose time is above t (or not below it when `orEqual`), else size − 1; the
// earliest and latest times never decrease along a route.
function firstAbove(times: Float64Array, lo: number, size: number, t: number, orEqual: boolean): number {
  let hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = times[mid] as number;
    if (v < t || (v === t && !orEqual)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sets probe.from/to: the only route positions an insertion of the probe's request can involve (stops
 * whose latest time is before the pickup window opens, or whose earliest time is after both windows
 * close, cannot be next to the new stops). Only those travel times need filling.
 */
export function insertionRange(route: Route, probe: Probe): void {
  const m = route.size;
  const from = firstAbove(route.lmax, 1, m, probe.pickupEarly, true) - 1;
  probe.from = from;
  probe.to = firstAbove(route.emin, from + 1, m, Math.max(probe.pickupLate, probe.dropLate), false);
}

/**
 * Cheapest feasible insertion with added travel time below `bound` into `out`; false if none.
 * The probe's travel arrays must be filled for this route and the workspace sized for it. With `noise`
 * > 0, each position's cost is perturbed by up to ±noise (diversification), and so is out.delta.
 */
export function bestInsertion(
  route: Route,
  probe: Probe,
  ws: Workspace,
  bound: number,
  out: InsertionChoice,
  noise = 0,
  random: () => number = Math.random,
): boolean {
  const m = route.size;
  if (!route.feasible) return false;
  const { emin, lmax, service, leg, load, capacity } = route;
  const dims = capacity.length;
  const { pickupEarly: pe, pickupLate: pl, pickupService: ps, dropEarly: de, dropLate: dl } = probe;
  const { dropService: ds, maxRide, direct, demand, toP, fromP, toD, fromD } = probe;
  const pairs = (m * (m + 1)) / 2;
  if (ws.candDelta.length < pairs) {
    // Room for every pair of positions of this route (grown on demand, never per call).
    ws.candDelta = new Float64Array(pairs * 2);
    ws.candI = new Int32Array(pairs * 2);
    ws.candJ = new Int32Array(pairs * 2);
  }
  const { candDelta, candI, candJ } = ws;
  let count = 0;
  for (let i = probe.from; i < m - 1; i++) {
    const ei = emin[i] as number;
    if (ei > pl) break;
    let fits = true;
    for (let d = 0; d < dims; d++)
      if ((load[i * dims + d] as number) + (demand[d] as number) > (capacity[d] as number)) fits = false;
    if (!fits) continue;
    let ap = ei + (service[i] as number) + (toP[i] as number);
    if (ap < pe) ap = pe;
    if (ap > pl + EPS) continue;
    const legI = leg[i] as number;
    const baseP = (toP[i] as number) - legI;
    // Drop-off right after the pickup.
    {
      let ad = ap + ps + direct;
      if (ad < de) ad = de;
      const next = Math.max(emin[i + 1] as number, ad + ds + (fromD[i + 1] as number));
      const latestP = Math.min(pl, (lmax[i + 1] as number) - ps - direct - ds - (fromD[i + 1] as number));
      if (ad <= dl + EPS && next <= (lmax[i + 1] as number) + EPS && ad - ps - maxRide <= latestP + EPS) {
        const delta = (toP[i] as number) + direct + (fromD[i + 1] as number) - legI;
        if (delta < bound) {
          candDelta[count] = delta;
          candI[count] = i;
          candJ[count++] = i;
        }
      }
    }
    // Drop-off after a later stop j: walk j forward carrying the pushed lower bound a of stop j.
    let a = ap + ps + (fromP[i + 1] as number);
    if (a < (emin[i + 1] as number)) a = emin[i + 1] as number;
    if (a > (lmax[i + 1] as number) + EPS) continue;
    const latestP = Math.min(pl, (lmax[i + 1] as number) - ps - (fromP[i + 1] as number));
    let ride = fromP[i + 1] as number;
    const baseI = baseP + (fromP[i + 1] as number);
    for (let j = i + 1; j < m - 1; j++) {
      let full = false;
      for (let d = 0; d < dims; d++)
        if ((load[j * dims + d] as number) + (demand[d] as number) > (capacity[d] as number)) full = true;
      if (full || a > dl || ride > maxRide + EPS) break;
      const sj = service[j] as number;
      let ad = a + sj + (toD[j] as number);
      if (ad < de) ad = de;
      if (
        ad <= dl + EPS &&
        ride + sj + (toD[j] as number) <= maxRide + EPS &&
        ad - ps - maxRide <= latestP + EPS
      ) {
        const next = Math.max(emin[j + 1] as number, ad + ds + (fromD[j + 1] as number));
        if (next <= (lmax[j + 1] as number) + EPS) {
          const delta = baseI + (toD[j] as number) + (fromD[j + 1] as number) - (leg[j] as number);
          if (delta < bound) {
            candDelta[count] = delta;
            candI[count] = i;
            candJ[count++] = j;
          }
        }
      }
      const lj = leg[j] as number;
      a += sj + lj;
      if (a < (emin[j + 1] as number)) a = emin[j + 1] as number;
      if (a > (lmax[j + 1] as number) + EPS) break;
      ride += sj + lj;
    }
  }
  if (noise > 0)
    for (let c = 0; c < count; c++)
      candDelta[c] = Math.max(0, (candDelta[c] as number) + noise * (2 * random() - 1));
  // Exact checks, cheapest first.
  while (count > 0) {
    let best = 0;
    for (let c = 1; c < count; c++) if ((candDelta[c] as number) < (candDelta[best] as number)) best = c;
    const i = candI[best] as number;
    const j = candJ[best] as number;
    if (checkInsertion(route, probe, ws, i, j)) {
      out.delta = candDelta[best] as number;
      out.i = i;
      out.j = j;
      return true;
    }
    count--;
    candDelta[best] = candDelta[count] as number;
    candI[best] = candI[count] as number;
    candJ[best] = candJ[count] as number;
  }
  return false;
}
