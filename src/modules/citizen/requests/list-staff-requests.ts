import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { loadStatuses } from './context.ts';
import { requireRequestStaff } from './policies.ts';
import { type StaffFilters, type StaffListItem, selectStaffRequests, staffWhere } from './staff-list.ts';

/**
 * A staff queue: the organisation's requests filtered by department, category, status, assignee,
 * lateness, confirmation, text, dates or area, paginated. Each says which target it missed, if any.
 */
export async function listStaffRequests(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  filters: StaffFilters;
  query: PageQuery;
}): Promise<{ items: StaffListItem[]; page: number; perPage: number; total: number }> {
  const { db, orgId, filters } = options;
  const who = requireRequestStaff(options.auth, orgId);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const statuses = await loadStatuses(db, orgId, { includeInactive: true });
  const { items, total } = await selectStaffRequests(db, orgId, staffWhere(orgId, who.account.id, filters), {
    limit,
    offset,
    sort: filters.sort,
    statuses,
  });
  return { items, page, perPage, total };
}
