import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { NotifyResult } from '../../../platform/notify/notify.ts';
import { type Assignment, applyAssignment, checkAssignment } from './assign-request.ts';
import { applyStatus, type StatusChange } from './change-request-status.ts';
import { loadOrg, loadStatuses, lockRequest } from './context.ts';
import { sendRecorded } from './follower-notices.ts';
import { requireRequestStaff } from './policies.ts';

/** Most requests one bulk action touches. */
export const MAX_BULK = 200;

/** One action over many requests: a status (with its public message) or an assignment. */
export type BulkAction = ({ type: 'status' } & StatusChange) | ({ type: 'assign' } & Assignment);

/**
 * Applies one action to many requests of a queue, each exactly as the single action would (history,
 * audit, notifications). Requests that refuse it (merged ones) are skipped and listed; the others are
 * changed together in one transaction.
 */
export async function bulkUpdateRequests(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: { ids: string[]; action: BulkAction };
}): Promise<{ updated: number; skipped: Array<{ id: string; code: string }> }> {
  const { db, jobs, orgId, input } = options;
  const who = requireRequestStaff(options.auth, orgId);
  const ids = [...new Set(input.ids)].sort();
  if (ids.length > MAX_BULK) throw new AppError('validation.too_large', 413);
  const action = input.action;
  if (action.type === 'assign') await checkAssignment(db, orgId, action);
  const [org, statuses] = await Promise.all([loadOrg(db, orgId), loadStatuses(db, orgId)]);
  if (action.type === 'status' && !statuses.some((s) => s.code === action.status))
    throw new AppError('requests.status_unknown', 400);
  const context = { org, who, ip: options.ip, statuses };
  const skipped: Array<{ id: string; code: string }> = [];
  const notices = await db.transaction(async (tx) => {
    const all: NotifyResult[] = [];
    for (const id of ids) {
      const request = await lockRequest(tx, orgId, id);
      if (request.mergedIntoId) {
        skipped.push({ id, code: 'requests.merged' });
        continue;
      }
      const recorded =
        action.type === 'status'
          ? await applyStatus(tx, jobs, context, request, action)
          : await applyAssignment(tx, jobs, context, request, action);
      all.push(...recorded);
    }
    return all;
  });
  await sendRecorded(jobs, notices);
  return { updated: ids.length - skipped.length, skipped };
}
