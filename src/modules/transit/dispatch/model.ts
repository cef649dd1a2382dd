// The dial-a-ride problem as the dispatch solver sees it. An instance is first described as plain data
// (InstanceSpec, what a file or the booking flow provides), then compiled into flat typed arrays so the
// search loops read numbers, not objects.

/** A place where a vehicle stops: coordinates, service duration and the window for the start of service. */
export interface StopSpec {
  x: number;
  y: number;
  service: number;
  early: number;
  late: number;
}

/** One rider's trip: picked up, carried at most maxRideTime, dropped off; load per capacity dimension. */
export interface RequestSpec {
  pickup: StopSpec;
  dropoff: StopSpec;
  load: number[];
  maxRideTime: number;
  /** Already picked up by this vehicle (live re-optimisation): only the drop-off remains to plan. */
  onboardVehicle?: number;
}

/** A vehicle: where its shift starts and ends (the windows are the shift), capacity per dimension. */
export interface VehicleSpec {
  start: StopSpec;
  end: StopSpec;
  capacity: number[];
  maxDuration: number;
}

/** Plain description of an instance; dimensions are e.g. [seats] or [seats, wheelchair places]. */
export interface InstanceSpec {
  name: string;
  requests: RequestSpec[];
  vehicles: VehicleSpec[];
  /** Distance units per time unit; travel time = Euclidean distance / speed (1 for Cordeau). */
  speed?: number;
}

/**
 * What a route needs to know about the nodes it visits. Both the compiled static instance and the live
 * dispatch state provide it. Travel times must satisfy the triangle inequality (they are shortest paths),
 * which the insertion pruning relies on.
 */
export interface StopTable {
  readonly dims: number;
  early: Float64Array;
  late: Float64Array;
  service: Float64Array;
  /** node * dims + d: + load at a pickup, − load at a drop-off, 0 elsewhere. */
  demand: Int32Array;
  /** pickup ↔ drop-off node of the same request; −1 at depots and vehicle positions. */
  partner: Int32Array;
  isPickup: Uint8Array;
  /** At a drop-off node: the maximum ride time of its request. */
  maxRide: Float64Array;
  /** node → position, written and reset while a route is refreshed. */
  positionScratch: Int32Array;
  travel(a: number, b: number): number;
}

/**
 * A compiled static instance. Node numbering: pickup of request r is r, its drop-off n + r; vehicle k
 * starts at node 2n + 2k and ends at 2n + 2k + 1.
 */
export interface Instance extends StopTable {
  readonly name: string;
  readonly n: number;
  readonly vehicles: number;
  readonly nodes: number;
  readonly speed: number;
  x: Float64Array;
  y: Float64Array;
  /** nodes × nodes travel times, row-major. */
  time: Float64Array;
  /** Longest travel time between two nodes. */
  maxTravel: number;
  capacity: Int32Array;
  initialLoad: Int32Array;
  maxDuration: Float64Array;
  /** Vehicle carrying the request already, or −1. */
  onboard: Int32Array;
  /** Vehicles with the same depots, shift and capacity share a class (an empty route of each is enough). */
  vehicleClass: Int32Array;
  spec: InstanceSpec;
}

export const startNode = (inst: Instance, k: number): number => 2 * inst.n + 2 * k;
export const endNode = (inst: Instance, k: number): number => 2 * inst.n + 2 * k + 1;

/** Compiles a spec: flat arrays, the travel-time matrix and time windows tightened by implied bounds. */
export function compileInstance(spec: InstanceSpec): Instance {
  const n = spec.requests.length;
  const vehicles = spec.vehicles.length;
  const dims = Math.max(1, spec.vehicles[0]?.capacity.length ?? 1);
  const nodes = 2 * n + 2 * vehicles;
  const speed = spec.speed ?? 1;
  const x = new Float64Array(nodes);
  const y = new Float64Array(nodes);
  const early = new Float64Array(nodes);
  const late = new Float64Array(nodes);
  const service = new Float64Array(nodes);
  const demand = new Int32Array(nodes * dims);
  const partner = new Int32Array(nodes).fill(-1);
  const isPickup = new Uint8Array(nodes);
  const maxRide = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
  const onboard = new Int32Array(n).fill(-1);
  const place = (node: number, s: StopSpec) => {
    x[node] = s.x;
    y[node] = s.y;
    early[node] = s.early;
    late[node] = s.late;
    service[node] = s.service;
  };
  spec.requests.forEach((req, r) => {
    place(r, req.pickup);
    place(n + r, req.dropoff);
    partner[r] = n + r;
    partner[n + r] = r;
    isPickup[r] = 1;
    maxRide[n + r] = req.maxRideTime;
    for (let d = 0; d < dims; d++) {
      demand[r * dims + d] = req.load[d] ?? 0;
      demand[(n + r) * dims + d] = -(req.load[d] ?? 0);
    }
    if (req.onboardVehicle !== undefined) onboard[r] = req.onboardVehicle;
  });
  const capacity = new Int32Array(vehicles * dims);
  const initialLoad = new Int32Array(vehicles * dims);
  const maxDuration = new Float64Array(vehicles);
  spec.vehicles.forEach((v, k) => {
    place(2 * n + 2 * k, v.start);
    place(2 * n + 2 * k + 1, v.end);
    maxDuration[k] = v.maxDuration;
    for (let d = 0; d < dims; d++) capacity[k * dims + d] = v.capacity[d] ?? 0;
  });
  for (let r = 0; r < n; r++) {
    const k = onboard[r] as number;
    if (k >= 0)
      for (let d = 0; d < dims; d++)
        initialLoad[k * dims + d] = (initialLoad[k * dims + d] as number) + (demand[r * dims + d] as number);
  }
  const time = new Float64Array(nodes * nodes);
  for (let a = 0; a < nodes; a++)
    for (let b = 0; b < nodes; b++)
      time[a * nodes + b] =
        Math.hypot((x[a] as number) - (x[b] as number), (y[a] as number) - (y[b] as number)) / speed;
  let maxTravel = 0;
  for (const t of time) if (t > maxTravel) maxTravel = t;
  const inst: Instance = {
    name: spec.name,
    n,
    vehicles,
    nodes,
    dims,
    speed,
    x,
    y,
    early,
    late,
    service,
    demand,
    partner,
    isPickup,
    maxRide,
    positionScratch: new Int32Array(nodes).fill(-1),
    time,
    maxTravel,
    capacity,
    initialLoad,
    maxDuration,
    onboard,
    vehicleClass: classifyVehicles(spec),
    spec,
    travel: (a, b) => time[a * nodes + b] as number,
  };
  tightenWindows(inst);
  return inst;
}

function classifyVehicles(spec: InstanceSpec): Int32Array {
  const keys = new Map<string, number>();
  const classes = new Int32Array(spec.vehicles.length);
  spec.vehicles.forEach((v, k) => {
    const busy = spec.requests.some((r) => r.onboardVehicle === k);
    const key = busy ? `busy${k}` : JSON.stringify([v.start, v.end, v.capacity, v.maxDuration]);
    if (!keys.has(key)) keys.set(key, keys.size);
    classes[k] = keys.get(key) as number;
  });
  return classes;
}

// Implied bounds (Cordeau 2006): a pickup cannot be reached before the earliest vehicle gets there, a
// drop-off must leave time to reach some depot, and the ride-time limit ties each pickup to its drop-off.
// Every bound is a consequence of the constraints, so no feasible schedule is lost.
function tightenWindows(inst: Instance): void {
  const { n, vehicles, early, late, service, time, nodes } = inst;
  for (let r = 0; r < n; r++) {
    const p = r;
    const d = n + r;
    const ride = inst.maxRide[d] as number;
    if ((inst.onboard[r] as number) < 0) {
      let reach = Number.POSITIVE_INFINITY;
      for (let k = 0; k < vehicles; k++) {
        const s = 2 * n + 2 * k;
        reach = Math.min(
          reach,
          (early[s] as number) + (service[s] as number) + (time[s * nodes + p] as number),
        );
      }
      if (reach > (early[p] as number)) early[p] = reach;
    }
    let home = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < vehicles; k++) {
      const e = 2 * n + 2 * k + 1;
      home = Math.max(home, (late[e] as number) - (service[d] as number) - (time[d * nodes + e] as number));
    }
    if (home < (late[d] as number)) late[d] = home;
    if ((inst.onboard[r] as number) >= 0) continue;
    const direct = time[p * nodes + d] as number;
    const sp = service[p] as number;
    early[p] = Math.max(early[p] as number, (early[d] as number) - sp - ride);
    late[p] = Math.min(late[p] as number, (late[d] as number) - sp - direct);
    early[d] = Math.max(early[d] as number, (early[p] as number) + sp + direct);
    late[d] = Math.min(late[d] as number, (late[p] as number) + sp + ride);
  }
}
