import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { carryFareUse, returnFareRides } from '../fares/pay-trip-fare.ts';
import { cancellationPenalty } from '../network/rules.ts';
import { notifyRider } from '../notifications.ts';
import { requireRiderOrDispatcher } from '../policies.ts';
import { publishLive } from '../tracking/bus.ts';
import { loadService } from './load-day.ts';
import { placeTrip } from './place-trip.ts';
import { type TimeMode, transitTrips } from './schema.ts';
import { findTrip, type TripView, tripViews } from './trip-view.ts';

export interface ChangeTripInput {
  pickupStopId?: string;
  dropoffStopId?: string;
  timeMode: TimeMode;
  time?: string;
  passengers?: number;
  wheelchairs?: number;
  notes?: string;
}

/**
 * Changes a trip not yet started: in one transaction the old trip leaves the plan and the new request
 * is placed; if nothing fits, the old trip stays exactly as it was (with the alternatives offered). A
 * change inside the late-cancellation notice costs the late-cancellation fee, as a cancellation would.
 */
export async function changeTrip(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  tripId: string;
  input: ChangeTripInput;
  now?: Date;
}): Promise<TripView> {
  const { db, orgId, input } = options;
  const now = options.now ?? new Date();
  const old = await findTrip(db, orgId, options.tripId);
  if (!old) throw new AppError('transit.trip_not_found', 404);
  const who = requireRiderOrDispatcher(options.auth, orgId, old);
  const placed = await db.transaction(async (tx) => {
    const service = await loadService(tx, orgId, true);
    const penalty = cancellationPenalty(service.rules, now, old.promisedPickupStart);
    const [gone] = await tx
      .update(transitTrips)
      .set({ status: 'cancelled', cancelledAt: now, penaltyCents: penalty, updatedAt: now })
      .where(
        scopeOf(orgId).where(transitTrips, eq(transitTrips.id, old.id), eq(transitTrips.status, 'confirmed')),
      )
      .returning();
    if (!gone) throw new AppError('transit.not_cancellable', 409);
    const result = await placeTrip(
      tx,
      {
        orgId,
        service,
        now,
        rider: { accountId: old.riderAccountId, name: old.riderName, phone: old.riderPhone },
        bookedByAccountId: who.account.id,
        returnOfTripId: old.returnOfTripId,
      },
      {
        pickupStopId: input.pickupStopId ?? old.pickupStopId,
        dropoffStopId: input.dropoffStopId ?? old.dropoffStopId,
        timeMode: input.timeMode,
        time: input.time ? new Date(input.time) : null,
        passengers: input.passengers ?? old.passengers,
        wheelchairs: input.wheelchairs ?? old.wheelchairs,
        notes: input.notes ?? old.notes,
      },
    );
    // The fare already ordered (or the booklet or pass that paid) carries over when the party did not grow.
    const kept = result.trip.passengers <= old.passengers;
    const carried = kept && (await carryFareUse(tx, orgId, old.id, result.trip.id));
    if (!carried && penalty === 0) await returnFareRides(tx, orgId, old.id, now);
    if ((old.orderId || carried) && kept) {
      await tx
        .update(transitTrips)
        .set({ orderId: old.orderId, fareCents: old.fareCents })
        .where(scopeOf(orgId).where(transitTrips, eq(transitTrips.id, result.trip.id)));
      result.trip.orderId = old.orderId;
      result.trip.fareCents = old.fareCents;
    }
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'transit.trip.change',
      targetType: 'transit_trip',
      targetId: result.trip.id,
      subjectAccountId: old.riderAccountId,
      details: { replaces: old.id, penaltyCents: penalty },
    });
    return result;
  });
  publishLive(orgId, { type: 'trip', tripId: old.id, vehicleId: old.vehicleId, status: 'cancelled' });
  publishLive(orgId, {
    type: 'trip',
    tripId: placed.trip.id,
    vehicleId: placed.trip.vehicleId,
    status: 'confirmed',
  });
  await notifyRider({ db, jobs: options.jobs }, placed.trip, 'confirmed', { stopName: placed.stops[0].name });
  const [view] = await tripViews(db, orgId, [placed.trip]);
  return view as TripView;
}
