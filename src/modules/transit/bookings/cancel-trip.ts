import { eq } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { cancelOrder } from '../../../platform/payments/cancel-order.ts';
import { createOrder } from '../../../platform/payments/create-order.ts';
import { orders } from '../../../platform/payments/schema.ts';
import { returnFareRides } from '../fares/pay-trip-fare.ts';
import { cancellationPenalty } from '../network/rules.ts';
import { notifyRider } from '../notifications.ts';
import { requireRiderOrDispatcher } from '../policies.ts';
import { publishLive } from '../tracking/bus.ts';
import { loadService } from './load-day.ts';
import { transitTrips } from './schema.ts';
import { findTrip, type TripView, tripViews } from './trip-view.ts';

/**
 * Cancels a trip not yet started. A cancellation later than the operator's notice costs the late
 * cancellation fee (a dispatcher may waive it); an unpaid fare order is cancelled. The freed seat is
 * available to the next booking at once (the trip leaves the plan).
 */
export async function cancelTrip(options: {
  db: Database;
  jobs: JobQueue;
  config: Pick<Config, 'stripe'>;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  tripId: string;
  waivePenalty?: boolean;
  now?: Date;
}): Promise<TripView> {
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const scope = scopeOf(orgId);
  const existing = await findTrip(db, orgId, options.tripId);
  if (!existing) throw new AppError('transit.trip_not_found', 404);
  const who = requireRiderOrDispatcher(options.auth, orgId, existing);
  const staff = existing.riderAccountId !== who.account.id;
  const trip = await db.transaction(async (tx) => {
    const service = await loadService(tx, orgId, true);
    const penalty =
      staff && options.waivePenalty
        ? 0
        : cancellationPenalty(service.rules, now, existing.promisedPickupStart);
    // Conditional on the status: a trip picked up meanwhile cannot be cancelled.
    const [row] = await tx
      .update(transitTrips)
      .set({ status: 'cancelled', cancelledAt: now, penaltyCents: penalty, updatedAt: now })
      .where(
        scope.where(transitTrips, eq(transitTrips.id, existing.id), eq(transitTrips.status, 'confirmed')),
      )
      .returning();
    if (!row) throw new AppError('transit.not_cancellable', 409);
    // Without a fee the booklet rides come back; a late cancellation keeps them, as an online fare is kept.
    if (penalty === 0) await returnFareRides(tx, orgId, row.id, now);
    if (penalty > 0 && row.riderAccountId)
      await createOrder({
        db: tx,
        orgId,
        accountId: row.riderAccountId,
        createdByAccountId: who.account.id,
        lines: [
          {
            module: 'transit.penalty',
            reference: row.id,
            description: {
              fr: `Frais d’annulation tardive, TaxiBus ${row.reference}`,
              en: `Late cancellation fee, TaxiBus ${row.reference}`,
            },
            unitPriceCents: penalty,
            taxCodes: [],
          },
        ],
      });
    if (staff)
      await recordAudit(tx, {
        orgId,
        actorAccountId: who.account.id,
        ip: options.ip,
        action: 'transit.trip.cancel',
        targetType: 'transit_trip',
        targetId: row.id,
        subjectAccountId: row.riderAccountId,
        details: { reference: row.reference, penaltyCents: penalty, waived: !!options.waivePenalty },
      });
    return row;
  });
  if (trip.orderId) {
    const [order] = await db
      .select({ status: orders.status })
      .from(orders)
      .where(scope.where(orders, eq(orders.id, trip.orderId)));
    if (order && (order.status === 'pending' || order.status === 'failed'))
      await cancelOrder({
        db,
        stripeConfig: options.config.stripe,
        orgId,
        orderId: trip.orderId,
        reason: 'transit trip cancelled',
      });
  }
  publishLive(orgId, { type: 'trip', tripId: trip.id, vehicleId: trip.vehicleId, status: 'cancelled' });
  await notifyRider({ db, jobs: options.jobs }, trip, 'cancelled', {
    stopName: '',
    penaltyCents: trip.penaltyCents,
  });
  const [view] = await tripViews(db, orgId, [trip]);
  return view as TripView;
}
