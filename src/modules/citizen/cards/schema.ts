import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { households, persons } from '../../../platform/people/schema.ts';

// Tenant-owned: a citizen card, one active per person and town; a replaced or revoked number stays
// here (status `revoked`) so that the counter can say why it no longer works.
export const cards = pgTable(
  'citizen_cards',
  {
    ...tenantColumns(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** 14 digits: the town's 5-digit geographic code, an 8-digit serial, a Luhn check digit. */
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
    status: text('status', { enum: ['active', 'revoked'] })
      .notNull()
      .default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason', { enum: ['lost', 'moved', 'residency_ended', 'renewed'] }),
    revokedByAccountId: uuid('revoked_by_account_id').references(() => accounts.id),
    replacesCardId: uuid('replaces_card_id'),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('citizen_cards_number_key').on(t.orgId, t.number),
    uniqueIndex('citizen_cards_active_key').on(t.orgId, t.personId).where(sql`${t.status} = 'active'`),
    index('citizen_cards_household_idx').on(t.orgId, t.householdId),
  ],
);

export type CardRow = typeof cards.$inferSelect;
