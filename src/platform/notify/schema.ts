import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../auth/schema.ts';
import { newId } from '../db/ids.ts';
import { tenantColumns, tenantKey } from '../db/tenancy.ts';
import { organisations } from '../orgs/schema.ts';

/** A message's delivery record: waiting, handed to the transport, failed (retried), or refused for good. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'bounced'] as const;

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
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('queued'),
    /** `outbox` when no SMTP server is configured, `smtp` otherwise. */
    transport: text('transport'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Set when sent through notify(): the person, what it is about, and the mass send it belongs to. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    category: text('category'),
    campaignId: uuid('campaign_id'),
    /** The one-click unsubscribe address (List-Unsubscribe), absent on exempt messages. */
    unsubscribeUrl: text('unsubscribe_url'),
  },
  (t) => [
    index('email_messages_org_created_idx').on(t.orgId, t.createdAt),
    index('email_messages_to_idx').on(t.toAddress),
    index('email_messages_campaign_idx').on(t.campaignId, t.status).where(sql`${t.campaignId} IS NOT NULL`),
  ],
);

// Installation-wide, like e-mail: the text, push and inbox messages of notify(), one row per channel,
// each with its delivery record. `org_id` is null for installation messages.
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    orgId: uuid('org_id'),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id'),
    channel: text('channel', { enum: ['sms', 'push', 'inapp'] }).notNull(),
    category: text('category').notNull(),
    template: text('template').notNull(),
    locale: text('locale', { enum: ['fr', 'en'] }).notNull(),
    urgency: text('urgency', { enum: ['low', 'normal', 'high'] })
      .notNull()
      .default('normal'),
    /** The phone number of a text message; null for push (every device of the account) and the inbox. */
    toAddress: text('to_address'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where the message leads (push click, inbox link). */
    url: text('url'),
    unsubscribeUrl: text('unsubscribe_url'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('queued'),
    /** `twilio` or `outbox` for text messages, `webpush` for push, `inapp` for the inbox. */
    transport: text('transport'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The provider confirmed the handset received it (text messages). */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** The person opened it in their inbox. */
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_messages_org_created_idx').on(t.orgId, t.createdAt),
    index('notification_messages_inbox_idx').on(t.accountId, t.channel, t.readAt, t.createdAt),
    index('notification_messages_campaign_idx')
      .on(t.campaignId, t.status)
      .where(sql`${t.campaignId} IS NOT NULL`),
    index('notification_messages_provider_idx')
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} IS NOT NULL`),
  ],
);

// Installation-wide: a person's choice of channels for one category. No row means the defaults.
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    email: boolean('email').notNull(),
    sms: boolean('sms').notNull(),
    push: boolean('push').notNull(),
    inapp: boolean('inapp').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.category] })],
);

// Installation-wide: addresses with no account that unsubscribed (kept as a hash, never the address).
export const notificationSuppressions = pgTable(
  'notification_suppressions',
  {
    addressHash: text('address_hash').notNull(),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.addressHash, t.category, t.channel] })],
);

// Installation-wide: one browser or phone that accepts web push for an account.
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** A label the person recognises (browser and system, from the user agent). */
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
    index('push_subscriptions_account_idx').on(t.accountId),
  ],
);

// Tenant-owned: a mass send by an organisation, with its progress for the sender.
export const notificationCampaigns = pgTable(
  'notification_campaigns',
  {
    ...tenantColumns(() => organisations.id),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    urgency: text('urgency', { enum: ['low', 'normal', 'high'] })
      .notNull()
      .default('normal'),
    /** A name for the sender's list (the subject in French). */
    title: text('title').notNull(),
    /** Recipients asked for. */
    total: integer('total').notNull(),
    /** Recipients whose messages are recorded and queued so far. */
    processed: integer('processed').notNull().default(0),
    /** Messages recorded and queued (a recipient gets one per channel they chose). */
    messages: integer('messages').notNull().default(0),
    /** Recipients who chose no channel for the category, or whose account is gone. */
    skipped: integer('skipped').notNull().default(0),
  },
  (t) => [tenantKey(t), index('notification_campaigns_org_created_idx').on(t.orgId, t.createdAt)],
);
