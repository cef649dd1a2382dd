// Exact schedule feasibility of one route with a fixed order of stops.
//
// The constraints on the start-of-service times B are all differences of two times (a simple temporal
// network): B_k ≥ e_k, B_k ≤ l_k, B_{k+1} ≥ B_k + s_k + t_{k,k+1}, B_drop − (B_pick + s_pick) ≤ L and
// B_end − B_start ≤ maximum duration. Such a system is feasible exactly when the least fixed point of its
// lower bounds stays under every upper bound, and that fixed point is then the earliest schedule (each
// B_k minimal at once). `earliestSchedule` computes it by label correcting: a forward sweep, and whenever a
// ride (or the route duration) is too long, the pickup (or the departure) is delayed and the sweep resumes
// there — the same delays as the forward-time-slack step of Cordeau & Laporte (2003), applied until
// nothing moves. Positive cycles (a ride longer than its limit even without waiting) are caught by the
// window checks since all windows are finite, so the answer is exact, not heuristic.
// `latestSchedule` is the mirror image: the greatest fixed point, each B_k as late as possible.

/** Per-stop arrays of a route (position 0 = where the vehicle starts, size − 1 = its end depot). */
export interface ScheduleInput {
  early: Float64Array;
  late: Float64Array;
  service: Float64Array;
  /** Travel time from stop k to stop k + 1. */
  leg: Float64Array;
  /** At a drop-off: position of its pickup in this route, or −1 (no ride constraint left); −1 elsewhere. */
  pickAt: Int32Array;
  /** At a pickup: position of its drop-off, or −1; −1 elsewhere. */
  dropAt: Int32Array;
  /** At a drop-off: maximum ride time of its request. */
  maxRide: Float64Array;
}

/** Tolerance for rounding in sums of Euclidean times; far below any meaningful time difference. */
export const EPS = 1e-9;

/**
 * Whether the ride from the pickup at position p to the drop-off at d exceeds its limit even without any
 * waiting: a positive cycle, which label correcting would otherwise only detect by creeping up to a
 * window's end.
 */
function rideTooLong(r: ScheduleInput, p: number, d: number): boolean {
  let ride = 0;
  for (let k = p; k < d; k++) ride += (r.service[k] as number) + (r.leg[k] as number);
  return ride - (r.service[p] as number) > (r.maxRide[d] as number) + EPS;
}

/** Whether the route lasts longer than allowed even without any waiting (the same kind of cycle). */
function tooLongAnyway(r: ScheduleInput, size: number, maxDuration: number): boolean {
  let total = 0;
  for (let k = 0; k < size - 1; k++) total += (r.service[k] as number) + (r.leg[k] as number);
  return total > maxDuration + EPS;
}

// Positions whose new value was not yet propagated because a back edge sent the sweep backwards. They
// are strictly monotone on the stack, so a route never needs more entries than its size.
let pending = new Int32Array(256);

/**
 * Earliest feasible schedule into `out`; false when the route has no feasible schedule. With `warm` > 0,
 * out[0..warm−1] must already hold a consistent lower bound of the prefix (e.g. the earliest schedule of
 * the route before stops were inserted after it); the sweep then starts at `warm`.
 */
export function earliestSchedule(
  r: ScheduleInput,
  size: number,
  maxDuration: number,
  out: Float64Array,
  warm = 0,
): boolean {
  const { early, late, service, leg, pickAt, maxRide } = r;
  if (pending.length < size) pending = new Int32Array(size * 2);
  let hi: number; // out[0..hi] are lower bounds, consistent except at the pending positions
  if (warm <= 0) {
    out[0] = early[0] as number;
    if ((out[0] as number) > (late[0] as number) + EPS) return false;
    hi = 0;
  } else hi = warm - 1;
  let top = 0;
  let from = hi + 1;
  const last = size - 1;
  for (;;) {
    for (let k = from; k < size; k++) {
      if (top > 0 && (pending[top - 1] as number) < k) top--;
      let b = (out[k - 1] as number) + (service[k - 1] as number) + (leg[k - 1] as number);
      if (k > hi) {
        const e = early[k] as number;
        if (b < e) b = e;
        hi = k;
      } else if (b <= (out[k] as number)) {
        // Nothing moves here, hence nothing until the next pending position: resume there.
        k = top > 0 ? (pending[--top] as number) : hi;
        continue;
      }
      if (b > (late[k] as number) + EPS) return false;
      out[k] = b;
      const pk = pickAt[k] as number;
      if (pk >= 0) {
        const need = b - (maxRide[k] as number) - (service[pk] as number);
        if (need > (out[pk] as number) + EPS) {
          if (need > (late[pk] as number) + EPS || rideTooLong(r, pk, k)) return false;
          out[pk] = need;
          if (k < hi && (top === 0 || pending[top - 1] !== k)) pending[top++] = k;
          k = pk;
        }
      }
    }
    const needStart = (out[last] as number) - maxDuration;
    if (needStart <= (out[0] as number) + EPS) return true;
    if (needStart > (late[0] as number) + EPS || tooLongAnyway(r, size, maxDuration)) return false;
    out[0] = needStart;
    from = 1;
    top = 0;
  }
}

/** Latest feasible schedule into `out` (mirror image of earliestSchedule); false when none exists. */
export function latestSchedule(
  r: ScheduleInput,
  size: number,
  maxDuration: number,
  out: Float64Array,
): boolean {
  const { early, late, service, leg, dropAt, maxRide } = r;
  if (pending.length < size) pending = new Int32Array(size * 2);
  const last = size - 1;
  out[last] = late[last] as number;
  if ((out[last] as number) < (early[last] as number) - EPS) return false;
  let lo = last; // out[lo..last] are upper bounds, consistent except at the pending positions
  let top = 0;
  let from = last - 1;
  for (;;) {
    for (let k = from; k >= 0; k--) {
      if (top > 0 && (pending[top - 1] as number) > k) top--;
      let b = (out[k + 1] as number) - (service[k] as number) - (leg[k] as number);
      if (k < lo) {
        const l = late[k] as number;
        if (b > l) b = l;
        lo = k;
      } else if (b >= (out[k] as number)) {
        k = top > 0 ? (pending[--top] as number) : lo;
        continue;
      }
      if (b < (early[k] as number) - EPS) return false;
      out[k] = b;
      const dk = dropAt[k] as number;
      if (dk >= 0) {
        const allow = b + (service[k] as number) + (maxRide[dk] as number);
        if (allow < (out[dk] as number) - EPS) {
          if (allow < (early[dk] as number) - EPS || rideTooLong(r, k, dk)) return false;
          out[dk] = allow;
          if (k > lo && (top === 0 || pending[top - 1] !== k)) pending[top++] = k;
          k = dk;
        }
      }
    }
    const allowEnd = (out[0] as number) + maxDuration;
    if (allowEnd >= (out[last] as number) - EPS) return true;
    if (allowEnd < (early[last] as number) - EPS || tooLongAnyway(r, size, maxDuration)) return false;
    out[last] = allowEnd;
    from = last - 1;
    top = 0;
  }
}
