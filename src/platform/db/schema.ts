import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/** Per organisation, kind and year, the last human reference number handed out. */
export const referenceCounters = pgTable(
  'reference_counters',
  {
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.year] })],
);
