import { and, asc, gt, gte, lt } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { transitTrips } from '../bookings/schema.ts';
import { type TripView, tripViews } from '../bookings/trip-view.ts';
import { localTime, startOfLocalDay } from '../network/rules.ts';
import { transitDrivers, transitShifts, transitVehicles } from '../network/schema.ts';
import { requireDispatcher } from '../policies.ts';

export interface BoardAlert {
  kind: 'late' | 'no_show' | 'unassigned' | 'silent_vehicle';
  tripId: string | null;
  vehicleId: string | null;
  minutes: number;
}

/**
 * The dispatcher's live board for a service day: vehicles with their last position, each shift's
 * timeline of trips, requests without a vehicle, and alerts (late pickups, no-shows, vehicles silent
 * for more than two minutes during a started shift).
 */
export async function getBoard(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  date?: string;
  now?: Date;
}) {
  requireDispatcher(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const scope = scopeOf(orgId);
  const dayStart = startOfLocalDay(options.date ?? localTime(now).date);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const vehicles = await db
    .select()
    .from(transitVehicles)
    .where(scope.where(transitVehicles))
    .orderBy(asc(transitVehicles.label));
  const drivers = await db.select().from(transitDrivers).where(scope.where(transitDrivers));
  const shifts = await db
    .select()
    .from(transitShifts)
    .where(
      scope.where(transitShifts, and(lt(transitShifts.startsAt, dayEnd), gt(transitShifts.endsAt, dayStart))),
    )
    .orderBy(asc(transitShifts.startsAt));
  const rows = await db
    .select()
    .from(transitTrips)
    .where(
      scope.where(
        transitTrips,
        and(gte(transitTrips.promisedPickupStart, dayStart), lt(transitTrips.promisedPickupStart, dayEnd)),
      ),
    )
    .orderBy(asc(transitTrips.plannedPickupAt));
  const trips = await tripViews(db, orgId, rows);
  const alerts: BoardAlert[] = [];
  const minutesSince = (iso: string) => Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
  for (const t of trips) {
    if (
      (t.status === 'confirmed' || t.status === 'arrived') &&
      minutesSince(t.promisedPickupEnd) > 0 &&
      !t.pickedUpAt
    )
      alerts.push({
        kind: 'late',
        tripId: t.id,
        vehicleId: t.vehicle?.id ?? null,
        minutes: minutesSince(t.promisedPickupEnd),
      });
    if (t.status === 'no_show')
      alerts.push({ kind: 'no_show', tripId: t.id, vehicleId: t.vehicle?.id ?? null, minutes: 0 });
    if (!t.shiftId && t.status === 'confirmed')
      alerts.push({ kind: 'unassigned', tripId: t.id, vehicleId: null, minutes: 0 });
  }
  for (const s of shifts) {
    const v = vehicles.find((x) => x.id === s.vehicleId);
    if (s.status === 'started' && (!v?.lastSeenAt || now.getTime() - v.lastSeenAt.getTime() > 120_000))
      alerts.push({
        kind: 'silent_vehicle',
        tripId: null,
        vehicleId: s.vehicleId,
        minutes: v?.lastSeenAt ? Math.round((now.getTime() - v.lastSeenAt.getTime()) / 60_000) : 0,
      });
  }
  const byShift = (id: string): TripView[] => trips.filter((t) => t.shiftId === id);
  return {
    date: localTime(dayStart).date,
    vehicles: vehicles.map((v) => ({
      id: v.id,
      label: v.label,
      seats: v.seats,
      wheelchairPlaces: v.wheelchairPlaces,
      active: v.active,
      position:
        v.lastLatitude !== null && v.lastLongitude !== null && v.lastSeenAt
          ? {
              latitude: v.lastLatitude,
              longitude: v.lastLongitude,
              bearing: v.lastBearing,
              at: v.lastSeenAt.toISOString(),
            }
          : null,
    })),
    shifts: shifts.map((s) => ({
      id: s.id,
      vehicleId: s.vehicleId,
      driverName: drivers.find((d) => d.id === s.driverId)?.name ?? '',
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      status: s.status,
      trips: byShift(s.id),
    })),
    unassigned: trips.filter((t) => !t.shiftId),
    alerts,
  };
}
