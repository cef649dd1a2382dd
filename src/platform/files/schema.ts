import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/schema.ts';
import { tenantColumns, tenantKey } from '../db/tenancy.ts';
import { organisations } from '../orgs/schema.ts';

/** Whether a stored file went through the virus scanner (infected files are never stored). */
export type ScanStatus = 'clean' | 'not_scanned';

// Tenant-owned: one row per stored upload. The bytes live in the file storage under `storage_key`.
export const files = pgTable(
  'files',
  {
    ...tenantColumns(() => organisations.id),
    // Kept when the account goes: municipal records outlive accounts; staff can still reach them.
    ownerAccountId: uuid('owner_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The registered purpose that decided the allowed types and who may download. */
    purpose: text('purpose').notNull(),
    /** The name the person's device gave, sanitised; never used on disk. */
    originalName: text('original_name').notNull(),
    /** The type found in the content (not the one the client declared). */
    mime: text('mime').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    scanStatus: text('scan_status', { enum: ['clean', 'not_scanned'] }).notNull(),
  },
  (t) => [
    tenantKey(t),
    index('files_org_owner_idx').on(t.orgId, t.ownerAccountId),
    index('files_org_purpose_idx').on(t.orgId, t.purpose),
  ],
);

export type FileRow = typeof files.$inferSelect;
