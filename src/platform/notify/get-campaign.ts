import { eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireStaff } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { type CampaignProgress, campaignProgress } from './campaign-progress.ts';
import { notificationCampaigns } from './schema.ts';

/** A mass send's progress, for the organisation's staff. */
export async function getCampaign(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  id: string;
}): Promise<CampaignProgress> {
  requireStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select()
    .from(notificationCampaigns)
    .where(inOrg(notificationCampaigns, options.orgId, eq(notificationCampaigns.id, options.id)));
  if (!row) throw new AppError('notify.campaign_not_found', 404);
  return campaignProgress(options.db, row);
}
