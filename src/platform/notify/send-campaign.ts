import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireRole } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Category, Urgency } from './categories.ts';
import { STAFF_MESSAGE, type StaffMessageParams } from './notification-templates.ts';
import { notifyMany } from './notify-many.ts';

/** What an administrator writes for a mass send. */
export interface CampaignInput {
  category: Category;
  urgency?: Urgency;
  subject: { fr: string; en: string };
  body: { fr: string; en: string };
  url?: string;
  accountIds: string[];
}

/**
 * An organisation administrator sends a bilingual message to an audience of accounts (modules build
 * richer audiences and call notifyMany themselves). Account messages are transactional and not for
 * mass sends. Recorded in the audit log.
 */
export async function sendCampaign(options: {
  db: Executor;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: CampaignInput;
}): Promise<{ id: string; total: number }> {
  const who = requireRole(options.auth, options.orgId, ['admin']);
  const { input } = options;
  if (input.category === 'account') throw new AppError('notify.campaign_category_refused', 422);
  const params: StaffMessageParams = { subject: input.subject, body: input.body, url: input.url };
  const { campaignId, total } = await notifyMany(options, {
    orgId: options.orgId,
    accountIds: input.accountIds,
    category: input.category,
    template: STAFF_MESSAGE,
    params,
    urgency: input.urgency,
    title: input.subject.fr,
    createdBy: who.account.id,
  });
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'notify.campaign_sent',
    targetType: 'notification_campaign',
    targetId: campaignId,
    ip: options.ip,
    details: { category: input.category, total },
  });
  return { id: campaignId, total };
}
