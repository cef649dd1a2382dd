import { and, asc, between, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { type AddressView, addressColumns, toAddressView } from './address-view.ts';
import { type BoundingBox, boxAround, EARTH_RADIUS_M, longitudeRanges } from './geojson.ts';
import { requireOrganisation } from './require-organisation.ts';
import { addresses } from './schema.ts';

// Start with a city block; each miss widens the box fourfold; past the widest box, the whole register.
const FIRST_RADIUS_M = 250;
const WIDEST_RADIUS_M = 64_000;

/** The SQL condition "inside this box" on the indexed latitude and longitude columns. */
export function insideBox(box: BoundingBox): SQL {
  const lon = longitudeRanges(box).map(([w, e]) => between(addresses.longitude, w, e));
  const condition = and(
    between(addresses.latitude, box.south, box.north),
    lon.length === 1 ? lon[0] : or(...lon),
  );
  if (!condition) throw new Error('unreachable: and() of a non-empty list');
  return condition;
}

function distanceFrom(lat: number, lon: number) {
  return sql<number>`2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(${addresses.latitude} - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(${addresses.latitude}))
      * power(sin(radians(${addresses.longitude} - ${lon}::float8) / 2), 2))))`;
}

async function nearest(db: Executor, orgId: string, lat: number, lon: number, box: BoundingBox | null) {
  const distance = distanceFrom(lat, lon);
  const [row] = await db
    .select({ ...addressColumns, distance })
    .from(addresses)
    .where(inOrg(addresses, orgId, isNotNull(addresses.latitude), box ? insideBox(box) : undefined))
    .orderBy(asc(distance), asc(addresses.id))
    .limit(1);
  return row;
}

/**
 * The registered address nearest to a point, with its distance in metres. Without PostGIS: a bounding box
 * on the indexed latitude/longitude narrows the candidates, haversine orders them exactly. The nearest
 * point of a box is only sure to be the nearest of all when it lies within the box's inscribed circle;
 * otherwise the search runs once more in the box of that distance. Public, like the register.
 */
export async function reverseGeocode(options: {
  db: Executor;
  orgId: string;
  input: { lat: number; lon: number };
}): Promise<{ address: AddressView; distanceMeters: number }> {
  const { db, orgId } = options;
  const { lat, lon } = options.input;
  let found: Awaited<ReturnType<typeof nearest>>;
  for (let radius = FIRST_RADIUS_M; radius <= WIDEST_RADIUS_M && !found; radius *= 4) {
    found = await nearest(db, orgId, lat, lon, boxAround(lat, lon, radius));
    if (found && Number(found.distance) > radius)
      found = await nearest(db, orgId, lat, lon, boxAround(lat, lon, Number(found.distance) * 1.001));
  }
  found ??= await nearest(db, orgId, lat, lon, null);
  if (!found) {
    await requireOrganisation(db, orgId);
    throw new AppError('address.none_nearby', 404);
  }
  const { distance, ...row } = found;
  return { address: toAddressView(row), distanceMeters: Math.round(Number(distance) * 10) / 10 };
}
