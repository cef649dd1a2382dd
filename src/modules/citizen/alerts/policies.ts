import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import type { Role } from '../../../platform/auth/schema.ts';

/** Staff authorised to write and approve emergency alerts: public works and the clerk (administrators too). */
export const ALERT_ROLES: readonly Role[] = ['public_works', 'clerk'];

/** Staff of the organisation authorised for alerts. */
export function requireAlertStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ALERT_ROLES);
}
