// A plan for a static instance: one route per vehicle, which route serves each request, and the moves the
// search is built from (evaluate, insert and remove a request) on top of the precomputed travel matrix.
import {
  bestInsertion,
  createProbe,
  createWorkspace,
  type InsertionChoice,
  insertionRange,
  type Probe,
  type Workspace,
} from './insertion.ts';
import { endNode, type Instance, startNode } from './model.ts';
import { copyRoute, createRoute, insertStops, type Route, refreshRoute, removeStops } from './route.ts';

export interface Plan {
  routes: Route[];
  /** Vehicle serving each request, −1 when unserved. */
  routeOf: Int32Array;
  unserved: number;
}

/** Scratch space of one search (one per solver run; nothing is shared between runs). */
export interface Scratch {
  probe: Probe;
  ws: Workspace;
  choice: InsertionChoice;
}

export function createScratch(inst: Instance): Scratch {
  const room = 2 * inst.n + 4;
  return { probe: createProbe(inst.dims, room), ws: createWorkspace(room), choice: { delta: 0, i: 0, j: 0 } };
}

/** Every vehicle with an empty route, except requests already on board, which stay with their vehicle. */
export function emptyPlan(inst: Instance): Plan {
  const { dims } = inst;
  const routes: Route[] = [];
  for (let k = 0; k < inst.vehicles; k++) {
    routes.push(
      createRoute(
        inst,
        k,
        startNode(inst, k),
        endNode(inst, k),
        {
          capacity: inst.capacity.subarray(k * dims, (k + 1) * dims),
          initialLoad: inst.initialLoad.subarray(k * dims, (k + 1) * dims),
          maxDuration: inst.maxDuration[k] as number,
        },
        2 * inst.n + 2,
      ),
    );
  }
  let unserved = 0;
  for (let r = 0; r < inst.n; r++) if ((inst.onboard[r] as number) < 0) unserved++;
  return { routes, routeOf: new Int32Array(inst.n).fill(-1), unserved };
}

/** A plan from given stop orders (instance node numbers, depots excluded), one per vehicle. */
export function planFromSequences(inst: Instance, sequences: number[][]): Plan {
  const plan = emptyPlan(inst);
  sequences.forEach((sequence, k) => {
    const route = plan.routes[k] as Route;
    route.node.set([startNode(inst, k), ...sequence, endNode(inst, k)]);
    route.size = sequence.length + 2;
    refreshRoute(inst, route);
    for (const v of sequence) {
      const r = v < inst.n ? v : v - inst.n;
      if (plan.routeOf[r] === -1 && (inst.onboard[r] as number) < 0) plan.unserved--;
      plan.routeOf[r] = k;
    }
  });
  return plan;
}

export function planCost(plan: Plan): number {
  let cost = 0;
  for (const r of plan.routes) cost += r.cost;
  return cost;
}

export function copyPlan(dst: Plan, src: Plan, dims: number): void {
  for (let k = 0; k < src.routes.length; k++) copyRoute(dst.routes[k] as Route, src.routes[k] as Route, dims);
  dst.routeOf.set(src.routeOf);
  dst.unserved = src.unserved;
}

export function clonePlan(inst: Instance, src: Plan): Plan {
  const plan = emptyPlan(inst);
  copyPlan(plan, src, inst.dims);
  return plan;
}

/** Fills the probe with request r's data and its travel times to and from the stops of `route`. */
export function fillProbe(inst: Instance, route: Route, r: number, probe: Probe): void {
  const { time, nodes, n } = inst;
  const p = r;
  const d = n + r;
  probe.pickupEarly = inst.early[p] as number;
  probe.pickupLate = inst.late[p] as number;
  probe.pickupService = inst.service[p] as number;
  probe.dropEarly = inst.early[d] as number;
  probe.dropLate = inst.late[d] as number;
  probe.dropService = inst.service[d] as number;
  probe.maxRide = inst.maxRide[d] as number;
  probe.direct = time[p * nodes + d] as number;
  for (let c = 0; c < inst.dims; c++) probe.demand[c] = inst.demand[p * inst.dims + c] as number;
  insertionRange(route, probe);
  const { toP, fromP, toD, fromD } = probe;
  const node = route.node;
  for (let k = probe.from; k <= probe.to; k++) {
    const v = node[k] as number;
    toP[k] = time[v * nodes + p] as number;
    fromP[k] = time[p * nodes + v] as number;
    toD[k] = time[v * nodes + d] as number;
    fromD[k] = time[d * nodes + v] as number;
  }
}

/** Cheapest feasible insertion of request r into `route` below `bound`, into scratch.choice. */
export function evaluate(
  inst: Instance,
  route: Route,
  r: number,
  s: Scratch,
  bound: number,
  noise = 0,
  random: () => number = Math.random,
): boolean {
  if (route.size > s.probe.toP.length - 2 || route.size + 2 > s.ws.times.length) {
    s.probe = createProbe(inst.dims, route.size * 2 + 4);
    s.ws = createWorkspace(route.size * 2 + 4);
  }
  fillProbe(inst, route, r, s.probe);
  return bestInsertion(route, s.probe, s.ws, bound, s.choice, noise, random);
}

export function insertRequest(
  inst: Instance,
  plan: Plan,
  r: number,
  vehicle: number,
  i: number,
  j: number,
): void {
  insertStops(inst, plan.routes[vehicle] as Route, r, inst.n + r, i, j);
  plan.routeOf[r] = vehicle;
  plan.unserved--;
}

export function removeRequest(inst: Instance, plan: Plan, r: number): void {
  const k = plan.routeOf[r] as number;
  if (k < 0) return;
  removeStops(inst, plan.routes[k] as Route, r, inst.n + r);
  plan.routeOf[r] = -1;
  plan.unserved++;
}

/** Travel time saved by taking request r out of its route (without rebuilding it). */
export function removalGain(inst: Instance, plan: Plan, r: number): number {
  const route = plan.routes[plan.routeOf[r] as number] as Route;
  const { time, nodes } = inst;
  const node = route.node;
  let pPos = -1;
  let dPos = -1;
  for (let k = 1; k < route.size - 1; k++) {
    if (node[k] === r) pPos = k;
    else if (node[k] === inst.n + r) dPos = k;
  }
  const t = (a: number, b: number) => time[(node[a] as number) * nodes + (node[b] as number)] as number;
  if (dPos === pPos + 1) return t(pPos - 1, pPos) + t(pPos, dPos) + t(dPos, dPos + 1) - t(pPos - 1, dPos + 1);
  return (
    t(pPos - 1, pPos) +
    t(pPos, pPos + 1) -
    t(pPos - 1, pPos + 1) +
    t(dPos - 1, dPos) +
    t(dPos, dPos + 1) -
    t(dPos - 1, dPos + 1)
  );
}
