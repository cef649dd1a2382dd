import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { createOrder } from '../../../platform/payments/create-order.ts';
import { loadService } from '../bookings/load-day.ts';
import { type TripStatus, transitTrips } from '../bookings/schema.ts';
import { findTrip, type TripRow, type TripView, tripViews } from '../bookings/trip-view.ts';
import { transitDrivers, transitShifts, transitStops } from '../network/schema.ts';
import { notifyRider } from '../notifications.ts';
import { isDispatcher, requireDriver } from '../policies.ts';
import { publishLive } from '../tracking/bus.ts';

export type StopEvent = 'arrived' | 'picked_up' | 'no_show' | 'dropped_off';

// Which statuses each step may follow, and the status it leads to.
const STEPS: Record<StopEvent, { from: TripStatus[]; to: TripStatus }> = {
  arrived: { from: ['confirmed'], to: 'arrived' },
  picked_up: { from: ['confirmed', 'arrived'], to: 'onboard' },
  no_show: { from: ['arrived'], to: 'no_show' },
  dropped_off: { from: ['onboard'], to: 'completed' },
};

/** The trip, if it is on a shift driven by the signed-in driver (dispatchers may act on any). */
async function tripOnMyShift(
  db: Database,
  auth: AuthContext,
  orgId: string,
  tripId: string,
): Promise<TripRow> {
  const trip = await findTrip(db, orgId, tripId);
  if (!trip) throw new AppError('transit.trip_not_found', 404);
  if (isDispatcher(auth, orgId)) return trip;
  const [mine] = trip.shiftId
    ? await db
        .select({ id: transitShifts.id })
        .from(transitShifts)
        .innerJoin(
          transitDrivers,
          and(eq(transitDrivers.orgId, transitShifts.orgId), eq(transitDrivers.id, transitShifts.driverId)),
        )
        .where(
          scopeOf(orgId).where(
            transitShifts,
            eq(transitShifts.id, trip.shiftId),
            eq(transitDrivers.accountId, auth.account.id),
          ),
        )
    : [];
  // Another driver's trip is not disclosed.
  if (!mine) throw new AppError('transit.trip_not_found', 404);
  return trip;
}

/**
 * A driver's step at a stop: arrived, picked up, no-show (only after arriving and waiting the
 * operator's delay, and it costs the no-show fee), dropped off. Each step is a conditional update on
 * the current status, so a double tap or two devices cannot apply it twice.
 */
export async function recordStopEvent(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  tripId: string;
  event: StopEvent;
  now?: Date;
}): Promise<TripView> {
  const who = requireDriver(options.auth, options.orgId);
  const { db, orgId, event } = options;
  const now = options.now ?? new Date();
  const trip = await tripOnMyShift(db, who, orgId, options.tripId);
  const step = STEPS[event];
  const service = await loadService(db, orgId);
  if (event === 'no_show') {
    const waitedFrom = Math.max(
      trip.arrivedAt?.getTime() ?? Number.POSITIVE_INFINITY,
      trip.promisedPickupStart.getTime(),
    );
    if (waitedFrom + service.rules.noShowWaitMinutes * 60_000 > now.getTime())
      throw new AppError('transit.no_show_too_early', 422);
  }
  const updated = await db.transaction(async (tx) => {
    const penalty = event === 'no_show' ? service.rules.noShowPenaltyCents : trip.penaltyCents;
    const [row] = await tx
      .update(transitTrips)
      .set({
        status: step.to,
        updatedAt: now,
        penaltyCents: penalty,
        ...(event === 'arrived' ? { arrivedAt: now } : {}),
        ...(event === 'picked_up' ? { pickedUpAt: now } : {}),
        ...(event === 'dropped_off' ? { droppedOffAt: now } : {}),
      })
      .where(
        scopeOf(orgId).where(
          transitTrips,
          eq(transitTrips.id, trip.id),
          inArray(transitTrips.status, step.from),
        ),
      )
      .returning();
    if (!row) throw new AppError('transit.bad_transition', 409, { params: { status: trip.status } });
    if (event === 'no_show' && penalty > 0 && row.riderAccountId)
      await createOrder({
        db: tx,
        orgId,
        accountId: row.riderAccountId,
        lines: [
          {
            module: 'transit.penalty',
            reference: row.id,
            description: {
              fr: `Frais d’absence, TaxiBus ${row.reference}`,
              en: `No-show fee, TaxiBus ${row.reference}`,
            },
            unitPriceCents: penalty,
            taxCodes: [],
          },
        ],
      });
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: `transit.trip.${event}`,
      targetType: 'transit_trip',
      targetId: row.id,
      subjectAccountId: row.riderAccountId,
    });
    return row;
  });
  publishLive(orgId, {
    type: 'trip',
    tripId: updated.id,
    vehicleId: updated.vehicleId,
    status: updated.status,
  });
  if (event === 'arrived' || event === 'no_show') {
    const [stop] = await db
      .select({ name: transitStops.name })
      .from(transitStops)
      .where(scopeOf(orgId).where(transitStops, eq(transitStops.id, updated.pickupStopId)));
    await notifyRider({ db, jobs: options.jobs }, updated, event, {
      stopName: stop?.name ?? '',
      penaltyCents: updated.penaltyCents,
    });
  }
  const [view] = await tripViews(db, orgId, [updated]);
  return view as TripView;
}
