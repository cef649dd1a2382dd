import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { emailMessages, notificationCampaigns, notificationMessages } from './schema.ts';

type CampaignRow = typeof notificationCampaigns.$inferSelect;

/** What the sender of a mass send sees: how far the fan-out is, and each message's delivery state. */
export interface CampaignProgress {
  id: string;
  orgId: string;
  title: string;
  category: string;
  urgency: string;
  createdAt: string;
  /** Recipients asked for, and those whose messages are recorded so far. */
  total: number;
  processed: number;
  /** Recipients who chose no channel for the category (or whose account is gone). */
  skipped: number;
  /** Messages recorded, and where they are now. */
  messages: number;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  /** Share of the work done: recipients fanned out and messages no longer waiting, 0–100. */
  percent: number;
  done: boolean;
}

/**
 * A campaign's progress. Delivery counts are read from the messages' own delivery records (indexed by
 * campaign) rather than kept as counters, so retries and late delivery reports never count twice.
 */
export async function campaignProgress(db: Executor, row: CampaignRow): Promise<CampaignProgress> {
  const [emails, others] = await Promise.all([
    db
      .select({ status: emailMessages.status, n: count() })
      .from(emailMessages)
      .where(eq(emailMessages.campaignId, row.id))
      .groupBy(emailMessages.status),
    db
      .select({ status: notificationMessages.status, n: count() })
      .from(notificationMessages)
      .where(eq(notificationMessages.campaignId, row.id))
      .groupBy(notificationMessages.status),
  ]);
  const by = { queued: 0, sent: 0, failed: 0, bounced: 0 };
  for (const r of [...emails, ...others]) by[r.status] += r.n;
  const processed = Math.min(row.processed, row.total);
  const settled = by.sent + by.bounced;
  // Half for fanning out, half for delivery; a send with nothing to deliver is done when fanned out.
  const fanOut = row.total === 0 ? 1 : processed / row.total;
  const delivery = row.messages === 0 ? (fanOut === 1 ? 1 : 0) : settled / row.messages;
  const done = processed >= row.total && by.queued === 0 && by.failed === 0;
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    category: row.category,
    urgency: row.urgency,
    createdAt: row.createdAt.toISOString(),
    total: row.total,
    processed,
    skipped: row.skipped,
    messages: row.messages,
    ...by,
    percent: done ? 100 : Math.min(99, Math.floor(((fanOut + delivery) / 2) * 100)),
    done,
  };
}

/** Newest first, for the sender's list. */
export const campaignOrder = [desc(notificationCampaigns.createdAt), desc(notificationCampaigns.id)];
