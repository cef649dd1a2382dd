import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Category, Urgency } from './categories.ts';
import { enqueueNotification, priorityOf } from './notify.ts';
import { loadAccountRecipients } from './recipients.ts';
import { type RecordedMessage, recordNotifications } from './record-notifications.ts';
import { emailMessages, notificationCampaigns, notificationMessages } from './schema.ts';
import { notifySettings } from './settings.ts';

/** The queue of mass-send batches: each job records and enqueues the messages of a batch of recipients. */
export const CAMPAIGN_BATCH_QUEUE = 'notify.campaign-batch';
/** Recipients per batch job: large enough to insert in bulk, small enough to retry cheaply. */
export const CAMPAIGN_BATCH_SIZE = 500;

/** A mass send: one notification to many accounts of an organisation's audience. */
export interface NotifyManyRequest {
  orgId: string;
  accountIds: readonly string[];
  category: Category;
  template: string;
  params: Record<string, unknown>;
  urgency?: Urgency;
  /** How the sender finds it in their list. */
  title: string;
  createdBy?: string | null;
}

/**
 * Starts a mass send: records a campaign (whose progress the sender reads) and enqueues one job per
 * batch of recipients, each of which fans out to one delivery job per message. Returns at once, so
 * sending to 10,000 people does not hold the sender's request.
 */
export async function notifyMany(
  ctx: { db: Executor; jobs: JobQueue },
  request: NotifyManyRequest,
): Promise<{ campaignId: string; total: number }> {
  const ids = [...new Set(request.accountIds)];
  const urgency = request.urgency ?? (request.category === 'emergency' ? 'high' : 'normal');
  const [campaign] = await ctx.db
    .insert(notificationCampaigns)
    .values({
      orgId: request.orgId,
      createdBy: request.createdBy ?? null,
      category: request.category,
      template: request.template,
      params: request.params,
      urgency,
      title: request.title,
      total: ids.length,
    })
    .returning({ id: notificationCampaigns.id });
  if (!campaign) throw new Error('campaign insert returned no row');
  const batches: Array<{ data: object; priority: number }> = [];
  for (let i = 0; i < ids.length; i += CAMPAIGN_BATCH_SIZE) {
    batches.push({
      data: {
        orgId: request.orgId,
        campaignId: campaign.id,
        accountIds: ids.slice(i, i + CAMPAIGN_BATCH_SIZE),
      },
      priority: priorityOf(urgency),
    });
  }
  await ctx.jobs.sendMany(CAMPAIGN_BATCH_QUEUE, batches);
  return { campaignId: campaign.id, total: ids.length };
}

/** The recipients of a batch already recorded by an earlier attempt, and their messages still queued. */
async function alreadyRecorded(
  db: Executor,
  campaignId: string,
  accountIds: string[],
): Promise<{ accounts: Set<string>; queued: RecordedMessage[] }> {
  const [emails, others] = await Promise.all([
    db
      .select({ id: emailMessages.id, accountId: emailMessages.accountId, status: emailMessages.status })
      .from(emailMessages)
      .where(and(eq(emailMessages.campaignId, campaignId), inArray(emailMessages.accountId, accountIds))),
    db
      .select({
        id: notificationMessages.id,
        accountId: notificationMessages.accountId,
        status: notificationMessages.status,
        channel: notificationMessages.channel,
      })
      .from(notificationMessages)
      .where(
        and(
          eq(notificationMessages.campaignId, campaignId),
          inArray(notificationMessages.accountId, accountIds),
        ),
      ),
  ]);
  const accounts = new Set([...emails, ...others].map((r) => r.accountId).filter((id): id is string => !!id));
  // The earlier attempt may have stopped between recording and enqueuing: enqueue those again (a
  // message already sent is skipped by its delivery).
  const queued: RecordedMessage[] = [
    ...emails.filter((m) => m.status === 'queued').map((m) => ({ channel: 'email' as const, id: m.id })),
    ...others.filter((m) => m.status === 'queued').map((m) => ({ channel: m.channel, id: m.id })),
  ];
  return { accounts, queued };
}

/**
 * One batch of a mass send: records the messages of its recipients and counts them on the campaign in
 * one transaction, then enqueues their deliveries. A retried batch skips the recipients it already
 * recorded, so nobody gets the message twice.
 */
export async function runCampaignBatch(options: {
  db: Database;
  jobs: JobQueue;
  orgId: string;
  campaignId: string;
  accountIds: string[];
}): Promise<void> {
  const { db, jobs, orgId, campaignId } = options;
  const settings = notifySettings(jobs);
  let messages: RecordedMessage[] = [];
  let urgency: Urgency = 'normal';
  await db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(notificationCampaigns)
      .where(inOrg(notificationCampaigns, orgId, eq(notificationCampaigns.id, campaignId)));
    if (!campaign) return;
    urgency = campaign.urgency;
    const done = await alreadyRecorded(tx, campaignId, options.accountIds);
    messages = done.queued;
    const pending = options.accountIds.filter((id) => !done.accounts.has(id));
    if (pending.length === 0) return;
    const category = campaign.category as Category;
    const found = await loadAccountRecipients(tx, pending, category);
    const recorded = await recordNotifications(
      tx,
      settings,
      { orgId, category, template: campaign.template, params: campaign.params, urgency, campaignId },
      [...found.values()],
    );
    messages = [...messages, ...recorded.messages];
    const skipped = recorded.skipped + (pending.length - found.size);
    await tx
      .update(notificationCampaigns)
      .set({
        processed: sql`${notificationCampaigns.processed} + ${pending.length}`,
        messages: sql`${notificationCampaigns.messages} + ${recorded.messages.length}`,
        skipped: sql`${notificationCampaigns.skipped} + ${skipped}`,
      })
      .where(inOrg(notificationCampaigns, orgId, eq(notificationCampaigns.id, campaignId)));
  });
  await enqueueNotification(jobs, { messages, urgency });
}
