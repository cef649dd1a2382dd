import { and, asc, desc, eq, gte, isNotNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PageKind, SitePage, SitePageRevision } from './schema.ts';
import { sitePageRevisions, sitePages, sitePageViews } from './schema.ts';

/** A published item with the revision the public sees (never a draft). */
export interface PublishedItem {
  page: SitePage;
  revision: SitePageRevision;
}

function published(db: Database, orgId: string, ...conditions: Array<SQL | undefined>) {
  return db
    .select({ page: sitePages, revision: sitePageRevisions })
    .from(sitePages)
    .innerJoin(
      sitePageRevisions,
      and(
        eq(sitePageRevisions.orgId, sitePages.orgId),
        eq(sitePageRevisions.id, sitePages.publishedRevisionId),
      ),
    )
    .where(inOrg(sitePages, orgId, isNotNull(sitePages.publishedRevisionId), ...conditions));
}

/** The published item of that kind and slug, or 404 (a page never published does not exist for the public). */
export async function getPublishedItem(
  db: Database,
  orgId: string,
  kind: PageKind,
  slug: string,
): Promise<PublishedItem> {
  const [row] = await published(db, orgId, eq(sitePages.kind, kind), eq(sitePages.slug, slug));
  if (!row) throw new AppError('region.page_not_found', 404);
  return row;
}

/** The menu: published pages marked for it, top level first, each with its sub-pages. */
export async function siteMenu(db: Database, orgId: string) {
  const rows = await published(db, orgId, eq(sitePages.kind, 'page'), eq(sitePages.inMenu, true)).orderBy(
    asc(sitePages.menuOrder),
    asc(sitePages.slug),
  );
  const top = rows.filter((r) => !r.page.section || !rows.some((p) => p.page.slug === r.page.section));
  return top.map((t) => ({
    item: t,
    children: rows.filter((r) => r.page.section === t.page.slug && r !== t),
  }));
}

/** The sub-pages of a section page. */
export async function sectionChildren(
  db: Database,
  orgId: string,
  sectionSlug: string,
): Promise<PublishedItem[]> {
  return published(db, orgId, eq(sitePages.kind, 'page'), eq(sitePages.section, sectionSlug)).orderBy(
    asc(sitePages.menuOrder),
    asc(sitePages.slug),
  );
}

/** Published news, newest first. */
export async function listNews(db: Database, orgId: string, limit = 20): Promise<PublishedItem[]> {
  return published(db, orgId, eq(sitePages.kind, 'news')).orderBy(desc(sitePages.publishedAt)).limit(limit);
}

/** Published events that have not ended yet, soonest first. */
export async function listUpcomingEvents(
  db: Database,
  orgId: string,
  now: Date,
  limit = 50,
): Promise<PublishedItem[]> {
  return published(
    db,
    orgId,
    eq(sitePages.kind, 'event'),
    or(
      gte(sitePageRevisions.eventEndsAt, now),
      and(sql`${sitePageRevisions.eventEndsAt} is null`, gte(sitePageRevisions.eventStartsAt, now)),
    ),
  )
    .orderBy(asc(sitePageRevisions.eventStartsAt))
    .limit(limit);
}

/** Every published item (for the sitemap). */
export async function listAllPublished(db: Database, orgId: string): Promise<PublishedItem[]> {
  return published(db, orgId).orderBy(asc(sitePages.kind), asc(sitePages.slug));
}

/** Whether a published revision shows this image (public pages may show it; drafts may not leak it). */
export async function isPublishedImage(db: Database, orgId: string, fileId: string): Promise<boolean> {
  const token = `%image:${fileId}%`;
  const [row] = await published(
    db,
    orgId,
    or(
      eq(sitePageRevisions.imageFileId, fileId),
      like(sitePageRevisions.bodyFr, token),
      like(sitePageRevisions.bodyEn, token),
    ),
  ).limit(1);
  return !!row;
}

const BOT = /bot|crawl|spider|slurp|facebookexternalhit|preview/i;

/**
 * Counts one visit of a public path for today (Quebec time). No cookie, no address, no identifier: only a
 * counter per day and path, so staff see trends without tracking anyone. Robots are not counted.
 */
export async function recordVisit(
  db: Database,
  orgId: string,
  path: string,
  userAgent: string | undefined,
  now = new Date(),
): Promise<void> {
  if (!userAgent || BOT.test(userAgent)) return;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(now);
  await db
    .insert(sitePageViews)
    .values({ orgId, day, path: path.slice(0, 300), views: 1 })
    .onConflictDoUpdate({
      target: [sitePageViews.orgId, sitePageViews.day, sitePageViews.path],
      set: { views: sql`${sitePageViews.views} + 1` },
    });
}
