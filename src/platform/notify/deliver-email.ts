import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { emailMessages } from './schema.ts';
import type { MailTransport } from './transport.ts';

/**
 * Delivers one queued message through the transport and records the outcome. Throws on failure so
 * the job is retried with back-off; a message already sent is not sent again.
 */
export async function deliverEmail(options: {
  db: Database;
  transport: MailTransport;
  from: string;
  messageId: string;
}) {
  const { db, transport, messageId } = options;
  const [message] = await db.select().from(emailMessages).where(eq(emailMessages.id, messageId));
  if (!message || message.status === 'sent') return;
  try {
    const result = await transport.deliver({
      from: options.from,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      unsubscribeUrl: message.unsubscribeUrl,
    });
    await db
      .update(emailMessages)
      .set({
        status: 'sent',
        transport: transport.kind,
        sentAt: sql`now()`,
        attempts: sql`${emailMessages.attempts} + 1`,
        providerMessageId: result.messageId ?? null,
        lastError: null,
      })
      .where(eq(emailMessages.id, messageId));
  } catch (error) {
    await db
      .update(emailMessages)
      .set({
        status: 'failed',
        transport: transport.kind,
        attempts: sql`${emailMessages.attempts} + 1`,
        lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
      })
      .where(eq(emailMessages.id, messageId));
    throw error;
  }
}
