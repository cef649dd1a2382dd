// Public use cases of the resource people, each resolving the region by id or slug first.
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { findRegion } from '../site/policies.ts';
import { bookSlot } from './book-slot.ts';
import { getPublicContact, listPublicContacts } from './contacts.ts';
import { sendContactMessage } from './send-message.ts';

/** The directory of resource people. */
export async function regionContacts(o: { db: Database; org: string; topic?: string; language?: string }) {
  return { items: await listPublicContacts(o.db, await findRegion(o.db, o.org), o) };
}

/** One resource person with open slots. */
export async function regionContact(o: { db: Database; org: string; idOrSlug: string }) {
  return getPublicContact(o.db, await findRegion(o.db, o.org), o.idOrSlug);
}

/** The contact form. */
export async function messageContact(o: {
  db: Database;
  jobs: JobQueue;
  org: string;
  contactId: string;
  input: { name: string; email: string; message: string; website?: string };
  locale: Locale;
}) {
  return sendContactMessage({ ...o, region: await findRegion(o.db, o.org) });
}

/** Booking an appointment. */
export async function bookAppointment(o: {
  db: Database;
  jobs: JobQueue;
  org: string;
  slotId: string;
  input: { name: string; email: string; note?: string; website?: string };
  locale: Locale;
  publicUrl: string;
}) {
  return bookSlot({ ...o, region: await findRegion(o.db, o.org) });
}
