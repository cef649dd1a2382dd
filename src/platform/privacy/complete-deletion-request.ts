import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { enqueueEmail } from '../notify/send-email.ts';
import { anonymiseAccount } from './anonymise-account.ts';
import { closeDeletionRequest } from './close-deletion-request.ts';
import type { DeletionRequestView } from './deletion-request-view.ts';
import { DELETION_COMPLETED_TEMPLATE } from './emails.ts';

/**
 * Carries out a deletion request (installation administrators): the person is e-mailed a bilingual
 * confirmation, then the account is anonymised, in one transaction; the audit trail stays.
 */
export async function completeDeletionRequest(options: {
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
      outcome: 'completed',
      response: options.input.response.trim(),
      template: DELETION_COMPLETED_TEMPLATE,
      actorAccountId: who.account.id,
      ip: options.ip,
      beforeClose: (accountId) => anonymiseAccount(tx, accountId),
    }),
  );
  await enqueueEmail(options.jobs, messageId);
  return request;
}
