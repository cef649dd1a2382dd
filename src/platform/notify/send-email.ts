import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { organisations } from '../orgs/schema.ts';
import { type EmailBranding, INSTALLATION_BRANDING, renderEmail } from './render.ts';
import { emailMessages } from './schema.ts';
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

async function brandingOf(db: Executor, orgId: string, locale: Locale): Promise<EmailBranding> {
  const [org] = await db
    .select({ nameFr: organisations.nameFr, nameEn: organisations.nameEn, branding: organisations.branding })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) return INSTALLATION_BRANDING;
  return { name: locale === 'fr' ? org.nameFr : org.nameEn, primaryColor: org.branding.primaryColor };
}

/**
 * Renders and records a message (status `queued`) without enqueuing its delivery. For use inside a
 * transaction: enqueue with `enqueueEmail` after it commits (the job must not run before the row exists).
 */
export async function queueEmail(db: Executor, message: EmailRequest): Promise<string> {
  const template = emailTemplate(message.template);
  const branding = message.orgId ? await brandingOf(db, message.orgId, message.locale) : undefined;
  const rendered = renderEmail(template, message.params, message.locale, branding);
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
    })
    .returning({ id: emailMessages.id });
  if (!row) throw new Error('e-mail insert returned no row');
  return row.id;
}

/** Enqueues the delivery of a message recorded by `queueEmail`. */
export async function enqueueEmail(jobs: JobQueue, messageId: string): Promise<void> {
  await jobs.send(EMAIL_QUEUE, { messageId });
}

/**
 * Renders a template in the person's language (with the organisation's name and colour when `orgId`
 * is given), records the message and enqueues its delivery. Returns the message id. Delivery goes to
 * SMTP when configured, else to the outbox.
 */
export async function sendEmail(
  ctx: { db: Executor; jobs: JobQueue },
  message: EmailRequest,
): Promise<string> {
  const id = await queueEmail(ctx.db, message);
  await enqueueEmail(ctx.jobs, id);
  return id;
}
