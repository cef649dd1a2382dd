import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireRiderOrDispatcher } from '../policies.ts';
import { findTrip, type TripView, tripViews } from './trip-view.ts';

/** One trip, for its rider or a dispatcher of the organisation (staff access is audited). */
export async function getTrip(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  tripId: string;
}): Promise<TripView> {
  const row = await findTrip(options.db, options.orgId, options.tripId);
  if (!row) throw new AppError('transit.trip_not_found', 404);
  const who = requireRiderOrDispatcher(options.auth, options.orgId, row);
  if (row.riderAccountId !== who.account.id)
    await recordPersonalDataAccess(options.db, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      subjectAccountId: row.riderAccountId,
      targetType: 'transit_trip',
      targetId: row.id,
      purpose: 'transit.trip.view',
    });
  const [view] = await tripViews(options.db, options.orgId, [row]);
  return view as TripView;
}
