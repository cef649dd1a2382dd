// One vehicle's planned route: the ordered stops with, per stop, the data the schedule and insertion
// loops read (copied next to each other for locality), the load after each stop and the earliest and
// latest feasible start-of-service times.
import type { StopTable } from './model.ts';
import { earliestSchedule, latestSchedule, type ScheduleInput } from './route-schedule.ts';

export interface Route extends ScheduleInput {
  vehicle: number;
  size: number;
  node: Int32Array;
  /** size × dims: load on board after service at stop k. */
  load: Int32Array;
  emin: Float64Array;
  lmax: Float64Array;
  /** capacity per dimension and load on board when the route starts. */
  capacity: Int32Array;
  initialLoad: Int32Array;
  maxDuration: number;
  cost: number;
  feasible: boolean;
}

/** An empty route from `start` to `end` with room for `room` stops (grown on demand). */
export function createRoute(
  table: StopTable,
  vehicle: number,
  start: number,
  end: number,
  limits: { capacity: Int32Array; initialLoad: Int32Array; maxDuration: number },
  room: number,
): Route {
  const cap = Math.max(room, 4);
  const route: Route = {
    vehicle,
    size: 2,
    node: new Int32Array(cap),
    early: new Float64Array(cap),
    late: new Float64Array(cap),
    service: new Float64Array(cap),
    leg: new Float64Array(cap),
    pickAt: new Int32Array(cap),
    dropAt: new Int32Array(cap),
    maxRide: new Float64Array(cap),
    load: new Int32Array(cap * table.dims),
    emin: new Float64Array(cap),
    lmax: new Float64Array(cap),
    capacity: limits.capacity,
    initialLoad: limits.initialLoad,
    maxDuration: limits.maxDuration,
    cost: 0,
    feasible: true,
  };
  route.node[0] = start;
  route.node[1] = end;
  refreshRoute(table, route);
  return route;
}

const ARRAYS = [
  'node',
  'early',
  'late',
  'service',
  'leg',
  'pickAt',
  'dropAt',
  'maxRide',
  'emin',
  'lmax',
] as const;

/** Makes room for at least `stops` stops, keeping the content. */
export function reserveRoute(route: Route, stops: number, dims: number): void {
  if (route.node.length >= stops) return;
  const cap = Math.max(stops, route.node.length * 2);
  for (const key of ARRAYS) {
    const old = route[key];
    const grown = old instanceof Int32Array ? new Int32Array(cap) : new Float64Array(cap);
    grown.set(old);
    (route as unknown as Record<string, Int32Array | Float64Array>)[key] = grown;
  }
  const load = new Int32Array(cap * dims);
  load.set(route.load);
  route.load = load;
}

/** Recomputes everything derived from the node order; returns whether a feasible schedule exists. */
export function refreshRoute(table: StopTable, route: Route): boolean {
  const { dims, positionScratch: pos } = table;
  const m = route.size;
  const { node, early, late, service, leg, pickAt, dropAt, maxRide, load } = route;
  let cost = 0;
  let overload = false;
  for (let k = 0; k < m; k++) {
    const v = node[k] as number;
    pos[v] = k;
    early[k] = table.early[v] as number;
    late[k] = table.late[v] as number;
    service[k] = table.service[v] as number;
    maxRide[k] = table.maxRide[v] as number;
    pickAt[k] = -1;
    dropAt[k] = -1;
    if (k + 1 < m) {
      const t = table.travel(v, node[k + 1] as number);
      leg[k] = t;
      cost += t;
    } else leg[k] = 0;
    for (let d = 0; d < dims; d++) {
      const before = k === 0 ? (route.initialLoad[d] as number) : (load[(k - 1) * dims + d] as number);
      const after = before + (table.demand[v * dims + d] as number);
      load[k * dims + d] = after;
      if (after > (route.capacity[d] as number)) overload = true;
    }
    if (table.isPickup[v] === 0) {
      const p = table.partner[v] as number;
      if (p >= 0) {
        const pk = pos[p] as number;
        if (pk >= 0 && pk < k && node[pk] === p) {
          pickAt[k] = pk;
          dropAt[pk] = k;
        }
      }
    }
  }
  for (let k = 0; k < m; k++) pos[node[k] as number] = -1;
  route.cost = cost;
  route.feasible =
    !overload &&
    earliestSchedule(route, m, route.maxDuration, route.emin) &&
    latestSchedule(route, m, route.maxDuration, route.lmax);
  return route.feasible;
}

/** Inserts pickup `p` after position i and drop-off `d` after position j (positions before insertion). */
export function insertStops(
  table: StopTable,
  route: Route,
  p: number,
  d: number,
  i: number,
  j: number,
): void {
  reserveRoute(route, route.size + 2, table.dims);
  const node = route.node;
  const m = route.size;
  for (let k = m - 1; k > j; k--) node[k + 2] = node[k] as number;
  node[j + 2] = d;
  for (let k = j; k > i; k--) node[k + 1] = node[k] as number;
  node[i + 1] = p;
  route.size = m + 2;
  refreshRoute(table, route);
}

/** Removes every stop at a node listed in `nodes` (a request's pickup and drop-off). */
export function removeStops(table: StopTable, route: Route, a: number, b: number): void {
  const node = route.node;
  let w = 0;
  for (let k = 0; k < route.size; k++) {
    const v = node[k] as number;
    if (v !== a && v !== b) node[w++] = v;
  }
  route.size = w;
  refreshRoute(table, route);
}

/** Copies the content of `src` into `dst` (same vehicle). */
export function copyRoute(dst: Route, src: Route, dims: number): void {
  reserveRoute(dst, src.size, dims);
  const m = src.size;
  // Element loops rather than subarray views: this runs every iteration and must not allocate.
  for (let k = 0; k < m; k++) {
    dst.node[k] = src.node[k] as number;
    dst.early[k] = src.early[k] as number;
    dst.late[k] = src.late[k] as number;
    dst.service[k] = src.service[k] as number;
    dst.leg[k] = src.leg[k] as number;
    dst.pickAt[k] = src.pickAt[k] as number;
    dst.dropAt[k] = src.dropAt[k] as number;
    dst.maxRide[k] = src.maxRide[k] as number;
    dst.emin[k] = src.emin[k] as number;
    dst.lmax[k] = src.lmax[k] as number;
  }
  for (let k = 0; k < m * dims; k++) dst.load[k] = src.load[k] as number;
  dst.size = m;
  dst.cost = src.cost;
  dst.feasible = src.feasible;
  dst.maxDuration = src.maxDuration;
}
