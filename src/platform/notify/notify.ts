import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Channel, Urgency } from './categories.ts';
import { loadAccountRecipients, loadAddressRecipient } from './recipients.ts';
import {
  type NotificationContent,
  type RecordedMessage,
  recordNotifications,
} from './record-notifications.ts';
import { EMAIL_QUEUE } from './send-email.ts';
import { notifySettings } from './settings.ts';

/** The queue that delivers text messages. */
export const SMS_QUEUE = 'sms.deliver';
/** The queue that delivers web push notifications. */
export const PUSH_QUEUE = 'push.deliver';

/** A notification to one person: an account (its choices apply) or an address with no account. */
export interface NotifyRequest extends Omit<NotificationContent, 'campaignId'> {
  accountId?: string;
  to?: { email?: string; phone?: string; locale?: Locale };
}

/** The messages a notification became (none when the person chose no channel for its category). */
export interface NotifyResult {
  messages: RecordedMessage[];
  urgency: Urgency;
}

const QUEUE_OF: Partial<Record<Channel, string>> = { email: EMAIL_QUEUE, sms: SMS_QUEUE, push: PUSH_QUEUE };

/** The job priority of an urgency: emergency alerts are fetched before the newsletter backlog. */
export function priorityOf(urgency: Urgency): number {
  return urgency === 'high' ? 10 : urgency === 'low' ? -10 : 0;
}

/**
 * Records a notification without enqueuing its delivery, for use inside a transaction: call
 * `enqueueNotification` once it commits (a delivery job must not run before its row exists).
 */
export async function recordNotification(
  ctx: { db: Executor; jobs: JobQueue },
  request: NotifyRequest,
): Promise<NotifyResult> {
  if (!request.accountId === !request.to) throw new Error('notify: give exactly one of accountId and to');
  const urgency = request.urgency ?? (request.category === 'emergency' ? 'high' : 'normal');
  const recipients = request.accountId
    ? [...(await loadAccountRecipients(ctx.db, [request.accountId], request.category)).values()]
    : [await loadAddressRecipient(ctx.db, request.to ?? {}, request.category)];
  const { messages } = await recordNotifications(
    ctx.db,
    notifySettings(ctx.jobs),
    { ...request, urgency },
    recipients,
  );
  return { messages, urgency };
}

/** Enqueues one delivery job per recorded message (the inbox needs none). */
export async function enqueueNotification(jobs: JobQueue, result: NotifyResult): Promise<void> {
  const priority = priorityOf(result.urgency);
  const byQueue = new Map<string, Array<{ data: object; priority: number }>>();
  for (const m of result.messages) {
    const queue = QUEUE_OF[m.channel];
    if (!queue) continue;
    const list = byQueue.get(queue) ?? [];
    list.push({ data: { messageId: m.id }, priority });
    byQueue.set(queue, list);
  }
  for (const [queue, list] of byQueue) await jobs.sendMany(queue, list);
}

/**
 * Sends a notification: looks up the person's language and choices for the category, renders the
 * bilingual template on each chosen channel, records one message per channel with its delivery record
 * and enqueues one delivery job per message (retried with back-off). What modules call.
 */
export async function notify(
  ctx: { db: Executor; jobs: JobQueue },
  request: NotifyRequest,
): Promise<NotifyResult> {
  const result = await recordNotification(ctx, request);
  await enqueueNotification(ctx.jobs, result);
  return result;
}
