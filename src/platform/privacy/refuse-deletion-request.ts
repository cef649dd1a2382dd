import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { enqueueEmail } from '../notify/send-email.ts';
import { closeDeletionRequest } from './close-deletion-request.ts';
import type { DeletionRequestView } from './deletion-request-view.ts';
import { DELETION_REFUSED_TEMPLATE } from './emails.ts';

/** Refuses a deletion request with a reason, which is e-mailed to the person (installation administrators). */
export async function refuseDeletionRequest(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  id: string;
  input: { response: string };
}): Promise<DeletionRequestView> {
  const who = requireInstallationAdmin(options.auth);
  const { request, messageId } = await options.db.transaction((tx) =>
    closeDeletionRequest(tx, {
      id: options.id,
      outcome: 'refused',
      response: options.input.response.trim(),
      template: DELETION_REFUSED_TEMPLATE,
      actorAccountId: who.account.id,
      ip: options.ip,
    }),
  );
  await enqueueEmail(options.jobs, messageId);
  return request;
}
