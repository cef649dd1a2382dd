import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { loadSettings } from './context.ts';
import { publicPosition } from './grid.ts';
import { requestCategories, serviceRequests } from './schema.ts';

const CHUNK = 1000;

/**
 * Recomputes where the public sees requests (all of an organisation's, or one category's) after a
 * category became sensitive or not, or the grid changed. The grid is computed in TypeScript, so every
 * path snaps exactly the same way.
 */
export async function repositionRequests(db: Executor, orgId: string, options: { categoryId?: string } = {}) {
  const settings = await loadSettings(db, orgId);
  const rows = await db
    .select({
      id: serviceRequests.id,
      lat: serviceRequests.latitude,
      lon: serviceRequests.longitude,
      sensitive: requestCategories.sensitive,
    })
    .from(serviceRequests)
    .innerJoin(
      requestCategories,
      inOrg(requestCategories, orgId, eq(requestCategories.id, serviceRequests.categoryId)),
    )
    .where(
      inOrg(
        serviceRequests,
        orgId,
        options.categoryId ? eq(serviceRequests.categoryId, options.categoryId) : undefined,
      ),
    );
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => ({
      id: r.id,
      ...publicPosition(r.lat, r.lon, { sensitive: r.sensitive, gridMetres: settings.gridMetres }),
    }));
    await db.execute(sql`
      UPDATE service_requests AS s SET public_latitude = v.lat, public_longitude = v.lon
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id uuid, lat float8, lon float8)
      WHERE s.org_id = ${orgId} AND s.id = v.id`);
  }
}
