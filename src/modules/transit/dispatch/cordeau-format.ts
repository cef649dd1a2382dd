// Reads the Cordeau (2006) dial-a-ride file format: a header `K n T Q L`, then 2n + 2 node lines
// `id x y d q e l` (depot 0, pickups 1..n, drop-offs n+1..2n, end depot 2n+1).
import type { InstanceSpec, StopSpec } from './model.ts';

/** Parses a Cordeau instance; throws with the line number when the text does not follow the format. */
export function parseCordeau(text: string, name: string): InstanceSpec {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const numbers = (line: string | undefined, count: number, at: number): number[] => {
    const values = (line ?? '').split(/\s+/).map(Number);
    if (values.length < count || values.slice(0, count).some((v) => !Number.isFinite(v)))
      throw new Error(`${name}: line ${at + 1}: expected ${count} numbers`);
    return values;
  };
  const [K, n, T, Q, L] = numbers(lines[0], 5, 0) as [number, number, number, number, number];
  if (lines.length < 2 * n + 3) throw new Error(`${name}: expected ${2 * n + 2} node lines`);
  const nodes: (StopSpec & { load: number })[] = [];
  for (let i = 0; i < 2 * n + 2; i++) {
    const [id, x, y, d, q, e, l] = numbers(lines[i + 1], 7, i + 1) as number[];
    if (id !== i) throw new Error(`${name}: line ${i + 2}: expected node ${i}`);
    nodes.push({
      x: x as number,
      y: y as number,
      service: d as number,
      early: e as number,
      late: l as number,
      load: q as number,
    });
  }
  const stop = (i: number): StopSpec => {
    const { x, y, service, early, late } = nodes[i] as StopSpec;
    return { x, y, service, early, late };
  };
  const requests = Array.from({ length: n }, (_, r) => ({
    pickup: stop(r + 1),
    dropoff: stop(n + r + 1),
    load: [(nodes[r + 1] as { load: number }).load],
    maxRideTime: L,
  }));
  const vehicles = Array.from({ length: K }, () => ({
    start: stop(0),
    end: stop(2 * n + 1),
    capacity: [Q],
    maxDuration: T,
  }));
  return { name, requests, vehicles, speed: 1 };
}
