import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireSiteStaff } from './policies.ts';
import { inputFromRevision, savePage } from './save-page.ts';
import { sitePageRevisions, sitePages } from './schema.ts';

/**
 * Restores an earlier revision by copying it into a new draft revision: history is never rewritten, and
 * the restored text goes public only when staff publish it.
 */
export async function restoreRevision(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  pageId: string;
  revision: number;
  ip?: string;
}) {
  requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, pageId } = options;
  const [page] = await db
    .select()
    .from(sitePages)
    .where(inOrg(sitePages, orgId, eq(sitePages.id, pageId)));
  if (!page) throw new AppError('region.page_not_found', 404);
  const [revision] = await db
    .select()
    .from(sitePageRevisions)
    .where(
      inOrg(
        sitePageRevisions,
        orgId,
        and(eq(sitePageRevisions.pageId, pageId), eq(sitePageRevisions.number, options.revision)),
      ),
    );
  if (!revision) throw new AppError('region.revision_not_found', 404);
  return savePage({
    db,
    auth: options.auth,
    orgId,
    pageId,
    input: inputFromRevision(page, revision),
    restoredFrom: revision.number,
    ip: options.ip,
  });
}
