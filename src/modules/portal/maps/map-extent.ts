import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';

/**
 * The box around everything the citizen map of an organisation can show (roll units, permits, places,
 * zones, addresses), so that the map opens on the town. Null when nothing has a position yet. Public.
 */
export async function mapExtent(options: { db: Executor; orgId: string }) {
  const { db, orgId } = options;
  const [row] = rowsOf<{
    west: number | null;
    south: number | null;
    east: number | null;
    north: number | null;
  }>(
    await db.execute(sql`
      SELECT min(lon) AS west, min(lat) AS south, max(lon) AS east, max(lat) AS north FROM (
        SELECT longitude AS lon, latitude AS lat FROM map_places WHERE org_id = ${orgId}
        UNION ALL SELECT west, south FROM map_zones WHERE org_id = ${orgId}
        UNION ALL SELECT east, north FROM map_zones WHERE org_id = ${orgId}
        UNION ALL SELECT longitude, latitude FROM permit_applications WHERE org_id = ${orgId} AND latitude IS NOT NULL
        UNION ALL SELECT min(longitude), min(latitude) FROM addresses WHERE org_id = ${orgId} AND latitude IS NOT NULL
        UNION ALL SELECT max(longitude), max(latitude) FROM addresses WHERE org_id = ${orgId} AND latitude IS NOT NULL
      ) AS points`),
  );
  if (!row || row.west === null || row.south === null || row.east === null || row.north === null)
    return { bbox: null };
  return {
    bbox: [Number(row.west), Number(row.south), Number(row.east), Number(row.north)] as [
      number,
      number,
      number,
      number,
    ],
  };
}
