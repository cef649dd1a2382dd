import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import type { AttributeValue, CategoryField } from './attributes.ts';
import type { Phase } from './statuses.ts';

// Tenant-owned: the departments whose queues requests land in (public works, environment …).
export const requestDepartments = pgTable(
  'request_departments',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [tenantKey(t), uniqueIndex('request_departments_org_code_key').on(t.orgId, t.code)],
);

// Tenant-owned: the staff who work a department's queue (it is their queue by default; the 311 desk sees all).
export const requestDepartmentMembers = pgTable(
  'request_department_members',
  {
    ...tenantColumns(() => organisations.id),
    departmentId: uuid('department_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('request_department_members_key').on(t.orgId, t.departmentId, t.accountId),
    index('request_department_members_account_idx').on(t.orgId, t.accountId),
    foreignKey({
      columns: [t.orgId, t.departmentId],
      foreignColumns: [requestDepartments.orgId, requestDepartments.id],
    }).onDelete('cascade'),
  ],
);

// Tenant-owned: what people can report; `code` is the Open311 service_code.
export const requestCategories = pgTable(
  'request_categories',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** Open311 group ("voirie", "environnement"), one word per language is enough. */
    groupFr: text('group_fr'),
    groupEn: text('group_en'),
    keywords: text('keywords'),
    departmentId: uuid('department_id'),
    /** Shown on public maps only as an approximate position, and without address. */
    sensitive: boolean('sensitive').notNull().default(false),
    /** Targets in business days: acknowledge within, resolve within (none when null). */
    ackDays: integer('ack_days'),
    resolveDays: integer('resolve_days'),
    fields: jsonb('fields').$type<CategoryField[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('request_categories_org_code_key').on(t.orgId, t.code),
    foreignKey({
      columns: [t.orgId, t.departmentId],
      foreignColumns: [requestDepartments.orgId, requestDepartments.id],
    }),
  ],
);

// Tenant-owned: an organisation's own statuses, each refining one built-in phase.
export const requestStatuses = pgTable(
  'request_statuses',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    phase: text('phase').$type<Phase>().notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [tenantKey(t), uniqueIndex('request_statuses_org_code_key').on(t.orgId, t.code)],
);

// Tenant-owned: one per organisation, how its requests behave.
export const requestSettings = pgTable(
  'request_settings',
  {
    ...tenantColumns(() => organisations.id),
    /** How many days after resolution a follower may reopen a request. */
    reopenDays: integer('reopen_days').notNull().default(30),
    /** Side of the grid cells sensitive requests are snapped to on public maps, in metres. */
    gridMetres: integer('grid_metres').notNull().default(250),
    /** How far around a new request similar open ones are shown, in metres. */
    nearbyMetres: integer('nearby_metres').notNull().default(200),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('request_settings_org_key').on(t.orgId)],
);

/** Where a request came from. */
export type RequestSource = 'web' | 'open311' | 'staff';

// Tenant-owned: the requests themselves ("requêtes", 311).
export const serviceRequests = pgTable(
  'service_requests',
  {
    ...tenantColumns(() => organisations.id),
    reference: text('reference').notNull(),
    categoryId: uuid('category_id').notNull(),
    departmentId: uuid('department_id'),
    /** The status code (built-in or custom) and the built-in phase it belongs to. */
    status: text('status').notNull().default('submitted'),
    phase: text('phase').$type<Phase>().notNull().default('submitted'),
    description: text('description').notNull(),
    attributes: jsonb('attributes').$type<Record<string, AttributeValue>>().notNull().default({}),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** What the public sees: the point, or its grid cell's centre for sensitive categories. */
    publicLatitude: doublePrecision('public_latitude').notNull(),
    publicLongitude: doublePrecision('public_longitude').notNull(),
    address: text('address'),
    source: text('source').$type<RequestSource>().notNull().default('web'),
    apiKeyId: uuid('api_key_id'),
    reporterAccountId: uuid('reporter_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    reporterEmail: text('reporter_email'),
    reporterName: text('reporter_name'),
    locale: text('locale', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    /** Set once the reporter is known (signed in, a trusted application, or a guest's e-mail code). */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    assigneeAccountId: uuid('assignee_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    ackDueAt: timestamp('ack_due_at', { withTimezone: true }),
    resolveDueAt: timestamp('resolve_due_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id'),
    ackAlertedAt: timestamp('ack_alerted_at', { withTimezone: true }),
    resolveAlertedAt: timestamp('resolve_alerted_at', { withTimezone: true }),
    /** The latest public update, shown as Open311's status_notes. */
    publicNote: text('public_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('service_requests_org_reference_key').on(t.orgId, t.reference),
    foreignKey({
      columns: [t.orgId, t.categoryId],
      foreignColumns: [requestCategories.orgId, requestCategories.id],
    }),
    foreignKey({
      columns: [t.orgId, t.departmentId],
      foreignColumns: [requestDepartments.orgId, requestDepartments.id],
    }),
    foreignKey({
      columns: [t.orgId, t.mergedIntoId],
      foreignColumns: [t.orgId, t.id] as [AnyPgColumn, AnyPgColumn],
    }),
    index('service_requests_org_phase_idx').on(t.orgId, t.phase, t.createdAt),
    index('service_requests_org_category_idx').on(t.orgId, t.categoryId, t.phase),
    index('service_requests_org_department_idx').on(t.orgId, t.departmentId, t.phase),
    index('service_requests_org_assignee_idx').on(t.orgId, t.assigneeAccountId, t.phase),
    index('service_requests_org_reporter_idx').on(t.orgId, t.reporterAccountId),
    index('service_requests_org_position_idx').on(t.orgId, t.publicLatitude, t.publicLongitude),
    index('service_requests_org_updated_idx').on(t.orgId, t.updatedAt),
  ],
);

// Tenant-owned: who follows a request (its reporter first): accounts, or e-mail addresses of guests.
export const requestFollowers = pgTable(
  'request_followers',
  {
    ...tenantColumns(() => organisations.id),
    requestId: uuid('request_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    email: text('email'),
    locale: text('locale', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    role: text('role', { enum: ['reporter', 'follower'] }).notNull(),
    /** A guest's address is proven by a code e-mailed to it; accounts are confirmed already. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    codeHash: text('code_hash'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    codesSent: integer('codes_sent').notNull().default(0),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [serviceRequests.orgId, serviceRequests.id],
    }).onDelete('cascade'),
    uniqueIndex('request_followers_org_request_account_key')
      .on(t.orgId, t.requestId, t.accountId)
      .where(sql`account_id IS NOT NULL`),
    uniqueIndex('request_followers_org_request_email_key')
      .on(t.orgId, t.requestId, sql`lower(${t.email})`)
      .where(sql`account_id IS NULL`),
    index('request_followers_org_account_idx').on(t.orgId, t.accountId),
  ],
);

/** Who sees an event: everyone following, the reporter and staff, or staff only. */
export type EventVisibility = 'public' | 'reporter' | 'internal';

// Tenant-owned: the history of a request (status changes, public updates, internal notes, information).
export const requestEvents = pgTable(
  'request_events',
  {
    ...tenantColumns(() => organisations.id),
    requestId: uuid('request_id').notNull(),
    kind: text('kind', {
      enum: [
        'submitted',
        'confirmed',
        'status',
        'public_update',
        'internal_note',
        'information',
        'assigned',
        'merged',
        'reopened',
      ],
    }).notNull(),
    visibility: text('visibility').$type<EventVisibility>().notNull(),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** Who acted, as shown: staff, the reporter, a follower, an application. */
    actorKind: text('actor_kind', {
      enum: ['staff', 'reporter', 'follower', 'application', 'system'],
    }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    body: text('body'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [serviceRequests.orgId, serviceRequests.id],
    }).onDelete('cascade'),
    index('request_events_org_request_idx').on(t.orgId, t.requestId, t.createdAt),
  ],
);

// Tenant-owned: the photos of a request, stored by the files platform (metadata stripped on upload).
export const requestPhotos = pgTable(
  'request_photos',
  {
    ...tenantColumns(() => organisations.id),
    requestId: uuid('request_id').notNull(),
    fileId: uuid('file_id').notNull(),
    eventId: uuid('event_id'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [serviceRequests.orgId, serviceRequests.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.fileId], foreignColumns: [files.orgId, files.id] }),
    uniqueIndex('request_photos_org_file_key').on(t.orgId, t.fileId),
    index('request_photos_org_request_idx').on(t.orgId, t.requestId),
  ],
);

// Tenant-owned: answers staff reuse in public updates, in both languages.
export const requestReplyTemplates = pgTable(
  'request_reply_templates',
  {
    ...tenantColumns(() => organisations.id),
    name: text('name').notNull(),
    bodyFr: text('body_fr').notNull(),
    bodyEn: text('body_en').notNull(),
    /** The status the answer usually goes with, suggested when the template is picked. */
    status: text('status'),
  },
  (t) => [tenantKey(t), index('request_reply_templates_org_name_idx').on(t.orgId, t.name)],
);

export type ServiceRequestRow = typeof serviceRequests.$inferSelect;
export type CategoryRow = typeof requestCategories.$inferSelect;
export type FollowerRow = typeof requestFollowers.$inferSelect;
