import { and, between, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { BoundingBox, Feature } from '../../../platform/geo/geojson.ts';
import { ISSUED_STATUSES } from './issued-permits.ts';
import { quebecDate } from './legal-clock.ts';
import { permitApplications, permitTypes } from './schema.ts';

/** Issued permits with a position inside a box: the map's permit layer (public, no holder). */
export async function findPermitsInBox(
  db: Executor,
  orgId: string,
  bbox: BoundingBox,
  limit: number,
): Promise<Feature[]> {
  const west = Math.min(bbox.west, bbox.east);
  const east = bbox.west <= bbox.east ? bbox.east : 180;
  const rows = await db
    .select({
      id: permitApplications.id,
      number: permitApplications.permitNumber,
      address: permitApplications.propertyAddress,
      status: permitApplications.status,
      issuedAt: permitApplications.issuedAt,
      latitude: permitApplications.latitude,
      longitude: permitApplications.longitude,
      typeFr: permitTypes.nameFr,
      typeEn: permitTypes.nameEn,
    })
    .from(permitApplications)
    .innerJoin(
      permitTypes,
      and(eq(permitTypes.orgId, permitApplications.orgId), eq(permitTypes.id, permitApplications.typeId)),
    )
    .where(
      inOrg(
        permitApplications,
        orgId,
        inArray(permitApplications.status, [...ISSUED_STATUSES]),
        isNotNull(permitApplications.latitude),
        between(permitApplications.latitude, bbox.south, bbox.north),
        between(permitApplications.longitude, west, east),
      ),
    )
    .limit(limit);
  return rows.flatMap((r): Feature[] =>
    r.latitude === null || r.longitude === null
      ? []
      : [
          {
            type: 'Feature',
            id: r.id,
            geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
            properties: {
              label: `${r.number ?? ''} — ${r.address ?? ''}`,
              kind: 'permit',
              number: r.number,
              type: r.typeFr,
              typeEn: r.typeEn,
              status: r.status,
              issuedOn: r.issuedAt ? quebecDate(r.issuedAt) : null,
            },
          },
        ],
  );
}
