import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from './rules.ts';
import { isValidZone } from './save-network.ts';

const square = [
  [-71.97, 46.05],
  [-71.9, 46.05],
  [-71.9, 46.1],
  [-71.97, 46.1],
  [-71.97, 46.05],
];

describe('service zone geometry', () => {
  it('accepts a closed polygon and a multipolygon', () => {
    expect(isValidZone({ type: 'Polygon', coordinates: [square] } as ZoneGeometry)).toBe(true);
    expect(isValidZone({ type: 'MultiPolygon', coordinates: [[square], [square]] } as ZoneGeometry)).toBe(
      true,
    );
  });

  it('refuses open rings, short rings and positions out of range', () => {
    expect(isValidZone({ type: 'Polygon', coordinates: [square.slice(0, 4)] } as ZoneGeometry)).toBe(false);
    expect(isValidZone({ type: 'Polygon', coordinates: [square.slice(0, 3)] } as ZoneGeometry)).toBe(false);
    const far = square.map(([x, y]) => [(x ?? 0) - 200, y ?? 0]);
    expect(isValidZone({ type: 'Polygon', coordinates: [far] } as ZoneGeometry)).toBe(false);
  });

  it('refuses nulls, strings and wrong nesting instead of failing on them', () => {
    for (const coordinates of [[null], [[null]], [['a', 'b', 'c', 'd']], [[[1, null]]], square, 'x', []])
      expect(isValidZone({ type: 'Polygon', coordinates } as unknown as ZoneGeometry)).toBe(false);
    expect(isValidZone({ type: 'MultiPolygon', coordinates: [square] } as unknown as ZoneGeometry)).toBe(
      false,
    );
  });
});
