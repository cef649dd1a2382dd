import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { staffPageView } from './page-view.ts';
import { findRegion, requireSiteStaff } from './policies.ts';
import { sitePageRevisions, sitePages } from './schema.ts';

/** Every page, news item and event of the site with its latest revision, for staff. */
export async function listStaffPages(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  kind?: 'page' | 'news' | 'event';
}) {
  requireSiteStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const region = await findRegion(db, orgId);
  const pages = await db
    .select()
    .from(sitePages)
    .where(inOrg(sitePages, orgId, options.kind ? eq(sitePages.kind, options.kind) : undefined))
    .orderBy(asc(sitePages.kind), asc(sitePages.menuOrder), asc(sitePages.slug));
  if (pages.length === 0) return { items: [] };
  const revisions = await db
    .select()
    .from(sitePageRevisions)
    .where(
      inOrg(
        sitePageRevisions,
        orgId,
        inArray(
          sitePageRevisions.pageId,
          pages.map((p) => p.id),
        ),
      ),
    );
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const latest = new Map(
    revisions
      .filter((r) => pages.some((p) => p.id === r.pageId && p.latestRevision === r.number))
      .map((r) => [r.pageId, r]),
  );
  return {
    items: pages.flatMap((p) => {
      const draft = latest.get(p.id);
      if (!draft) return [];
      return [
        staffPageView(
          region.slug,
          p,
          draft,
          p.publishedRevisionId ? (byId.get(p.publishedRevisionId)?.number ?? null) : null,
        ),
      ];
    }),
  };
}

/** One page for its editor, with the list of its revisions (newest first). */
export async function getStaffPage(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  pageId: string;
}) {
  requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, pageId } = options;
  const region = await findRegion(db, orgId);
  const [page] = await db
    .select()
    .from(sitePages)
    .where(inOrg(sitePages, orgId, eq(sitePages.id, pageId)));
  if (!page) throw new AppError('region.page_not_found', 404);
  const revisions = await db
    .select({ r: sitePageRevisions, givenName: accounts.givenName, familyName: accounts.familyName })
    .from(sitePageRevisions)
    .leftJoin(accounts, eq(accounts.id, sitePageRevisions.authorAccountId))
    .where(inOrg(sitePageRevisions, orgId, eq(sitePageRevisions.pageId, pageId)))
    .orderBy(desc(sitePageRevisions.number));
  const latest = revisions.find((x) => x.r.number === page.latestRevision)?.r;
  if (!latest) throw new Error('page without revision');
  const publishedNumber = revisions.find((x) => x.r.id === page.publishedRevisionId)?.r.number ?? null;
  return {
    page: staffPageView(region.slug, page, latest, publishedNumber),
    revisions: revisions.map(({ r, givenName, familyName }) => ({
      number: r.number,
      createdAt: r.createdAt.toISOString(),
      author: givenName ? `${givenName} ${familyName ?? ''}`.trim() : null,
      note: r.note,
      restoredFrom: r.restoredFrom,
      published: r.id === page.publishedRevisionId,
      titleFr: r.titleFr,
    })),
  };
}

/** One stored revision of a page (staff), e.g. to preview or compare before restoring. */
export async function getRevision(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  pageId: string;
  revision: number;
}) {
  requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, pageId } = options;
  const [page] = await db
    .select()
    .from(sitePages)
    .where(inOrg(sitePages, orgId, eq(sitePages.id, pageId)));
  if (!page) throw new AppError('region.page_not_found', 404);
  const [r] = await db
    .select()
    .from(sitePageRevisions)
    .where(
      inOrg(
        sitePageRevisions,
        orgId,
        and(eq(sitePageRevisions.pageId, pageId), eq(sitePageRevisions.number, options.revision)),
      ),
    );
  if (!r) throw new AppError('region.revision_not_found', 404);
  return { page, revision: r };
}
