import { and, eq, sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Database } from '../db/client.ts';
import { notificationMessages, pushSubscriptions } from './schema.ts';
import { vapidKeys, vapidSubject } from './vapid.ts';

const byId = (id: string) => and(eq(notificationMessages.id, id), eq(notificationMessages.channel, 'push'));

// How long a push service keeps a notification for a device that is offline.
const TTL_SECONDS = 24 * 3600;

/** What the service worker receives (web/public/sw.js shows it and opens `url` on click). */
export interface PushPayload {
  title: string;
  body: string;
  url: string | null;
  lang: string;
  tag: string;
  unsubscribeUrl: string | null;
  unsubscribeLabel: string;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error && 'statusCode' in error && typeof error.statusCode === 'number'
    ? error.statusCode
    : undefined;
}

/**
 * Sends one push message to every device of its account, encrypted for each (RFC 8291) and signed with
 * the installation's VAPID key. A device the push service no longer knows (404, 410) is removed. The
 * message is sent when one device took it; bounced when no device is left; otherwise failed and retried.
 */
export async function deliverPush(options: {
  db: Database;
  publicUrl: string;
  mailFrom: string;
  messageId: string;
}): Promise<void> {
  const { db, messageId } = options;
  const [message] = await db.select().from(notificationMessages).where(byId(messageId));
  if (!message || message.status === 'sent' || message.status === 'bounced' || !message.accountId) return;
  const devices = await db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.accountId, message.accountId));
  const keys = await vapidKeys(db);
  const payload: PushPayload = {
    title: message.title,
    body: message.body,
    url: message.url,
    lang: message.locale,
    tag: message.id,
    unsubscribeUrl: message.unsubscribeUrl,
    unsubscribeLabel: message.locale === 'fr' ? 'Se désabonner' : 'Unsubscribe',
  };
  let delivered = 0;
  let gone = 0;
  const errors: string[] = [];
  for (const device of devices) {
    try {
      await webpush.sendNotification(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: { subject: vapidSubject(options.publicUrl, options.mailFrom), ...keys },
          TTL: TTL_SECONDS,
          urgency: message.urgency === 'high' ? 'high' : message.urgency === 'low' ? 'low' : 'normal',
          timeout: 15_000,
        },
      );
      delivered++;
      await db
        .update(pushSubscriptions)
        .set({ lastSuccessAt: sql`now()` })
        .where(eq(pushSubscriptions.id, device.id));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 410) {
        gone++;
        await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
      } else errors.push(`${status ?? ''} ${error instanceof Error ? error.message : String(error)}`.trim());
    }
  }
  const status = delivered > 0 ? 'sent' : errors.length > 0 ? 'failed' : 'bounced';
  const lastError =
    errors.length > 0
      ? errors.join('; ').slice(0, 500)
      : delivered === 0
        ? `no device (${gone} removed)`
        : null;
  await db
    .update(notificationMessages)
    .set({
      status,
      transport: 'webpush',
      attempts: sql`${notificationMessages.attempts} + 1`,
      sentAt: status === 'sent' ? sql`now()` : undefined,
      lastError,
    })
    .where(byId(messageId));
  if (status === 'failed') throw new Error(lastError ?? 'push failed');
}
