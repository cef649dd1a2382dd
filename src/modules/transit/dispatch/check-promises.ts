// Independent check of a served service day: from the bookings, the promises made and the stops the
// vehicles actually served, verify that every promise was kept and that each vehicle's day was
// physically possible. Reads plain data only and recomputes every distance; shares no code with the
// dispatch.

interface Point {
  x: number;
  y: number;
}

export interface DayVehicle {
  start: Point;
  end: Point;
  shiftStart: number;
  shiftEnd: number;
  maxDuration?: number;
  capacity: number[];
}

export interface DayRequest {
  pickup: Point;
  dropoff: Point;
  pickupEarly: number;
  pickupLate: number;
  dropoffLate?: number;
  load: number[];
  maxRideTime: number;
  pickupService?: number;
  dropoffService?: number;
}

export interface DayPromise {
  vehicle: number;
  promisedPickup: [number, number];
  latestDropoff: number;
}

export interface DayStop {
  vehicle: number;
  /** Index of the accepted booking. */
  request: number;
  kind: 'pickup' | 'dropoff';
  time: number;
}

const TOL = 1e-6;
const gap = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Violations found (empty when every promise was kept). `accepted[i]` is the request of the i-th accepted
 * booking and `promises[i]` what it was promised; with `complete`, every accepted ride must be finished.
 */
export function checkPromisesKept(
  fleet: DayVehicle[],
  speed: number,
  accepted: DayRequest[],
  promises: DayPromise[],
  served: DayStop[],
  complete: boolean,
): string[] {
  const problems: string[] = [];
  const pickups = new Map<number, DayStop>();
  const dropoffs = new Map<number, DayStop>();
  for (const stop of served) {
    const seen = stop.kind === 'pickup' ? pickups : dropoffs;
    if (seen.has(stop.request)) problems.push(`request ${stop.request}: ${stop.kind} served twice`);
    seen.set(stop.request, stop);
  }
  accepted.forEach((req, r) => {
    const promise = promises[r] as DayPromise;
    const p = pickups.get(r);
    const d = dropoffs.get(r);
    if (!p) {
      if (complete || d) problems.push(`request ${r}: never picked up`);
      return;
    }
    const [lo, hi] = promise.promisedPickup;
    if (p.time < lo - TOL || p.time > hi + TOL)
      problems.push(`request ${r}: picked up at ${p.time}, promised [${lo}, ${hi}]`);
    if (p.time < req.pickupEarly - TOL || p.time > req.pickupLate + TOL)
      problems.push(`request ${r}: outside asked window`);
    if (hi - lo > req.pickupLate - req.pickupEarly + TOL)
      problems.push(`request ${r}: promise wider than asked`);
    if (!d) {
      if (complete) problems.push(`request ${r}: never dropped off`);
      return;
    }
    if (d.vehicle !== p.vehicle) problems.push(`request ${r}: dropped off by another vehicle`);
    const ride = d.time - (p.time + (req.pickupService ?? 0));
    if (ride > req.maxRideTime + TOL) problems.push(`request ${r}: ride ${ride} > ${req.maxRideTime}`);
    if (d.time > promise.latestDropoff + TOL)
      problems.push(`request ${r}: dropped off after the promised time`);
    if (req.dropoffLate !== undefined && d.time > req.dropoffLate + TOL)
      problems.push(`request ${r}: late for appointment`);
  });
  fleet.forEach((vehicle, k) => {
    const stops = served.filter((s) => s.vehicle === k).sort((a, b) => a.time - b.time);
    if (stops.length === 0) return;
    let at: Point = vehicle.start;
    let free = vehicle.shiftStart;
    let departure = Number.NaN;
    const load = vehicle.capacity.map(() => 0);
    for (const stop of stops) {
      const req = accepted[stop.request] as DayRequest;
      const place = stop.kind === 'pickup' ? req.pickup : req.dropoff;
      const travel = gap(at, place) / speed;
      if (Number.isNaN(departure)) departure = stop.time - travel;
      if (stop.time < free + travel - TOL)
        problems.push(`vehicle ${k}: cannot reach request ${stop.request} by ${stop.time}`);
      req.load.forEach((q, c) => {
        load[c] = (load[c] ?? 0) + (stop.kind === 'pickup' ? q : -q);
      });
      if (load.some((l, c) => l > (vehicle.capacity[c] ?? 0) || l < 0))
        problems.push(`vehicle ${k}: load out of bounds`);
      at = place;
      free = stop.time + ((stop.kind === 'pickup' ? req.pickupService : req.dropoffService) ?? 0);
    }
    const home = free + gap(at, vehicle.end) / speed;
    if (complete && home > vehicle.shiftEnd + TOL)
      problems.push(`vehicle ${k}: back at ${home} after its shift`);
    const limit = vehicle.maxDuration ?? vehicle.shiftEnd - vehicle.shiftStart;
    if (complete && home - departure > limit + TOL)
      problems.push(`vehicle ${k}: on the road ${home - departure}`);
    if (departure < vehicle.shiftStart - TOL) problems.push(`vehicle ${k}: leaves before its shift`);
  });
  return problems;
}
