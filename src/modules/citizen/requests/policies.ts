import type { AuthContext } from '../../../platform/auth/context.ts';
import { hasRole, requireRole } from '../../../platform/auth/policies.ts';
import type { Role } from '../../../platform/auth/schema.ts';

/** Roles that handle requests: the 311 desk and public works (administrators hold every role). */
export const REQUEST_STAFF_ROLES: readonly Role[] = ['requests', 'public_works'];

/** Staff who work the request queues: read, answer, assign, change statuses, export. */
export function requireRequestStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, REQUEST_STAFF_ROLES);
}

/** Whether someone works the request queues of an organisation. */
export function isRequestStaff(auth: AuthContext | null, orgId: string): boolean {
  return hasRole(auth, orgId, REQUEST_STAFF_ROLES);
}

/** Staff who set requests up: categories, targets, departments, statuses, answers, settings. */
export function requireRequestManager(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['requests']);
}
