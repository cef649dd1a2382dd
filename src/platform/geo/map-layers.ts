import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { Bilingual } from '../http/locale.ts';
import { type BoundingBox, type Feature, type FeatureCollection, featureCollection } from './geojson.ts';
import { requireOrganisation } from './require-organisation.ts';

/** Most features one layer answer carries; a fuller box answers `truncated: true` (zoom in). */
export const MAX_LAYER_FEATURES = 5000;

/**
 * A map layer a feature offers: its features inside a box, for one organisation. `query` gets a limit
 * (one more than MAX_LAYER_FEATURES, so that truncation shows). `policy` throws when the reader may not
 * see the layer; without it the layer is public.
 */
export interface MapLayer {
  id: string;
  title: Bilingual;
  query: (db: Executor, orgId: string, bbox: BoundingBox, limit: number) => Promise<Feature[]>;
  policy?: (auth: AuthContext | null, orgId: string) => void;
}

const layers = new Map<string, MapLayer>();

/** Registers a feature's map layer (at import time); ids are unique across the product. */
export function registerMapLayer(layer: MapLayer): void {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(layer.id)) throw new Error(`invalid map layer id ${layer.id}`);
  if (layers.has(layer.id)) throw new Error(`map layer ${layer.id} registered twice`);
  layers.set(layer.id, layer);
}

/** The layers a reader may see in an organisation, in registration order. */
export function listMapLayers(options: {
  auth: AuthContext | null;
  orgId: string;
}): Array<{ id: string; title: Bilingual }> {
  return [...layers.values()]
    .filter((layer) => {
      try {
        layer.policy?.(options.auth, options.orgId);
        return true;
      } catch {
        return false;
      }
    })
    .map(({ id, title }) => ({ id, title }));
}

/** One layer's features inside a box, as a GeoJSON FeatureCollection; the layer's policy first. */
export async function getMapLayerFeatures(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  input: { layerId: string; bbox: BoundingBox };
}): Promise<FeatureCollection> {
  const { db, auth, orgId, input } = options;
  const layer = layers.get(input.layerId);
  if (!layer) throw new AppError('geo.layer_not_found', 404);
  layer.policy?.(auth, orgId);
  const features = await layer.query(db, orgId, input.bbox, MAX_LAYER_FEATURES + 1);
  if (features.length === 0) await requireOrganisation(db, orgId);
  const truncated = features.length > MAX_LAYER_FEATURES;
  return featureCollection(truncated ? features.slice(0, MAX_LAYER_FEATURES) : features, { truncated });
}
