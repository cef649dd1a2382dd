import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { staffPageView } from './page-view.ts';
import { findRegion, requireSiteStaff } from './policies.ts';
import { sitePageRevisions, sitePages } from './schema.ts';

/**
 * Publishes a revision of a page (the latest when none is named): from then on it is what the public sees.
 * Publishing an older revision is how a page is rolled back on the public site.
 */
export async function publishPage(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  pageId: string;
  revision?: number;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, pageId } = options;
  const region = await findRegion(db, orgId);
  return db.transaction(async (tx) => {
    const [page] = await tx
      .select()
      .from(sitePages)
      .where(inOrg(sitePages, orgId, eq(sitePages.id, pageId)))
      .for('update');
    if (!page) throw new AppError('region.page_not_found', 404);
    const number = options.revision ?? page.latestRevision;
    const [revision] = await tx
      .select()
      .from(sitePageRevisions)
      .where(
        inOrg(
          sitePageRevisions,
          orgId,
          and(eq(sitePageRevisions.pageId, pageId), eq(sitePageRevisions.number, number)),
        ),
      );
    if (!revision) throw new AppError('region.revision_not_found', 404);
    const [latest] = await tx
      .select()
      .from(sitePageRevisions)
      .where(
        inOrg(
          sitePageRevisions,
          orgId,
          and(eq(sitePageRevisions.pageId, pageId), eq(sitePageRevisions.number, page.latestRevision)),
        ),
      );
    const now = new Date();
    const [updated] = await tx
      .update(sitePages)
      .set({ publishedRevisionId: revision.id, publishedAt: page.publishedAt ?? now, updatedAt: now })
      .where(inOrg(sitePages, orgId, eq(sitePages.id, pageId)))
      .returning();
    if (!updated || !latest) throw new Error('publish returned no row');
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'region.page_published',
      targetType: 'site_page',
      targetId: pageId,
      ip: options.ip ?? null,
      details: { revision: number, slug: page.slug },
    });
    return staffPageView(region.slug, updated, latest, number);
  });
}

/** Takes a page off the public site (its revisions stay). */
export async function unpublishPage(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  pageId: string;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, pageId } = options;
  const region = await findRegion(db, orgId);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(sitePages)
      .set({ publishedRevisionId: null, publishedAt: null, updatedAt: new Date() })
      .where(inOrg(sitePages, orgId, eq(sitePages.id, pageId)))
      .returning();
    if (!updated) throw new AppError('region.page_not_found', 404);
    const [latest] = await tx
      .select()
      .from(sitePageRevisions)
      .where(
        inOrg(
          sitePageRevisions,
          orgId,
          and(eq(sitePageRevisions.pageId, pageId), eq(sitePageRevisions.number, updated.latestRevision)),
        ),
      );
    if (!latest) throw new Error('page without revision');
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'region.page_unpublished',
      targetType: 'site_page',
      targetId: pageId,
      ip: options.ip ?? null,
      details: { slug: updated.slug },
    });
    return staffPageView(region.slug, updated, latest, null);
  });
}
