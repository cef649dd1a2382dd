import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { NotifyResult } from '../../../platform/notify/notify.ts';
import {
  categoryName,
  findCategory,
  loadOrg,
  loadRequest,
  loadStatuses,
  lockRequest,
  type RequestOrg,
} from './context.ts';
import { recordFollowerNotices, sendRecorded } from './follower-notices.ts';
import { REQUEST_STATUS_CHANGED } from './notifications.ts';
import { requireRequestStaff } from './policies.ts';
import { requestEvents, type ServiceRequestRow, serviceRequests } from './schema.ts';
import { isOpenPhase, type StatusView } from './statuses.ts';

/** A change of status, with the public message that explains it (sent to followers). */
export interface StatusChange {
  status: string;
  message?: string | null;
}

/** Refuses any staff change on a request folded into another: the survivor is the one worked on. */
export async function refuseIfMerged(db: Executor, orgId: string, request: ServiceRequestRow): Promise<void> {
  if (!request.mergedIntoId) return;
  const survivor = await loadRequest(db, orgId, request.mergedIntoId);
  throw new AppError('requests.merged', 422, { params: { reference: survivor.reference } });
}

/**
 * Applies a status to a request locked in the caller's transaction: phase timestamps, history entry,
 * public note, audit entry, and a notification recorded for each follower. Shared by the single and
 * bulk changes. Returns the notifications to send once the transaction commits.
 */
export async function applyStatus(
  tx: Executor,
  jobs: JobQueue,
  context: { org: RequestOrg; who: AuthContext; ip: string; statuses: readonly StatusView[] },
  request: ServiceRequestRow,
  change: StatusChange,
): Promise<NotifyResult[]> {
  const { org, who, statuses } = context;
  const target = statuses.find((s) => s.code === change.status);
  if (!target) throw new AppError('requests.status_unknown', 400);
  await refuseIfMerged(tx, org.id, request);
  const message = change.message?.trim() || null;
  if (target.code === request.status && !message) return [];
  const now = new Date();
  const phase = target.phase;
  const reopened = isOpenPhase(phase) && !isOpenPhase(request.phase);
  await tx
    .update(serviceRequests)
    .set({
      status: target.code,
      phase,
      acknowledgedAt: phase === 'submitted' ? request.acknowledgedAt : (request.acknowledgedAt ?? now),
      resolvedAt: phase === 'resolved' ? (request.resolvedAt ?? now) : reopened ? null : request.resolvedAt,
      closedAt: phase === 'closed' ? now : reopened ? null : request.closedAt,
      publicNote: message ?? request.publicNote,
      updatedAt: now,
    })
    .where(inOrg(serviceRequests, org.id, eq(serviceRequests.id, request.id)));
  await tx.insert(requestEvents).values({
    orgId: org.id,
    requestId: request.id,
    kind: 'status',
    visibility: 'public',
    actorAccountId: who.account.id,
    actorKind: 'staff',
    fromStatus: request.status,
    toStatus: target.code,
    body: message,
  });
  await recordAudit(tx, {
    orgId: org.id,
    actorAccountId: who.account.id,
    action: 'requests.status',
    targetType: 'service_request',
    targetId: request.id,
    ip: context.ip,
    details: { from: request.status, to: target.code },
  });
  const category = await findCategory(tx, org.id, request.categoryId);
  if (!category) throw new Error('request without its category');
  return recordFollowerNotices(tx, jobs, {
    org,
    requestId: request.id,
    template: REQUEST_STATUS_CHANGED,
    params: { reference: request.reference, category: categoryName(category), status: target.label, message },
    exceptAccountId: who.account.id,
  });
}

/** Staff change a request's status (built-in or their own), optionally explaining it to followers. */
export async function changeRequestStatus(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  requestId: string;
  input: StatusChange;
}): Promise<{ ok: true }> {
  const { db, jobs, orgId } = options;
  const who = requireRequestStaff(options.auth, orgId);
  const [org, statuses] = await Promise.all([loadOrg(db, orgId), loadStatuses(db, orgId)]);
  const notices = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, orgId, options.requestId);
    return applyStatus(tx, jobs, { org, who, ip: options.ip, statuses }, request, options.input);
  });
  await sendRecorded(jobs, notices);
  return { ok: true };
}
