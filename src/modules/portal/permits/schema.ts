import { sql } from 'drizzle-orm';
import {
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
import { orders } from '../../../platform/payments/schema.ts';
import type { FeeRule } from './fee-rules.ts';
import type { FormField, RequiredDocument } from './form.ts';
import { type Actor, PERMIT_STATUSES, type PermitAction } from './state-machine.ts';

/** How a permit type maps to the Building and Land Development Specification (open data). */
export interface BldsMapping {
  permitTypeMapped: string;
  workClassMapped: 'New' | 'Existing';
  permitClassMapped: 'Residential' | 'Non-Residential';
}

// Tenant-owned: the permit types an organisation offers, each with its form, documents, fee and delay.
export const permitTypes = pgTable(
  'permit_types',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    kind: text('kind', { enum: ['permit', 'declaration'] }).notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    fields: jsonb('fields').$type<FormField[]>().notNull(),
    documents: jsonb('documents').$type<RequiredDocument[]>().notNull(),
    feeRule: jsonb('fee_rule').$type<FeeRule>().notNull(),
    /** Legal processing delay in business days (the clock stops while waiting for the applicant). */
    legalDelayDays: integer('legal_delay_days').notNull(),
    /** How long an issued permit stays valid. */
    validityMonths: integer('validity_months').notNull().default(12),
    blds: jsonb('blds').$type<BldsMapping>().notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('permit_types_code_idx').on(t.orgId, t.code)],
);

// Tenant-owned: one application for a permit (or one work declaration), from draft to closing.
export const permitApplications = pgTable(
  'permit_applications',
  {
    ...tenantColumns(() => organisations.id),
    reference: text('reference').notNull(),
    typeId: uuid('type_id').notNull(),
    kind: text('kind', { enum: ['permit', 'declaration'] }).notNull(),
    applicantAccountId: uuid('applicant_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    status: text('status', { enum: PERMIT_STATUSES }).notNull().default('draft'),
    /** The roll unit chosen (a snapshot of its matricule, address and lots is kept: rolls are replaced). */
    propertyUnitId: uuid('property_unit_id'),
    propertyMatricule: text('property_matricule'),
    propertyAddress: text('property_address'),
    propertyLots: text('property_lots').array().notNull().default(sql`'{}'::text[]`),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    description: text('description').notNull().default(''),
    answers: jsonb('answers').$type<Record<string, string | number | boolean>>().notNull().default({}),
    feeCents: integer('fee_cents').notNull().default(0),
    orderId: uuid('order_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    conditions: text('conditions'),
    refusalReason: text('refusal_reason'),
    permitNumber: text('permit_number'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    inspectionAt: timestamp('inspection_at', { withTimezone: true }),
    finalInspectionAt: timestamp('final_inspection_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Random: the QR code on the permit leads to its public verification page. */
    verificationToken: text('verification_token'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'permit_applications_type_fk',
      columns: [t.orgId, t.typeId],
      foreignColumns: [permitTypes.orgId, permitTypes.id],
    }),
    foreignKey({
      name: 'permit_applications_order_fk',
      columns: [t.orgId, t.orderId],
      foreignColumns: [orders.orgId, orders.id],
    }),
    uniqueIndex('permit_applications_reference_idx').on(t.orgId, t.reference),
    uniqueIndex('permit_applications_token_idx').on(t.orgId, t.verificationToken),
    index('permit_applications_applicant_idx').on(t.orgId, t.applicantAccountId, t.createdAt),
    index('permit_applications_status_idx').on(t.orgId, t.status, t.submittedAt),
    index('permit_applications_issued_idx').on(t.orgId, t.issuedAt),
  ],
);

// Tenant-owned: the history of a file (each step, request for information, answer, inspection).
export const permitEvents = pgTable(
  'permit_events',
  {
    ...tenantColumns(() => organisations.id),
    applicationId: uuid('application_id').notNull(),
    actor: text('actor').$type<Actor>().notNull(),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    action: text('action').$type<PermitAction | 'create'>().notNull(),
    fromStatus: text('from_status', { enum: PERMIT_STATUSES }),
    toStatus: text('to_status', { enum: PERMIT_STATUSES }).notNull(),
    message: text('message'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'permit_events_application_fk',
      columns: [t.orgId, t.applicationId],
      foreignColumns: [permitApplications.orgId, permitApplications.id],
    }).onDelete('cascade'),
    index('permit_events_application_idx').on(t.orgId, t.applicationId, t.createdAt),
  ],
);

// Tenant-owned: the documents attached to a file (plans, certificate of location …), stored by platform files.
export const permitDocuments = pgTable(
  'permit_documents',
  {
    ...tenantColumns(() => organisations.id),
    applicationId: uuid('application_id').notNull(),
    documentKey: text('document_key').notNull(),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'permit_documents_application_fk',
      columns: [t.orgId, t.applicationId],
      foreignColumns: [permitApplications.orgId, permitApplications.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'permit_documents_file_fk',
      columns: [t.orgId, t.fileId],
      foreignColumns: [files.orgId, files.id],
    }),
    index('permit_documents_application_idx').on(t.orgId, t.applicationId),
  ],
);
