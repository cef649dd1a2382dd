import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts, memberships } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type DepartmentView, listDepartments } from './list-departments.ts';
import { REQUEST_STAFF_ROLES, requireRequestManager } from './policies.ts';
import { requestDepartmentMembers, requestDepartments } from './schema.ts';

/**
 * Sets who works a department's queue (replacing the list): only colleagues who handle requests in the
 * organisation. Membership makes the department's queue theirs by default; it opens nothing more (every
 * request staff member may still look at any queue: a desk that triages must see them all).
 */
export async function setDepartmentMembers(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  departmentId: string;
  input: { accountIds: string[] };
}): Promise<DepartmentView> {
  const { db, orgId, departmentId } = options;
  const who = requireRequestManager(options.auth, orgId);
  const wanted = [...new Set(options.input.accountIds)];
  await db.transaction(async (tx) => {
    // The row lock serialises two managers saving the same department's list.
    const [department] = await tx
      .select({ id: requestDepartments.id })
      .from(requestDepartments)
      .where(inOrg(requestDepartments, orgId, eq(requestDepartments.id, departmentId)))
      .for('update');
    if (!department) throw new AppError('requests.department_unknown', 404);
    if (wanted.length) {
      const staff = await tx
        .selectDistinct({ id: memberships.accountId })
        .from(memberships)
        .innerJoin(accounts, eq(accounts.id, memberships.accountId))
        .where(
          and(
            eq(memberships.orgId, orgId),
            inArray(memberships.role, ['admin', ...REQUEST_STAFF_ROLES]),
            inArray(memberships.accountId, wanted),
            isNull(accounts.disabledAt),
          ),
        );
      const known = new Set(staff.map((s) => s.id));
      const stranger = wanted.find((id) => !known.has(id));
      if (stranger)
        throw new AppError('requests.assignee_invalid', 422, { details: { accountId: stranger } });
    }
    await tx
      .delete(requestDepartmentMembers)
      .where(inOrg(requestDepartmentMembers, orgId, eq(requestDepartmentMembers.departmentId, departmentId)));
    if (wanted.length)
      await tx
        .insert(requestDepartmentMembers)
        .values(wanted.map((accountId) => ({ orgId, departmentId, accountId })));
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'requests.department_members_set',
      targetType: 'request_department',
      targetId: departmentId,
      ip: options.ip,
      details: { accountIds: wanted },
    });
  });
  const departments = await listDepartments({ db, auth: options.auth, orgId });
  const saved = departments.find((d) => d.id === departmentId);
  if (!saved) throw new AppError('requests.department_unknown', 404);
  return saved;
}
