import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';

/** Recreation staff of the organisation (administrators included): activities, registrations, residency. */
export function requireRecreationStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['recreation']);
}

/** Staff who may see recreation's figures: recreation, treasury and elected officials (read only). */
export function requireRecreationReader(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['recreation', 'treasury', 'elected']);
}
