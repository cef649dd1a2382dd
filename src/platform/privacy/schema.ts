import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/schema.ts';
import { newId } from '../db/ids.ts';
import { organisations } from '../orgs/schema.ts';

// Installation-wide ledger (append-only): each grant or withdrawal with the exact text shown.
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Null for installation-wide purposes; an organisation for its own (e.g. its newsletter). */
    orgId: uuid('org_id').references(() => organisations.id),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    textShown: text('text_shown').notNull(),
    textVersion: text('text_version').notNull(),
    locale: text('locale').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_account_idx').on(t.accountId, t.purpose, t.at)],
);

// Installation-wide: requests to delete one's data, handled by the privacy officer before a deadline.
export const deletionRequests = pgTable(
  'deletion_requests',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    reason: text('reason'),
    status: text('status', { enum: ['open', 'completed', 'refused'] })
      .notNull()
      .default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    handledBy: uuid('handled_by').references(() => accounts.id, { onDelete: 'set null' }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    response: text('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('deletion_requests_status_idx').on(t.status, t.dueAt),
    index('deletion_requests_account_idx').on(t.accountId, t.createdAt),
    // At most one open request per account, enforced by the database so two clicks cannot make two.
    uniqueIndex('deletion_requests_one_open_key').on(t.accountId).where(sql`status = 'open'`),
  ],
);
