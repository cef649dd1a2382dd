/** [longitude, latitude] in WGS 84 decimal degrees (RFC 7946 order). */
export type Position = [number, number];

/** A geometry the map draws: points as keyboard-focusable markers, lines and polygons as outlines. */
export type MapGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** A GeoJSON feature as map layers answer it (`GET /api/orgs/:orgId/map/layers/:layerId`). */
export interface MapFeature {
  type: 'Feature';
  id?: string | number;
  geometry: MapGeometry | null;
  properties: { label: string } & Record<string, unknown>;
}

/** The installation's base map (`GET /api/config/map`); no URL means a plain background. */
export interface MapTiles {
  url: string | null;
  attribution: string | null;
}

/** The position of a point feature, or undefined for other geometries. */
export function pointOf(feature: MapFeature): Position | undefined {
  return feature.geometry?.type === 'Point' ? feature.geometry.coordinates : undefined;
}
