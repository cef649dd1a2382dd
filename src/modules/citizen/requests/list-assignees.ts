import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts, memberships } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { REQUEST_STAFF_ROLES, requireRequestStaff } from './policies.ts';

/** The colleagues a request may be assigned to: those who handle requests in the organisation. */
export async function listAssignees(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<Array<{ id: string; name: string }>> {
  requireRequestStaff(options.auth, options.orgId);
  const rows = await options.db
    .selectDistinct({ id: accounts.id, givenName: accounts.givenName, familyName: accounts.familyName })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.orgId, options.orgId),
        inArray(memberships.role, ['admin', ...REQUEST_STAFF_ROLES]),
        isNull(accounts.disabledAt),
      ),
    )
    .orderBy(asc(accounts.familyName), asc(accounts.givenName), asc(accounts.id));
  return rows.map((r) => ({ id: r.id, name: `${r.givenName} ${r.familyName}` }));
}
