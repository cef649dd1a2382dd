import { describe, expect, it } from 'vitest';
import { closedPolygon, inArea, type LatLon, polygonProblem } from './area.ts';

const SQUARE: LatLon[] = [
  [46.018, -73.447],
  [46.018, -73.434],
  [46.027, -73.434],
  [46.027, -73.447],
];

describe('drawn alert polygons', () => {
  it('accepts a simple ring, open or already closed, and closes it once', () => {
    expect(polygonProblem(SQUARE)).toBeNull();
    const closed = closedPolygon([...SQUARE, SQUARE[0] as LatLon]);
    expect('points' in closed && closed.points).toEqual([...SQUARE, SQUARE[0]]);
    const open = closedPolygon(SQUARE);
    expect('points' in open && open.points).toHaveLength(5);
  });

  it('drops repeated clicks on the same vertex', () => {
    const doubled: LatLon[] = [SQUARE[0], SQUARE[0], SQUARE[1], SQUARE[2], SQUARE[2], SQUARE[3]] as LatLon[];
    const ring = closedPolygon(doubled);
    expect('points' in ring && ring.points).toHaveLength(5);
  });

  it('refuses fewer than three distinct points, or points in a line', () => {
    expect(polygonProblem([SQUARE[0], SQUARE[1], SQUARE[0]] as LatLon[])).toBe('alert.polygon_points');
    expect(
      polygonProblem([
        [46, -73],
        [46.001, -73],
        [46.002, -73],
      ]),
    ).toBe('alert.polygon_points');
  });

  it('refuses coordinates outside WGS 84', () => {
    expect(polygonProblem([[91, -73], ...SQUARE.slice(1)])).toBe('alert.polygon_coordinates');
    expect(polygonProblem([[46, -181], ...SQUARE.slice(1)])).toBe('alert.polygon_coordinates');
    expect(polygonProblem([[Number.NaN, -73], ...SQUARE.slice(1)])).toBe('alert.polygon_coordinates');
  });

  it('refuses a ring whose sides cross (a figure eight) or touch', () => {
    const bowtie: LatLon[] = [SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3]] as LatLon[];
    expect(polygonProblem(bowtie)).toBe('alert.polygon_crossing');
    // A spike that comes back onto an earlier side.
    const touching: LatLon[] = [
      [0, 0],
      [0, 4],
      [4, 4],
      [0, 2],
      [4, 0],
    ];
    expect(polygonProblem(touching)).toBe('alert.polygon_crossing');
    expect(closedPolygon(bowtie)).toEqual({ problem: 'alert.polygon_crossing' });
  });

  it('places points in any of the chosen sectors', () => {
    const east: LatLon[] = SQUARE.map(([lat, lon]) => [lat, lon + 0.05]);
    const area = {
      kind: 'sectors' as const,
      sectors: [
        { id: 'a', name: { fr: 'A', en: 'A' }, points: SQUARE },
        { id: 'b', name: { fr: 'B', en: 'B' }, points: east },
      ],
    };
    expect(inArea([46.02, -73.44], area)).toBe(true);
    expect(inArea([46.02, -73.39], area)).toBe(true);
    expect(inArea([46.02, -73.41], area)).toBe(false);
  });
});
