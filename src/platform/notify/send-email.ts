import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { type EmailBranding, renderEmail, type UnsubscribeInfo } from './render.ts';
import { emailMessages } from './schema.ts';
import { senderOf } from './sender.ts';
import { maybeNotifySettings } from './settings.ts';
import { emailTemplate } from './templates.ts';

/** The queue that delivers e-mail messages. */
export const EMAIL_QUEUE = 'email.deliver';

/** A message to send: a template rendered in the person's language, on behalf of an organisation or not. */
export interface EmailRequest {
  to: string;
  locale: Locale;
  template: string;
  params: Record<string, unknown>;
  orgId?: string | null;
}

/** What notify() adds to an e-mail: the person, the category, its unsubscribe link, its mass send. */
export interface EmailExtras {
  accountId?: string | null;
  category?: string;
  campaignId?: string | null;
  unsubscribe?: UnsubscribeInfo;
  /** The sender, when already looked up (mass sends look it up once per batch). */
  branding?: EmailBranding;
  /** The installation's public address, the contact of last resort in the footer. */
  publicUrl?: string;
}

/**
 * Renders and records a message (status `queued`) without enqueuing its delivery. For use inside a
 * transaction: enqueue with `enqueueEmail` after it commits (the job must not run before the row exists).
 */
export async function queueEmail(
  db: Executor,
  message: EmailRequest,
  extras: EmailExtras = {},
): Promise<string> {
  const template = emailTemplate(message.template);
  const branding = extras.branding ?? (await senderOf(db, message.orgId, message.locale, extras.publicUrl));
  const rendered = renderEmail(template, message.params, message.locale, branding, extras.unsubscribe);
  const [row] = await db
    .insert(emailMessages)
    .values({
      orgId: message.orgId ?? null,
      toAddress: message.to,
      locale: message.locale,
      template: message.template,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      accountId: extras.accountId ?? null,
      category: extras.category ?? null,
      campaignId: extras.campaignId ?? null,
      unsubscribeUrl: extras.unsubscribe?.url ?? null,
    })
    .returning({ id: emailMessages.id });
  if (!row) throw new Error('e-mail insert returned no row');
  return row.id;
}

/** Enqueues the delivery of a message recorded by `queueEmail` (urgent ones first). */
export async function enqueueEmail(
  jobs: JobQueue,
  messageId: string,
  options: { priority?: number } = {},
): Promise<void> {
  await jobs.send(EMAIL_QUEUE, { messageId }, options);
}

/**
 * Renders a template in the person's language (with the organisation's name, colour and contact when
 * `orgId` is given), records the message and enqueues its delivery. Returns the message id. Delivery
 * goes to SMTP when configured, else to the outbox.
 */
export async function sendEmail(
  ctx: { db: Executor; jobs: JobQueue },
  message: EmailRequest,
): Promise<string> {
  const id = await queueEmail(ctx.db, message, { publicUrl: maybeNotifySettings(ctx.jobs)?.publicUrl });
  await enqueueEmail(ctx.jobs, id);
  return id;
}
