import { and, asc, count, desc, eq, gt, isNotNull, isNull, ne } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { campaignProgress } from '../../../platform/notify/campaign-progress.ts';
import {
  emailMessages,
  notificationCampaigns,
  notificationMessages,
} from '../../../platform/notify/schema.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { type AlertView, toAlertView } from './alert-view.ts';
import { capUrl } from './cap-xml.ts';
import { requireAlertStaff } from './policies.ts';
import { alerts } from './schema.ts';

async function views(
  db: Executor,
  publicUrl: string,
  orgId: string,
  rows: Array<typeof alerts.$inferSelect>,
) {
  if (rows.length === 0) return [];
  const org = await getOrganisation({ db, idOrSlug: orgId });
  return rows.map((r) => toAlertView(r, capUrl(publicUrl, org, r.id)));
}

/** The alerts that apply now (for the banner on every page of the town's site), newest first. */
export async function listActiveAlerts(options: {
  db: Executor;
  publicUrl: string;
  orgId: string;
}): Promise<{ items: AlertView[] }> {
  const rows = await options.db
    .select()
    .from(alerts)
    .where(
      inOrg(
        alerts,
        options.orgId,
        eq(alerts.state, 'sent'),
        isNotNull(alerts.sentAt),
        ne(alerts.msgType, 'Cancel'),
        isNull(alerts.supersededAt),
        gt(alerts.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(alerts.sentAt))
    .limit(20);
  return { items: await views(options.db, options.publicUrl, options.orgId, rows) };
}

/** Every message of a chain, oldest first (the public page of an alert and its history). */
export async function getAlertChain(options: {
  db: Executor;
  publicUrl: string;
  orgId: string;
  rootId: string;
}): Promise<{ items: AlertView[] }> {
  const rows = await options.db
    .select()
    .from(alerts)
    .where(inOrg(alerts, options.orgId, eq(alerts.rootId, options.rootId), isNotNull(alerts.sentAt)))
    .orderBy(asc(alerts.sentAt));
  if (rows.length === 0) throw new AppError('alert.not_found', 404);
  return { items: await views(options.db, options.publicUrl, options.orgId, rows) };
}

/** Every message, drafts awaiting approval included, newest first (staff). */
export async function listStaffAlerts(options: {
  db: Executor;
  auth: AuthContext | null;
  publicUrl: string;
  orgId: string;
}): Promise<{ items: AlertView[] }> {
  requireAlertStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(alerts)
    .where(inOrg(alerts, options.orgId))
    .orderBy(desc(alerts.createdAt))
    .limit(200);
  return { items: await views(options.db, options.publicUrl, options.orgId, rows) };
}

type Counts = { queued: number; sent: number; failed: number; bounced: number };
const zero = (): Counts => ({ queued: 0, sent: 0, failed: 0, bounced: 0 });

/** Delivery of one alert: recipients, progress, and messages per channel and status (staff). */
export async function getAlertDelivery(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  alertId: string;
}) {
  requireAlertStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select()
    .from(alerts)
    .where(inOrg(alerts, options.orgId, eq(alerts.id, options.alertId)));
  if (!row) throw new AppError('alert.not_found', 404);
  const channels = { email: zero(), sms: zero(), push: zero(), inapp: zero() };
  const totals = zero();
  if (!row.campaignId) {
    return {
      recipients: 0,
      processed: 0,
      skipped: 0,
      messages: 0,
      percent: 0,
      done: false,
      totals,
      channels,
    };
  }
  const [campaign] = await options.db
    .select()
    .from(notificationCampaigns)
    .where(inOrg(notificationCampaigns, options.orgId, eq(notificationCampaigns.id, row.campaignId)));
  if (!campaign) throw new AppError('alert.not_found', 404);
  const [progress, emails, others] = await Promise.all([
    campaignProgress(options.db, campaign),
    options.db
      .select({ status: emailMessages.status, n: count() })
      .from(emailMessages)
      .where(and(eq(emailMessages.campaignId, campaign.id), eq(emailMessages.orgId, options.orgId)))
      .groupBy(emailMessages.status),
    options.db
      .select({ channel: notificationMessages.channel, status: notificationMessages.status, n: count() })
      .from(notificationMessages)
      .where(
        and(eq(notificationMessages.campaignId, campaign.id), eq(notificationMessages.orgId, options.orgId)),
      )
      .groupBy(notificationMessages.channel, notificationMessages.status),
  ]);
  for (const e of emails) channels.email[e.status] += e.n;
  for (const o of others) channels[o.channel][o.status] += o.n;
  for (const c of Object.values(channels))
    for (const k of Object.keys(totals) as Array<keyof Counts>) totals[k] += c[k];
  return {
    recipients: progress.total,
    processed: progress.processed,
    skipped: progress.skipped,
    messages: progress.messages,
    percent: progress.percent,
    done: progress.done,
    totals,
    channels,
  };
}
