import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { findAccountByEmail } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { requireOrgAdmin } from './policies.ts';
import { memberships, type Role } from './schema.ts';
import { assertOrgExists, type StaffMember, staffOf } from './staff.ts';

/** Gives an existing account a role in the organisation (granting it again changes nothing). */
export async function grantStaffRole(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: { email: string; role: Role };
}): Promise<StaffMember> {
  const who = requireOrgAdmin(options.auth, options.orgId);
  const { db, input } = options;
  const scope = scopeOf(options.orgId);
  await assertOrgExists(db, scope.orgId);
  const account = await findAccountByEmail(db, input.email);
  if (!account) throw new AppError('staff.account_not_found', 404);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(memberships)
      .values(scope.rows({ accountId: account.id, role: input.role }))
      .onConflictDoNothing()
      .returning({ role: memberships.role });
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      orgId: scope.orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'staff.role_granted',
      targetType: 'account',
      targetId: account.id,
      subjectAccountId: account.id,
      details: { role: input.role },
    });
  });
  const [member] = await staffOf(db, scope.orgId, account.id);
  if (!member) throw new Error('granted role not found');
  return member;
}
