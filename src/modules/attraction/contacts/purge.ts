import { eq, isNotNull, lt } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { regionContactRequests, regionContactSlots } from './schema.ts';

/** How long visitors' messages and appointment details are kept (Law 25: no longer than needed). */
export const CONTACT_RETENTION_DAYS = 365;

/**
 * Deletes contact-form messages older than the retention period and blanks the visitor's details on
 * appointments that ended that long ago (the slot stays, counted in the statistics, with nobody named).
 */
export async function purgeContactData(
  db: Database,
  orgId: string,
  now = new Date(),
): Promise<{ messages: number; appointments: number }> {
  const cutoff = new Date(now.getTime() - CONTACT_RETENTION_DAYS * 86_400_000);
  const messages = await db
    .delete(regionContactRequests)
    .where(inOrg(regionContactRequests, orgId, lt(regionContactRequests.createdAt, cutoff)))
    .returning({ id: regionContactRequests.id });
  const appointments = await db
    .update(regionContactSlots)
    .set({ bookerName: null, bookerEmail: null, bookerNote: null, calendarTokenHash: null })
    .where(
      inOrg(
        regionContactSlots,
        orgId,
        lt(regionContactSlots.endsAt, cutoff),
        isNotNull(regionContactSlots.bookerEmail),
      ),
    )
    .returning({ id: regionContactSlots.id });
  return { messages: messages.length, appointments: appointments.length };
}

/** The nightly purge, MRC by MRC. */
export async function purgeAllContactData(db: Database, now = new Date()): Promise<void> {
  const mrcs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'mrc'));
  for (const m of mrcs) await purgeContactData(db, m.id, now);
}
