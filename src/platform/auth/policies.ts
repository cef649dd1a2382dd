import { AppError, forbidden, unauthenticated } from '../http/errors.ts';
import type { AuthContext } from './context.ts';
import type { Role } from './schema.ts';

/**
 * The signed-in person, or a 401. A session whose TOTP code is still to be entered counts for nothing
 * yet (403 `auth.totp_required`): the password alone must not open an account that has a second factor.
 */
export function requireAccount(auth: AuthContext | null): AuthContext {
  if (!auth) throw unauthenticated();
  if (auth.account.totpEnabled && !auth.mfa) throw new AppError('auth.totp_required', 403);
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

/**
 * Someone who manages an organisation's staff: its administrator, or an installation administrator
 * (both with TOTP passed in this session).
 */
export function requireOrgAdmin(auth: AuthContext | null, orgId: string): AuthContext {
  const isOrgAdmin = !!auth?.memberships.some((m) => m.orgId === orgId && m.role === 'admin');
  if (auth?.account.isInstallationAdmin && !isOrgAdmin) return requireInstallationAdmin(auth);
  return requireRole(auth, orgId, ['admin']);
}
