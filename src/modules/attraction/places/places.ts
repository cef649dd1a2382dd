import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Region } from '../site/policies.ts';
import { listDirectory } from './employer-directory.ts';
import {
  PLACE_CATEGORIES,
  type PlaceCategory,
  type RegionPlace,
  regionBoundaries,
  regionPlaces,
} from './schema.ts';
import { textMatches } from './search.ts';

/** Every category of the map: the places of this feature plus the employers of the directory. */
export const MAP_CATEGORIES = [...PLACE_CATEGORIES, 'employers'] as const;
export type MapCategory = (typeof MAP_CATEGORIES)[number];

/** A point of the map, whatever its source. */
export interface MapPlace {
  slug: string;
  category: MapCategory;
  name: { fr: string; en: string };
  description: { fr: string; en: string };
  address: string;
  municipality: { slug: string; name: { fr: string; en: string } } | null;
  latitude: number;
  longitude: number;
  phone: string | null;
  website: string | null;
  /** The public page of the point (server-rendered), French path. */
  path: string;
}

/** A place row as the public sees it. */
export function placeView(region: Region, p: RegionPlace): MapPlace {
  const town = region.members.find((m) => m.id === p.municipalityOrgId);
  return {
    slug: p.slug,
    category: p.category,
    name: { fr: p.nameFr, en: p.nameEn },
    description: { fr: p.descriptionFr, en: p.descriptionEn },
    address: p.address,
    municipality: town ? { slug: town.slug, name: town.name } : null,
    latitude: p.latitude,
    longitude: p.longitude,
    phone: p.phone,
    website: p.website,
    path: `/region/${region.slug}/fr/lieux/${p.slug}`,
  };
}

/** Filters of the map and its list view. */
export interface PlaceFilters {
  categories?: readonly MapCategory[];
  q?: string;
  municipality?: string;
}

/** The published places of the region matching the filters, employers included, by name. */
export async function listMapPlaces(
  db: Database,
  region: Region,
  filters: PlaceFilters = {},
): Promise<MapPlace[]> {
  const cats = filters.categories?.length ? filters.categories : MAP_CATEGORIES;
  const town = filters.municipality
    ? region.members.find((m) => m.slug === filters.municipality || m.id === filters.municipality)
    : undefined;
  if (filters.municipality && !town) return [];
  const placeCats = cats.filter((c): c is PlaceCategory => c !== 'employers');
  const out: MapPlace[] = [];
  for (const category of placeCats) {
    const rows = await db
      .select()
      .from(regionPlaces)
      .where(
        inOrg(
          regionPlaces,
          region.id,
          eq(regionPlaces.published, true),
          eq(regionPlaces.category, category),
          town ? eq(regionPlaces.municipalityOrgId, town.id) : undefined,
          filters.q
            ? textMatches(
                filters.q,
                regionPlaces.nameFr,
                regionPlaces.nameEn,
                regionPlaces.descriptionFr,
                regionPlaces.descriptionEn,
                regionPlaces.address,
              )
            : undefined,
        ),
      )
      .orderBy(asc(regionPlaces.nameFr));
    out.push(...rows.map((p) => placeView(region, p)));
  }
  if (cats.includes('employers')) {
    const employers = await listDirectory(db, region, { q: filters.q, municipality: town?.id });
    for (const e of employers) {
      if (e.latitude === null || e.longitude === null) continue;
      out.push({
        slug: e.slug,
        category: 'employers',
        name: { fr: e.name, en: e.name },
        description: { fr: e.sector.fr || e.description.fr, en: e.sector.en || e.description.en },
        address: e.address,
        municipality: e.municipality,
        latitude: e.latitude,
        longitude: e.longitude,
        phone: null,
        website: e.website,
        path: `/region/${region.slug}/fr/employeurs/${e.slug}`,
      });
    }
  }
  return out.sort((a, b) => a.name.fr.localeCompare(b.name.fr, 'fr'));
}

/** One published place, or 404. */
export async function getPublicPlace(db: Database, region: Region, slug: string): Promise<MapPlace> {
  const [p] = await db
    .select()
    .from(regionPlaces)
    .where(
      inOrg(regionPlaces, region.id, and(eq(regionPlaces.slug, slug), eq(regionPlaces.published, true))),
    );
  if (!p) throw new AppError('region.place_not_found', 404);
  return placeView(region, p);
}

/** The member municipalities' outlines as a GeoJSON FeatureCollection. */
export async function boundaryCollection(db: Database, region: Region) {
  const rows = await db.select().from(regionBoundaries).where(inOrg(regionBoundaries, region.id));
  return {
    type: 'FeatureCollection' as const,
    features: rows.flatMap((b) => {
      const town = region.members.find((m) => m.id === b.municipalityOrgId);
      if (!town) return [];
      return [
        {
          type: 'Feature' as const,
          id: town.slug,
          geometry: b.geometry,
          properties: {
            slug: town.slug,
            nameFr: town.name.fr,
            nameEn: town.name.en,
            approximate: b.approximate,
            source: b.source,
          },
        },
      ];
    }),
  };
}
