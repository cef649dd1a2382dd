import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { organisations } from '../../../platform/orgs/schema.ts';
import type { CallbackRules, Slot } from './call-order.ts';

/** Channels through which a person on the list is reached. */
export const CONTACT_CHANNELS = ['email', 'sms', 'push', 'inapp'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const NEED_STATUSES = ['open', 'filled', 'unfilled', 'cancelled'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const OFFER_STATUSES = ['pending', 'accepted', 'refused', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

// Tenant-owned: the agreement's rules, per job class ('' is the organisation's default).
export const callbackRules = pgTable(
  'callback_rules',
  {
    ...tenantColumns(() => organisations.id),
    jobClass: text('job_class').notNull(),
    rules: jsonb('rules').$type<CallbackRules>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('callback_rules_class_idx').on(t.orgId, t.jobClass)],
);

// Tenant-owned: a casual or on-call employee on the list.
export const callbackEmployees = pgTable(
  'callback_employees',
  {
    ...tenantColumns(() => organisations.id),
    employeeNumber: text('employee_number').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** Linked account: the employee answers offers and declares availabilities from their own space. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    jobClasses: text('job_classes').array().notNull().default(sql`'{}'::text[]`),
    qualifications: text('qualifications').array().notNull().default(sql`'{}'::text[]`),
    seniorityHours: doublePrecision('seniority_hours').notNull().default(0),
    seniorityDate: date('seniority_date'),
    email: text('email'),
    phone: text('phone'),
    channels: text('channels').array().$type<ContactChannel[]>().notNull().default(sql`'{email}'::text[]`),
    locale: text('locale', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('callback_employees_number_idx').on(t.orgId, t.employeeNumber),
    uniqueIndex('callback_employees_account_idx').on(t.orgId, t.accountId),
  ],
);

// Tenant-owned: declared availabilities, versioned: each version applies from its date (the agreement's
// deadline decides which date a change gets), so the slots in effect on any day can be proven later.
export const callbackAvailabilities = pgTable(
  'callback_availabilities',
  {
    ...tenantColumns(() => organisations.id),
    employeeId: uuid('employee_id').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    slots: jsonb('slots').$type<Slot[]>().notNull(),
    declaredBy: uuid('declared_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'callback_availabilities_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [callbackEmployees.orgId, callbackEmployees.id],
    }).onDelete('cascade'),
    index('callback_availabilities_employee_idx').on(t.orgId, t.employeeId, t.effectiveFrom),
  ],
);

// Tenant-owned: absences (leave, sickness) during which a person is passed over.
export const callbackAbsences = pgTable(
  'callback_absences',
  {
    ...tenantColumns(() => organisations.id),
    employeeId: uuid('employee_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'callback_absences_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [callbackEmployees.orgId, callbackEmployees.id],
    }).onDelete('cascade'),
    index('callback_absences_employee_idx').on(t.orgId, t.employeeId, t.startsAt),
  ],
);

// Tenant-owned: a shift or replacement to fill, and its round.
export const callbackNeeds = pgTable(
  'callback_needs',
  {
    ...tenantColumns(() => organisations.id),
    reference: text('reference').notNull(),
    jobClass: text('job_class').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    qualifications: text('qualifications').array().notNull().default(sql`'{}'::text[]`),
    urgent: boolean('urgent').notNull().default(false),
    note: text('note').notNull().default(''),
    status: text('status', { enum: NEED_STATUSES }).notNull().default('open'),
    /** The rules in force when the round started (later changes do not rewrite a round). */
    rules: jsonb('rules').$type<CallbackRules>().notNull(),
    filledBy: uuid('filled_by'),
    filledAt: timestamp('filled_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'callback_needs_filled_by_fk',
      columns: [t.orgId, t.filledBy],
      foreignColumns: [callbackEmployees.orgId, callbackEmployees.id],
    }),
    uniqueIndex('callback_needs_reference_idx').on(t.orgId, t.reference),
    index('callback_needs_status_idx').on(t.orgId, t.status, t.startsAt),
    index('callback_needs_filled_by_idx').on(t.orgId, t.filledBy, t.startsAt),
  ],
);

// Tenant-owned: one offer of a need to one person, with its window and answer.
export const callbackOffers = pgTable(
  'callback_offers',
  {
    ...tenantColumns(() => organisations.id),
    needId: uuid('need_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    rank: integer('rank').notNull(),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('pending'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** How the answer came: the one-tap link, the employee's space, a phone call logged by staff, the clock. */
    answeredVia: text('answered_via', { enum: ['link', 'app', 'phone', 'timer', 'system'] }),
    hours: doublePrecision('hours').notNull(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'callback_offers_need_fk',
      columns: [t.orgId, t.needId],
      foreignColumns: [callbackNeeds.orgId, callbackNeeds.id],
    }),
    foreignKey({
      name: 'callback_offers_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [callbackEmployees.orgId, callbackEmployees.id],
    }),
    uniqueIndex('callback_offers_need_employee_idx').on(t.orgId, t.needId, t.employeeId),
    index('callback_offers_employee_idx').on(t.orgId, t.employeeId, t.offeredAt),
    index('callback_offers_pending_idx').on(t.orgId, t.status, t.expiresAt),
  ],
);

// Tenant-owned, append-only (a trigger refuses UPDATE and DELETE): the grievance log of each round,
// chained by hash so that a removed or altered entry shows.
export const callbackLog = pgTable(
  'callback_log',
  {
    ...tenantColumns(() => organisations.id),
    needId: uuid('need_id').notNull(),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    employeeId: uuid('employee_id'),
    rank: integer('rank'),
    reason: text('reason'),
    actorAccountId: uuid('actor_account_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'callback_log_need_fk',
      columns: [t.orgId, t.needId],
      foreignColumns: [callbackNeeds.orgId, callbackNeeds.id],
    }),
    uniqueIndex('callback_log_seq_idx').on(t.orgId, t.needId, t.seq),
    index('callback_log_employee_idx').on(t.orgId, t.employeeId, t.at),
  ],
);

// Tenant-owned: union representatives designated by the organisation (read the rounds and their logs).
export const callbackUnionReps = pgTable(
  'callback_union_reps',
  {
    ...tenantColumns(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    union: text('union_name').notNull().default(''),
  },
  (t) => [tenantKey(t), uniqueIndex('callback_union_reps_account_idx').on(t.orgId, t.accountId)],
);
