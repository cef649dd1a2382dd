import { and, asc, between, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { BoundingBox, Feature } from '../../../platform/geo/geojson.ts';
import { activeRolls } from './active-roll.ts';
import { decodeCubf } from './cubf.ts';
import { rollUnits } from './schema.ts';

/** The latest roll's units with coordinates inside a box: the map's roll layer (no owner ever). */
export async function findRollUnitsInBox(
  db: Executor,
  orgId: string,
  bbox: BoundingBox,
  limit: number,
): Promise<Feature[]> {
  const [roll] = await activeRolls(db, orgId);
  if (!roll) return [];
  const west = Math.min(bbox.west, bbox.east);
  const east = bbox.west <= bbox.east ? bbox.east : 180;
  const rows = await db
    .select({
      id: rollUnits.id,
      matricule: rollUnits.matricule,
      address: rollUnits.addressLabel,
      cubf: rollUnits.cubf,
      totalValue: rollUnits.totalValue,
      latitude: rollUnits.latitude,
      longitude: rollUnits.longitude,
    })
    .from(rollUnits)
    .where(
      inOrg(
        rollUnits,
        orgId,
        eq(rollUnits.importId, roll.importId),
        isNotNull(rollUnits.latitude),
        and(between(rollUnits.latitude, bbox.south, bbox.north), between(rollUnits.longitude, west, east)),
      ),
    )
    .orderBy(asc(rollUnits.matriculeKey))
    .limit(limit);
  return rows.flatMap((r): Feature[] => {
    if (r.latitude === null || r.longitude === null) return [];
    const use = decodeCubf(r.cubf);
    return [
      {
        type: 'Feature',
        id: r.id,
        geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
        properties: {
          label: r.address ?? r.matricule,
          kind: 'roll',
          id: r.id,
          matricule: r.matricule,
          use: use ? `${use.code} ${use.fr}` : null,
          useEn: use ? `${use.code} ${use.en}` : null,
          totalValue: r.totalValue,
        },
      },
    ];
  });
}
