// The live dispatch state of one service day, rebuilt from what the database holds: each shift is a
// vehicle of the solver, each trip still to serve sits in its vehicle's route in the stored order with
// its promise as hard time windows. Pure (no I/O): the booking, reassignment and re-optimisation use
// cases load the rows, build the plan, ask the solver, and write the routes back.
import { createDispatch, type Dispatch } from '../dispatch/dynamic.ts';
import { addNode, linkRequest } from '../dispatch/live-table.ts';
import { refreshRoute, reserveRoute } from '../dispatch/route.ts';
import { type LatLon, projector } from '../network/travel-time.ts';

export interface PlanShift {
  id: string;
  vehicleId: string;
  depot: LatLon;
  start: Date;
  end: Date;
  seats: number;
  wheelchairPlaces: number;
  /** Where the vehicle is now, when the shift has started and it reported a position. */
  position: LatLon | null;
}

export interface PlanTrip {
  id: string;
  shiftId: string;
  status: 'confirmed' | 'arrived' | 'onboard';
  pickup: LatLon;
  dropoff: LatLon;
  passengers: number;
  wheelchairs: number;
  promisedStart: Date;
  promisedEnd: Date;
  latestDropoff: Date;
  maxRideMinutes: number;
  pickupOrder: number;
  dropoffOrder: number;
}

export interface DayPlan {
  state: Dispatch;
  dayStart: Date;
  origin: LatLon;
  project: (p: LatLon) => { x: number; y: number };
  shifts: PlanShift[];
  /** Solver request index → trip id. */
  tripIds: string[];
  now: number;
}

/** Minutes at a stop: boarding or alighting (a wheelchair takes longer). */
export function serviceMinutes(wheelchairs: number): number {
  return wheelchairs > 0 ? 3 : 1;
}

/** Solver load: [seats, wheelchair places]; a wheelchair user rides in a wheelchair place. */
export function loadOf(passengers: number, wheelchairs: number): number[] {
  return [Math.max(0, passengers - wheelchairs), wheelchairs];
}

const minutes = (dayStart: Date, at: Date) => (at.getTime() - dayStart.getTime()) / 60_000;

/** How long a late vehicle is still allowed to reach a rider whose window has passed. */
const LATE_GRACE = 120;

/** Rebuilds the solver's state of a day from shifts and the trips they still carry. */
export function buildDayPlan(options: {
  origin: LatLon;
  /** Straight-line km per minute (road speed ÷ detour factor). */
  speed: number;
  dayStart: Date;
  now: Date;
  promiseWidth: number;
  shifts: PlanShift[];
  trips: PlanTrip[];
}): DayPlan {
  const { dayStart, shifts } = options;
  const project = projector(options.origin);
  const now = minutes(dayStart, options.now);
  const fleet = shifts.map((s) => {
    const startMin = minutes(dayStart, s.start);
    const live = s.position !== null && now > startMin;
    return {
      start: project(live && s.position ? s.position : s.depot),
      end: project(s.depot),
      shiftStart: Math.max(startMin, Math.min(now, minutes(dayStart, s.end))),
      shiftEnd: minutes(dayStart, s.end),
      capacity: [s.seats, s.wheelchairPlaces],
    };
  });
  const state = createDispatch(fleet, { speed: options.speed, promiseWidth: options.promiseWidth });
  state.now = now;
  const { table } = state;
  const tripIds: string[] = [];
  shifts.forEach((shift, k) => {
    const run = state.vehicles[k];
    if (!run) return;
    const stops: Array<{ order: number; node: number }> = [];
    for (const trip of options.trips) {
      if (trip.shiftId !== shift.id) continue;
      const r = tripIds.length;
      tripIds.push(trip.id);
      const load = loadOf(trip.passengers, trip.wheelchairs);
      const service = serviceMinutes(trip.wheelchairs);
      const early = minutes(dayStart, trip.promisedStart);
      const lateP = Math.max(minutes(dayStart, trip.promisedEnd), now > early ? now + LATE_GRACE : 0);
      const lateD = Math.max(minutes(dayStart, trip.latestDropoff), lateP + service + trip.maxRideMinutes);
      const drop = addNode(table, { ...project(trip.dropoff), service, early: 0, late: lateD }, r);
      let pick = -1;
      if (trip.status === 'onboard') {
        // Already on board: only the drop-off remains, its load counted from the start of the route.
        for (let c = 0; c < table.dims; c++) {
          table.demand[drop * table.dims + c] = -(load[c] ?? 0);
          run.route.initialLoad[c] = (run.route.initialLoad[c] as number) + (load[c] ?? 0);
        }
      } else {
        pick = addNode(table, { ...project(trip.pickup), service, early, late: lateP }, r);
        linkRequest(table, pick, drop, load, trip.maxRideMinutes);
        stops.push({ order: trip.pickupOrder, node: pick });
      }
      stops.push({ order: trip.dropoffOrder, node: drop });
      state.requests.push({
        id: trip.id,
        pickupNode: pick,
        dropoffNode: drop,
        vehicle: k,
        status: trip.status === 'onboard' ? 'onboard' : 'planned',
        promisedPickup: [early, minutes(dayStart, trip.promisedEnd)],
        latestDropoff: lateD,
        maxRideTime: trip.maxRideMinutes,
        pickupService: service,
      });
    }
    // Stable: a pickup and its drop-off stored at the same order keep pickup first.
    stops.sort((a, b) => a.order - b.order);
    const route = run.route;
    reserveRoute(route, stops.length + 2, table.dims);
    route.node[0] = run.anchor;
    stops.forEach((s, i) => {
      route.node[i + 1] = s.node;
    });
    route.node[stops.length + 1] = run.end;
    route.size = stops.length + 2;
    refreshRoute(table, route);
  });
  return { state, dayStart, origin: options.origin, project, shifts, tripIds, now };
}

export interface Assignment {
  tripId: string;
  shiftId: string;
  vehicleId: string;
  pickupOrder: number | null;
  dropoffOrder: number;
  plannedPickupAt: Date | null;
  plannedDropoffAt: Date;
}

/** Where every trip of the given vehicles (all by default) now sits: shift, order and planned times. */
export function readAssignments(plan: DayPlan, vehicles?: number[]): Assignment[] {
  const { state, dayStart } = plan;
  const at = (m: number) => new Date(dayStart.getTime() + Math.round(m * 60_000));
  const out = new Map<string, Assignment>();
  for (const k of vehicles ?? state.vehicles.map((_, i) => i)) {
    const run = state.vehicles[k];
    const shift = plan.shifts[k];
    if (!run || !shift) continue;
    const route = run.route;
    for (let pos = 1; pos < route.size - 1; pos++) {
      const node = route.node[pos] as number;
      const tripId =
        plan.tripIds[state.table.owner[node] as number] ??
        state.requests[state.table.owner[node] as number]?.id;
      if (!tripId) continue;
      const a = out.get(tripId) ?? {
        tripId,
        shiftId: shift.id,
        vehicleId: shift.vehicleId,
        pickupOrder: null,
        dropoffOrder: 0,
        plannedPickupAt: null,
        plannedDropoffAt: at(route.emin[pos] as number),
      };
      if (state.table.isPickup[node] === 1) {
        a.pickupOrder = pos;
        a.plannedPickupAt = at(route.emin[pos] as number);
      } else {
        a.dropoffOrder = pos;
        a.plannedDropoffAt = at(route.emin[pos] as number);
      }
      out.set(tripId, a);
    }
  }
  return [...out.values()];
}
