// Exact schedule feasibility of a route with one request inserted, without building the longer route.
//
// The same label correcting as earliestSchedule (route-schedule.ts), on the route as it would be, read
// through the current route (nothing copied): every stop starts from its earliest time in the current
// route (still a lower bound once stops are added, travel times obeying the triangle inequality), the
// two new stops from their window opening. Only the new stops are inconsistent with their neighbours,
// so the sweep starts at the pickup and stops as soon as a push is absorbed by waiting — usually after a
// few stops instead of the whole route.
import type { Probe, Workspace } from './insertion.ts';
import type { Route } from './route.ts';
import { EPS } from './route-schedule.ts';

// The insertion being checked; module state rather than closures, so a check allocates nothing.
let R: Route;
let P: Probe;
let I = 0;
let J = 0;
let pPos = 0;
let dPos = 0;
// Times of the longer route: valid where stamp[w] === generation, else the route's earliest time.
let T: Float64Array = new Float64Array(0);
let stamp = new Int32Array(0);
let generation = 0;

function timeAt(w: number): number {
  if (stamp[w] === generation) return T[w] as number;
  const k = old(w);
  return k >= 0 ? (R.emin[k] as number) : w === pPos ? P.pickupEarly : P.dropEarly;
}

function setTime(w: number, t: number): void {
  T[w] = t;
  stamp[w] = generation;
}

/** Position in the current route of a position of the longer one (−1 for the new stops). */
function old(w: number): number {
  return w === pPos || w === dPos ? -1 : w - (w > pPos ? 1 : 0) - (w > dPos ? 1 : 0);
}

function serviceAt(w: number): number {
  const k = old(w);
  return k >= 0 ? (R.service[k] as number) : w === pPos ? P.pickupService : P.dropService;
}

function lateAt(w: number): number {
  const k = old(w);
  return k >= 0 ? (R.late[k] as number) : w === pPos ? P.pickupLate : P.dropLate;
}

function legAt(w: number): number {
  if (w === pPos) return I === J ? P.direct : (P.fromP[I + 1] as number);
  if (w === dPos) return P.fromD[J + 1] as number;
  if (w === I) return P.toP[I] as number;
  if (w === dPos - 1) return P.toD[J] as number;
  return R.leg[old(w)] as number;
}

/** Whether the route with the probe's request inserted (pickup after i, drop-off after j) has a schedule. */
export function checkInsertion(route: Route, probe: Probe, ws: Workspace, i: number, j: number): boolean {
  if (probe.pickupEarly > probe.pickupLate + EPS || probe.dropEarly > probe.dropLate + EPS) return false;
  R = route;
  P = probe;
  I = i;
  J = j;
  pPos = i + 1;
  dPos = j + 2;
  const m = route.size;
  const size = m + 2;
  const last = size - 1;
  const { pending } = ws;
  const { late, pickAt, maxRide } = route;
  T = ws.times;
  if (stamp.length < T.length) stamp = new Int32Array(T.length);
  if (++generation > 0x3fffffff) {
    generation = 1;
    stamp.fill(0);
  }
  // Pending: positions whose value is not yet propagated, strictly decreasing from bottom to top.
  let top = 0;
  pending[top++] = dPos;
  if (dPos - 1 !== pPos) pending[top++] = dPos - 1;
  pending[top++] = pPos;
  let from = pPos;
  for (;;) {
    for (let k = from; k < size; k++) {
      if (top > 0 && (pending[top - 1] as number) < k) top--;
      const b = timeAt(k - 1) + serviceAt(k - 1) + legAt(k - 1);
      const changed = b > timeAt(k);
      if (changed) {
        if (b > lateAt(k) + EPS) return false;
        setTime(k, b);
      }
      // Ride time: the new drop-off is always checked (its pickup is new), others only when they move.
      if (changed || k === dPos) {
        let pk: number;
        let ride: number;
        if (k === dPos) {
          pk = pPos;
          ride = probe.maxRide;
        } else {
          const ok = old(k);
          const p = ok >= 0 ? (pickAt[ok] as number) : -1;
          pk = p < 0 ? -1 : p + (p > i ? 1 : 0) + (p > j ? 1 : 0);
          ride = ok >= 0 ? (maxRide[ok] as number) : 0;
        }
        if (pk >= 0) {
          const need = timeAt(k) - ride - serviceAt(pk);
          if (need > timeAt(pk) + EPS) {
            if (need > lateAt(pk) + EPS) return false;
            // A ride over its limit even without waiting would only be caught by creeping up to a window end.
            let chain = 0;
            for (let w = pk; w < k; w++) chain += serviceAt(w) + legAt(w);
            if (chain - serviceAt(pk) > ride + EPS) return false;
            setTime(pk, need);
            if (k < last && (top === 0 || pending[top - 1] !== k)) pending[top++] = k;
            k = pk;
            continue;
          }
        }
      }
      // Nothing moved here: nothing moves until the next pending position.
      if (!changed) k = top > 0 ? (pending[--top] as number) : last;
    }
    const needStart = timeAt(last) - route.maxDuration;
    if (needStart <= timeAt(0) + EPS) return true;
    if (needStart > (late[0] as number) + EPS) return false;
    let total = 0;
    for (let w = 0; w < last; w++) total += serviceAt(w) + legAt(w);
    if (total > route.maxDuration + EPS) return false;
    setTime(0, needStart);
    from = 1;
    top = 0;
  }
}
