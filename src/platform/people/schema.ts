import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/schema.ts';
import { newId } from '../db/ids.ts';

// Installation-wide: a household groups the people one account acts for.
export const households = pgTable('households', {
  id: uuid('id').primaryKey().$defaultFn(newId),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// Installation-wide: people, with or without an account (a child has none).
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** Set for the person who owns an account; null for dependants. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    role: text('role', { enum: ['guardian', 'dependant'] }).notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One account is one person: the unique key stops a double click from making two selves.
  (t) => [
    index('persons_household_idx').on(t.householdId),
    uniqueIndex('persons_account_key').on(t.accountId),
  ],
);
