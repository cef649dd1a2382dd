import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

// Tenant-owned: a newsletter on one topic (works, recreation, culture …).
export const newsletterLists = pgTable(
  'citizen_newsletter_lists',
  {
    ...tenantColumns(() => organisations.id),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    active: boolean('active').notNull().default(true),
  },
  (t) => [tenantKey(t), index('citizen_newsletter_lists_org_idx').on(t.orgId, t.active)],
);

export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'unsubscribed'] as const;

// Tenant-owned: one person on one list — an account, or an e-mail address confirmed by double opt-in —
// with the consent as given (CASL: when, how, and the exact text shown).
export const newsletterSubscriptions = pgTable(
  'citizen_newsletter_subscriptions',
  {
    ...tenantColumns(() => organisations.id),
    listId: uuid('list_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    /** Lower-cased; set only for people without an account. */
    email: text('email'),
    locale: text('locale', { enum: ['fr', 'en'] }).notNull(),
    status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull(),
    /** SHA-256 of the confirmation token (double opt-in); cleared once confirmed. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentSource: text('consent_source', { enum: ['account', 'web_form'] }).notNull(),
    consentText: text('consent_text').notNull(),
    consentVersion: text('consent_version').notNull(),
    consentLocale: text('consent_locale', { enum: ['fr', 'en'] }).notNull(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('citizen_newsletter_subscriptions_account_idx')
      .on(t.orgId, t.listId, t.accountId)
      .where(sql`${t.accountId} IS NOT NULL`),
    uniqueIndex('citizen_newsletter_subscriptions_email_idx')
      .on(t.orgId, t.listId, t.email)
      .where(sql`${t.email} IS NOT NULL`),
    uniqueIndex('citizen_newsletter_subscriptions_confirm_idx').on(t.orgId, t.confirmTokenHash),
    index('citizen_newsletter_subscriptions_list_idx').on(t.orgId, t.listId, t.status),
    foreignKey({ columns: [t.orgId, t.listId], foreignColumns: [newsletterLists.orgId, newsletterLists.id] }),
  ],
);

export const ISSUE_STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const;

// Tenant-owned: one issue of a newsletter, written in both languages (Markdown: rich text without raw HTML).
export const newsletterIssues = pgTable(
  'citizen_newsletter_issues',
  {
    ...tenantColumns(() => organisations.id),
    listId: uuid('list_id').notNull(),
    subjectFr: text('subject_fr').notNull(),
    subjectEn: text('subject_en').notNull(),
    bodyFr: text('body_fr').notNull(),
    bodyEn: text('body_en').notNull(),
    status: text('status', { enum: ISSUE_STATUSES }).notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The platform mass send of the account subscribers (address subscribers are counted on it too). */
    campaignId: uuid('campaign_id'),
    recipients: integer('recipients').notNull().default(0),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    index('citizen_newsletter_issues_list_idx').on(t.orgId, t.listId, t.sentAt),
    index('citizen_newsletter_issues_due_idx').on(t.orgId, t.status, t.scheduledAt),
    foreignKey({ columns: [t.orgId, t.listId], foreignColumns: [newsletterLists.orgId, newsletterLists.id] }),
  ],
);

export type IssueRow = typeof newsletterIssues.$inferSelect;
