import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { transitTrips } from '../bookings/schema.ts';
import { tripViews } from '../bookings/trip-view.ts';
import { transitDrivers, transitShifts, transitVehicles } from '../network/schema.ts';
import { requireDriver } from '../policies.ts';

export type ShiftRow = typeof transitShifts.$inferSelect;

/** The driver record of the signed-in person in an organisation. */
export async function findMyDriver(db: Executor, orgId: string, accountId: string) {
  const [driver] = await db
    .select()
    .from(transitDrivers)
    .where(
      scopeOf(orgId).where(
        transitDrivers,
        eq(transitDrivers.accountId, accountId),
        eq(transitDrivers.active, true),
      ),
    );
  return driver ?? null;
}

/**
 * The driver's current shift: the one started, else the one whose hours hold now (the later one when two
 * overlap at a handover), else the next one to come, else one that ended less than two hours ago (a driver
 * finishing late); null if none. A shift that ended an hour ago never hides the one the driver is on now.
 */
export async function findCurrentShift(db: Executor, orgId: string, driverId: string, now: Date) {
  const rows = await db
    .select()
    .from(transitShifts)
    .where(
      scopeOf(orgId).where(
        transitShifts,
        eq(transitShifts.driverId, driverId),
        ne(transitShifts.status, 'ended'),
        gt(transitShifts.endsAt, new Date(now.getTime() - 2 * 3600_000)),
        lt(transitShifts.startsAt, new Date(now.getTime() + 18 * 3600_000)),
      ),
    )
    .orderBy(asc(transitShifts.startsAt));
  const t = now.getTime();
  return (
    rows.find((s) => s.status === 'started') ??
    rows.findLast((s) => s.startsAt.getTime() <= t && t < s.endsAt.getTime()) ??
    rows.find((s) => s.startsAt.getTime() > t) ??
    rows.at(-1) ??
    null
  );
}

export interface ManifestStop {
  kind: 'pickup' | 'dropoff';
  order: number;
  plannedAt: string;
  windowStart: string | null;
  windowEnd: string | null;
  stop: { id: string; name: string; latitude: number; longitude: number };
  navigationUrl: string;
  trip: {
    id: string;
    reference: string;
    status: string;
    riderName: string;
    riderPhone: string;
    passengers: number;
    wheelchairs: number;
    notes: string;
  };
}

/** A driver's manifest for their current shift: the stops in order, with riders, counts and notes. */
export async function getManifest(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  now?: Date;
}) {
  const who = requireDriver(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const driver = await findMyDriver(db, orgId, who.account.id);
  if (!driver) throw new AppError('transit.no_shift', 404);
  const shift = await findCurrentShift(db, orgId, driver.id, now);
  if (!shift) throw new AppError('transit.no_shift', 404);
  const [vehicle] = await db
    .select()
    .from(transitVehicles)
    .where(scopeOf(orgId).where(transitVehicles, eq(transitVehicles.id, shift.vehicleId)));
  const rows = await db
    .select()
    .from(transitTrips)
    .where(
      scopeOf(orgId).where(
        transitTrips,
        and(
          eq(transitTrips.shiftId, shift.id),
          inArray(transitTrips.status, ['confirmed', 'arrived', 'onboard', 'completed', 'no_show']),
        ),
      ),
    );
  const views = await tripViews(db, orgId, rows);
  const stops: ManifestStop[] = [];
  for (const t of views) {
    const row = rows.find((r) => r.id === t.id);
    if (!row) continue;
    const trip = {
      id: t.id,
      reference: t.reference,
      status: t.status,
      riderName: t.riderName,
      riderPhone: t.riderPhone,
      passengers: t.passengers,
      wheelchairs: t.wheelchairs,
      notes: t.notes,
    };
    const nav = (s: { latitude: number; longitude: number }) =>
      `https://www.openstreetmap.org/directions?route=;${s.latitude}%2C${s.longitude}`;
    stops.push({
      kind: 'pickup',
      order: row.pickupOrder,
      plannedAt: t.plannedPickupAt,
      windowStart: t.promisedPickupStart,
      windowEnd: t.promisedPickupEnd,
      stop: t.pickupStop,
      navigationUrl: nav(t.pickupStop),
      trip,
    });
    if (t.status !== 'no_show')
      stops.push({
        kind: 'dropoff',
        order: row.dropoffOrder,
        plannedAt: t.expectedArrival,
        windowStart: null,
        windowEnd: null,
        stop: t.dropoffStop,
        navigationUrl: nav(t.dropoffStop),
        trip,
      });
  }
  stops.sort((a, b) => a.plannedAt.localeCompare(b.plannedAt) || a.order - b.order);
  return {
    shift: {
      id: shift.id,
      status: shift.status,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      vehicle: {
        id: vehicle?.id ?? shift.vehicleId,
        label: vehicle?.label ?? '',
        seats: vehicle?.seats ?? 0,
        wheelchairPlaces: vehicle?.wheelchairPlaces ?? 0,
      },
    },
    stops,
  };
}
