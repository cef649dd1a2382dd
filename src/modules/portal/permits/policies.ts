import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount, requireRole } from '../../../platform/auth/policies.ts';
import type { Role } from '../../../platform/auth/schema.ts';
import { AppError } from '../../../platform/http/errors.ts';

/** Staff who handle permits: urban planning (administrators too). */
export const PERMIT_STAFF_ROLES: readonly Role[] = ['urban_planning'];

/** Staff of the organisation who handle permits. */
export function requirePermitStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, PERMIT_STAFF_ROLES);
}

/**
 * The applicant of a file, or a 404: a citizen never learns that another citizen's file exists.
 */
export function requireApplicant(
  auth: AuthContext | null,
  file: { applicantAccountId: string | null },
): AuthContext {
  const who = requireAccount(auth);
  if (file.applicantAccountId !== who.account.id) throw new AppError('permit.not_found', 404);
  return who;
}
