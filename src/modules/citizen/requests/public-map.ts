import type { Executor } from '../../../platform/db/client.ts';
import {
  type BoundingBox,
  type Feature,
  type FeatureCollection,
  featureCollection,
} from '../../../platform/geo/geojson.ts';
import { loadOrg, loadStatuses } from './context.ts';
import { publicRequestsInBox } from './public-requests.ts';
import type { StatusView } from './statuses.ts';
import { statusOf } from './views.ts';

/** Most requests one public map answer carries; a fuller area answers `truncated` (zoom in). */
export const PUBLIC_MAP_LIMIT = 2000;

/** Public requests as GeoJSON features: category and status in both languages, no personal data. */
export function publicFeatures(
  rows: Awaited<ReturnType<typeof publicRequestsInBox>>,
  statuses: readonly StatusView[],
): Feature[] {
  return rows.map((r) => {
    const status = statusOf(r.status, r.phase, statuses);
    return {
      type: 'Feature',
      id: r.id,
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: {
        label: `${r.category.fr} — ${status.label.fr} (${r.reference})`,
        reference: r.reference,
        categoryId: r.categoryId,
        category: r.category,
        status: status.label,
        phase: r.phase,
        approximate: r.approximate,
        address: r.address,
        createdAt: r.createdAt.toISOString(),
      },
    };
  });
}

/**
 * The public map of requests in an area: open ones and those closed recently, sensitive ones only at
 * their grid cell's centre and without address. Nobody's name, words or photos.
 */
export async function listPublicMap(options: {
  db: Executor;
  orgId: string;
  input: { bbox: BoundingBox; categoryId?: string };
}): Promise<FeatureCollection> {
  const { db, orgId, input } = options;
  await loadOrg(db, orgId);
  const [rows, statuses] = await Promise.all([
    publicRequestsInBox(db, orgId, {
      bbox: input.bbox,
      categoryId: input.categoryId,
      limit: PUBLIC_MAP_LIMIT + 1,
    }),
    loadStatuses(db, orgId, { includeInactive: true }),
  ]);
  const truncated = rows.length > PUBLIC_MAP_LIMIT;
  return featureCollection(publicFeatures(rows.slice(0, PUBLIC_MAP_LIMIT), statuses), { truncated });
}
