import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { enqueueNotification } from '../../../platform/notify/notify.ts';
import { CAMPAIGN_BATCH_SIZE, notifyMany } from '../../../platform/notify/notify-many.ts';
import { loadAddressRecipient } from '../../../platform/notify/recipients.ts';
import { type RecordedMessage, recordNotifications } from '../../../platform/notify/record-notifications.ts';
import { emailMessages, notificationCampaigns } from '../../../platform/notify/schema.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import { type IssueView, issueParams, toIssueView } from './issues.ts';
import { type IssueRow, newsletterIssues, newsletterSubscriptions } from './schema.ts';
import { NEWSLETTER_ISSUE } from './templates.ts';
import { unsubscribeToken } from './tokens.ts';

/** The queue of batches of subscribers without an account (account subscribers go through notifyMany). */
export const ADDRESS_BATCH_QUEUE = 'citizen.newsletter-address-batch';
/** The minute job that sends scheduled issues whose time has come. */
export const DUE_ISSUES_QUEUE = 'citizen.newsletter-due';

/**
 * Sends an issue to its list: claims it with one conditional UPDATE (a double click or the scheduler
 * racing staff sends it once), then hands the account subscribers to the platform's mass send (their
 * newsletter channel choices and one-click unsubscribe apply) and queues the address subscribers in
 * batches counted on the same campaign, so the sender follows one progress bar.
 */
export async function dispatchIssue(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  orgId: string;
  issueId: string;
  from: ReadonlyArray<IssueRow['status']>;
}): Promise<IssueRow | null> {
  const { db, orgId } = options;
  const [claimed] = await db
    .update(newsletterIssues)
    .set({ status: 'sending' })
    .where(
      inOrg(
        newsletterIssues,
        orgId,
        eq(newsletterIssues.id, options.issueId),
        inArray(newsletterIssues.status, [...options.from]),
      ),
    )
    .returning();
  if (!claimed) return null;
  const subscribers = await db
    .select({ id: newsletterSubscriptions.id, accountId: newsletterSubscriptions.accountId })
    .from(newsletterSubscriptions)
    .where(
      inOrg(
        newsletterSubscriptions,
        orgId,
        eq(newsletterSubscriptions.listId, claimed.listId),
        eq(newsletterSubscriptions.status, 'active'),
      ),
    );
  const accountIds = subscribers.flatMap((s) => (s.accountId ? [s.accountId] : []));
  const addressIds = subscribers.filter((s) => !s.accountId).map((s) => s.id);
  const params = await issueParams(db, options.publicUrl, claimed);
  const { campaignId } = await notifyMany(options, {
    orgId,
    accountIds,
    category: 'newsletters',
    template: NEWSLETTER_ISSUE,
    params,
    urgency: 'low',
    title: claimed.subjectFr,
    createdBy: claimed.createdBy,
  });
  if (addressIds.length > 0) {
    await db
      .update(notificationCampaigns)
      .set({ total: sql`${notificationCampaigns.total} + ${addressIds.length}` })
      .where(inOrg(notificationCampaigns, orgId, eq(notificationCampaigns.id, campaignId)));
    const batches = [];
    for (let i = 0; i < addressIds.length; i += CAMPAIGN_BATCH_SIZE) {
      batches.push({
        data: {
          orgId,
          issueId: claimed.id,
          campaignId,
          subscriptionIds: addressIds.slice(i, i + CAMPAIGN_BATCH_SIZE),
        },
        priority: -10,
      });
    }
    await options.jobs.sendMany(ADDRESS_BATCH_QUEUE, batches);
  }
  const [sent] = await db
    .update(newsletterIssues)
    .set({ status: 'sent', sentAt: new Date(), campaignId, recipients: subscribers.length })
    .where(inOrg(newsletterIssues, orgId, eq(newsletterIssues.id, claimed.id)))
    .returning();
  return sent ?? claimed;
}

/** Staff send a draft or scheduled issue now. Audited. */
export async function sendIssueNow(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  issueId: string;
}): Promise<IssueView> {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const sent = await dispatchIssue({ ...options, from: ['draft', 'scheduled'] });
  if (!sent) throw new AppError('newsletter.issue_not_draft', 409);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.newsletter_issue_sent',
    targetType: 'citizen_newsletter_issue',
    targetId: sent.id,
    ip: options.ip,
    details: { recipients: sent.recipients },
  });
  return toIssueView(sent);
}

/** Sends every scheduled issue whose time has come (all organisations: the scheduler's sweep). */
export async function sendDueIssues(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
}): Promise<number> {
  const due = await options.db
    .select({ orgId: newsletterIssues.orgId, id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.status, 'scheduled'), lte(newsletterIssues.scheduledAt, new Date())));
  let sent = 0;
  for (const issue of due) {
    if (await dispatchIssue({ ...options, orgId: issue.orgId, issueId: issue.id, from: ['scheduled'] }))
      sent++;
  }
  return sent;
}

/**
 * One batch of subscribers without an account: each gets the issue with their own one-click link to
 * leave the list; addresses that unsubscribed from all newsletters (platform suppression) get nothing.
 * Recorded and counted in one transaction; a retried batch skips the addresses already recorded.
 */
export async function runAddressBatch(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  orgId: string;
  issueId: string;
  campaignId: string;
  subscriptionIds: string[];
}): Promise<void> {
  const { db, orgId } = options;
  const settings = notifySettings(options.jobs);
  let messages: RecordedMessage[] = [];
  await db.transaction(async (tx) => {
    const [issue] = await tx
      .select()
      .from(newsletterIssues)
      .where(inOrg(newsletterIssues, orgId, eq(newsletterIssues.id, options.issueId)));
    if (!issue) return;
    const subs = await tx
      .select()
      .from(newsletterSubscriptions)
      .where(
        inOrg(newsletterSubscriptions, orgId, inArray(newsletterSubscriptions.id, options.subscriptionIds)),
      );
    const done = await tx
      .select({ to: emailMessages.toAddress })
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.campaignId, options.campaignId),
          inArray(
            emailMessages.toAddress,
            subs.map((s) => s.email ?? ''),
          ),
        ),
      );
    const already = new Set(done.map((d) => d.to));
    const params = await issueParams(tx, options.publicUrl, issue);
    const org = await getOrganisation({ db: tx, idOrSlug: orgId });
    let processed = 0;
    let skipped = 0;
    for (const sub of subs) {
      if (!sub.email || already.has(sub.email)) continue;
      processed++;
      if (sub.status !== 'active') {
        skipped++;
        continue;
      }
      const recipient = await loadAddressRecipient(
        tx,
        { email: sub.email, locale: sub.locale },
        'newsletters',
      );
      const token = await unsubscribeToken(tx, sub.id);
      const recorded = await recordNotifications(
        tx,
        settings,
        {
          orgId,
          category: 'newsletters',
          template: NEWSLETTER_ISSUE,
          params: {
            ...params,
            listUrl: `${options.publicUrl}/${org.slug}/infolettres/desabonner?token=${token}`,
          },
          urgency: 'low',
          campaignId: options.campaignId,
        },
        [recipient],
      );
      skipped += recorded.skipped;
      messages = [...messages, ...recorded.messages];
    }
    await tx
      .update(notificationCampaigns)
      .set({
        processed: sql`${notificationCampaigns.processed} + ${processed}`,
        messages: sql`${notificationCampaigns.messages} + ${messages.length}`,
        skipped: sql`${notificationCampaigns.skipped} + ${skipped}`,
      })
      .where(inOrg(notificationCampaigns, orgId, eq(notificationCampaigns.id, options.campaignId)));
  });
  await enqueueNotification(options.jobs, { messages, urgency: 'low' });
}
