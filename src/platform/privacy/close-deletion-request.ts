import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';
import { queueEmail } from '../notify/send-email.ts';
import { type DeletionRequestView, toDeletionRequestView } from './deletion-request-view.ts';
import { deletionRequests } from './schema.ts';

/**
 * Closes an open deletion request inside a transaction: locks it, queues the answer to the person
 * (captured before anything is anonymised), runs `beforeClose`, records the outcome and audits it.
 * Returns the request and the queued message, to enqueue once the transaction has committed.
 */
export async function closeDeletionRequest(
  tx: Executor,
  options: {
    id: string;
    outcome: 'completed' | 'refused';
    response: string;
    template: string;
    actorAccountId: string;
    ip: string;
    beforeClose?: (accountId: string) => Promise<void>;
  },
): Promise<{ request: DeletionRequestView; messageId: string }> {
  const [request] = await tx
    .select()
    .from(deletionRequests)
    .where(eq(deletionRequests.id, options.id))
    .for('update');
  if (!request) throw new AppError('privacy.request_not_found', 404);
  if (request.status !== 'open') throw new AppError('privacy.request_closed', 409);
  const [account] = request.accountId
    ? await tx
        .select({ email: accounts.email, givenName: accounts.givenName, locale: accounts.locale })
        .from(accounts)
        .where(eq(accounts.id, request.accountId))
    : [];
  const locale: Locale = account?.locale ?? 'fr';
  const messageId = await queueEmail(tx, {
    to: account?.email ?? request.email,
    locale,
    template: options.template,
    params: { givenName: account?.givenName ?? '', response: options.response },
  });
  if (request.accountId && options.beforeClose) await options.beforeClose(request.accountId);
  const [closed] = await tx
    .update(deletionRequests)
    .set({
      status: options.outcome,
      response: options.response,
      handledBy: options.actorAccountId,
      handledAt: sql`now()`,
    })
    .where(eq(deletionRequests.id, request.id))
    .returning();
  if (!closed) throw new AppError('privacy.request_not_found', 404);
  await recordAudit(tx, {
    orgId: null,
    actorAccountId: options.actorAccountId,
    ip: options.ip,
    action: options.outcome === 'completed' ? 'privacy.deletion_completed' : 'privacy.deletion_refused',
    targetType: 'deletion_request',
    targetId: request.id,
    subjectAccountId: request.accountId,
  });
  return { request: toDeletionRequestView(closed), messageId };
}
