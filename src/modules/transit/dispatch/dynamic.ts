// Live dispatch: the current plan of every vehicle, a booking inserted in real time, and the clock moving
// on. A booking gets a promise — a pickup window and a latest drop-off — that becomes a hard time window
// of its stops, so any later insertion or re-optimisation, being feasible, keeps every promise made.
// The clock (dynamic-clock.ts) freezes stops already served and the stop a vehicle is driving to.
import {
  bestInsertion,
  createProbe,
  createWorkspace,
  fitScratch,
  type InsertionChoice,
  insertionRange,
  type Probe,
  type Workspace,
} from './insertion.ts';
import { addNode, createLiveTable, freeNode, type LiveTable, linkRequest } from './live-table.ts';
import { createRoute, insertStops, type Route, refreshRoute } from './route.ts';

export interface Place {
  x: number;
  y: number;
}

export interface FleetVehicle {
  start: Place;
  end: Place;
  shiftStart: number;
  shiftEnd: number;
  /** Longest time on the road from the first departure (defaults to the shift length). */
  maxDuration?: number;
  capacity: number[];
}

export interface BookingRequest {
  id: string;
  pickup: Place;
  dropoff: Place;
  /** Window the rider asked for (start of pickup service). */
  pickupEarly: number;
  pickupLate: number;
  /** Appointment: latest start of the drop-off service, if any. */
  dropoffLate?: number;
  load: number[];
  maxRideTime: number;
  pickupService?: number;
  dropoffService?: number;
}

export interface Booking {
  request: number;
  vehicle: number;
  plannedPickup: number;
  promisedPickup: [number, number];
  latestDropoff: number;
}

export type RequestStatus = 'planned' | 'onboard' | 'done';

export interface BookedRequest {
  id: string;
  pickupNode: number;
  dropoffNode: number;
  vehicle: number;
  status: RequestStatus;
  promisedPickup: [number, number];
  latestDropoff: number;
  maxRideTime: number;
  pickupService: number;
  pickedUpAt?: number;
  droppedOffAt?: number;
}

export interface VehicleRun {
  spec: FleetVehicle;
  route: Route;
  anchor: number;
  end: number;
  /** Time the vehicle is free at its anchor. */
  ready: number;
  departed: boolean;
}

export interface Dispatch {
  now: number;
  table: LiveTable;
  vehicles: VehicleRun[];
  requests: BookedRequest[];
  promiseWidth: number;
  probe: Probe;
  ws: Workspace;
  choice: InsertionChoice;
}

/** A dispatch for a fleet; `promiseWidth` is the width of the pickup window promised at booking. */
export function createDispatch(
  fleet: FleetVehicle[],
  options: { speed: number; promiseWidth: number },
): Dispatch {
  const dims = Math.max(1, fleet[0]?.capacity.length ?? 1);
  const table = createLiveTable(dims, options.speed, 64 + 2 * fleet.length);
  const vehicles = fleet.map((spec, k) => {
    const anchor = addNode(
      table,
      { ...spec.start, service: 0, early: spec.shiftStart, late: spec.shiftEnd },
      -1,
    );
    const end = addNode(table, { ...spec.end, service: 0, early: spec.shiftStart, late: spec.shiftEnd }, -1);
    const route = createRoute(
      table,
      k,
      anchor,
      end,
      {
        capacity: Int32Array.from({ length: dims }, (_, d) => spec.capacity[d] ?? 0),
        initialLoad: new Int32Array(dims),
        maxDuration: spec.maxDuration ?? spec.shiftEnd - spec.shiftStart,
      },
      16,
    );
    return { spec, route, anchor, end, ready: spec.shiftStart, departed: false };
  });
  const room = 64;
  return {
    now: 0,
    table,
    vehicles,
    requests: [],
    promiseWidth: options.promiseWidth,
    probe: createProbe(dims, room),
    ws: createWorkspace(room),
    choice: { delta: 0, i: 0, j: 0 },
  };
}

function fillLiveProbe(table: LiveTable, route: Route, p: number, d: number, probe: Probe): void {
  const { x, y, speed } = table;
  const px = x[p] as number;
  const py = y[p] as number;
  const dx = x[d] as number;
  const dy = y[d] as number;
  insertionRange(route, probe);
  for (let k = probe.from; k <= probe.to; k++) {
    const v = route.node[k] as number;
    const vx = x[v] as number;
    const vy = y[v] as number;
    const tp = Math.hypot(vx - px, vy - py) / speed;
    const td = Math.hypot(vx - dx, vy - dy) / speed;
    probe.toP[k] = tp;
    probe.fromP[k] = tp;
    probe.toD[k] = td;
    probe.fromD[k] = td;
  }
}

/**
 * Inserts a booking at the cheapest feasible place (least added travel) without breaking any promise;
 * returns the promise made, or null when no vehicle can take it.
 */
export function bookRequest(state: Dispatch, request: BookingRequest): Booking | null {
  const { table } = state;
  const ps = request.pickupService ?? 0;
  const ds = request.dropoffService ?? 0;
  const id = state.requests.length;
  const p = addNode(
    table,
    {
      ...request.pickup,
      service: ps,
      early: Math.max(request.pickupEarly, state.now),
      late: request.pickupLate,
    },
    id,
  );
  const d = addNode(
    table,
    { ...request.dropoff, service: ds, early: 0, late: request.dropoffLate ?? Number.MAX_VALUE },
    id,
  );
  linkRequest(table, p, d, request.load, request.maxRideTime);
  const direct = table.travel(p, d);
  tightenPair(table, p, d, direct);
  const probe = state.probe;
  probe.pickupEarly = table.early[p] as number;
  probe.pickupLate = table.late[p] as number;
  probe.pickupService = ps;
  probe.dropEarly = table.early[d] as number;
  probe.dropLate = table.late[d] as number;
  probe.dropService = ds;
  probe.maxRide = request.maxRideTime;
  probe.direct = direct;
  for (let c = 0; c < table.dims; c++) probe.demand[c] = request.load[c] ?? 0;
  let best = Number.POSITIVE_INFINITY;
  let bestVehicle = -1;
  let bestI = 0;
  let bestJ = 0;
  const feasibleWindow = probe.pickupEarly <= probe.pickupLate && probe.dropEarly <= probe.dropLate;
  for (let k = 0; feasibleWindow && k < state.vehicles.length; k++) {
    const route = (state.vehicles[k] as VehicleRun).route;
    if (!route.feasible || (route.emin[0] as number) > probe.pickupLate) continue;
    if ((route.lmax[route.size - 1] as number) < probe.dropEarly) continue;
    let fits = true;
    for (let c = 0; c < table.dims; c++)
      if ((probe.demand[c] as number) > (route.capacity[c] as number)) fits = false;
    if (!fits) continue;
    state.ws = fitScratch(probe, state.ws, route.size);
    fillLiveProbe(table, route, p, d, probe);
    if (bestInsertion(route, probe, state.ws, best, state.choice)) {
      best = state.choice.delta;
      bestVehicle = k;
      bestI = state.choice.i;
      bestJ = state.choice.j;
    }
  }
  if (bestVehicle < 0) {
    freeNode(table, p);
    freeNode(table, d);
    return null;
  }
  const route = (state.vehicles[bestVehicle] as VehicleRun).route;
  insertStops(table, route, p, d, bestI, bestJ);
  const planned = route.emin[bestI + 1] as number;
  // Promise a window of the agreed width around the planned time, inside the requested window.
  const w = state.promiseWidth;
  const lo = Math.max(table.early[p] as number, Math.min(planned - w / 2, (table.late[p] as number) - w));
  const hi = Math.min(table.late[p] as number, lo + w);
  table.early[p] = lo;
  table.late[p] = hi;
  tightenPair(table, p, d, direct);
  refreshRoute(table, route);
  const booked: BookedRequest = {
    id: request.id,
    pickupNode: p,
    dropoffNode: d,
    vehicle: bestVehicle,
    status: 'planned',
    promisedPickup: [lo, hi],
    latestDropoff: table.late[d] as number,
    maxRideTime: request.maxRideTime,
    pickupService: ps,
  };
  state.requests.push(booked);
  return {
    request: id,
    vehicle: bestVehicle,
    plannedPickup: planned,
    promisedPickup: [lo, hi],
    latestDropoff: booked.latestDropoff,
  };
}

// Bounds implied by the ride-time limit between a pickup and its drop-off (never lose a schedule).
function tightenPair(table: LiveTable, p: number, d: number, direct: number): void {
  const sp = table.service[p] as number;
  const ride = table.maxRide[d] as number;
  table.early[p] = Math.max(table.early[p] as number, (table.early[d] as number) - sp - ride);
  table.late[p] = Math.min(table.late[p] as number, (table.late[d] as number) - sp - direct);
  table.early[d] = Math.max(table.early[d] as number, (table.early[p] as number) + sp + direct);
  table.late[d] = Math.min(table.late[d] as number, (table.late[p] as number) + sp + ride);
}
