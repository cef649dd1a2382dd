import { and, asc, between, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { BoundingBox, Feature } from '../../../platform/geo/geojson.ts';
import { mapPlaces, mapZones } from './schema.ts';

const CATEGORY_NAMES: Record<string, { fr: string; en: string }> = {
  town_hall: { fr: 'Hôtel de ville', en: 'Town hall' },
  library: { fr: 'Bibliothèque', en: 'Library' },
  arena: { fr: 'Aréna', en: 'Arena' },
  pool: { fr: 'Piscine', en: 'Pool' },
  park: { fr: 'Parc', en: 'Park' },
  community_centre: { fr: 'Centre communautaire', en: 'Community centre' },
  ecocentre: { fr: 'Écocentre', en: 'Ecocentre' },
  other: { fr: 'Autre', en: 'Other' },
};

const longitudes = (bbox: BoundingBox) => ({
  west: bbox.west <= bbox.east ? bbox.west : -180,
  east: bbox.west <= bbox.east ? bbox.east : 180,
});

/** Facilities and points of interest inside a box (public). */
export async function findPlacesInBox(
  db: Executor,
  orgId: string,
  bbox: BoundingBox,
  limit: number,
): Promise<Feature[]> {
  const { west, east } = longitudes(bbox);
  const rows = await db
    .select()
    .from(mapPlaces)
    .where(
      inOrg(
        mapPlaces,
        orgId,
        between(mapPlaces.latitude, bbox.south, bbox.north),
        between(mapPlaces.longitude, west, east),
      ),
    )
    .orderBy(asc(mapPlaces.nameFr))
    .limit(limit);
  return rows.map((p) => ({
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
    properties: {
      label: p.nameFr,
      labelEn: p.nameEn,
      kind: 'place',
      category: p.category,
      categoryName: CATEGORY_NAMES[p.category]?.fr ?? p.category,
      categoryNameEn: CATEGORY_NAMES[p.category]?.en ?? p.category,
      address: p.address,
    },
  }));
}

/** Zones of the zoning plan whose box meets a box (public). */
export async function findZonesInBox(
  db: Executor,
  orgId: string,
  bbox: BoundingBox,
  limit: number,
): Promise<Feature[]> {
  const { west, east } = longitudes(bbox);
  const rows = await db
    .select()
    .from(mapZones)
    .where(
      inOrg(
        mapZones,
        orgId,
        and(
          lte(mapZones.south, bbox.north),
          gte(mapZones.north, bbox.south),
          lte(mapZones.west, east),
          gte(mapZones.east, west),
        ),
      ),
    )
    .orderBy(asc(mapZones.code))
    .limit(limit);
  return rows.map((z) => ({
    type: 'Feature',
    id: z.id,
    geometry: z.geometry,
    properties: { label: z.use ? `${z.code} — ${z.use}` : z.code, kind: 'zone', code: z.code, use: z.use },
  }));
}
