import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution, routeScheduleExists } from './check-solution.ts';
import { bestInsertion } from './insertion.ts';
import { checkInsertion } from './insertion-check.ts';
import { compileInstance, type InstanceSpec, type StopSpec } from './model.ts';
import { createScratch, fillProbe } from './plan.ts';
import { copyRoute, createRoute, insertStops, type Route, refreshRoute } from './route.ts';

const stop = fc
  .record({
    // On a 1 m grid: distances stay irrational, but no point sits a rounding error away from another.
    x: fc.integer({ min: -10_000, max: 10_000 }).map((v) => v / 1000),
    y: fc.integer({ min: -10_000, max: 10_000 }).map((v) => v / 1000),
    service: fc.integer({ min: 0, max: 3 }),
    early: fc.integer({ min: 0, max: 100 }),
    width: fc.integer({ min: 3, max: 160 }),
  })
  .map(({ width, ...s }): StopSpec => ({ ...s, late: s.early + width }));

const request = fc.record({
  pickup: stop,
  dropoff: stop,
  load: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 })).map(([a, b]) => [a, b]),
  maxRideTime: fc.integer({ min: 8, max: 90 }),
});

/** One vehicle, 1–6 requests, and a stop order that respects precedence (pickup before drop-off). */
const routeCase = fc
  .record({
    requests: fc.array(request, { minLength: 1, maxLength: 6 }),
    capacity: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 })),
    maxDuration: fc.integer({ min: 60, max: 300 }),
    choices: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
      minLength: 24,
      maxLength: 24,
    }),
  })
  .map(({ requests, capacity, maxDuration, choices }) => {
    const depot = { x: 0, y: 0, service: 0, early: 0, late: 300 };
    const spec: InstanceSpec = {
      name: 'random',
      requests,
      vehicles: [{ start: depot, end: depot, capacity: [...capacity], maxDuration }],
    };
    const n = requests.length;
    const waiting = Array.from({ length: n }, (_, r) => r);
    const onBoard: number[] = [];
    const order: number[] = [];
    let c = 0;
    while (waiting.length + onBoard.length > 0) {
      const u = choices[c++ % choices.length] as number;
      if (waiting.length > 0 && (onBoard.length === 0 || u < 0.5)) {
        const r = waiting.splice(Math.floor(u * 2 * waiting.length) % waiting.length, 1)[0] as number;
        order.push(r);
        onBoard.push(r);
      } else order.push(n + (onBoard.splice(Math.floor(u * onBoard.length), 1)[0] as number));
    }
    return { spec, order };
  });

function routeOf(spec: InstanceSpec, order: number[]) {
  const inst = compileInstance(spec);
  const n = inst.n;
  const route = createRoute(
    inst,
    0,
    2 * n,
    2 * n + 1,
    { capacity: inst.capacity, initialLoad: inst.initialLoad, maxDuration: inst.maxDuration[0] as number },
    2 * n + 2,
  );
  route.node.set([2 * n, ...order, 2 * n + 1]);
  route.size = order.length + 2;
  const feasible = refreshRoute(inst, route);
  return { inst, route, feasible };
}

const printed = (n: number, order: number[]) => [0, ...order.map((v) => v + 1), 2 * n + 1];

function fitsCapacity(spec: InstanceSpec, order: number[]): boolean {
  const n = spec.requests.length;
  const vehicle = spec.vehicles[0] as InstanceSpec['vehicles'][number];
  const load = [0, 0];
  for (const v of order) {
    const req = spec.requests[v % n] as InstanceSpec['requests'][number];
    req.load.forEach((q, d) => {
      load[d] = (load[d] as number) + (v < n ? q : -q);
    });
    if (load.some((l, d) => l > (vehicle.capacity[d] as number))) return false;
  }
  return true;
}

function scheduleOf(route: Route, times: Float64Array, n: number, order: number[]) {
  return {
    cost: route.cost,
    routes: [{ vehicle: 0, stops: printed(n, order).map((node, k) => ({ node, time: times[k] as number })) }],
  };
}

describe('exact route schedule', () => {
  it('agrees with the independent checker on thousands of random routes', () => {
    let feasibleCount = 0;
    fc.assert(
      fc.property(routeCase, ({ spec, order }) => {
        const { route, feasible } = routeOf(spec, order);
        const n = spec.requests.length;
        const exists = fitsCapacity(spec, order) && routeScheduleExists(spec, 0, printed(n, order));
        expect(feasible).toBe(exists);
        if (!feasible) return;
        feasibleCount++;
        // Both the earliest and the latest schedule are valid schedules of the route.
        for (const times of [route.emin, route.lmax]) {
          const report = checkSolution(spec, scheduleOf(route, times, n, order));
          expect(report.violations).toEqual([]);
        }
      }),
      { numRuns: 4000, seed: 20260511 },
    );
    // The generator must produce both verdicts in fair numbers, or the property proves little.
    expect(feasibleCount).toBeGreaterThan(300);
    expect(feasibleCount).toBeLessThan(3600);
  });

  it('decides an insertion exactly as a full evaluation of the longer route', () => {
    const verdicts = [0, 0];
    fc.assert(
      fc.property(routeCase, request, ({ spec: base, order }, extra) => {
        // The exact check is about time only (the insertion screens load before), so room is ample here.
        const vehicles = base.vehicles.map((v) => ({ ...v, capacity: [99, 99] }));
        const spec: InstanceSpec = { ...base, vehicles, requests: [...base.requests, extra] };
        const n = spec.requests.length;
        const shifted = order.map((v) => (v < n - 1 ? v : v + 1));
        // Most random orders are infeasible; keep the longest feasible prefix of requests as the route.
        let kept = shifted;
        let found = routeOf(spec, kept);
        for (let drop = n - 2; !found.feasible && drop >= 0; drop--) {
          kept = kept.filter((v) => v !== drop && v !== drop + n);
          found = routeOf(spec, kept);
        }
        const { inst, route } = found;
        const longer = routeOf(spec, kept).route;
        const scratch = createScratch(inst);
        fillProbe(inst, route, n - 1, scratch.probe);
        // Every pair of positions, with travel times filled everywhere (not only where screening looks).
        scratch.probe.from = 0;
        scratch.probe.to = route.size - 1;
        for (let k = 0; k < route.size; k++) {
          const v = route.node[k] as number;
          scratch.probe.toP[k] = inst.travel(v, n - 1);
          scratch.probe.fromP[k] = inst.travel(n - 1, v);
          scratch.probe.toD[k] = inst.travel(v, 2 * n - 1);
          scratch.probe.fromD[k] = inst.travel(2 * n - 1, v);
        }
        const mismatches: string[] = [];
        for (let a = 0; a < route.size - 1; a++)
          for (let b = a; b < route.size - 1; b++) {
            const fast = checkInsertion(route, scratch.probe, scratch.ws, a, b);
            copyRoute(longer, route, inst.dims);
            insertStops(inst, longer, n - 1, 2 * n - 1, a, b);
            if (fast !== longer.feasible) mismatches.push(`${a},${b}`);
            verdicts[fast ? 1 : 0] = (verdicts[fast ? 1 : 0] as number) + 1;
          }
        expect(mismatches).toEqual([]);
      }),
      { numRuns: 1000, seed: 7 },
    );
    expect(Math.min(...verdicts)).toBeGreaterThan(1000);
  });

  it('finds the cheapest feasible insertion that exhaustive search finds', () => {
    fc.assert(
      fc.property(routeCase, request, ({ spec: baseSpec, order }, extra) => {
        const spec: InstanceSpec = { ...baseSpec, requests: [...baseSpec.requests, extra] };
        const n = spec.requests.length;
        const shifted = order.map((v) => (v < n - 1 ? v : v + 1));
        const { inst, route, feasible } = routeOf(spec, shifted);
        if (!feasible) return;
        let exhaustive = Number.POSITIVE_INFINITY;
        for (let a = 0; a < route.size - 1; a++)
          for (let b = a; b < route.size - 1; b++) {
            const trial = routeOf(spec, shifted);
            insertStops(trial.inst, trial.route, n - 1, 2 * n - 1, a, b);
            if (trial.route.feasible) exhaustive = Math.min(exhaustive, trial.route.cost - route.cost);
          }
        const scratch = createScratch(inst);
        fillProbe(inst, route, n - 1, scratch.probe);
        const found = bestInsertion(
          route,
          scratch.probe,
          scratch.ws,
          Number.POSITIVE_INFINITY,
          scratch.choice,
        );
        expect(found).toBe(exhaustive < Number.POSITIVE_INFINITY);
        if (found) expect(scratch.choice.delta).toBeCloseTo(exhaustive, 9);
      }),
      { numRuns: 600, seed: 11 },
    );
  });
});
