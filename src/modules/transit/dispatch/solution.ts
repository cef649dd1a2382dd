// The printed shape of a solution (issue 11): routes as node numbers in the Cordeau numbering — 0 the
// vehicle's start, 1..n pickups, n+1..2n drop-offs, 2n+1 its end — with the start of service at each.
import type { Instance } from './model.ts';
import type { Plan } from './plan.ts';
import type { Route } from './route.ts';

export interface SolutionJson {
  instance: string;
  cost: number;
  feasible: boolean;
  routes: { vehicle: number; stops: { node: number; time: number }[] }[];
  /** Requests (printed numbers) no vehicle could serve; present only when some are left. */
  unserved?: number[];
}

/** Printed number of an internal node. */
export function printedNode(inst: Instance, node: number): number {
  const n = inst.n;
  if (node < n) return node + 1;
  if (node < 2 * n) return node + 1;
  return (node - 2 * n) % 2 === 0 ? 0 : 2 * n + 1;
}

/** Total travelled distance of a plan (travel time × speed). */
export function planDistance(inst: Instance, plan: Plan): number {
  let cost = 0;
  for (const route of plan.routes) cost += route.cost;
  return cost * inst.speed;
}

/** JSON shape of a plan; vehicles left at their depot are omitted. */
export function toSolutionJson(inst: Instance, plan: Plan): SolutionJson {
  const routes = (plan.routes as Route[])
    .filter((route) => route.size > 2)
    .map((route) => ({
      vehicle: route.vehicle,
      stops: Array.from(route.node.subarray(0, route.size), (node, k) => ({
        node: printedNode(inst, node),
        time: route.emin[k] as number,
      })),
    }));
  const unserved: number[] = [];
  for (let r = 0; r < inst.n; r++)
    if ((plan.routeOf[r] as number) < 0 && (inst.onboard[r] as number) < 0) unserved.push(r + 1);
  const feasible = unserved.length === 0 && plan.routes.every((route) => route.feasible);
  const json: SolutionJson = { instance: inst.name, cost: planDistance(inst, plan), feasible, routes };
  if (unserved.length > 0) json.unserved = unserved;
  return json;
}

/** A readable summary: cost, feasibility and each route as its printed node numbers. */
export function formatSummary(
  solution: SolutionJson,
  extra: { elapsedMs?: number; iterations?: number } = {},
): string {
  const lines = [
    `${solution.instance}: cost ${solution.cost.toFixed(2)}, ${solution.feasible ? 'feasible' : 'NOT feasible'}, ${solution.routes.length} vehicle(s) used`,
  ];
  if (extra.elapsedMs !== undefined)
    lines.push(`  ${extra.iterations ?? 0} iterations in ${(extra.elapsedMs / 1000).toFixed(1)} s`);
  for (const route of solution.routes)
    lines.push(`  vehicle ${route.vehicle}: ${route.stops.map((s) => s.node).join(' → ')}`);
  if (solution.unserved) lines.push(`  unserved requests: ${solution.unserved.join(', ')}`);
  return lines.join('\n');
}
