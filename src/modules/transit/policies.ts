import type { AuthContext } from '../../platform/auth/context.ts';
import { hasRole, requireAccount, requireRole } from '../../platform/auth/policies.ts';
import { AppError } from '../../platform/http/errors.ts';

/** Dispatchers (and administrators): network, fleet, board, phone bookings. */
export function requireDispatcher(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['transit_dispatch']);
}

/** Drivers of the organisation (dispatchers may act as drivers too). */
export function requireDriver(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['transit_driver', 'transit_dispatch']);
}

/** Whether the person dispatches for the organisation. */
export function isDispatcher(auth: AuthContext | null, orgId: string): boolean {
  return hasRole(auth, orgId, ['transit_dispatch']);
}

/**
 * The rider of a trip (or a dispatcher of its organisation), else a 404: a rider never learns that
 * another rider's trip exists.
 */
export function requireRiderOrDispatcher(
  auth: AuthContext | null,
  orgId: string,
  trip: { riderAccountId: string | null },
): AuthContext {
  const who = requireAccount(auth);
  if (trip.riderAccountId === who.account.id) return who;
  if (isDispatcher(who, orgId)) return requireDispatcher(who, orgId);
  throw new AppError('transit.trip_not_found', 404);
}
