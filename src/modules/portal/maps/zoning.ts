// Reading a zoning plan from GeoJSON (pure): each feature a Polygon or MultiPolygon with its zone code.
import type { Geometry, Position } from '../../../platform/geo/geojson.ts';

/** A zone read from the file. */
export interface ZoneInput {
  code: string;
  use: string | null;
  geometry: Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>;
  box: { west: number; south: number; east: number; north: number };
}

const CODE_KEYS = ['zone', 'code', 'ZONE', 'CODE', 'no_zone', 'NO_ZONE', 'name', 'nom'];
const USE_KEYS = ['use', 'usage', 'USAGE', 'affectation', 'AFFECTATION', 'dominante'];

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    p[0] >= -180 &&
    p[0] <= 180 &&
    p[1] >= -90 &&
    p[1] <= 90
  );
}

function ring(r: unknown): Position[] | null {
  if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return null;
  return r.map((p) => [p[0], p[1]] as Position);
}

/**
 * Reads a FeatureCollection of zones. Returns the zones and, for each refused feature, its index (from 0)
 * and the reason: `geometry` (not a valid polygon in WGS 84) or `code` (no zone code in its properties).
 */
export function readZoning(
  doc: unknown,
): { zones: ZoneInput[]; rejected: Array<{ feature: number; reason: 'geometry' | 'code' }> } | null {
  if (typeof doc !== 'object' || doc === null || (doc as { type?: unknown }).type !== 'FeatureCollection')
    return null;
  const features = (doc as { features?: unknown }).features;
  if (!Array.isArray(features)) return null;
  const zones: ZoneInput[] = [];
  const rejected: Array<{ feature: number; reason: 'geometry' | 'code' }> = [];
  features.forEach((feature: unknown, index) => {
    const f = feature as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown> | null;
    };
    const props = f.properties ?? {};
    const codeKey = CODE_KEYS.find((k) => typeof props[k] === 'string' || typeof props[k] === 'number');
    const code = codeKey ? String(props[codeKey]).trim() : '';
    const useKey = USE_KEYS.find((k) => typeof props[k] === 'string');
    let polygons: Position[][][] | null = null;
    const coords = f.geometry?.coordinates;
    if (f.geometry?.type === 'Polygon' && Array.isArray(coords)) {
      const rings = coords.map(ring);
      polygons = rings.length && rings.every((r) => r) ? [rings as Position[][]] : null;
    } else if (f.geometry?.type === 'MultiPolygon' && Array.isArray(coords)) {
      const polys = coords.map((p: unknown) => (Array.isArray(p) ? p.map(ring) : [null]));
      polygons =
        polys.length && polys.every((p) => p.length && p.every((r) => r)) ? (polys as Position[][][]) : null;
    }
    if (!polygons) {
      rejected.push({ feature: index, reason: 'geometry' });
      return;
    }
    if (!code) {
      rejected.push({ feature: index, reason: 'code' });
      return;
    }
    const all = polygons.flat(2);
    const lons = all.map((p) => p[0]);
    const lats = all.map((p) => p[1]);
    zones.push({
      code: code.slice(0, 40),
      use: useKey ? String(props[useKey]).slice(0, 80) : null,
      geometry:
        polygons.length === 1 && f.geometry?.type === 'Polygon'
          ? { type: 'Polygon', coordinates: polygons[0] as Position[][] }
          : { type: 'MultiPolygon', coordinates: polygons },
      box: {
        west: Math.min(...lons),
        south: Math.min(...lats),
        east: Math.max(...lons),
        north: Math.max(...lats),
      },
    });
  });
  return { zones, rejected };
}
