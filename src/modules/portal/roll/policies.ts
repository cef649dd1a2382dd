import type { AuthContext } from '../../../platform/auth/context.ts';
import { hasRole, requireAccount, requireRole } from '../../../platform/auth/policies.ts';
import type { Role } from '../../../platform/auth/schema.ts';

/** Staff who work with the roll: urban planning, the clerk's office and treasury (administrators too). */
export const ROLL_STAFF_ROLES: readonly Role[] = ['urban_planning', 'clerk', 'treasury'];

/** Whether the reader may see what the file holds about owners (staff only; each reading is audited). */
export function canSeeOwners(auth: AuthContext | null, orgId: string): boolean {
  if (!auth) return false;
  try {
    requireAccount(auth);
  } catch {
    return false;
  }
  return hasRole(auth, orgId, ROLL_STAFF_ROLES);
}

/** Staff who import rolls and load the official CUBF list. */
export function requireRollManager(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['urban_planning', 'clerk']);
}
