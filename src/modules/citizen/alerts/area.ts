// The area of an alert and whether a point lies in it: pure geometry, no I/O.

/** A point as CAP writes it: latitude then longitude (WGS 84). */
export type LatLon = [number, number];

/** Where an alert applies: the whole territory, a polygon drawn on a map, or a circle around a point. */
export type AlertArea =
  | { kind: 'territory' }
  | { kind: 'polygon'; points: LatLon[] }
  | { kind: 'circle'; center: LatLon; radiusKm: number };

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
  const lats = area.points.map((p) => p[0]);
  const lons = area.points.map((p) => p[1]);
  return {
    south: Math.min(...lats),
    north: Math.max(...lats),
    west: Math.min(...lons),
    east: Math.max(...lons),
  };
}

/** A polygon closed as CAP requires (first point repeated last), or the reason it cannot be. */
export function closedPolygon(points: readonly LatLon[]): LatLon[] | null {
  if (points.length < 3) return null;
  const first = points[0] as LatLon;
  const last = points[points.length - 1] as LatLon;
  const closed = first[0] === last[0] && first[1] === last[1] ? [...points] : [...points, first];
  return closed.length >= 4 ? closed : null;
}
