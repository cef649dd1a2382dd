import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { hasRole, requireAccount, requireRole } from '../../../platform/auth/policies.ts';
import type { Role } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError, forbidden } from '../../../platform/http/errors.ts';
import { callbackEmployees, callbackUnionReps } from './schema.ts';

/** Staff who run the call-back list: operations (administrators too). */
export const CALLBACK_STAFF_ROLES: readonly Role[] = ['operations'];

/** Staff of the organisation who manage the list, post needs and log calls. */
export function requireCallbackStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, CALLBACK_STAFF_ROLES);
}

/**
 * Who may read the rounds, their grievance log and the reports: the list's staff, or a union
 * representative the organisation designated. Returns who and in which capacity.
 */
export async function requireCallbackReader(
  db: Executor,
  auth: AuthContext | null,
  orgId: string,
): Promise<{ who: AuthContext; capacity: 'staff' | 'union' }> {
  const who = requireAccount(auth);
  if (hasRole(who, orgId, CALLBACK_STAFF_ROLES))
    return { who: requireCallbackStaff(who, orgId), capacity: 'staff' };
  const [rep] = await db
    .select({ id: callbackUnionReps.id })
    .from(callbackUnionReps)
    .where(inOrg(callbackUnionReps, orgId, eq(callbackUnionReps.accountId, who.account.id)));
  if (!rep) throw forbidden();
  return { who, capacity: 'union' };
}

/** The signed-in person's own record on the organisation's list, or a 404. */
export async function requireSelfEmployee(db: Executor, auth: AuthContext | null, orgId: string) {
  const who = requireAccount(auth);
  const [employee] = await db
    .select()
    .from(callbackEmployees)
    .where(and(inOrg(callbackEmployees, orgId), eq(callbackEmployees.accountId, who.account.id)));
  if (!employee) throw new AppError('callback.not_on_list', 404);
  return { who, employee };
}
