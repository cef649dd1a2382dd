import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { boxAround } from '../../../platform/geo/geojson.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { findCategory, loadOrg, loadSettings, loadStatuses } from './context.ts';
import {
  followerCounts,
  insidePublicBox,
  publicColumns,
  publicCondition,
  publicDistance,
  toPublicRequest,
} from './public-requests.ts';
import { requestCategories, serviceRequests } from './schema.ts';
import { OPEN_PHASES } from './statuses.ts';
import { statusOf } from './views.ts';

/** An open request near a new one, offered to follow instead of reporting again. */
export interface NearbyRequest {
  id: string;
  reference: string;
  status: { code: string; label: Bilingual };
  createdAt: string;
  distanceMetres: number;
  address: string | null;
  approximate: boolean;
  followers: number;
}

const MAX_NEARBY = 10;

/**
 * Open, confirmed requests of the same category around a point (within the organisation's radius),
 * closest first. Public: it shows only what the public map shows, and distances to public positions,
 * rounded, so a sensitive request cannot be located through them.
 */
export async function findNearbyRequests(options: {
  db: Executor;
  orgId: string;
  input: { categoryId: string; lat: number; lon: number };
}): Promise<NearbyRequest[]> {
  const { db, orgId, input } = options;
  await loadOrg(db, orgId);
  const category = await findCategory(db, orgId, input.categoryId);
  if (!category?.active) return [];
  const [settings, statuses] = await Promise.all([loadSettings(db, orgId), loadStatuses(db, orgId)]);
  // A sensitive request sits at its cell's centre, up to half a diagonal from the point itself.
  const radius = settings.nearbyMetres + (category.sensitive ? settings.gridMetres * 0.71 : 0);
  const distance = publicDistance(input.lat, input.lon);
  const rows = await db
    .select({ ...publicColumns, distance })
    .from(serviceRequests)
    .innerJoin(
      requestCategories,
      inOrg(requestCategories, orgId, eq(requestCategories.id, serviceRequests.categoryId)),
    )
    .where(
      inOrg(
        serviceRequests,
        orgId,
        publicCondition(),
        eq(serviceRequests.categoryId, category.id),
        inArray(serviceRequests.phase, [...OPEN_PHASES]),
        insidePublicBox(boxAround(input.lat, input.lon, radius)),
      ),
    )
    .orderBy(asc(distance))
    .limit(MAX_NEARBY * 2);
  const within = rows.filter((r) => Number(r.distance) <= radius).slice(0, MAX_NEARBY);
  const counts = await followerCounts(
    db,
    orgId,
    within.map((r) => r.id),
  );
  return within.map((row) => {
    const r = toPublicRequest(row);
    return {
      id: r.id,
      reference: r.reference,
      status: statusOf(r.status, r.phase, statuses),
      createdAt: r.createdAt.toISOString(),
      distanceMetres: Math.round(Number(row.distance) / 10) * 10,
      address: r.address,
      approximate: r.approximate,
      followers: counts.get(r.id) ?? 0,
    };
  });
}
