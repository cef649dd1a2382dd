// Travel times between places. The default needs nothing: straight-line distance × a detour factor at
// the zone's speed — the same metric the live dispatch solver plans with, so a promise computed here
// is one the solver can keep. When OSRM_URL is set, the OSRM adapter (table and route services) gives
// road durations for what riders and drivers are told (ETAs, the direct ride, navigation geometry).

export interface LatLon {
  lat: number;
  lon: number;
}

export interface RouteLeg {
  minutes: number;
  km: number;
  /** [lon, lat] points along the road, when the provider knows them. */
  geometry: Array<[number, number]>;
}

export interface TravelTimeProvider {
  readonly name: 'straight-line' | 'osrm';
  /** Minutes from each source to each destination. */
  table(sources: LatLon[], destinations: LatLon[]): Promise<number[][]>;
  route(from: LatLon, to: LatLon): Promise<RouteLeg>;
}

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A local plane in kilometres around an origin (equirectangular: exact enough over a town). */
export function projector(origin: LatLon): (p: LatLon) => { x: number; y: number } {
  const kx = KM_PER_DEG_LON_EQUATOR * Math.cos((origin.lat * Math.PI) / 180);
  return (p) => ({ x: (p.lon - origin.lon) * kx, y: (p.lat - origin.lat) * KM_PER_DEG_LAT });
}

/** Solver speed (km of straight line per minute) for a road speed and detour factor. */
export function planeSpeed(speedKmh: number, detourFactor: number): number {
  return speedKmh / 60 / detourFactor;
}

/** The default provider: straight-line distance × detour factor at a speed. */
export function straightLineProvider(options: {
  speedKmh: number;
  detourFactor: number;
}): TravelTimeProvider {
  const minutes = (a: LatLon, b: LatLon) => {
    const project = projector(a);
    const p = project(b);
    return Math.hypot(p.x, p.y) / planeSpeed(options.speedKmh, options.detourFactor);
  };
  return {
    name: 'straight-line',
    table: async (sources, destinations) => sources.map((s) => destinations.map((d) => minutes(s, d))),
    route: async (from, to) => ({
      minutes: minutes(from, to),
      km: distanceKm(from, to) * options.detourFactor,
      geometry: [
        [from.lon, from.lat],
        [to.lon, to.lat],
      ],
    }),
  };
}

export class TravelTimeError extends Error {}

interface OsrmTable {
  code: string;
  message?: string;
  durations?: Array<Array<number | null>>;
}
interface OsrmRoute {
  code: string;
  message?: string;
  routes?: Array<{ duration: number; distance: number; geometry?: { coordinates: Array<[number, number]> } }>;
}

const coords = (points: LatLon[]) => points.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');

/**
 * OSRM's HTTP API (v1, `driving` profile): `table` for duration matrices and `route` for one leg with
 * its geometry. Unreachable pairs (null durations) are reported as Infinity.
 */
export function osrmProvider(
  baseUrl: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): TravelTimeProvider {
  const fetchImpl = options.fetch ?? fetch;
  const get = async <T extends { code: string; message?: string }>(path: string): Promise<T> => {
    const res = await fetchImpl(`${baseUrl}${path}`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      headers: { accept: 'application/json' },
    });
    const body = (await res.json().catch(() => ({ code: 'InvalidResponse' }))) as T;
    if (!res.ok || body.code !== 'Ok')
      throw new TravelTimeError(`OSRM ${res.status} ${body.code}${body.message ? `: ${body.message}` : ''}`);
    return body;
  };
  return {
    name: 'osrm',
    async table(sources, destinations) {
      if (sources.length === 0 || destinations.length === 0) return sources.map(() => []);
      const all = [...sources, ...destinations];
      const src = sources.map((_, i) => i).join(';');
      const dst = destinations.map((_, i) => sources.length + i).join(';');
      const body = await get<OsrmTable>(
        `/table/v1/driving/${coords(all)}?sources=${src}&destinations=${dst}&annotations=duration`,
      );
      const durations = body.durations;
      if (!durations || durations.length !== sources.length)
        throw new TravelTimeError('OSRM table: wrong matrix size');
      return durations.map((row) => row.map((s) => (s === null ? Number.POSITIVE_INFINITY : s / 60)));
    },
    async route(from, to) {
      const body = await get<OsrmRoute>(
        `/route/v1/driving/${coords([from, to])}?overview=full&geometries=geojson&steps=false`,
      );
      const best = body.routes?.[0];
      if (!best) throw new TravelTimeError('OSRM route: no route');
      return {
        minutes: best.duration / 60,
        km: best.distance / 1000,
        geometry: best.geometry?.coordinates ?? [],
      };
    },
  };
}

/** The provider an installation uses: OSRM when OSRM_URL is set, else the straight-line estimate. */
export function travelTimeProvider(
  osrmUrl: string | undefined,
  fallback: { speedKmh: number; detourFactor: number },
): TravelTimeProvider {
  return osrmUrl ? osrmProvider(osrmUrl) : straightLineProvider(fallback);
}
