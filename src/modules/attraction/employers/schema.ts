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
import { files } from '../../../platform/files/schema.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

export const COMPANY_STATUSES = ['pending', 'approved', 'suspended'] as const;
export const COMPANY_SIZES = ['1-9', '10-49', '50-199', '200+'] as const;
export const MEMBER_ROLES = ['owner', 'recruiter'] as const;
export const OFFER_STATUSES = ['draft', 'pending', 'published', 'rejected', 'expired', 'closed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const PERMANENCE = ['permanent', 'temporary', 'seasonal'] as const;
export const WAGE_UNITS = ['hour', 'year'] as const;

// Tenant-owned (the MRC): an employer of the region. This is the row the employer directory (bottin) reads:
// only `approved` companies with `directory_listed` are public; everything else stays with the company.
export const companies = pgTable(
  'companies',
  {
    ...tenantColumns(() => organisations.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** NAICS/SCIAN 2022 code (2 to 6 digits) and the sector's name as the employer chose it. */
    naicsCode: text('naics_code').notNull(),
    sectorFr: text('sector_fr').notNull().default(''),
    sectorEn: text('sector_en').notNull().default(''),
    /** The member municipality of the main establishment. */
    municipalityOrgId: uuid('municipality_org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    address: text('address').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    size: text('size', { enum: COMPANY_SIZES }).notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    benefitsFr: text('benefits_fr').notNull().default(''),
    benefitsEn: text('benefits_en').notNull().default(''),
    website: text('website'),
    logoFileId: uuid('logo_file_id'),
    housingHelp: boolean('housing_help').notNull().default(false),
    relocationHelp: boolean('relocation_help').notNull().default(false),
    status: text('status', { enum: COMPANY_STATUSES }).notNull().default('pending'),
    directoryListed: boolean('directory_listed').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'companies_logo_fk',
      columns: [t.orgId, t.logoFileId],
      foreignColumns: [files.orgId, files.id],
    }),
    uniqueIndex('companies_slug_idx').on(t.orgId, t.slug),
    index('companies_status_idx').on(t.orgId, t.status),
  ],
);

// Tenant-owned: the people who act for a company (several per company).
export const companyMembers = pgTable(
  'company_members',
  {
    ...tenantColumns(() => organisations.id),
    companyId: uuid('company_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'company_members_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [companies.orgId, companies.id],
    }).onDelete('cascade'),
    uniqueIndex('company_members_unique_idx').on(t.orgId, t.companyId, t.accountId),
    index('company_members_account_idx').on(t.orgId, t.accountId),
  ],
);

// Tenant-owned: an invitation to join a company, accepted by the account whose e-mail it names.
export const companyInvitations = pgTable(
  'company_invitations',
  {
    ...tenantColumns(() => organisations.id),
    companyId: uuid('company_id').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull().default('recruiter'),
    /** SHA-256 of the token sent by e-mail. */
    tokenHash: text('token_hash').notNull(),
    invitedByAccountId: uuid('invited_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'company_invitations_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [companies.orgId, companies.id],
    }).onDelete('cascade'),
    uniqueIndex('company_invitations_token_idx').on(t.orgId, t.tokenHash),
  ],
);

// Tenant-owned: a job offer, from draft through moderation by MRC staff to publication and expiry.
export const jobOffers = pgTable(
  'job_offers',
  {
    ...tenantColumns(() => organisations.id),
    companyId: uuid('company_id').notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    nocCode: text('noc_code').notNull(),
    teer: integer('teer').notNull(),
    description: text('description').notNull(),
    requirements: text('requirements').notNull().default(''),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    wageMinCents: integer('wage_min_cents'),
    wageMaxCents: integer('wage_max_cents'),
    wageUnit: text('wage_unit', { enum: WAGE_UNITS }).notNull().default('hour'),
    hoursPerWeek: integer('hours_per_week').notNull(),
    permanence: text('permanence', { enum: PERMANENCE }).notNull(),
    startDate: date('start_date'),
    municipalityOrgId: uuid('municipality_org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    frenchMinNclc: integer('french_min_nclc'),
    englishMinClb: integer('english_min_clb'),
    housingHelp: boolean('housing_help').notNull().default(false),
    relocationHelp: boolean('relocation_help').notNull().default(false),
    spouseJobHelp: boolean('spouse_job_help').notNull().default(false),
    /** The employer can hire someone who needs a work permit (LMIA, Quebec's CAQ, employer-specific permit). */
    permitSupport: boolean('permit_support').notNull().default(false),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('draft'),
    moderationNote: text('moderation_note'),
    moderatedByAccountId: uuid('moderated_by_account_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    hiresReported: integer('hires_reported').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'job_offers_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [companies.orgId, companies.id],
    }),
    uniqueIndex('job_offers_reference_idx').on(t.orgId, t.reference),
    index('job_offers_company_idx').on(t.orgId, t.companyId, t.status),
    index('job_offers_status_idx').on(t.orgId, t.status, t.expiresAt),
  ],
);
