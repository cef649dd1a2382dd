import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import { ROLES, type Role } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PlaceCategory } from './categories.ts';
import { mapPlaces } from './schema.ts';

/**
 * Every department may put its facilities on the map, but elected officials only read (their access is
 * read-only dashboards): any role but `elected` (found by the authorization matrix, issue 14).
 */
const MAP_EDITOR_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'elected');

/** A place as written by staff. */
export interface PlaceInput {
  category: PlaceCategory;
  nameFr: string;
  nameEn: string;
  address?: string | null;
  latitude: number;
  longitude: number;
}

/** Staff add a facility or point of interest to the map, change one (`placeId`), or remove one (`remove`). */
export async function savePlace(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  placeId?: string;
  input: PlaceInput | { remove: true };
}) {
  const who = requireRole(options.auth, options.orgId, MAP_EDITOR_ROLES);
  const { db, orgId, placeId, input } = options;
  const scope = scopeOf(orgId);
  let id = placeId;
  if ('remove' in input) {
    if (!placeId) throw new AppError('map.place_not_found', 404);
    const gone = await db
      .delete(mapPlaces)
      .where(scope.where(mapPlaces, eq(mapPlaces.id, placeId)))
      .returning({ id: mapPlaces.id });
    if (!gone.length) throw new AppError('map.place_not_found', 404);
  } else if (placeId) {
    const changed = await db
      .update(mapPlaces)
      .set({ ...input, address: input.address ?? null })
      .where(scope.where(mapPlaces, eq(mapPlaces.id, placeId)))
      .returning({ id: mapPlaces.id });
    if (!changed.length) throw new AppError('map.place_not_found', 404);
  } else {
    const [row] = await db
      .insert(mapPlaces)
      .values(scope.rows({ ...input, address: input.address ?? null }))
      .returning({ id: mapPlaces.id });
    id = row?.id;
  }
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    action: 'remove' in input ? 'map.place_removed' : 'map.place_saved',
    targetType: 'map_place',
    targetId: id,
    ip: options.ip,
  });
  return { id: id ?? '' };
}
