import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { type FeatureCollection, featureCollection } from '../../../platform/geo/geojson.ts';
import { loadStatuses } from './context.ts';
import { requireRequestStaff } from './policies.ts';
import { type StaffFilters, selectStaffRequests, staffWhere } from './staff-list.ts';

/** Most requests the staff map draws at once. */
export const STAFF_MAP_LIMIT = 2000;

/** A staff queue as GeoJSON (exact positions), for the map view of the same filters as the list. */
export async function staffRequestMap(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  filters: StaffFilters;
}): Promise<FeatureCollection> {
  const { db, orgId, filters } = options;
  const who = requireRequestStaff(options.auth, orgId);
  const statuses = await loadStatuses(db, orgId, { includeInactive: true });
  const { items } = await selectStaffRequests(db, orgId, staffWhere(orgId, who.account.id, filters), {
    limit: STAFF_MAP_LIMIT + 1,
    offset: 0,
    sort: filters.sort,
    statuses,
  });
  const truncated = items.length > STAFF_MAP_LIMIT;
  return featureCollection(
    items.slice(0, STAFF_MAP_LIMIT).map((r) => ({
      type: 'Feature',
      id: r.id,
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: {
        label: `${r.reference} — ${r.category.name.fr}`,
        reference: r.reference,
        category: r.category.name,
        status: r.status.label,
        phase: r.status.phase,
        overdue: r.overdue,
        address: r.address,
        assignee: r.assignee?.name ?? null,
        createdAt: r.createdAt,
      },
    })),
    { truncated },
  );
}
