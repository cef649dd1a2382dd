import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { memberships } from '../../../platform/auth/schema.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { type NotifyResult, recordNotification } from '../../../platform/notify/notify.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { refuseIfMerged } from './change-request-status.ts';
import {
  categoryName,
  findCategory,
  loadOrg,
  lockRequest,
  type RequestOrg,
  requestPaths,
} from './context.ts';
import { sendRecorded } from './follower-notices.ts';
import { REQUEST_ASSIGNED } from './notifications.ts';
import { REQUEST_STAFF_ROLES, requireRequestStaff } from './policies.ts';
import { requestDepartments, requestEvents, type ServiceRequestRow, serviceRequests } from './schema.ts';

/** Who and which queue a request goes to; `null` clears, absent leaves as is. */
export interface Assignment {
  assigneeAccountId?: string | null;
  departmentId?: string | null;
}

/** Checks an assignment against the organisation: the person handles requests, the department exists. */
export async function checkAssignment(db: Executor, orgId: string, input: Assignment): Promise<void> {
  if (input.assigneeAccountId) {
    const [member] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.orgId, orgId),
          eq(memberships.accountId, input.assigneeAccountId),
          inArray(memberships.role, ['admin', ...REQUEST_STAFF_ROLES]),
        ),
      )
      .limit(1);
    if (!member) throw new AppError('requests.assignee_invalid', 400);
  }
  if (input.departmentId) {
    const [department] = await db
      .select({ id: requestDepartments.id })
      .from(requestDepartments)
      .where(inOrg(requestDepartments, orgId, eq(requestDepartments.id, input.departmentId)));
    if (!department) throw new AppError('requests.department_unknown', 400);
  }
}

/**
 * Assigns a request locked in the caller's transaction (history entry for staff, audit entry) and
 * records a notification for a newly assigned colleague. Shared by single and bulk assignment.
 */
export async function applyAssignment(
  tx: Executor,
  jobs: JobQueue,
  context: { org: RequestOrg; who: AuthContext; ip: string },
  request: ServiceRequestRow,
  input: Assignment,
): Promise<NotifyResult[]> {
  const { org, who } = context;
  await refuseIfMerged(tx, org.id, request);
  const assignee =
    input.assigneeAccountId === undefined ? request.assigneeAccountId : input.assigneeAccountId;
  const department = input.departmentId === undefined ? request.departmentId : input.departmentId;
  if (assignee === request.assigneeAccountId && department === request.departmentId) return [];
  await tx
    .update(serviceRequests)
    .set({ assigneeAccountId: assignee, departmentId: department, updatedAt: new Date() })
    .where(inOrg(serviceRequests, org.id, eq(serviceRequests.id, request.id)));
  await tx.insert(requestEvents).values({
    orgId: org.id,
    requestId: request.id,
    kind: 'assigned',
    visibility: 'internal',
    actorAccountId: who.account.id,
    actorKind: 'staff',
    data: { assigneeAccountId: assignee, departmentId: department },
  });
  await recordAudit(tx, {
    orgId: org.id,
    actorAccountId: who.account.id,
    action: 'requests.assign',
    targetType: 'service_request',
    targetId: request.id,
    ip: context.ip,
    details: { assigneeAccountId: assignee, departmentId: department },
  });
  if (!assignee || assignee === request.assigneeAccountId || assignee === who.account.id) return [];
  const category = await findCategory(tx, org.id, request.categoryId);
  if (!category) throw new Error('request without its category');
  return [
    await recordNotification(
      { db: tx, jobs },
      {
        orgId: org.id,
        category: 'requests',
        template: REQUEST_ASSIGNED,
        accountId: assignee,
        params: {
          reference: request.reference,
          category: categoryName(category),
          url: `${notifySettings(jobs).publicUrl}${requestPaths.staff(org.slug, request.id)}`,
        },
      },
    ),
  ];
}

/** Staff assign a request to a colleague and/or a department's queue. */
export async function assignRequest(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  requestId: string;
  input: Assignment;
}): Promise<{ ok: true }> {
  const { db, jobs, orgId, input } = options;
  const who = requireRequestStaff(options.auth, orgId);
  await checkAssignment(db, orgId, input);
  const org = await loadOrg(db, orgId);
  const notices = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, orgId, options.requestId);
    return applyAssignment(tx, jobs, { org, who, ip: options.ip }, request, input);
  });
  await sendRecorded(jobs, notices);
  return { ok: true };
}
