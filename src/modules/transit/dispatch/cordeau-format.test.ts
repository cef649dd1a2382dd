import { describe, expect, it } from 'vitest';
import { checkSolution, readCordeauForCheck } from './check-solution.ts';
import { parseCordeau } from './cordeau-format.ts';
import { solveDarp } from './solve.ts';

// A Cordeau-format instance with 2 vehicles and 3 requests (header K n T Q L, then nodes 0..2n+1).
const TEXT = `2 3 480 3 30
  0   0.000   0.000   0   0    0  480
  1  -1.198  -5.164   3   1    0 1440
  2   5.573   7.114   3   1    0 1440
  3  -6.614   0.072   3   2   50   65
  4   6.687   6.731   3  -1  402  417
  5  -2.192  -9.210   3  -1  322  337
  6  -1.061   8.752   3  -2    0 1440
  7   0.000   0.000   0   0    0  480
`;

describe('Cordeau format', () => {
  it('reads vehicles, requests, windows, loads and limits', () => {
    const spec = parseCordeau(TEXT, 'tiny');
    expect(spec.vehicles).toHaveLength(2);
    expect(spec.vehicles[0]).toMatchObject({
      capacity: [3],
      maxDuration: 480,
      start: { x: 0, y: 0, early: 0, late: 480 },
    });
    expect(spec.requests).toHaveLength(3);
    expect(spec.requests[0]).toMatchObject({
      pickup: { x: -1.198, y: -5.164, service: 3, early: 0, late: 1440 },
      dropoff: { x: 6.687, y: 6.731, service: 3, early: 402, late: 417 },
      load: [1],
      maxRideTime: 30,
    });
    expect(spec.requests[2]?.load).toEqual([2]);
    expect(spec.requests[2]?.pickup).toMatchObject({ early: 50, late: 65 });
  });

  it('says which line is wrong', () => {
    expect(() => parseCordeau('2 3 480 3', 'bad')).toThrow(/line 1/);
    expect(() => parseCordeau(TEXT.replace('  4   6.687', '  9   6.687'), 'bad')).toThrow(/line 6/);
  });

  it('solves it into a plan the independent checker accepts, and the checker catches a broken one', () => {
    const { solution } = solveDarp(parseCordeau(TEXT, 'tiny'), { seed: 1, maxIterations: 200 });
    const instance = readCordeauForCheck(TEXT, 'tiny');
    expect(solution.feasible).toBe(true);
    expect(checkSolution(instance, solution)).toMatchObject({ feasible: true, violations: [] });
    // Print each route's stops as the checker expects: from depot 0 to depot 2n+1 = 7.
    for (const route of solution.routes) {
      expect(route.stops[0]?.node).toBe(0);
      expect(route.stops.at(-1)?.node).toBe(7);
    }
    const late = structuredClone(solution);
    const stop = late.routes[0]?.stops[1];
    if (stop) stop.time += 2000;
    expect(checkSolution(instance, late).feasible).toBe(false);
    const cheap = { ...solution, cost: solution.cost - 1 };
    expect(checkSolution(instance, cheap).violations.join()).toMatch(/cost/);
    const dropped = structuredClone(solution);
    dropped.routes[0]?.stops.splice(1, 1);
    expect(checkSolution(instance, dropped).feasible).toBe(false);
  });
});
