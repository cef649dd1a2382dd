import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

// Installation-wide: secrets generated on first start (the key signing download links, VAPID keys …).
// Kept in the database so every server process of an installation shares them; read through secrets.ts.
export const installationSecrets = pgTable('installation_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
