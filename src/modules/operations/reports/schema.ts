import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

/** Binary content kept in the database (generated documents are small and must reach any worker). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** What a report shows: its stations and measures, sections, and the staff's own text. */
export interface ReportContent {
  stationIds: string[];
  /** Measure codes to include (all of each station's when empty). */
  measureCodes: string[];
  sections: Array<'summary' | 'daily_table' | 'chart' | 'compliance' | 'traffic'>;
  introFr: string;
  introEn: string;
}

// Tenant-owned: a monthly report staff defined, generated on the 1st of each month.
export const opsReportDefinitions = pgTable(
  'ops_report_definitions',
  {
    ...tenantColumns(() => organisations.id),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    content: jsonb('content').$type<ReportContent>().notNull(),
    recipients: text('recipients').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), index('ops_report_definitions_active_idx').on(t.orgId, t.active)],
);

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

// Tenant-owned: one generation of a report for one month: its progress, then its PDF and XLSX (the archive).
export const opsReportRuns = pgTable(
  'ops_report_runs',
  {
    ...tenantColumns(() => organisations.id),
    definitionId: uuid('definition_id').notNull(),
    /** The first day of the month reported on. */
    period: date('period').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    requestedBy: uuid('requested_by').references(() => accounts.id, { onDelete: 'set null' }),
    pdf: bytea('pdf'),
    xlsx: bytea('xlsx'),
    error: text('error'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'ops_report_runs_definition_fk',
      columns: [t.orgId, t.definitionId],
      foreignColumns: [opsReportDefinitions.orgId, opsReportDefinitions.id],
    }).onDelete('cascade'),
    index('ops_report_runs_definition_idx').on(t.orgId, t.definitionId, t.period),
  ],
);

export const TRANSMISSION_STATUSES = ['generated', 'sent', 'failed', 'superseded'] as const;

// Tenant-owned: the transmission register: a file made for a public body, for a period, and its fate.
export const opsTransmissions = pgTable(
  'ops_transmissions',
  {
    ...tenantColumns(() => organisations.id),
    template: text('template').notNull(),
    period: date('period').notNull(),
    recipient: text('recipient').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status', { enum: TRANSMISSION_STATUSES }).notNull().default('generated'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The transmission this one corrects (a corrected file supersedes the earlier one). */
    correctsId: uuid('corrects_id'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [tenantKey(t), index('ops_transmissions_period_idx').on(t.orgId, t.template, t.period)],
);
