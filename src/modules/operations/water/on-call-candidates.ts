import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts, memberships } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { OPERATIONS_ROLES, requireOperationsStaff } from '../data/policies.ts';
import { ESCALATE_AFTER_MINUTES, MAX_ESCALATION_LEVEL } from './alarms.ts';

/**
 * Who may be put on call: the organisation's operations and public-works staff and its administrators
 * (the same rule setOnCall checks), by name, so the roster screen offers only people it will accept;
 * with the escalation rule the roster feeds (an unacknowledged alarm goes one level up after the delay).
 */
export async function listOnCallCandidates(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const rows = await options.db
    .selectDistinct({
      accountId: accounts.id,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(eq(memberships.orgId, options.orgId), inArray(memberships.role, [...OPERATIONS_ROLES, 'admin'])),
    )
    .orderBy(asc(accounts.givenName), asc(accounts.familyName), asc(accounts.id));
  return {
    escalateAfterMinutes: ESCALATE_AFTER_MINUTES,
    maxLevel: MAX_ESCALATION_LEVEL,
    items: rows.map((r) => ({
      accountId: r.accountId,
      name: `${r.givenName} ${r.familyName ?? ''}`.trim(),
    })),
  };
}
