import { sql } from 'drizzle-orm';
import {
  boolean,
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

// Tenant-owned: kinds of station staff define beyond the built-in ones (catalogue.ts).
export const opsStationKinds = pgTable(
  'ops_station_kinds',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [tenantKey(t), uniqueIndex('ops_station_kinds_code_idx').on(t.orgId, t.code)],
);

// Tenant-owned: a place that reports measures (a traffic counter, a treatment plant outlet, a well …).
export const opsStations = pgTable(
  'ops_stations',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** People served by the drinking-water system this station belongs to (RQEP sampling sizes). */
    populationServed: integer('population_served'),
    /** A network sampling point at an extremity of the distribution system (RQEP s. 12). */
    networkExtremity: boolean('network_extremity').notNull().default(false),
    /** Traffic directions the station counts separately (e.g. N, S), empty when not split. */
    directions: text('directions').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('ops_stations_code_idx').on(t.orgId, t.code),
    index('ops_stations_kind_idx').on(t.orgId, t.kind),
  ],
);

// Tenant-owned: one measure a station reports, with its unit and the range a valid reading falls in.
export const opsMeasures = pgTable(
  'ops_measures',
  {
    ...tenantColumns(() => organisations.id),
    stationId: uuid('station_id').notNull(),
    code: text('code').notNull(),
    unit: text('unit').notNull(),
    /** Readings outside [validMin, validMax] are refused as instrument errors, not stored. */
    validMin: doublePrecision('valid_min'),
    validMax: doublePrecision('valid_max'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_measures_station_fk',
      columns: [t.orgId, t.stationId],
      foreignColumns: [opsStations.orgId, opsStations.id],
    }).onDelete('cascade'),
    uniqueIndex('ops_measures_station_code_idx').on(t.orgId, t.stationId, t.code),
  ],
);

/*
 * Tenant-owned, and the one table here without a surrogate id (docs/decisions/0009): millions of
 * rows, so the natural key is the primary key. It makes a repeated reading a no-op (ON CONFLICT DO
 * NOTHING) and serves every range query of one series (org, measure, direction, time) from one b-tree.
 */
export const opsReadings = pgTable(
  'ops_readings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    measureId: uuid('measure_id').notNull(),
    /** A traffic direction, or '' for a series that is not split. */
    direction: text('direction').notNull().default(''),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source', { enum: ['csv', 'api', 'manual', 'demo'] }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'ops_readings_pk', columns: [t.orgId, t.measureId, t.direction, t.observedAt] }),
    foreignKey({
      name: 'ops_readings_measure_fk',
      columns: [t.orgId, t.measureId],
      foreignColumns: [opsMeasures.orgId, opsMeasures.id],
    }).onDelete('cascade'),
  ],
);

/** Grains of the pre-computed aggregates, in Quebec's local time. */
export const GRAINS = ['hour', 'day', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/*
 * Tenant-owned: hourly, daily and monthly aggregates of each series, kept up to date in the same
 * statement that inserts readings, so charts over a year read ~365 rows rather than 500,000.
 */
export const opsRollups = pgTable(
  'ops_rollups',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    measureId: uuid('measure_id').notNull(),
    direction: text('direction').notNull().default(''),
    grain: text('grain', { enum: GRAINS }).notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    n: integer('n').notNull(),
    sum: doublePrecision('sum').notNull(),
    min: doublePrecision('min').notNull(),
    max: doublePrecision('max').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'ops_rollups_pk',
      columns: [t.orgId, t.measureId, t.grain, t.direction, t.bucket],
    }),
    foreignKey({
      name: 'ops_rollups_measure_fk',
      columns: [t.orgId, t.measureId],
      foreignColumns: [opsMeasures.orgId, opsMeasures.id],
    }).onDelete('cascade'),
  ],
);

// Tenant-owned: a telemetry device allowed to post readings for one station; its token is kept hashed.
export const opsDevices = pgTable(
  'ops_devices',
  {
    ...tenantColumns(() => organisations.id),
    stationId: uuid('station_id').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the random token (256 bits): a stolen table gives no usable token. */
    tokenHash: text('token_hash').notNull(),
    /** The token's first characters, shown to staff to tell devices apart. */
    tokenPrefix: text('token_prefix').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_devices_station_fk',
      columns: [t.orgId, t.stationId],
      foreignColumns: [opsStations.orgId, opsStations.id],
    }).onDelete('cascade'),
    index('ops_devices_station_idx').on(t.orgId, t.stationId),
  ],
);

/** Where a CSV column goes: the time, the value, the direction, or a measure's value (wide files). */
export interface ReadingMapping {
  observedAt: string | null;
  /** Long files: one column names the measure code, another holds the value. */
  measure: string | null;
  value: string | null;
  direction: string | null;
  /** Wide files: a column per measure code. */
  measureColumns: Record<string, string>;
}

/** One line error of an import, as a message code with parameters. */
export interface ImportLineError {
  line: number;
  code: string;
  params?: Record<string, string | number>;
}

export const READING_IMPORT_STATUSES = ['previewed', 'queued', 'running', 'done', 'failed'] as const;

// Tenant-owned: a CSV of readings for one station, from upload and preview to the background import.
export const opsReadingImports = pgTable(
  'ops_reading_imports',
  {
    ...tenantColumns(() => organisations.id),
    stationId: uuid('station_id').notNull(),
    startedBy: uuid('started_by').references(() => accounts.id, { onDelete: 'set null' }),
    fileName: text('file_name'),
    status: text('status', { enum: READING_IMPORT_STATUSES }).notNull().default('previewed'),
    columns: jsonb('columns').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<ReadingMapping>().notNull(),
    /** The uploaded text, kept so any worker can run the import; cleared once done. */
    content: text('content'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').$type<ImportLineError[]>().notNull().default([]),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_reading_imports_station_fk',
      columns: [t.orgId, t.stationId],
      foreignColumns: [opsStations.orgId, opsStations.id],
    }).onDelete('cascade'),
    index('ops_reading_imports_station_idx').on(t.orgId, t.stationId, t.createdAt),
  ],
);
