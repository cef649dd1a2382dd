import {
  boolean,
  date,
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
import { files } from '../../../platform/files/schema.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

/** What a content item is: a page of the site (Vivre ici…), a news item or an event. */
export const PAGE_KINDS = ['page', 'news', 'event'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

// Tenant-owned (the MRC): one item of the regional site. Its text lives in revisions; the public only ever
// reads the revision named by `published_revision_id`, so a draft can never leak.
export const sitePages = pgTable(
  'site_pages',
  {
    ...tenantColumns(() => organisations.id),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: PAGE_KINDS }).notNull(),
    /** The slug of the section page this page sits under in the menu (null: top level). */
    section: text('section'),
    inMenu: boolean('in_menu').notNull().default(false),
    menuOrder: integer('menu_order').notNull().default(0),
    latestRevision: integer('latest_revision').notNull().default(0),
    publishedRevisionId: uuid('published_revision_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('site_pages_slug_idx').on(t.orgId, t.slug),
    index('site_pages_kind_idx').on(t.orgId, t.kind, t.publishedAt),
  ],
);

// Tenant-owned: every saved version of a page's content (append-only), both languages together.
export const sitePageRevisions = pgTable(
  'site_page_revisions',
  {
    ...tenantColumns(() => organisations.id),
    pageId: uuid('page_id').notNull(),
    number: integer('number').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    summaryFr: text('summary_fr').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    /** Markdown, rendered with raw HTML disabled (see markdown.ts). */
    bodyFr: text('body_fr').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    imageFileId: uuid('image_file_id'),
    imageAltFr: text('image_alt_fr'),
    imageAltEn: text('image_alt_en'),
    eventStartsAt: timestamp('event_starts_at', { withTimezone: true }),
    eventEndsAt: timestamp('event_ends_at', { withTimezone: true }),
    eventLocation: text('event_location'),
    eventAddress: text('event_address'),
    note: text('note'),
    restoredFrom: integer('restored_from'),
    authorAccountId: uuid('author_account_id').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'site_page_revisions_page_fk',
      columns: [t.orgId, t.pageId],
      foreignColumns: [sitePages.orgId, sitePages.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'site_page_revisions_image_fk',
      columns: [t.orgId, t.imageFileId],
      foreignColumns: [files.orgId, files.id],
    }),
    uniqueIndex('site_page_revisions_number_idx').on(t.orgId, t.pageId, t.number),
  ],
);

// Tenant-owned: visits counted per day and path, nothing about the visitor (no cookie, no IP, no tracker).
export const sitePageViews = pgTable(
  'site_page_views',
  {
    ...tenantColumns(() => organisations.id),
    day: date('day').notNull(),
    path: text('path').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [tenantKey(t), uniqueIndex('site_page_views_day_path_idx').on(t.orgId, t.day, t.path)],
);

export type SitePage = typeof sitePages.$inferSelect;
export type SitePageRevision = typeof sitePageRevisions.$inferSelect;
