import { count } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireStaff } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { type CampaignProgress, campaignOrder, campaignProgress } from './campaign-progress.ts';
import { notificationCampaigns } from './schema.ts';

/** An organisation's mass sends, newest first, each with its progress. */
export async function listCampaigns(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  query: PageQuery;
}): Promise<{ items: CampaignProgress[]; page: number; perPage: number; total: number }> {
  requireStaff(options.auth, options.orgId);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const where = inOrg(notificationCampaigns, options.orgId);
  const [rows, [total]] = await Promise.all([
    options.db
      .select()
      .from(notificationCampaigns)
      .where(where)
      .orderBy(...campaignOrder)
      .limit(limit)
      .offset(offset),
    options.db.select({ n: count() }).from(notificationCampaigns).where(where),
  ]);
  const items: CampaignProgress[] = [];
  for (const row of rows) items.push(await campaignProgress(options.db, row));
  return { items, page, perPage, total: total?.n ?? 0 };
}
