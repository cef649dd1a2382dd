import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { type CitizenKey, citizenAccess } from './citizen-access.ts';
import { categoryName, findCategory, loadOrg, loadSettings, lockRequest } from './context.ts';
import { recordFollowerNotices, sendRecorded } from './follower-notices.ts';
import { REQUEST_STATUS_CHANGED } from './notifications.ts';
import { requestEvents, serviceRequests } from './schema.ts';
import { isOpenPhase, PHASE_LABELS } from './statuses.ts';
import { dueDates } from './targets.ts';
import { reopenUntil } from './views.ts';

/**
 * Reopens a resolved or closed request when the problem is back, within the organisation's delay: it
 * returns to the queue as submitted, its targets start again, and its other followers are told.
 */
export async function reopenRequest(options: {
  db: Database;
  jobs: JobQueue;
  orgId: string;
  key: CitizenKey;
  requestId?: string;
  input: { reason?: string };
}): Promise<{ ok: true }> {
  const { db, jobs, orgId } = options;
  const access = await citizenAccess(db, orgId, options.key, options.requestId);
  if (!access.follower.confirmedAt) throw new AppError('requests.not_confirmed', 403);
  const [org, settings, category] = await Promise.all([
    loadOrg(db, orgId),
    loadSettings(db, orgId),
    findCategory(db, orgId, access.request.categoryId),
  ]);
  if (!category) throw new Error('request without its category');
  const reason = options.input.reason?.trim() || null;
  const notices = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, orgId, access.request.id);
    if (request.mergedIntoId || isOpenPhase(request.phase))
      throw new AppError('requests.reopen_not_closed', 422);
    const until = reopenUntil(request, settings);
    if (!until || until.getTime() < Date.now())
      throw new AppError('requests.reopen_expired', 422, { params: { days: settings.reopenDays } });
    const now = new Date();
    await tx
      .update(serviceRequests)
      .set({
        status: 'submitted',
        phase: 'submitted',
        acknowledgedAt: null,
        resolvedAt: null,
        closedAt: null,
        reopenedAt: now,
        reopenCount: request.reopenCount + 1,
        ackAlertedAt: null,
        resolveAlertedAt: null,
        updatedAt: now,
        ...dueDates(category, now),
      })
      .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, request.id)));
    await tx.insert(requestEvents).values({
      orgId,
      requestId: request.id,
      kind: 'reopened',
      visibility: 'public',
      actorAccountId: access.follower.accountId,
      actorKind: access.follower.role,
      fromStatus: request.status,
      toStatus: 'submitted',
      body: reason,
      data: { followerId: access.follower.id },
    });
    return recordFollowerNotices(tx, jobs, {
      org,
      requestId: request.id,
      template: REQUEST_STATUS_CHANGED,
      params: {
        reference: request.reference,
        category: categoryName(category),
        status: PHASE_LABELS.submitted,
        message: reason,
      },
      exceptFollowerId: access.follower.id,
    });
  });
  await sendRecorded(jobs, notices);
  return { ok: true };
}
