import { count, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { type DeletionRequestView, toDeletionRequestView } from './deletion-request-view.ts';
import { deletionRequests } from './schema.ts';

/** The signed-in person's own deletion requests, newest first. */
export async function listOwnDeletionRequests(options: {
  db: Executor;
  auth: AuthContext | null;
  query: PageQuery;
}): Promise<{ items: DeletionRequestView[]; page: number; perPage: number; total: number }> {
  const who = requireAccount(options.auth);
  const where = eq(deletionRequests.accountId, who.account.id);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const rows = await options.db
    .select()
    .from(deletionRequests)
    .where(where)
    .orderBy(desc(deletionRequests.createdAt), desc(deletionRequests.id))
    .limit(limit)
    .offset(offset);
  const [total] = await options.db.select({ n: count() }).from(deletionRequests).where(where);
  return { items: rows.map(toDeletionRequestView), page, perPage, total: total?.n ?? 0 };
}
