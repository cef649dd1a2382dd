import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import type { Role } from '../../../platform/auth/schema.ts';

/** Staff who run operations: stations, readings, water compliance, reports (administrators too). */
export const OPERATIONS_ROLES: readonly Role[] = ['operations', 'public_works'];

/** Staff of the organisation who work with operational data. */
export function requireOperationsStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, OPERATIONS_ROLES);
}
