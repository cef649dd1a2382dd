// Public JSON reads of the map and the employer directory (each resolves the region, then reads).
import type { Database } from '../../../platform/db/client.ts';
import { findRegion } from '../site/policies.ts';
import { type DirectoryFilters, getDirectoryEmployer, listDirectory } from './employer-directory.ts';
import {
  boundaryCollection,
  getPublicPlace,
  listMapPlaces,
  MAP_CATEGORIES,
  type MapCategory,
} from './places.ts';

/** The places of the map matching the filters. */
export async function regionPlaces(o: {
  db: Database;
  org: string;
  categories?: string[];
  q?: string;
  municipality?: string;
}) {
  const region = await findRegion(o.db, o.org);
  const categories = o.categories?.filter((c): c is MapCategory =>
    (MAP_CATEGORIES as readonly string[]).includes(c),
  );
  return {
    items: await listMapPlaces(o.db, region, { categories, q: o.q, municipality: o.municipality }),
    categories: [...MAP_CATEGORIES],
    municipalities: region.members,
  };
}

/** One place of the map. */
export async function regionPlace(o: { db: Database; org: string; slug: string }) {
  return getPublicPlace(o.db, await findRegion(o.db, o.org), o.slug);
}

/** The member municipalities' outlines. */
export async function regionBoundaryMap(o: { db: Database; org: string }) {
  return boundaryCollection(o.db, await findRegion(o.db, o.org));
}

/** The employer directory. */
export async function regionDirectory(o: { db: Database; org: string; filters: DirectoryFilters }) {
  const region = await findRegion(o.db, o.org);
  return { items: await listDirectory(o.db, region, o.filters), municipalities: region.members };
}

/** One employer of the directory with its current offers. */
export async function regionEmployer(o: { db: Database; org: string; slug: string }) {
  return getDirectoryEmployer(o.db, await findRegion(o.db, o.org), o.slug);
}
