// Exact schedule feasibility of a route with one request inserted, without building the longer route.
//
// The same label correcting as earliestSchedule (route-schedule.ts), on the route as it would be: every
// stop starts from its earliest time in the current route (still a lower bound once stops are added,
// travel times obeying the triangle inequality), the two new stops from their window opening. Only the
// new stops are inconsistent with their neighbours, so the sweep starts at the pickup and stops as soon
// as a push is absorbed by waiting — usually after a few stops instead of the whole route.
import type { Probe, Workspace } from './insertion.ts';
import type { Route } from './route.ts';
import { EPS } from './route-schedule.ts';

/** Whether the route with the probe's request inserted (pickup after i, drop-off after j) has a schedule. */
export function checkInsertion(route: Route, probe: Probe, ws: Workspace, i: number, j: number): boolean {
  if (probe.pickupEarly > probe.pickupLate + EPS || probe.dropEarly > probe.dropLate + EPS) return false;
  const m = route.size;
  const size = m + 2;
  const last = size - 1;
  const pPos = i + 1;
  const dPos = j + 2;
  const { times: out, pending } = ws;
  const { emin, late, service, leg, pickAt, maxRide } = route;
  out.set(emin.subarray(0, pPos), 0);
  out[pPos] = probe.pickupEarly;
  out.set(emin.subarray(pPos, j + 1), pPos + 1);
  out[dPos] = probe.dropEarly;
  out.set(emin.subarray(j + 1, m), dPos + 1);
  // Position in the current route of a position of the longer one (−1 for the new stops).
  const old = (w: number) => (w === pPos || w === dPos ? -1 : w - (w > pPos ? 1 : 0) - (w > dPos ? 1 : 0));
  const serviceAt = (w: number) => {
    const k = old(w);
    return k >= 0 ? (service[k] as number) : w === pPos ? probe.pickupService : probe.dropService;
  };
  const lateAt = (w: number) => {
    const k = old(w);
    return k >= 0 ? (late[k] as number) : w === pPos ? probe.pickupLate : probe.dropLate;
  };
  const legAt = (w: number) => {
    if (w === pPos) return i === j ? probe.direct : (probe.fromP[i + 1] as number);
    if (w === dPos) return probe.fromD[j + 1] as number;
    if (w === i) return probe.toP[i] as number;
    if (w === dPos - 1) return probe.toD[j] as number;
    return leg[old(w)] as number;
  };
  // Pending: positions whose value is not yet propagated, strictly decreasing from bottom to top.
  let top = 0;
  pending[top++] = dPos;
  if (dPos - 1 !== pPos) pending[top++] = dPos - 1;
  pending[top++] = pPos;
  let from = pPos;
  for (;;) {
    for (let k = from; k < size; k++) {
      if (top > 0 && (pending[top - 1] as number) < k) top--;
      const b = (out[k - 1] as number) + serviceAt(k - 1) + legAt(k - 1);
      const changed = b > (out[k] as number);
      if (changed) {
        if (b > lateAt(k) + EPS) return false;
        out[k] = b;
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
          const need = (out[k] as number) - ride - serviceAt(pk);
          if (need > (out[pk] as number) + EPS) {
            if (need > lateAt(pk) + EPS) return false;
            // A ride over its limit even without waiting would only be caught by creeping up to a window end.
            let chain = 0;
            for (let w = pk; w < k; w++) chain += serviceAt(w) + legAt(w);
            if (chain - serviceAt(pk) > ride + EPS) return false;
            out[pk] = need;
            if (k < last && (top === 0 || pending[top - 1] !== k)) pending[top++] = k;
            k = pk;
            continue;
          }
        }
      }
      // Nothing moved here: nothing moves until the next pending position.
      if (!changed) k = top > 0 ? (pending[--top] as number) : last;
    }
    const needStart = (out[last] as number) - route.maxDuration;
    if (needStart <= (out[0] as number) + EPS) return true;
    if (needStart > (late[0] as number) + EPS) return false;
    let total = 0;
    for (let w = 0; w < last; w++) total += serviceAt(w) + legAt(w);
    if (total > route.maxDuration + EPS) return false;
    out[0] = needStart;
    from = 1;
    top = 0;
  }
}
