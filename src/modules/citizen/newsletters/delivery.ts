import { desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { campaignProgress } from '../../../platform/notify/campaign-progress.ts';
import { emailMessages, notificationCampaigns } from '../../../platform/notify/schema.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import { newsletterIssues } from './schema.ts';

/** Progress of an issue's send and each recipient's delivery status (staff; addresses are personal data). */
export async function getIssueDelivery(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  issueId: string;
}) {
  requireParticipationStaff(options.auth, options.orgId);
  const [issue] = await options.db
    .select()
    .from(newsletterIssues)
    .where(inOrg(newsletterIssues, options.orgId, eq(newsletterIssues.id, options.issueId)));
  if (!issue) throw new AppError('newsletter.issue_not_found', 404);
  const empty = {
    total: 0,
    processed: 0,
    skipped: 0,
    messages: 0,
    queued: 0,
    sent: 0,
    failed: 0,
    bounced: 0,
    percent: 0,
    done: false,
  };
  if (!issue.campaignId) return { progress: empty, recipients: [] };
  const [campaign] = await options.db
    .select()
    .from(notificationCampaigns)
    .where(inOrg(notificationCampaigns, options.orgId, eq(notificationCampaigns.id, issue.campaignId)));
  if (!campaign) return { progress: empty, recipients: [] };
  const progress = await campaignProgress(options.db, campaign);
  const rows = await options.db
    .select({
      to: emailMessages.toAddress,
      status: emailMessages.status,
      sentAt: emailMessages.sentAt,
      error: emailMessages.lastError,
    })
    .from(emailMessages)
    .where(eq(emailMessages.campaignId, campaign.id))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1000);
  return {
    progress: {
      total: progress.total,
      processed: progress.processed,
      skipped: progress.skipped,
      messages: progress.messages,
      queued: progress.queued,
      sent: progress.sent,
      failed: progress.failed,
      bounced: progress.bounced,
      percent: progress.percent,
      done: progress.done,
    },
    recipients: rows.map((r) => ({
      to: r.to,
      status: r.status,
      sentAt: r.sentAt?.toISOString() ?? null,
      error: r.error,
    })),
  };
}
