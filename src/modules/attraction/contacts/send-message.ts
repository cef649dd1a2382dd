import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { enqueueEmail, queueEmail } from '../../../platform/notify/send-email.ts';
import type { Region } from '../site/policies.ts';
import { contactRow } from './contacts.ts';
import { CONTACT_MESSAGE, CONTACT_RECEIPT } from './emails.ts';
import { regionContactRequests } from './schema.ts';

/**
 * Routes a visitor's message to a resource person by e-mail. The answer is the same whether or not the
 * honeypot was filled (a robot learns nothing), and never contains the contact's address.
 */
export async function sendContactMessage(options: {
  db: Database;
  jobs: JobQueue;
  region: Region;
  contactId: string;
  input: { name: string; email: string; message: string; website?: string };
  locale: Locale;
}): Promise<{ ok: true }> {
  const { db, region, input, locale } = options;
  const contact = await contactRow(db, region.id, options.contactId);
  if (input.website?.trim()) return { ok: true };
  const ids = await db.transaction(async (tx) => {
    await tx.insert(regionContactRequests).values({
      orgId: region.id,
      contactId: contact.id,
      senderName: input.name.trim(),
      senderEmail: input.email.trim().toLowerCase(),
      message: input.message.trim(),
      locale,
    });
    return [
      await queueEmail(tx, {
        to: contact.email,
        locale: 'fr',
        orgId: region.id,
        template: CONTACT_MESSAGE,
        params: {
          contact: contact.name,
          senderName: input.name.trim(),
          senderEmail: input.email.trim(),
          message: input.message.trim(),
          region: region.name.fr,
        },
      }),
      await queueEmail(tx, {
        to: input.email.trim(),
        locale,
        orgId: region.id,
        template: CONTACT_RECEIPT,
        params: {
          contact: contact.name,
          role: locale === 'fr' ? contact.roleFr : contact.roleEn,
          message: input.message.trim(),
        },
      }),
    ];
  });
  for (const id of ids) await enqueueEmail(options.jobs, id);
  return { ok: true };
}
