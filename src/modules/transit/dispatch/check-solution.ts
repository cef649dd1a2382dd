// Independent checker of dial-a-ride solutions. It shares no code with the solver: it reads the instance
// itself (Cordeau text or plain data), recomputes every distance, verifies each rule of the Cordeau
// README on the printed routes and times, and recomputes the cost. `routeScheduleExists` decides whether
// a stop order has any feasible schedule by Bellman–Ford on the explicit constraint graph, a method
// unrelated to the solver's label correcting.

interface CheckedStop {
  x: number;
  y: number;
  service: number;
  early: number;
  late: number;
}

/** Structural copy of the instance description (plain data only). */
export interface CheckedInstance {
  name: string;
  speed?: number;
  requests: {
    pickup: CheckedStop;
    dropoff: CheckedStop;
    load: number[];
    maxRideTime: number;
    onboardVehicle?: number;
  }[];
  vehicles: { start: CheckedStop; end: CheckedStop; capacity: number[]; maxDuration: number }[];
}

/** Printed solution: node 0 = the vehicle's start, 1..n pickups, n+1..2n drop-offs, 2n+1 its end. */
export interface CheckedSolution {
  cost: number;
  routes: { vehicle: number; stops: { node: number; time: number }[] }[];
}

export interface CheckReport {
  feasible: boolean;
  cost: number;
  violations: string[];
}

const TOL = 1e-6;

/** Reads a Cordeau file independently of the solver's parser. */
export function readCordeauForCheck(text: string, name: string): CheckedInstance {
  const rows = text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const [K = 0, n = 0, T = 0, Q = 0, L = 0] = rows[0] ?? [];
  const stop = (i: number): CheckedStop => {
    const row = rows[i + 1] ?? [];
    return { x: row[1] ?? 0, y: row[2] ?? 0, service: row[3] ?? 0, early: row[5] ?? 0, late: row[6] ?? 0 };
  };
  const requests = [];
  for (let i = 1; i <= n; i++)
    requests.push({
      pickup: stop(i),
      dropoff: stop(n + i),
      load: [(rows[i + 1] ?? [])[4] ?? 0],
      maxRideTime: L,
    });
  const vehicles = [];
  for (let k = 0; k < K; k++)
    vehicles.push({ start: stop(0), end: stop(2 * n + 1), capacity: [Q], maxDuration: T });
  return { name, requests, vehicles };
}

function stopOf(inst: CheckedInstance, vehicle: number, node: number): CheckedStop | undefined {
  const n = inst.requests.length;
  if (node === 0) return inst.vehicles[vehicle]?.start;
  if (node === 2 * n + 1) return inst.vehicles[vehicle]?.end;
  if (node >= 1 && node <= n) return inst.requests[node - 1]?.pickup;
  if (node > n && node <= 2 * n) return inst.requests[node - n - 1]?.dropoff;
  return undefined;
}

const length = (a: CheckedStop, b: CheckedStop) => Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);

/** Verifies every rule on the printed solution; the cost is recomputed from the coordinates. */
export function checkSolution(inst: CheckedInstance, solution: CheckedSolution): CheckReport {
  const n = inst.requests.length;
  const speed = inst.speed ?? 1;
  const violations: string[] = [];
  const servedBy = new Map<number, number>();
  const pickedAt = new Map<number, number>();
  const usedVehicles = new Set<number>();
  let cost = 0;
  for (const route of solution.routes) {
    const v = route.vehicle;
    const vehicle = inst.vehicles[v];
    if (!vehicle || usedVehicles.has(v)) {
      violations.push(`vehicle ${v} unknown or used twice`);
      continue;
    }
    usedVehicles.add(v);
    const stops = route.stops;
    if (stops[0]?.node !== 0 || stops[stops.length - 1]?.node !== 2 * n + 1 || stops.length < 2)
      violations.push(`vehicle ${v}: route must run from 0 to ${2 * n + 1}`);
    const load = vehicle.capacity.map(() => 0);
    inst.requests.forEach((req) => {
      if (req.onboardVehicle === v)
        req.load.forEach((q, d) => {
          load[d] = (load[d] ?? 0) + q;
        });
    });
    const onBoard = new Map<number, number>();
    for (let k = 0; k < stops.length; k++) {
      const { node, time } = stops[k] as { node: number; time: number };
      const here = stopOf(inst, v, node);
      if (!here || !Number.isFinite(time)) {
        violations.push(`vehicle ${v}: bad stop ${node}`);
        continue;
      }
      if ((k > 0 && k < stops.length - 1 && (node === 0 || node === 2 * n + 1)) || (k > 0 && node === 0))
        violations.push(`vehicle ${v}: depot inside the route`);
      if (time < here.early - TOL || time > here.late + TOL)
        violations.push(`vehicle ${v}: node ${node} served at ${time} outside [${here.early}, ${here.late}]`);
      if (k > 0) {
        const prev = stops[k - 1] as { node: number; time: number };
        const before = stopOf(inst, v, prev.node);
        if (before) {
          const d = length(before, here);
          cost += d;
          if (time < prev.time + before.service + d / speed - TOL)
            violations.push(`vehicle ${v}: node ${node} starts before it can be reached`);
        }
      }
      if (node >= 1 && node <= n) {
        const r = node - 1;
        if (servedBy.has(r)) violations.push(`request ${node} picked up twice`);
        servedBy.set(r, v);
        pickedAt.set(r, time);
        onBoard.set(r, k);
        (inst.requests[r] as { load: number[] }).load.forEach((q, d) => {
          load[d] = (load[d] ?? 0) + q;
        });
      } else if (node > n && node <= 2 * n) {
        const r = node - n - 1;
        const req = inst.requests[r] as CheckedInstance['requests'][number];
        if (req.onboardVehicle === v && !onBoard.has(r)) {
          if (servedBy.has(r)) violations.push(`request ${r + 1} dropped twice`);
          servedBy.set(r, v);
        } else if (!onBoard.has(r))
          violations.push(`request ${r + 1} dropped before pickup or by another vehicle`);
        else {
          const ride = time - ((pickedAt.get(r) as number) + req.pickup.service);
          if (ride > req.maxRideTime + TOL)
            violations.push(`request ${r + 1}: ride ${ride} > ${req.maxRideTime}`);
          onBoard.delete(r);
        }
        req.load.forEach((q, d) => {
          load[d] = (load[d] ?? 0) - q;
        });
      }
      load.forEach((value, d) => {
        if (value > (vehicle.capacity[d] ?? 0))
          violations.push(`vehicle ${v}: load ${value} over capacity at ${node}`);
      });
    }
    if (onBoard.size > 0) violations.push(`vehicle ${v}: requests never dropped off`);
    const first = stops[0]?.time ?? 0;
    const last = stops[stops.length - 1]?.time ?? 0;
    if (last - first > vehicle.maxDuration + TOL) violations.push(`vehicle ${v}: duration ${last - first}`);
  }
  for (let r = 0; r < n; r++) if (!servedBy.has(r)) violations.push(`request ${r + 1} not served`);
  if (Math.abs(cost - solution.cost) > TOL * Math.max(1, cost))
    violations.push(`printed cost ${solution.cost} differs from recomputed ${cost}`);
  return { feasible: violations.length === 0, cost, violations };
}

/**
 * Whether some schedule serves `nodes` (printed numbering, from 0 to 2n+1) in this order with vehicle
 * `vehicle`, by Bellman–Ford: B_a − B_b ≤ w is an arc b → a of weight w; infeasible ⇔ a negative cycle.
 */
export function routeScheduleExists(inst: CheckedInstance, vehicle: number, nodes: number[]): boolean {
  const n = inst.requests.length;
  const speed = inst.speed ?? 1;
  const m = nodes.length;
  const z = m; // the time origin
  const arcs: [number, number, number][] = [];
  const stops = nodes.map((node) => stopOf(inst, vehicle, node) as CheckedStop);
  const v = inst.vehicles[vehicle] as CheckedInstance['vehicles'][number];
  stops.forEach((s, k) => {
    arcs.push([z, k, s.late]);
    arcs.push([k, z, -s.early]);
    if (k + 1 < m) arcs.push([k + 1, k, -(s.service + length(s, stops[k + 1] as CheckedStop) / speed)]);
  });
  nodes.forEach((node, k) => {
    if (node > n && node <= 2 * n) {
      const p = nodes.indexOf(node - n);
      const req = inst.requests[node - n - 1] as CheckedInstance['requests'][number];
      if (p >= 0) arcs.push([p, k, req.maxRideTime + req.pickup.service]);
    }
  });
  arcs.push([0, m - 1, v.maxDuration]);
  const dist = new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY);
  dist[z] = 0;
  for (let pass = 0; pass <= m + 1; pass++) {
    let changed = false;
    for (const [a, b, w] of arcs) {
      const through = (dist[a] as number) + w;
      if (through < (dist[b] as number) - 1e-7) {
        dist[b] = through;
        changed = true;
      }
    }
    if (!changed) return true;
  }
  return false;
}
