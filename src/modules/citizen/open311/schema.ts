import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

// Tenant-owned: keys of outside applications posting requests through Open311. Only a SHA-256 of the
// secret is kept; the key itself is shown once, when it is created.
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    ...tenantColumns(() => organisations.id),
    name: text('name').notNull(),
    /** The key's public part, to find it without scanning (`o311_<prefix>_<secret>`). */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** Requests allowed per minute with this key. */
    ratePerMinute: integer('rate_per_minute').notNull().default(60),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }),
    windowCount: integer('window_count').notNull().default(0),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('open311_api_keys_org_prefix_key').on(t.orgId, t.prefix),
    index('open311_api_keys_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

export type ApiKeyRow = typeof open311ApiKeys.$inferSelect;
