import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

/** Where a roll import stands. Only `active` rolls are visible; one per organisation and year. */
export const ROLL_IMPORT_STATUSES = ['running', 'active', 'superseded', 'failed'] as const;
export type RollImportStatus = (typeof ROLL_IMPORT_STATUSES)[number];

/** A refused unit, as stored (message codes rendered in the reader's language). */
export interface StoredRejection {
  line: number;
  code: string;
  field?: string;
}

// Tenant-owned: one import of a roll file. Its units stay invisible (staged) until the import ends well and
// becomes `active` in one statement; a failed import's rows are deleted. The previous year stays active.
export const rollImports = pgTable(
  'roll_imports',
  {
    ...tenantColumns(() => organisations.id),
    status: text('status', { enum: ROLL_IMPORT_STATUSES }).notNull().default('running'),
    fileName: text('file_name').notNull(),
    municipalityCode: text('municipality_code'),
    year: integer('year'),
    version: text('version'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    unitsRead: integer('units_read').notNull().default(0),
    unitsImported: integer('units_imported').notNull().default(0),
    unitsRejected: integer('units_rejected').notNull().default(0),
    /** The first refused units (line and reason); the count above has them all. */
    rejections: jsonb('rejections').$type<StoredRejection[]>().notNull().default([]),
    /** The fault that stopped a failed import. */
    errorCode: text('error_code'),
    errorLine: integer('error_line'),
    errorMessage: text('error_message'),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    index('roll_imports_org_year_idx').on(t.orgId, t.year, t.status),
    // One import at a time per organisation: a second one is refused atomically.
    uniqueIndex('roll_imports_one_running_idx').on(t.orgId).where(sql`${t.status} = 'running'`),
  ],
);

// Tenant-owned: the streets of one imported roll. Type-ahead finds streets first (a few hundred rows where
// the roll holds tens of thousands of units), then the civic numbers on them, as the address register does.
export const rollStreets = pgTable(
  'roll_streets',
  {
    ...tenantColumns(() => organisations.id),
    importId: uuid('import_id').notNull(),
    streetKey: text('street_key').notNull(),
    /** The street as written in addresses: `chemin Saint-Isidore`. */
    label: text('label').notNull(),
    /** Unaccented, lower case, short forms expanded (the platform's SQL normaliser). */
    searchText: text('search_text').notNull().generatedAlwaysAs(sql`civique_address_words("label")`),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'roll_streets_import_fk',
      columns: [t.orgId, t.importId],
      foreignColumns: [rollImports.orgId, rollImports.id],
    }).onDelete('cascade'),
    uniqueIndex('roll_streets_key_idx').on(t.orgId, t.importId, t.streetKey),
    // btree_gin lets one GIN index hold org_id and the import before the trigram column.
    index('roll_streets_search_idx').using('gin', t.orgId, t.importId, t.searchText.op('gin_trgm_ops')),
  ],
);

// Tenant-owned: the assessment units of one imported roll (public information but the owners).
export const rollUnits = pgTable(
  'roll_units',
  {
    ...tenantColumns(() => organisations.id),
    importId: uuid('import_id').notNull(),
    year: integer('year').notNull(),
    /** Source line of `<RLUEx>` in the file. */
    line: integer('line').notNull(),
    /** `0668-90-0333`. */
    matricule: text('matricule').notNull(),
    /** `0668900333`: what a typed matricule is matched against (prefix). */
    matriculeDigits: text('matricule_digits').notNull(),
    /** Every part, building and local included: unique in a roll. */
    matriculeKey: text('matricule_key').notNull(),
    matriculeParts: jsonb('matricule_parts').$type<Record<string, string | null>>().notNull(),
    streetId: uuid('street_id'),
    civicFrom: integer('civic_from'),
    /** The first address written on one line: `47, chemin Saint-Isidore`. */
    addressLabel: text('address_label'),
    /** Every address block of the unit, codes as written. */
    addresses: jsonb('addresses').$type<Array<Record<string, string | number | null>>>().notNull(),
    lots: text('lots').array().notNull(),
    cubf: text('cubf'),
    neighbourhood: text('neighbourhood'),
    frontage: doublePrecision('frontage'),
    area: doublePrecision('area'),
    storeys: integer('storeys'),
    yearBuilt: integer('year_built'),
    yearBuiltKind: text('year_built_kind'),
    floorArea: doublePrecision('floor_area'),
    dwellings: integer('dwellings'),
    referenceDate: text('reference_date'),
    landValue: bigint('land_value', { mode: 'number' }),
    buildingValue: bigint('building_value', { mode: 'number' }),
    totalValue: bigint('total_value', { mode: 'number' }),
    previousValue: bigint('previous_value', { mode: 'number' }),
    /** Owner blocks as the file holds them: staff only, and every reading is audited. */
    owners: jsonb('owners').$type<Array<Record<string, string>>>(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'roll_units_import_fk',
      columns: [t.orgId, t.importId],
      foreignColumns: [rollImports.orgId, rollImports.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'roll_units_street_fk',
      columns: [t.orgId, t.streetId],
      foreignColumns: [rollStreets.orgId, rollStreets.id],
    }),
    uniqueIndex('roll_units_matricule_key_idx').on(t.orgId, t.importId, t.matriculeKey),
    // text_pattern_ops: a typed matricule is a prefix (LIKE '0668%'), whatever the database's collation.
    index('roll_units_matricule_idx').on(t.orgId, t.importId, t.matriculeDigits.op('text_pattern_ops')),
    index('roll_units_street_idx').on(t.orgId, t.importId, t.streetId, t.civicFrom),
    // A civic number typed alone.
    index('roll_units_civic_idx').on(t.orgId, t.importId, t.civicFrom),
    index('roll_units_position_idx').on(t.orgId, t.importId, t.latitude, t.longitude),
  ],
);

// Tenant-owned: the cadastral lots of each unit, one row per lot, so that a lot is found by a btree lookup
// (a GIN index over the units' lot arrays would have to lead with org_id and scan the whole roll).
export const rollLots = pgTable(
  'roll_lots',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    importId: uuid('import_id').notNull(),
    lot: text('lot').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId, t.lot, t.unitId] }),
    foreignKey({
      name: 'roll_lots_unit_fk',
      columns: [t.orgId, t.unitId],
      foreignColumns: [rollUnits.orgId, rollUnits.id],
    }).onDelete('cascade'),
  ],
);

// Tenant-owned: the official CUBF list an organisation loaded (it overrides the codes the product ships).
export const rollUseCodes = pgTable(
  'roll_use_codes',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en'),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] })],
);
