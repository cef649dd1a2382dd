import { AppError, forbidden, unauthenticated } from '../http/errors.ts';
import type { AuthContext } from './context.ts';
import type { Role } from './schema.ts';

/** The signed-in person, or a 401. */
export function requireAccount(auth: AuthContext | null): AuthContext {
  if (!auth) throw unauthenticated();
  return auth;
}

/** Whether the person holds one of the roles in an organisation (`admin` holds them all). */
export function hasRole(auth: AuthContext | null, orgId: string, roles: readonly Role[]): boolean {
  if (!auth) return false;
  return auth.memberships.some((m) => m.orgId === orgId && (m.role === 'admin' || roles.includes(m.role)));
}

/** Whether the person is staff (any role) in an organisation. */
export function isStaffOf(auth: AuthContext | null, orgId: string): boolean {
  return !!auth && auth.memberships.some((m) => m.orgId === orgId);
}

/**
 * Staff with one of the roles in the organisation, or a 401/403. Administrators must have turned on
 * TOTP and passed it in this session before any staff action.
 */
export function requireRole(auth: AuthContext | null, orgId: string, roles: readonly Role[]): AuthContext {
  const who = requireAccount(auth);
  if (!hasRole(who, orgId, roles)) throw forbidden();
  requireMfaIfAdmin(who, orgId);
  return who;
}

/** Staff of the organisation in any role. */
export function requireStaff(auth: AuthContext | null, orgId: string): AuthContext {
  const who = requireAccount(auth);
  if (!isStaffOf(who, orgId)) throw forbidden();
  requireMfaIfAdmin(who, orgId);
  return who;
}

/** An installation administrator, with TOTP passed in this session. */
export function requireInstallationAdmin(auth: AuthContext | null): AuthContext {
  const who = requireAccount(auth);
  if (!who.account.isInstallationAdmin) throw forbidden();
  if (!who.account.totpEnabled) throw new AppError('auth.totp_enrollment_required', 403);
  if (!who.mfa) throw new AppError('auth.totp_required', 403);
  return who;
}

function requireMfaIfAdmin(who: AuthContext, orgId: string): void {
  const isAdmin = who.memberships.some((m) => m.orgId === orgId && m.role === 'admin');
  if (!isAdmin) return;
  if (!who.account.totpEnabled) throw new AppError('auth.totp_enrollment_required', 403);
  if (!who.mfa) throw new AppError('auth.totp_required', 403);
}
