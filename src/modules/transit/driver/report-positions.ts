import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { loadService, planningSpeedKmh } from '../bookings/load-day.ts';
import { transitPositions, transitTrips } from '../bookings/schema.ts';
import { transitStops, transitVehicles } from '../network/schema.ts';
import { travelTimeProvider } from '../network/travel-time.ts';
import { notifyRider } from '../notifications.ts';
import { requireDriver } from '../policies.ts';
import { publishLive } from '../tracking/bus.ts';
import { findCurrentShift, findMyDriver } from './manifest.ts';

export interface PositionInput {
  latitude: number;
  longitude: number;
  bearing?: number;
  speedKmh?: number;
  /** When the device took it (positions buffered offline arrive late, in a batch). */
  at: string;
}

/**
 * Positions sent by the driver app (every few seconds, or a batch buffered while offline): stored, the
 * vehicle's last position moved forward only (an old batch never overwrites a newer fix), pushed to live
 * subscribers, and the rider of the next pickup told once when the vehicle is about to arrive.
 */
export async function reportPositions(options: {
  db: Database;
  jobs: JobQueue;
  osrmUrl: string | undefined;
  auth: AuthContext | null;
  orgId: string;
  positions: PositionInput[];
  now?: Date;
}): Promise<{ stored: number; noticesSent: number }> {
  const who = requireDriver(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const scope = scopeOf(orgId);
  const driver = await findMyDriver(db, orgId, who.account.id);
  const shift = driver ? await findCurrentShift(db, orgId, driver.id, now) : null;
  if (shift?.status !== 'started') throw new AppError('transit.no_shift', 409);
  const fixes = options.positions
    .map((p) => ({ ...p, when: new Date(p.at) }))
    .filter((p) => p.when.getTime() <= now.getTime() + 60_000)
    .sort((a, b) => a.when.getTime() - b.when.getTime());
  const last = fixes.at(-1);
  if (!last) return { stored: 0, noticesSent: 0 };
  await db.insert(transitPositions).values(
    fixes.map((p) => ({
      orgId,
      vehicleId: shift.vehicleId,
      shiftId: shift.id,
      latitude: p.latitude,
      longitude: p.longitude,
      bearing: p.bearing ?? null,
      speedKmh: p.speedKmh ?? null,
      recordedAt: p.when,
    })),
  );
  const moved = await db
    .update(transitVehicles)
    .set({
      lastLatitude: last.latitude,
      lastLongitude: last.longitude,
      lastBearing: last.bearing ?? null,
      lastSpeedKmh: last.speedKmh ?? null,
      lastSeenAt: last.when,
    })
    .where(
      scope.where(
        transitVehicles,
        eq(transitVehicles.id, shift.vehicleId),
        or(isNull(transitVehicles.lastSeenAt), lt(transitVehicles.lastSeenAt, last.when)),
      ),
    )
    .returning({ id: transitVehicles.id });
  if (moved.length === 0) return { stored: fixes.length, noticesSent: 0 };
  publishLive(orgId, {
    type: 'position',
    vehicleId: shift.vehicleId,
    latitude: last.latitude,
    longitude: last.longitude,
    bearing: last.bearing ?? null,
    speedKmh: last.speedKmh ?? null,
    at: last.when.toISOString(),
  });
  // The next stop of the route: the lowest order among pickups still to make and riders on board.
  const pending = await db
    .select()
    .from(transitTrips)
    .where(
      scope.where(
        transitTrips,
        eq(transitTrips.shiftId, shift.id),
        inArray(transitTrips.status, ['confirmed', 'onboard']),
      ),
    )
    .orderBy(asc(transitTrips.pickupOrder));
  const next = pending
    .map((t) => ({ t, order: t.status === 'onboard' ? t.dropoffOrder : t.pickupOrder }))
    .sort((a, b) => a.order - b.order)[0];
  if (next?.t.status !== 'confirmed' || next.t.arrivalNoticeSent)
    return { stored: fixes.length, noticesSent: 0 };
  const service = await loadService(db, orgId);
  const [stop] = await db
    .select()
    .from(transitStops)
    .where(scope.where(transitStops, eq(transitStops.id, next.t.pickupStopId)));
  if (!stop) return { stored: fixes.length, noticesSent: 0 };
  const provider = travelTimeProvider(options.osrmUrl, {
    speedKmh: await planningSpeedKmh(db, orgId),
    detourFactor: service.detourFactor,
  });
  const eta = await provider
    .route({ lat: last.latitude, lon: last.longitude }, { lat: stop.latitude, lon: stop.longitude })
    .then((leg) => leg.minutes)
    .catch(() => Number.POSITIVE_INFINITY);
  if (eta > service.rules.arrivalNoticeMinutes) return { stored: fixes.length, noticesSent: 0 };
  // Once per trip, whatever the number of devices or retries.
  const [claimed] = await db
    .update(transitTrips)
    .set({ arrivalNoticeSent: true })
    .where(
      scope.where(
        transitTrips,
        and(eq(transitTrips.id, next.t.id), eq(transitTrips.arrivalNoticeSent, false)),
      ),
    )
    .returning();
  if (!claimed) return { stored: fixes.length, noticesSent: 0 };
  // The rider's live page shows the notice too (its stream refreshes on this trip's events).
  publishLive(orgId, {
    type: 'trip',
    tripId: claimed.id,
    vehicleId: claimed.vehicleId,
    status: claimed.status,
  });
  await notifyRider({ db, jobs: options.jobs }, claimed, 'arriving', {
    stopName: stop.name,
    minutes: Math.max(1, Math.round(eta)),
  });
  return { stored: fixes.length, noticesSent: 1 };
}
