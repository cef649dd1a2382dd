import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SmsConfig } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { notificationMessages } from './schema.ts';
import { isValidTwilioSignature } from './twilio-signature.ts';

/** The address the provider calls back, as configured on every message sent. */
export function smsStatusCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/api/notify/sms/status`;
}

/**
 * Records a delivery report from the text-message provider (Twilio's status callback). The signature
 * is checked when an auth token is configured. Reports may arrive twice or out of order: a message
 * never goes back from delivered to sent, and failed or bounced is final.
 */
export async function recordSmsStatus(options: {
  db: Database;
  sms: SmsConfig | undefined;
  publicUrl: string;
  signature: string | undefined;
  params: Record<string, string>;
}): Promise<{ updated: boolean }> {
  const { db, sms, params } = options;
  if (sms) {
    const url = smsStatusCallbackUrl(options.publicUrl);
    if (!isValidTwilioSignature(sms.authToken, options.signature, url, params))
      throw new AppError('notify.sms_signature_invalid', 403);
    if (params.AccountSid && params.AccountSid !== sms.accountSid)
      throw new AppError('notify.sms_signature_invalid', 403);
  }
  const sid = params.MessageSid ?? params.SmsSid;
  const status = params.MessageStatus ?? params.SmsStatus;
  if (!sid || !status) throw new AppError('validation.failed', 400);
  const target = and(
    eq(notificationMessages.providerMessageId, sid),
    eq(notificationMessages.channel, 'sms'),
    inArray(notificationMessages.status, ['queued', 'sent']),
  );
  const error = params.ErrorCode ? `provider error ${params.ErrorCode}` : null;
  let rows: Array<{ id: string }> = [];
  if (status === 'sent' || status === 'delivered') {
    rows = await db
      .update(notificationMessages)
      .set({
        status: 'sent',
        sentAt: sql`coalesce(${notificationMessages.sentAt}, now())`,
        deliveredAt:
          status === 'delivered' ? sql`coalesce(${notificationMessages.deliveredAt}, now())` : undefined,
        lastError: null,
      })
      .where(target)
      .returning({ id: notificationMessages.id });
  } else if (status === 'failed' || status === 'undelivered') {
    rows = await db
      .update(notificationMessages)
      .set({ status: status === 'failed' ? 'failed' : 'bounced', lastError: error ?? status })
      .where(and(target, sql`${notificationMessages.deliveredAt} IS NULL`))
      .returning({ id: notificationMessages.id });
  }
  return { updated: rows.length > 0 };
}
