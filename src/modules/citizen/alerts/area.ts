// The area of an alert and whether a point lies in it: pure geometry, no I/O.

/** A point as CAP writes it: latitude then longitude (WGS 84). */
export type LatLon = [number, number];

/** A named sector of the organisation as an alert keeps it (a copy: later edits do not change the alert). */
export interface AreaSector {
  id: string;
  name: { fr: string; en: string };
  points: LatLon[];
}

/**
 * Where an alert applies: the whole territory, a polygon drawn on a map, a circle around a point, or
 * one or more of the organisation's sectors.
 */
export type AlertArea =
  | { kind: 'territory' }
  | { kind: 'polygon'; points: LatLon[] }
  | { kind: 'circle'; center: LatLon; radiusKm: number }
  | { kind: 'sectors'; sectors: AreaSector[] };

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Ray casting on latitude/longitude (a town-sized polygon is flat enough for it). */
export function inPolygon(point: LatLon, polygon: readonly LatLon[]): boolean {
  let inside = false;
  const [y, x] = point;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [yi, xi] = polygon[i] as LatLon;
    const [yj, xj] = polygon[j] as LatLon;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in an area (the territory contains every address of the town). */
export function inArea(point: LatLon, area: AlertArea): boolean {
  if (area.kind === 'territory') return true;
  if (area.kind === 'circle') return distanceKm(point, area.center) <= area.radiusKm;
  if (area.kind === 'sectors') return area.sectors.some((s) => inPolygon(point, s.points));
  return inPolygon(point, area.points);
}

/** The bounding box of an area (a SQL prefilter on indexed coordinates), or null for the territory. */
export function boundsOf(
  area: AlertArea,
): { south: number; west: number; north: number; east: number } | null {
  if (area.kind === 'territory') return null;
  if (area.kind === 'circle') {
    const dLat = area.radiusKm / 111.32;
    const dLon = area.radiusKm / (111.32 * Math.cos(rad(area.center[0])));
    return {
      south: area.center[0] - dLat,
      north: area.center[0] + dLat,
      west: area.center[1] - dLon,
      east: area.center[1] + dLon,
    };
  }
  const all = area.kind === 'sectors' ? area.sectors.flatMap((s) => s.points) : area.points;
  const lats = all.map((p) => p[0]);
  const lons = all.map((p) => p[1]);
  return {
    south: Math.min(...lats),
    north: Math.max(...lats),
    west: Math.min(...lons),
    east: Math.max(...lons),
  };
}

/** Why a drawn ring cannot be an alert area (a message key), or null when it can. */
export type PolygonProblem = 'alert.polygon_points' | 'alert.polygon_coordinates' | 'alert.polygon_crossing';

const samePoint = (a: LatLon, b: LatLon) => a[0] === b[0] && a[1] === b[1];

/** The ring without repeated consecutive points and without its closing point. */
function openRing(points: readonly LatLon[]): LatLon[] {
  const ring: LatLon[] = [];
  for (const p of points) if (!ring.length || !samePoint(ring[ring.length - 1] as LatLon, p)) ring.push(p);
  while (ring.length > 1 && samePoint(ring[0] as LatLon, ring[ring.length - 1] as LatLon)) ring.pop();
  return ring;
}

// Orientation of the turn a → b → c: >0 left, <0 right, 0 collinear.
const turn = (a: LatLon, b: LatLon, c: LatLon) =>
  (b[1] - a[1]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[1] - a[1]);
const within = (a: LatLon, b: LatLon, p: LatLon) =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/** Whether segments ab and cd share a point (touching counts). */
function segmentsMeet(a: LatLon, b: LatLon, c: LatLon, d: LatLon): boolean {
  const d1 = turn(c, d, a);
  const d2 = turn(c, d, b);
  const d3 = turn(a, b, c);
  const d4 = turn(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && within(c, d, a)) ||
    (d2 === 0 && within(c, d, b)) ||
    (d3 === 0 && within(a, b, c)) ||
    (d4 === 0 && within(a, b, d))
  );
}

/**
 * Checks a drawn ring: valid WGS 84 latitude/longitude, at least three distinct points, and no edge
 * crossing or touching another (a figure eight has no clear inside). Quadratic in the number of points,
 * which the API caps at 500.
 */
export function polygonProblem(points: readonly LatLon[]): PolygonProblem | null {
  for (const [lat, lon] of points) {
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
      return 'alert.polygon_coordinates';
  }
  const ring = openRing(points);
  if (new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3) return 'alert.polygon_points';
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as LatLon;
    const b = ring[(i + 1) % n] as LatLon;
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex by construction.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsMeet(a, b, ring[j] as LatLon, ring[(j + 1) % n] as LatLon)) return 'alert.polygon_crossing';
    }
  }
  // Three distinct points in a line enclose nothing.
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as LatLon;
    const b = ring[(i + 1) % n] as LatLon;
    twice += a[1] * b[0] - b[1] * a[0];
  }
  return twice === 0 ? 'alert.polygon_points' : null;
}

/** A valid ring closed as CAP requires (first point repeated last), or the reason it cannot be. */
export function closedPolygon(points: readonly LatLon[]): { points: LatLon[] } | { problem: PolygonProblem } {
  const problem = polygonProblem(points);
  if (problem) return { problem };
  const ring = openRing(points);
  return { points: [...ring, ring[0] as LatLon] };
}
