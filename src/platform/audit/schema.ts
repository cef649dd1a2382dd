import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../db/ids.ts';

// Append-only log of staff actions and of staff access to personal data. `org_id` is null only for
// installation-level actions (organisations, partnerships, privacy requests).
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    orgId: uuid('org_id'),
    actorAccountId: uuid('actor_account_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** The person whose personal data was read or changed, when there is one. */
    subjectAccountId: uuid('subject_account_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_org_at_idx').on(t.orgId, t.at),
    index('audit_log_subject_idx').on(t.subjectAccountId),
  ],
);
