import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { renderEmail } from './render.ts';
import { emailMessages } from './schema.ts';
import { emailTemplate } from './templates.ts';

/** The queue that delivers e-mail messages. */
export const EMAIL_QUEUE = 'email.deliver';

/**
 * Renders a template in the person's language, records the message (status `queued`) and enqueues
 * its delivery. Returns the message id. Delivery goes to SMTP when configured, else to the outbox.
 */
export async function sendEmail(
  ctx: { db: Executor; jobs: JobQueue },
  message: {
    to: string;
    locale: Locale;
    template: string;
    params: Record<string, unknown>;
    orgId?: string | null;
  },
): Promise<string> {
  const template = emailTemplate(message.template);
  const rendered = renderEmail(template, message.params, message.locale);
  const [row] = await ctx.db
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
  await ctx.jobs.send(EMAIL_QUEUE, { messageId: row.id });
  return row.id;
}
