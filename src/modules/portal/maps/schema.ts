import { doublePrecision, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import type { Geometry } from '../../../platform/geo/geojson.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { PLACE_CATEGORIES } from './categories.ts';

// Tenant-owned: the zoning plan's zones, imported by staff from GeoJSON (replaced whole at each import).
export const mapZones = pgTable(
  'map_zones',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    /** The dominant use the by-law gives the zone (résidentielle, commerciale …), as the file says. */
    use: text('use'),
    geometry: jsonb('geometry').$type<Geometry>().notNull(),
    // The geometry's box, so that a map view finds its zones without PostGIS.
    west: doublePrecision('west').notNull(),
    south: doublePrecision('south').notNull(),
    east: doublePrecision('east').notNull(),
    north: doublePrecision('north').notNull(),
  },
  (t) => [tenantKey(t), index('map_zones_box_idx').on(t.orgId, t.south, t.north)],
);

// Tenant-owned: facilities and points of interest staff place on the map.
export const mapPlaces = pgTable(
  'map_places',
  {
    ...tenantColumns(() => organisations.id),
    category: text('category', { enum: PLACE_CATEGORIES }).notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    address: text('address'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
  },
  (t) => [tenantKey(t), index('map_places_position_idx').on(t.orgId, t.latitude, t.longitude)],
);
