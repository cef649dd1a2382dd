import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { opsMeasures, opsStations } from '../data/schema.ts';

/** `alarm` wakes the on-call operator; `report` is only listed on the compliance dashboard. */
export const THRESHOLD_SEVERITIES = ['alarm', 'report'] as const;

// Tenant-owned: the acceptable range of one measure at one station (preloaded from the RQEP, editable).
export const opsThresholds = pgTable(
  'ops_thresholds',
  {
    ...tenantColumns(() => organisations.id),
    measureId: uuid('measure_id').notNull(),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    severity: text('severity', { enum: THRESHOLD_SEVERITIES }).notNull(),
    /** Where the figure comes from, e.g. `RQEP s. 8` or `installation`. */
    basis: text('basis').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_thresholds_measure_fk',
      columns: [t.orgId, t.measureId],
      foreignColumns: [opsMeasures.orgId, opsMeasures.id],
    }).onDelete('cascade'),
    uniqueIndex('ops_thresholds_measure_idx').on(t.orgId, t.measureId, t.severity),
  ],
);

export const ALARM_STATUSES = ['open', 'acknowledged', 'closed'] as const;

// Tenant-owned: a reading out of range, from detection to acknowledgement and closing.
export const opsAlarms = pgTable(
  'ops_alarms',
  {
    ...tenantColumns(() => organisations.id),
    stationId: uuid('station_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    thresholdId: uuid('threshold_id').notNull(),
    severity: text('severity', { enum: THRESHOLD_SEVERITIES }).notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
    /** The worst value seen while the alarm stayed open. */
    worstValue: doublePrecision('worst_value').notNull(),
    readingsOutOfRange: integer('readings_out_of_range').notNull().default(1),
    status: text('status', { enum: ALARM_STATUSES }).notNull().default('open'),
    /** How far up the on-call roster the alarm went (1 = the on-call operator). */
    escalationLevel: integer('escalation_level').notNull().default(1),
    lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => accounts.id, { onDelete: 'set null' }),
    note: text('note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_alarms_station_fk',
      columns: [t.orgId, t.stationId],
      foreignColumns: [opsStations.orgId, opsStations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'ops_alarms_threshold_fk',
      columns: [t.orgId, t.thresholdId],
      foreignColumns: [opsThresholds.orgId, opsThresholds.id],
    }).onDelete('cascade'),
    // One unresolved alarm per threshold: a burst of low readings is one alarm, not a thousand pages.
    uniqueIndex('ops_alarms_one_open_idx').on(t.orgId, t.thresholdId).where(sql`status <> 'closed'`),
    index('ops_alarms_status_idx').on(t.orgId, t.status, t.observedAt),
  ],
);

// Tenant-owned: the on-call roster, by escalation level (1 is paged first).
export const opsOnCall = pgTable(
  'ops_on_call',
  {
    ...tenantColumns(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
  },
  (t) => [tenantKey(t), uniqueIndex('ops_on_call_account_idx').on(t.orgId, t.accountId)],
);

export const SAMPLE_STATUSES = ['planned', 'taken', 'resulted', 'cancelled'] as const;
export const SAMPLE_PURPOSES = ['routine', 'resampling'] as const;

// Tenant-owned: a bacteriological sample, planned by the calendar, then taken and analysed by a lab.
export const opsSamples = pgTable(
  'ops_samples',
  {
    ...tenantColumns(() => organisations.id),
    stationId: uuid('station_id').notNull(),
    plannedFor: date('planned_for').notNull(),
    purpose: text('purpose', { enum: SAMPLE_PURPOSES }).notNull().default('routine'),
    status: text('status', { enum: SAMPLE_STATUSES }).notNull().default('planned'),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    laboratory: text('laboratory'),
    /** Counts per 100 mL. */
    eColi: integer('e_coli'),
    totalColiforms: integer('total_coliforms'),
    freeChlorine: doublePrecision('free_chlorine'),
    compliant: boolean('compliant'),
    resultedAt: timestamp('resulted_at', { withTimezone: true }),
    exceedanceId: uuid('exceedance_id'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_samples_station_fk',
      columns: [t.orgId, t.stationId],
      foreignColumns: [opsStations.orgId, opsStations.id],
    }).onDelete('cascade'),
    index('ops_samples_planned_idx').on(t.orgId, t.plannedFor),
  ],
);

export const EXCEEDANCE_STATUSES = ['open', 'resampling', 'notice_issued', 'closed'] as const;

// Tenant-owned: a lab result that broke a bacteriological standard, and what was done about it.
export const opsExceedances = pgTable(
  'ops_exceedances',
  {
    ...tenantColumns(() => organisations.id),
    sampleId: uuid('sample_id').notNull(),
    parameter: text('parameter', { enum: ['e_coli', 'total_coliforms'] }).notNull(),
    value: integer('value').notNull(),
    status: text('status', { enum: EXCEEDANCE_STATUSES }).notNull().default('open'),
    boilWaterNotice: boolean('boil_water_notice').notNull().default(false),
    noticeIssuedAt: timestamp('notice_issued_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_exceedances_sample_fk',
      columns: [t.orgId, t.sampleId],
      foreignColumns: [opsSamples.orgId, opsSamples.id],
    }).onDelete('cascade'),
    index('ops_exceedances_status_idx').on(t.orgId, t.status),
  ],
);
