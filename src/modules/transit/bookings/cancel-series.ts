import { and, eq, gt } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { requireRiderOrDispatcher } from '../policies.ts';
import { cancelTrip } from './cancel-trip.ts';
import { transitTripSeries, transitTrips } from './schema.ts';
import type { TripView } from './trip-view.ts';

/**
 * Cancels a whole weekly series: the series stops, and each of its trips still to come is cancelled
 * through the ordinary cancellation (same late-cancellation rule, fare orders cancelled, seats freed).
 * One occurrence alone is cancelled like any trip.
 */
export async function cancelSeries(options: {
  db: Database;
  jobs: JobQueue;
  config: Pick<Config, 'stripe'>;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  seriesId: string;
  now?: Date;
}): Promise<{ cancelled: TripView[] }> {
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const scope = scopeOf(orgId);
  const [series] = await db
    .select()
    .from(transitTripSeries)
    .where(scope.where(transitTripSeries, eq(transitTripSeries.id, options.seriesId)));
  if (!series) throw new AppError('transit.trip_not_found', 404);
  requireRiderOrDispatcher(options.auth, orgId, series);
  await db
    .update(transitTripSeries)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(scope.where(transitTripSeries, eq(transitTripSeries.id, series.id)));
  const coming = await db
    .select({ id: transitTrips.id })
    .from(transitTrips)
    .where(
      scope.where(
        transitTrips,
        and(
          eq(transitTrips.seriesId, series.id),
          eq(transitTrips.status, 'confirmed'),
          gt(transitTrips.promisedPickupStart, now),
        ),
      ),
    );
  const cancelled: TripView[] = [];
  for (const trip of coming) {
    try {
      cancelled.push(await cancelTrip({ ...options, tripId: trip.id, now }));
    } catch (error) {
      // Picked up meanwhile: that one is no longer the series' to cancel.
      if (!(error instanceof AppError && error.code === 'transit.not_cancellable')) throw error;
    }
  }
  return { cancelled };
}
