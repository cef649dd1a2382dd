// Background re-optimisation of the live plans: a group of vehicles is cut out as a static instance —
// each vehicle starting from its anchor, riders on board tied to their vehicle, every window being the
// promise made — improved by the large-neighbourhood search and written back only if it got better.
// Stops already served are not part of it, so they cannot move.
import type { BookedRequest, Dispatch, VehicleRun } from './dynamic.ts';
import { searchPlan } from './lns.ts';
import { compileInstance, type InstanceSpec, type RequestSpec, type StopSpec } from './model.ts';
import { planFromSequences } from './plan.ts';
import { refreshRoute, reserveRoute } from './route.ts';

export interface ReoptimiseOptions {
  /** Vehicles to re-plan together (default: all). */
  vehicles?: number[];
  seed: number;
  maxIterations: number;
}

/** Improves the plans of a group of vehicles; returns their travel time before and after. */
export function reoptimise(state: Dispatch, options: ReoptimiseOptions): { before: number; after: number } {
  const { table } = state;
  const group = options.vehicles ?? state.vehicles.map((_, k) => k);
  const runs = group.map((k) => state.vehicles[k] as VehicleRun);
  const stopOf = (node: number): StopSpec => ({
    x: table.x[node] as number,
    y: table.y[node] as number,
    service: table.service[node] as number,
    early: table.early[node] as number,
    late: table.late[node] as number,
  });
  const requests: RequestSpec[] = [];
  const owners: number[] = [];
  const indexOf = new Map<number, number>();
  runs.forEach((run, k) => {
    for (let s = 1; s < run.route.size - 1; s++) {
      const owner = table.owner[run.route.node[s] as number] as number;
      if (indexOf.has(owner)) continue;
      const req = state.requests[owner] as BookedRequest;
      const drop = req.dropoffNode;
      indexOf.set(owner, requests.length);
      owners.push(owner);
      const load = Array.from(
        { length: table.dims },
        (_, c) => -(table.demand[drop * table.dims + c] as number),
      );
      const onboard = req.status === 'onboard';
      requests.push({
        pickup: onboard ? stopOf(drop) : stopOf(req.pickupNode),
        dropoff: stopOf(drop),
        load,
        maxRideTime: table.maxRide[drop] as number,
        ...(onboard ? { onboardVehicle: k } : {}),
      });
    }
  });
  const spec: InstanceSpec = {
    name: 'live',
    speed: table.speed,
    requests,
    vehicles: runs.map((run) => ({
      start: stopOf(run.anchor),
      end: stopOf(run.end),
      capacity: Array.from(run.route.capacity),
      maxDuration: run.route.maxDuration,
    })),
  };
  const inst = compileInstance(spec);
  const n = requests.length;
  const sequences = runs.map((run) =>
    Array.from(run.route.node.subarray(1, run.route.size - 1), (node) => {
      const r = indexOf.get(table.owner[node] as number) as number;
      return table.isPickup[node] === 1 ? r : n + r;
    }),
  );
  const initial = planFromSequences(inst, sequences);
  const before = runs.reduce((sum, run) => sum + run.route.cost, 0);
  if (n === 0 || initial.unserved > 0 || initial.routes.some((r) => !r.feasible))
    return { before, after: before };
  const result = searchPlan(inst, { seed: options.seed, maxIterations: options.maxIterations, initial });
  if (result.plan.unserved > 0 || result.cost >= before - 1e-9) return { before, after: before };
  runs.forEach((run, k) => {
    const planned = result.plan.routes[k];
    if (!planned) return;
    const route = run.route;
    const size = planned.size;
    reserveRoute(route, size, table.dims);
    for (let s = 1; s < size - 1; s++) {
      const v = planned.node[s] as number;
      const r = v < n ? v : v - n;
      const req = state.requests[owners[r] as number] as BookedRequest;
      route.node[s] = v < n ? req.pickupNode : req.dropoffNode;
      req.vehicle = group[k] as number;
    }
    route.node[size - 1] = run.end;
    route.size = size;
    refreshRoute(table, route);
  });
  return { before, after: runs.reduce((sum, run) => sum + run.route.cost, 0) };
}
