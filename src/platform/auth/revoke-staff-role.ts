import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import type { AuthContext } from './context.ts';
import { requireOrgAdmin } from './policies.ts';
import { memberships, type Role } from './schema.ts';
import { assertOrgExists } from './staff.ts';

/** Takes a role away from a staff member; the organisation's last administrator stays. */
export async function revokeStaffRole(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  accountId: string;
  role: Role;
}): Promise<void> {
  const who = requireOrgAdmin(options.auth, options.orgId);
  const { db, accountId, role } = options;
  const scope = scopeOf(options.orgId);
  await assertOrgExists(db, scope.orgId);
  await db.transaction(async (tx) => {
    if (role === 'admin') {
      // Locks every administrator row of the organisation, so two of them cannot remove each other at once.
      const admins = await tx
        .select({ accountId: memberships.accountId })
        .from(memberships)
        .where(scope.where(memberships, eq(memberships.role, 'admin')))
        .for('update');
      if (admins.length === 1 && admins[0]?.accountId === accountId)
        throw new AppError('staff.last_admin', 409);
    }
    const removed = await tx
      .delete(memberships)
      .where(scope.where(memberships, and(eq(memberships.accountId, accountId), eq(memberships.role, role))))
      .returning({ role: memberships.role });
    if (removed.length === 0) throw new AppError('staff.role_not_found', 404);
    await recordAudit(tx, {
      orgId: scope.orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'staff.role_revoked',
      targetType: 'account',
      targetId: accountId,
      subjectAccountId: accountId,
      details: { role },
    });
  });
}
