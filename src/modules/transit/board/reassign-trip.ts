import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { loadOf, readAssignments, serviceMinutes } from '../bookings/day-plan.ts';
import { loadDayPlan, loadService, saveAssignments } from '../bookings/load-day.ts';
import { transitTrips } from '../bookings/schema.ts';
import { findTrip, type TripView, tripViews } from '../bookings/trip-view.ts';
import { bookRequest } from '../dispatch/dynamic.ts';
import { transitShifts, transitStops, transitVehicles } from '../network/schema.ts';
import { notifyRider } from '../notifications.ts';
import { requireDispatcher } from '../policies.ts';
import { publishLive } from '../tracking/bus.ts';

/**
 * Moves a trip not yet picked up to another shift. The solver inserts it into that vehicle's route with
 * the rider's promise as hard windows, so the move is refused when it would break a promise (this
 * rider's or anyone's on that vehicle) — unless the dispatcher overrides, which is audited as such.
 */
export async function reassignTrip(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  tripId: string;
  shiftId: string;
  override?: boolean;
  now?: Date;
}): Promise<TripView> {
  const who = requireDispatcher(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const scope = scopeOf(orgId);
  const updated = await db.transaction(async (tx) => {
    const service = await loadService(tx, orgId, true);
    const trip = await findTrip(tx, orgId, options.tripId);
    if (!trip) throw new AppError('transit.trip_not_found', 404);
    if (trip.status !== 'confirmed') throw new AppError('transit.not_cancellable', 409);
    const [shift] = await tx
      .select()
      .from(transitShifts)
      .where(scope.where(transitShifts, eq(transitShifts.id, options.shiftId)));
    if (!shift || shift.status === 'ended') throw new AppError('transit.shift_not_found', 404);
    // Out of every plan while it is being placed again.
    await tx
      .update(transitTrips)
      .set({ shiftId: null })
      .where(scope.where(transitTrips, eq(transitTrips.id, trip.id)));
    const plan = await loadDayPlan(tx, {
      orgId,
      service,
      at: trip.promisedPickupStart,
      now,
      onlyShiftIds: [shift.id],
    });
    const stops = await tx.select().from(transitStops).where(scope.where(transitStops));
    const pos = (id: string) => {
      const s = stops.find((x) => x.id === id);
      return plan.project({ lat: s?.latitude ?? 0, lon: s?.longitude ?? 0 });
    };
    const minute = (d: Date) => (d.getTime() - plan.dayStart.getTime()) / 60_000;
    const service_ = serviceMinutes(trip.wheelchairs);
    const booking = bookRequest(plan.state, {
      id: trip.id,
      pickup: pos(trip.pickupStopId),
      dropoff: pos(trip.dropoffStopId),
      pickupEarly: minute(trip.promisedPickupStart),
      pickupLate: minute(trip.promisedPickupEnd),
      dropoffLate: minute(trip.latestDropoffAt),
      load: loadOf(trip.passengers, trip.wheelchairs),
      maxRideTime: trip.maxRideMinutes,
      pickupService: service_,
      dropoffService: service_,
    });
    if (booking) await saveAssignments(tx, orgId, readAssignments(plan, [booking.vehicle]));
    else if (options.override)
      // Forced by the dispatcher: last on the route, times as promised; the board will show it late if so.
      await tx
        .update(transitTrips)
        .set({ shiftId: shift.id, vehicleId: shift.vehicleId, pickupOrder: 10_000, dropoffOrder: 10_001 })
        .where(scope.where(transitTrips, eq(transitTrips.id, trip.id)));
    else throw new AppError('transit.reassign_infeasible', 409);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: booking ? 'transit.trip.reassign' : 'transit.trip.reassign_override',
      targetType: 'transit_trip',
      targetId: trip.id,
      subjectAccountId: trip.riderAccountId,
      details: { fromShiftId: trip.shiftId, toShiftId: shift.id },
    });
    const row = await findTrip(tx, orgId, trip.id);
    if (!row) throw new Error('trip vanished');
    return row;
  });
  const [vehicle] = updated.vehicleId
    ? await db
        .select()
        .from(transitVehicles)
        .where(scope.where(transitVehicles, eq(transitVehicles.id, updated.vehicleId)))
    : [];
  publishLive(orgId, {
    type: 'trip',
    tripId: updated.id,
    vehicleId: updated.vehicleId,
    status: updated.status,
  });
  await notifyRider({ db, jobs: options.jobs }, updated, 'assigned', {
    stopName: '',
    vehicle: vehicle?.label ?? '',
  });
  const [view] = await tripViews(db, orgId, [updated]);
  return view as TripView;
}
