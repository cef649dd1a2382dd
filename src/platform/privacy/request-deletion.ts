import { sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { sendEmail } from '../notify/send-email.ts';
import {
  DELETION_DEADLINE_DAYS,
  type DeletionRequestView,
  toDeletionRequestView,
} from './deletion-request-view.ts';
import { DELETION_RECEIVED_TEMPLATE } from './emails.ts';
import { deletionRequests } from './schema.ts';

/** Opens a request to delete the signed-in person's data, due in 30 days; one open request at a time. */
export async function requestDeletion(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  input: { reason?: string };
}): Promise<DeletionRequestView> {
  const who = requireAccount(options.auth);
  const reason = options.input.reason?.trim() || null;
  // The partial unique index deletion_requests_one_open_key settles concurrent clicks.
  const [row] = await options.db
    .insert(deletionRequests)
    .values({
      accountId: who.account.id,
      email: who.account.email,
      reason,
      dueAt: sql`now() + ${`${DELETION_DEADLINE_DAYS} days`}::interval`,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('privacy.request_open', 409);
  await sendEmail(options, {
    to: who.account.email,
    locale: who.account.locale,
    template: DELETION_RECEIVED_TEMPLATE,
    params: { givenName: who.account.givenName, dueAt: row.dueAt.toISOString() },
  });
  return toDeletionRequestView(row);
}
