import { count, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { loadOrg, loadStatuses } from './context.ts';
import { requestCategories, requestFollowers, serviceRequests } from './schema.ts';
import type { Phase } from './statuses.ts';
import { statusOf } from './views.ts';

/** One line of "my requests". */
export interface MyRequestItem {
  id: string;
  reference: string;
  role: 'reporter' | 'follower';
  category: Bilingual;
  status: { code: string; phase: Phase; label: Bilingual };
  createdAt: string;
  updatedAt: string;
}

/** The requests a signed-in person reported or follows in an organisation, latest activity first. */
export async function listMyRequests(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  query: PageQuery;
}): Promise<{ items: MyRequestItem[]; page: number; perPage: number; total: number }> {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  await loadOrg(db, orgId);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const mine = inOrg(requestFollowers, orgId, eq(requestFollowers.accountId, who.account.id));
  const joinRequest = inOrg(serviceRequests, orgId, eq(serviceRequests.id, requestFollowers.requestId));
  const [rows, totals, statuses] = await Promise.all([
    db
      .select({
        request: serviceRequests,
        role: requestFollowers.role,
        nameFr: requestCategories.nameFr,
        nameEn: requestCategories.nameEn,
      })
      .from(requestFollowers)
      .innerJoin(serviceRequests, joinRequest)
      .innerJoin(
        requestCategories,
        inOrg(requestCategories, orgId, eq(requestCategories.id, serviceRequests.categoryId)),
      )
      .where(mine)
      .orderBy(desc(serviceRequests.updatedAt))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(requestFollowers).where(mine),
    loadStatuses(db, orgId, { includeInactive: true }),
  ]);
  return {
    items: rows.map(({ request: r, role, nameFr, nameEn }) => ({
      id: r.id,
      reference: r.reference,
      role,
      category: { fr: nameFr, en: nameEn },
      status: statusOf(r.status, r.phase, statuses),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    page,
    perPage,
    total: Number(totals[0]?.n ?? 0),
  };
}
