import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { notificationMessages } from './schema.ts';
import { PermanentSmsError, type SmsProvider } from './sms-provider.ts';

const byId = (id: string) => and(eq(notificationMessages.id, id), eq(notificationMessages.channel, 'sms'));

/**
 * Hands one queued text message to the provider and records the outcome. A temporary failure throws
 * so the job is retried with back-off; a refusal for good marks the message bounced. A message
 * already handed over is not sent again.
 */
export async function deliverSms(options: {
  db: Database;
  provider: SmsProvider;
  statusCallback: string;
  messageId: string;
}): Promise<void> {
  const { db, provider, messageId } = options;
  const [message] = await db.select().from(notificationMessages).where(byId(messageId));
  if (!message || message.status === 'sent' || message.status === 'bounced' || !message.toAddress) return;
  try {
    const result = await provider.send({
      to: message.toAddress,
      body: message.body,
      statusCallback: options.statusCallback,
    });
    await db
      .update(notificationMessages)
      .set({
        status: 'sent',
        transport: provider.kind,
        sentAt: sql`now()`,
        attempts: sql`${notificationMessages.attempts} + 1`,
        providerMessageId: result.providerMessageId ?? null,
        lastError: null,
      })
      .where(byId(messageId));
  } catch (error) {
    const permanent = error instanceof PermanentSmsError;
    await db
      .update(notificationMessages)
      .set({
        status: permanent ? 'bounced' : 'failed',
        transport: provider.kind,
        attempts: sql`${notificationMessages.attempts} + 1`,
        lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
      })
      .where(byId(messageId));
    if (!permanent) throw error;
  }
}
