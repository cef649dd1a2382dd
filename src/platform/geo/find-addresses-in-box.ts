import { asc, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { addressColumns, toAddressView } from './address-view.ts';
import type { BoundingBox, Feature } from './geojson.ts';
import { insideBox } from './reverse-geocode.ts';
import { addresses } from './schema.ts';

/** The geolocated addresses of a register inside a box, as GeoJSON points (the map's address layer). */
export async function findAddressesInBox(
  db: Executor,
  orgId: string,
  bbox: BoundingBox,
  limit: number,
): Promise<Feature[]> {
  const rows = await db
    .select(addressColumns)
    .from(addresses)
    .where(inOrg(addresses, orgId, isNotNull(addresses.latitude), insideBox(bbox)))
    .orderBy(asc(addresses.streetName), asc(addresses.civicNumber), asc(addresses.id))
    .limit(limit);
  return rows.flatMap((row): Feature[] => {
    const { id, latitude, longitude, ...properties } = toAddressView(row);
    // The WHERE clause and the table's check constraint leave both coordinates set.
    if (latitude === null || longitude === null) return [];
    return [
      {
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [longitude, latitude] },
        properties: { ...properties, id },
      },
    ];
  });
}
