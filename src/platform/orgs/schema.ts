import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { newId } from '../db/ids.ts';

/** Branding used by the web theme and documents of an organisation. */
export interface Branding {
  primaryColor: string;
  accentColor: string;
  logoUrl?: string;
}

// Installation-wide: the organisations themselves (municipalities and MRCs).
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: ['municipality', 'mrc'] }).notNull(),
    /** MAMH geographic code (5 digits for a municipality, 3 for an MRC). */
    geoCode: text('geo_code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    /** Prefix of human references, e.g. `RDL` in `RDL-2026-000123`. */
    refPrefix: text('ref_prefix').notNull(),
    mrcId: uuid('mrc_id'),
    branding: jsonb('branding').$type<Branding>().notNull(),
    contactEmail: text('contact_email'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_slug_key').on(t.slug),
    uniqueIndex('organisations_kind_geo_code_key').on(t.kind, t.geoCode),
    index('organisations_mrc_idx').on(t.mrcId),
  ],
);

// Installation-wide: a partnership links organisations for one scope (e.g. recreation).
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    scope: text('scope').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnerships_scope_idx').on(t.scope)],
);

export const partnershipMembers = pgTable(
  'partnership_members',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.orgId] }),
    index('partnership_members_org_idx').on(t.orgId),
  ],
);

export const ORG_KINDS = ['municipality', 'mrc'] as const;
