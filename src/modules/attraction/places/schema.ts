import {
  boolean,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

/** Categories of the territory map (employers come from the employer directory, not from this table). */
export const PLACE_CATEGORIES = [
  'services',
  'schools',
  'health',
  'daycare',
  'leisure',
  'housing_help',
] as const;
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];

// Tenant-owned (the MRC): a useful place of the territory, shown on the map and with a page of its own.
export const regionPlaces = pgTable(
  'region_places',
  {
    ...tenantColumns(() => organisations.id),
    slug: text('slug').notNull(),
    category: text('category', { enum: PLACE_CATEGORIES }).notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    address: text('address').notNull().default(''),
    municipalityOrgId: uuid('municipality_org_id').references(() => organisations.id, {
      onDelete: 'restrict',
    }),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    phone: text('phone'),
    website: text('website'),
    published: boolean('published').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('region_places_slug_idx').on(t.orgId, t.slug),
    index('region_places_category_idx').on(t.orgId, t.category),
  ],
);

// Tenant-owned (the MRC): the outline of a member municipality, as GeoJSON (Polygon or MultiPolygon).
// `approximate` says the outline was drawn by hand rather than taken from an official source.
export const regionBoundaries = pgTable(
  'region_boundaries',
  {
    ...tenantColumns(() => organisations.id),
    municipalityOrgId: uuid('municipality_org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    geometry: jsonb('geometry').$type<{ type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }>().notNull(),
    approximate: boolean('approximate').notNull().default(true),
    source: text('source').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('region_boundaries_municipality_idx').on(t.orgId, t.municipalityOrgId)],
);

export type RegionPlace = typeof regionPlaces.$inferSelect;
