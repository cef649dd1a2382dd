import { asc, count, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { type DeletionRequestView, toDeletionRequestView } from './deletion-request-view.ts';
import { deletionRequests } from './schema.ts';

/** A deletion request as the privacy officer sees it: who asked, and in which language to answer. */
export interface AdminDeletionRequestView extends DeletionRequestView {
  accountId: string | null;
  email: string;
  name: string | null;
  locale: string | null;
}

/** Deletion requests for installation administrators, the nearest deadline first. */
export async function listDeletionRequests(options: {
  db: Executor;
  auth: AuthContext | null;
  query: PageQuery & { status?: 'open' | 'completed' | 'refused' };
}): Promise<{ items: AdminDeletionRequestView[]; page: number; perPage: number; total: number }> {
  requireInstallationAdmin(options.auth);
  const where = options.query.status ? eq(deletionRequests.status, options.query.status) : undefined;
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const rows = await options.db
    .select({
      request: deletionRequests,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
      locale: accounts.locale,
    })
    .from(deletionRequests)
    .leftJoin(accounts, eq(accounts.id, deletionRequests.accountId))
    .where(where)
    .orderBy(asc(deletionRequests.dueAt), asc(deletionRequests.id))
    .limit(limit)
    .offset(offset);
  const [total] = await options.db.select({ n: count() }).from(deletionRequests).where(where);
  return {
    items: rows.map((r) => ({
      ...toDeletionRequestView(r.request),
      accountId: r.request.accountId,
      email: r.request.email,
      name: r.givenName === null ? null : `${r.givenName} ${r.familyName ?? ''}`.trim(),
      locale: r.locale,
    })),
    page,
    perPage,
    total: total?.n ?? 0,
  };
}
