import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import type { Role } from '../../../platform/auth/schema.ts';

/** Staff who run participation (surveys, consultations, newsletters): the clerk's office (administrators too). */
export const PARTICIPATION_STAFF_ROLES: readonly Role[] = ['clerk'];

/** Staff of the organisation who run surveys. */
export function requireSurveyStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, PARTICIPATION_STAFF_ROLES);
}
