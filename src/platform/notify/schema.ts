import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../db/ids.ts';

// E-mail messages and their delivery record. With no SMTP configured the outbox is where they land,
// readable by administrators. `org_id` is null for installation messages (sign-up, codes).
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    orgId: uuid('org_id'),
    toAddress: text('to_address').notNull(),
    locale: text('locale', { enum: ['fr', 'en'] }).notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed', 'bounced'] })
      .notNull()
      .default('queued'),
    /** `outbox` when no SMTP server is configured, `smtp` otherwise. */
    transport: text('transport'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_messages_org_created_idx').on(t.orgId, t.createdAt),
    index('email_messages_to_idx').on(t.toAddress),
  ],
);
