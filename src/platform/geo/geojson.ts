// GeoJSON (RFC 7946) types and helpers shared by every map layer: positions are [longitude, latitude].
import { AppError } from '../http/errors.ts';

/** [longitude, latitude] in WGS 84 decimal degrees. */
export type Position = [number, number];

/** The geometries map layers draw: points, lines (e.g. routes) and outlines (zones, lots). */
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** A feature; `properties.label` is what the map and its list show for it. */
export interface Feature {
  type: 'Feature';
  id?: string | number;
  geometry: Geometry | null;
  properties: { label: string } & Record<string, unknown>;
}

/** A FeatureCollection, with the foreign member `truncated` when a layer capped its answer. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
  bbox?: [number, number, number, number];
  truncated?: boolean;
}

/**
 * A bounding box west,south,east,north. West may exceed east: the box then crosses the antimeridian
 * (RFC 7946, section 5.2), and `longitudeRanges` gives its two parts.
 */
export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/;

/** Reads `minLon,minLat,maxLon,maxLat` strictly, or throws `geo.bbox_invalid` (400). */
export function parseBbox(text: string | undefined): BoundingBox {
  const invalid = () => new AppError('geo.bbox_invalid', 400, { details: { bbox: text ?? null } });
  if (text === undefined) throw invalid();
  const parts = text.split(',');
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) throw invalid();
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  const lonOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -90 && v <= 90;
  if (!lonOk(west) || !lonOk(east) || !latOk(south) || !latOk(north) || south > north) throw invalid();
  return { west, south, east, north };
}

/** The one or two longitude intervals a box covers (two when it crosses the antimeridian). */
export function longitudeRanges(box: BoundingBox): Array<[number, number]> {
  return box.west <= box.east
    ? [[box.west, box.east]]
    : [
        [box.west, 180],
        [-180, box.east],
      ];
}

/** Whether a position lies inside a box (edges included). */
export function boxContains(box: BoundingBox, [lon, lat]: Position): boolean {
  if (lat < box.south || lat > box.north) return false;
  return longitudeRanges(box).some(([w, e]) => lon >= w && lon <= e);
}

/** A FeatureCollection of features. */
export function featureCollection(
  features: Feature[],
  options: { truncated?: boolean } = {},
): FeatureCollection {
  return { type: 'FeatureCollection', features, ...(options.truncated ? { truncated: true } : {}) };
}

/** The mean Earth radius (IUGG), in metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two latitude/longitude points (haversine). */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The smallest box holding every point within `meters` of a point (clamped at the poles; wrapping across
 * the antimeridian as RFC 7946 boxes do).
 */
export function boxAround(lat: number, lon: number, meters: number): BoundingBox {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const south = Math.max(-90, lat - dLat);
  const north = Math.min(90, lat + dLat);
  const cos = Math.cos(rad(Math.max(Math.abs(south), Math.abs(north))));
  const dLon = cos < 1e-9 ? 360 : dLat / cos;
  if (dLon >= 180) return { west: -180, south, east: 180, north };
  const wrap = (v: number) => ((((v + 180) % 360) + 360) % 360) - 180;
  return { west: wrap(lon - dLon), south, east: wrap(lon + dLon), north };
}
