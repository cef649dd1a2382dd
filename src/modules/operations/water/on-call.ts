import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts, memberships } from '../../../platform/auth/schema.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { OPERATIONS_ROLES, requireOperationsStaff } from '../data/policies.ts';
import { opsOnCall } from './schema.ts';

/** The on-call roster by level, with names. */
export async function listOnCall(options: { db: Executor; auth: AuthContext | null; orgId: string }) {
  requireOperationsStaff(options.auth, options.orgId);
  const rows = await options.db
    .select({
      accountId: opsOnCall.accountId,
      level: opsOnCall.level,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
    })
    .from(opsOnCall)
    .innerJoin(accounts, eq(accounts.id, opsOnCall.accountId))
    .where(inOrg(opsOnCall, options.orgId))
    .orderBy(asc(opsOnCall.level));
  return {
    items: rows.map((r) => ({
      accountId: r.accountId,
      level: r.level,
      name: `${r.givenName} ${r.familyName ?? ''}`.trim(),
    })),
  };
}

/** Staff replace the roster (level 1 is paged first); only operations staff of the organisation may be on it. */
export async function setOnCall(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  roster: Array<{ accountId: string; level: number }>;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const ids = [...new Set(options.roster.map((r) => r.accountId))];
  if (ids.length) {
    const staff = await options.db
      .select({ accountId: memberships.accountId })
      .from(memberships)
      .where(
        and(
          eq(memberships.orgId, options.orgId),
          inArray(memberships.accountId, ids),
          inArray(memberships.role, [...OPERATIONS_ROLES, 'admin']),
        ),
      );
    const ok = new Set(staff.map((s) => s.accountId));
    if (ids.some((id) => !ok.has(id))) throw new AppError('ops.on_call_not_staff', 422);
  }
  await options.db.transaction(async (tx) => {
    await tx.delete(opsOnCall).where(inOrg(opsOnCall, options.orgId));
    const seen = new Set<string>();
    for (const r of options.roster) {
      if (seen.has(r.accountId)) continue;
      seen.add(r.accountId);
      await tx
        .insert(opsOnCall)
        .values(scopeOf(options.orgId).rows({ accountId: r.accountId, level: r.level }));
    }
    await recordAudit(tx, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      action: 'ops.on_call.set',
      targetType: 'ops_on_call',
      ip: options.ip,
      details: { roster: options.roster },
    });
  });
  return listOnCall(options);
}
