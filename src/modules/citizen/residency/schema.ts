import { sql } from 'drizzle-orm';
import {
  date,
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
import { addresses } from '../../../platform/geo/schema.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { households } from '../../../platform/people/schema.ts';

/** How a household proved it lives in the town. */
export const PROOFS = ['address', 'document', 'household_import', 'staff'] as const;
export type Proof = (typeof PROOFS)[number];

/** `pending` waits for staff (uploaded document); `ended` covers moves, expiry replaced by renewal, revocation. */
export const RESIDENCY_STATUSES = ['pending', 'active', 'rejected', 'ended'] as const;
export type ResidencyStatus = (typeof RESIDENCY_STATUSES)[number];

// Tenant-owned: a household's residency in a town, with its proof, validity and end.
export const residencies = pgTable(
  'citizen_residencies',
  {
    ...tenantColumns(() => organisations.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    proof: text('proof', { enum: PROOFS }).notNull(),
    status: text('status', { enum: RESIDENCY_STATUSES }).notNull(),
    addressId: uuid('address_id'),
    addressLabel: text('address_label'),
    postalCode: text('postal_code'),
    fileId: uuid('file_id'),
    recordId: uuid('record_id'),
    startsOn: date('starts_on'),
    expiresOn: date('expires_on'),
    submittedByAccountId: uuid('submitted_by_account_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    decidedByAccountId: uuid('decided_by_account_id').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason', { enum: ['moved', 'renewed', 'revoked'] }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'citizen_residencies_address_fk',
      columns: [t.orgId, t.addressId],
      foreignColumns: [addresses.orgId, addresses.id],
    }),
    foreignKey({
      name: 'citizen_residencies_file_fk',
      columns: [t.orgId, t.fileId],
      foreignColumns: [files.orgId, files.id],
    }),
    // One current residency per household and town, whatever two requests do at once.
    uniqueIndex('citizen_residencies_current_key')
      .on(t.orgId, t.householdId)
      .where(sql`${t.status} IN ('pending', 'active')`),
    index('citizen_residencies_household_idx').on(t.orgId, t.householdId, t.status),
    index('citizen_residencies_status_idx').on(t.orgId, t.status, t.createdAt),
  ],
);

/** A problem on one line of a household import, rendered in the reader's language. */
export interface ImportLineError {
  line: number;
  code: string;
  params?: Record<string, string | number>;
}

// Tenant-owned: one CSV import of the town's households.
export const householdImports = pgTable(
  'citizen_household_imports',
  {
    ...tenantColumns(() => organisations.id),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    fileName: text('file_name').notNull(),
    households: integer('households').notNull().default(0),
    members: integer('members').notNull().default(0),
    lineErrors: jsonb('line_errors').$type<ImportLineError[]>().notNull().default([]),
  },
  (t) => [tenantKey(t), index('citizen_household_imports_org_idx').on(t.orgId, t.createdAt)],
);

// Tenant-owned: a household as the town knows it (imported), waiting to be claimed by its people.
export const householdRecords = pgTable(
  'citizen_household_records',
  {
    ...tenantColumns(() => organisations.id),
    importId: uuid('import_id').notNull(),
    /** The town's own identifier of the household, so a new import updates instead of duplicating. */
    externalRef: text('external_ref').notNull(),
    addressLine: text('address_line').notNull(),
    /** Normalised `A1A 1A1`. */
    postalCode: text('postal_code').notNull(),
    /** Lower-case, unaccented, single-spaced: what a typed address is compared with. */
    addressKey: text('address_key').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claimedHouseholdId: uuid('claimed_household_id').references(() => households.id, {
      onDelete: 'set null',
    }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'citizen_household_records_import_fk',
      columns: [t.orgId, t.importId],
      foreignColumns: [householdImports.orgId, householdImports.id],
    }),
    uniqueIndex('citizen_household_records_ref_key').on(t.orgId, t.externalRef),
    index('citizen_household_records_postal_idx').on(t.orgId, t.postalCode, t.addressKey),
  ],
);

// Tenant-owned: a member of an imported household, with the e-mail or phone on file for the claim code.
export const householdRecordMembers = pgTable(
  'citizen_household_record_members',
  {
    ...tenantColumns(() => organisations.id),
    recordId: uuid('record_id').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** A card number the town already gave this person (its own cards, before Civique). */
    cardNumber: text('card_number'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'citizen_household_record_members_record_fk',
      columns: [t.orgId, t.recordId],
      foreignColumns: [householdRecords.orgId, householdRecords.id],
    }).onDelete('cascade'),
    index('citizen_household_record_members_record_idx').on(t.orgId, t.recordId),
    index('citizen_household_record_members_card_idx').on(t.orgId, t.cardNumber),
  ],
);

// Tenant-owned: one-time codes of household claims (same rules as sign-in codes: hashed, 10 minutes,
// 5 attempts, one use), sent to the e-mail or phone on file rather than to an account.
export const claimCodes = pgTable(
  'citizen_claim_codes',
  {
    ...tenantColumns(() => organisations.id),
    memberId: uuid('member_id').notNull(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'citizen_claim_codes_member_fk',
      columns: [t.orgId, t.memberId],
      foreignColumns: [householdRecordMembers.orgId, householdRecordMembers.id],
    }).onDelete('cascade'),
    index('citizen_claim_codes_member_idx').on(t.orgId, t.memberId, t.createdAt),
  ],
);

export type ResidencyRow = typeof residencies.$inferSelect;
