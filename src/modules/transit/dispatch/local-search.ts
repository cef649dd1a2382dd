// Local search between routes, applied to promising plans of the large-neighbourhood search:
// relocate (move one request to the cheapest place in another route) and exchange (swap two requests
// of two routes, each at its cheapest place in the other's route), first improvement, until no move
// gains anything.
import type { Instance } from './model.ts';
import { evaluate, insertRequest, type Plan, removalGain, removeRequest, type Scratch } from './plan.ts';
import { type Random, shuffle } from './random.ts';
import { copyRoute, createRoute, type Route } from './route.ts';

const GAIN = 1e-7;

/** Moves requests to other routes while that shortens the plan; returns whether anything moved. */
export function relocate(inst: Instance, plan: Plan, scratch: Scratch, random: Random): boolean {
  const order: number[] = [];
  for (let r = 0; r < inst.n; r++)
    if ((plan.routeOf[r] as number) >= 0 && (inst.onboard[r] as number) < 0) order.push(r);
  shuffle(random, order);
  let moved = false;
  for (const r of order) {
    const from = plan.routeOf[r] as number;
    let bound = removalGain(inst, plan, r) - GAIN;
    let target = -1;
    let ti = 0;
    let tj = 0;
    for (let k = 0; k < inst.vehicles; k++) {
      if (k === from || !evaluate(inst, plan.routes[k] as Route, r, scratch, bound)) continue;
      bound = scratch.choice.delta;
      target = k;
      ti = scratch.choice.i;
      tj = scratch.choice.j;
    }
    if (target < 0) continue;
    removeRequest(inst, plan, r);
    insertRequest(inst, plan, r, target, ti, tj);
    moved = true;
  }
  return moved;
}

/** Swaps pairs of requests between routes while that shortens the plan; returns whether any swapped. */
export function exchange(
  inst: Instance,
  plan: Plan,
  scratch: Scratch,
  random: Random,
  neighbours: number,
): boolean {
  const { n, time, nodes } = inst;
  const spareA = createRoute(inst, 0, 0, 0, plan.routes[0] as Route, 2 * n + 2);
  const spareB = createRoute(inst, 0, 0, 0, plan.routes[0] as Route, 2 * n + 2);
  const order: number[] = [];
  for (let r = 0; r < n; r++)
    if ((plan.routeOf[r] as number) >= 0 && (inst.onboard[r] as number) < 0) order.push(r);
  shuffle(random, order);
  const close = new Float64Array(n);
  let swapped = false;
  for (const a of order) {
    const ka = plan.routeOf[a] as number;
    if (ka < 0) continue;
    // Candidates: requests of other routes whose pickup and drop-off are close to a's.
    const others = order.filter((b) => (plan.routeOf[b] as number) >= 0 && plan.routeOf[b] !== ka);
    for (const b of others)
      close[b] = (time[a * nodes + b] as number) + (time[(n + a) * nodes + n + b] as number);
    others.sort((x, y) => (close[x] as number) - (close[y] as number));
    for (const b of others.slice(0, neighbours)) {
      const kb = plan.routeOf[b] as number;
      const routeA = plan.routes[ka] as Route;
      const routeB = plan.routes[kb] as Route;
      const before = routeA.cost + routeB.cost;
      const unserved = plan.unserved;
      copyRoute(spareA, routeA, inst.dims);
      copyRoute(spareB, routeB, inst.dims);
      removeRequest(inst, plan, a);
      removeRequest(inst, plan, b);
      const room = before - routeA.cost - routeB.cost - GAIN;
      let ok = evaluate(inst, routeB, a, scratch, room);
      if (ok) {
        const spent = scratch.choice.delta;
        insertRequest(inst, plan, a, kb, scratch.choice.i, scratch.choice.j);
        ok = evaluate(inst, routeA, b, scratch, room - spent);
        if (ok) insertRequest(inst, plan, b, ka, scratch.choice.i, scratch.choice.j);
      }
      if (ok) {
        swapped = true;
        break;
      }
      // Undo: restore both routes as they were.
      copyRoute(routeA, spareA, inst.dims);
      copyRoute(routeB, spareB, inst.dims);
      plan.routeOf[a] = ka;
      plan.routeOf[b] = kb;
      plan.unserved = unserved;
    }
  }
  return swapped;
}
