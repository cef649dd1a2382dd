import { describe, expect, it } from 'vitest';
import { type CheckedInstance, checkSolution, routeScheduleExists } from './check-solution.ts';
import type { InstanceSpec, StopSpec } from './model.ts';
import { createRandom, type Random } from './random.ts';
import { solveDarp } from './solve.ts';

function tinyInstance(seed: number): InstanceSpec {
  const random = createRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const place = () => ({ x: int(-8000, 8000) / 1000, y: int(-8000, 8000) / 1000 });
  const stop = (early: number, width: number): StopSpec => ({
    ...place(),
    service: int(0, 2),
    early,
    late: early + width,
  });
  const n = int(1, 4);
  const requests = Array.from({ length: n }, () => {
    const t = int(0, 90);
    // Half outbound (tight drop-off window), half inbound (tight pickup window), as in Cordeau's instances.
    const tightPickup = random() < 0.5;
    return {
      pickup: tightPickup ? stop(t, int(5, 25)) : stop(0, 240),
      dropoff: tightPickup ? stop(0, 240) : stop(t + 10, int(5, 25)),
      load: [int(1, 2), random() < 0.2 ? 1 : 0],
      maxRideTime: int(15, 40),
    };
  });
  const vehicles = Array.from({ length: int(1, 2) }, (_, k) => {
    const depot = { ...place(), service: 0, early: 0, late: 240 };
    return { start: depot, end: depot, capacity: [int(2, 3), k], maxDuration: int(120, 240) };
  });
  return { name: `tiny-${seed}`, requests, vehicles };
}

// Every stop order of `requests` in one vehicle (pickup before drop-off), in printed numbering.
function* orders(
  requests: number[],
  n: number,
  prefix: number[] = [],
  open: number[] = [],
): Generator<number[]> {
  if (requests.length === 0 && open.length === 0) {
    yield prefix;
    return;
  }
  for (const r of requests)
    yield* orders(
      requests.filter((x) => x !== r),
      n,
      [...prefix, r + 1],
      [...open, r],
    );
  for (const r of open)
    yield* orders(
      requests,
      n,
      [...prefix, n + r + 1],
      open.filter((x) => x !== r),
    );
}

/** Least routing cost serving every request, by enumeration (Infinity when there is none). */
function bruteForce(spec: InstanceSpec): number {
  const inst = spec as CheckedInstance;
  const n = spec.requests.length;
  const K = spec.vehicles.length;
  const dist = (a: number, b: number, k: number) => {
    const at = (node: number) => {
      const v = spec.vehicles[k] as InstanceSpec['vehicles'][number];
      if (node === 0) return v.start;
      if (node === 2 * n + 1) return v.end;
      const req = spec.requests[(node - 1) % n] as InstanceSpec['requests'][number];
      return node <= n ? req.pickup : req.dropoff;
    };
    return Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
  };
  const best = new Map<string, number>();
  const bestFor = (k: number, subset: number[]): number => {
    if (subset.length === 0) return 0;
    const key = `${k}:${subset.join(',')}`;
    const known = best.get(key);
    if (known !== undefined) return known;
    let cost = Number.POSITIVE_INFINITY;
    const vehicle = spec.vehicles[k] as InstanceSpec['vehicles'][number];
    for (const order of orders(subset, n)) {
      const load = vehicle.capacity.map(() => 0);
      let fits = true;
      for (const node of order) {
        const req = spec.requests[(node - 1) % n] as InstanceSpec['requests'][number];
        req.load.forEach((q, d) => {
          load[d] = (load[d] as number) + (node <= n ? q : -q);
        });
        if (load.some((l, d) => l > (vehicle.capacity[d] as number))) fits = false;
      }
      const route = [0, ...order, 2 * n + 1];
      if (!fits || !routeScheduleExists(inst, k, route)) continue;
      let c = 0;
      for (let s = 1; s < route.length; s++) c += dist(route[s - 1] as number, route[s] as number, k);
      cost = Math.min(cost, c);
    }
    best.set(key, cost);
    return cost;
  };
  let optimum = Number.POSITIVE_INFINITY;
  for (let assignment = 0; assignment < K ** n; assignment++) {
    const groups: number[][] = Array.from({ length: K }, () => []);
    for (let r = 0, a = assignment; r < n; r++, a = Math.floor(a / K)) (groups[a % K] as number[]).push(r);
    optimum = Math.min(
      optimum,
      groups.reduce((sum, g, k) => sum + bestFor(k, g), 0),
    );
  }
  return optimum;
}

describe('dial-a-ride search', () => {
  it('reaches the brute-force optimum on tiny random instances', () => {
    let solvable = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const spec = tinyInstance(seed);
      const optimum = bruteForce(spec);
      const { solution } = solveDarp(spec, { seed, maxIterations: 400 });
      expect(solution.feasible, spec.name).toBe(optimum < Number.POSITIVE_INFINITY);
      if (!solution.feasible) continue;
      solvable++;
      expect(solution.cost, spec.name).toBeCloseTo(optimum, 6);
      expect(checkSolution(spec, solution).violations, spec.name).toEqual([]);
    }
    expect(solvable).toBeGreaterThan(30);
  });

  it('gives the same plan for the same seed', () => {
    const spec = mediumInstance(createRandom(5));
    const a = solveDarp(spec, { seed: 42, maxIterations: 300 });
    const b = solveDarp(spec, { seed: 42, maxIterations: 300 });
    expect(a.solution).toEqual(b.solution);
    expect(checkSolution(spec, a.solution).violations).toEqual([]);
  });
});

function mediumInstance(random: Random): InstanceSpec {
  const place = () => ({ x: random() * 20 - 10, y: random() * 20 - 10 });
  const requests = Array.from({ length: 24 }, () => {
    const t = 30 + random() * 360;
    return {
      pickup: { ...place(), service: 3, early: t, late: t + 15 },
      dropoff: { ...place(), service: 3, early: 0, late: 480 },
      load: [1],
      maxRideTime: 30,
    };
  });
  const depot = { x: 0, y: 0, service: 0, early: 0, late: 480 };
  return {
    name: 'medium',
    requests,
    vehicles: Array.from({ length: 3 }, () => ({
      start: depot,
      end: depot,
      capacity: [3],
      maxDuration: 480,
    })),
  };
}
