// Loads what the solver needs for one service day (shifts, their vehicles and the trips still to serve)
// and writes routes back. Callers hold the service row lock (lockService) so that two bookings never
// plan on the same snapshot: the seat a booking takes is decided under that lock, first come first served.
import { and, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { localTime, startOfLocalDay } from '../network/rules.ts';
import {
  transitServices,
  transitShifts,
  transitStops,
  transitVehicles,
  transitZones,
} from '../network/schema.ts';
import { planeSpeed } from '../network/travel-time.ts';
import { type Assignment, buildDayPlan, type DayPlan, type PlanShift, type PlanTrip } from './day-plan.ts';
import { transitTrips } from './schema.ts';

export type ServiceRow = typeof transitServices.$inferSelect;

/** The organisation's service, locked for the rest of the transaction when `lock` is set. */
export async function loadService(db: Executor, orgId: string, lock = false): Promise<ServiceRow> {
  const q = db.select().from(transitServices).where(scopeOf(orgId).where(transitServices));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('transit.service_not_configured', 404);
  return row;
}

/** Road speed the plan uses: the slowest active zone's (a promise made at it holds in every zone). */
export async function planningSpeedKmh(db: Executor, orgId: string): Promise<number> {
  const zones = await db
    .select({ speed: transitZones.speedKmh })
    .from(transitZones)
    .where(scopeOf(orgId).where(transitZones, eq(transitZones.active, true)));
  return zones.length ? Math.min(...zones.map((z) => z.speed)) : 35;
}

const ACTIVE = ['confirmed', 'arrived', 'onboard'] as const;

/** Builds the plan of the service day containing `at`. */
export async function loadDayPlan(
  db: Executor,
  options: { orgId: string; service: ServiceRow; at: Date; now: Date; onlyShiftIds?: string[] },
): Promise<DayPlan> {
  const { orgId, service } = options;
  const scope = scopeOf(orgId);
  const dayStart = startOfLocalDay(localTime(options.at).date);
  const dayEnd = new Date(dayStart.getTime() + 36 * 3600_000);
  const shiftRows = await db
    .select({ shift: transitShifts, vehicle: transitVehicles })
    .from(transitShifts)
    .innerJoin(
      transitVehicles,
      and(eq(transitVehicles.orgId, transitShifts.orgId), eq(transitVehicles.id, transitShifts.vehicleId)),
    )
    .where(
      scope.where(
        transitShifts,
        lt(transitShifts.startsAt, dayEnd),
        gt(transitShifts.endsAt, dayStart),
        ne(transitShifts.status, 'ended'),
        eq(transitVehicles.active, true),
        options.onlyShiftIds ? inArray(transitShifts.id, options.onlyShiftIds) : undefined,
      ),
    )
    .orderBy(transitShifts.startsAt, transitShifts.id);
  const shifts: PlanShift[] = shiftRows.map(({ shift, vehicle }) => ({
    id: shift.id,
    vehicleId: vehicle.id,
    depot: { lat: shift.depotLatitude, lon: shift.depotLongitude },
    start: shift.startsAt,
    end: shift.endsAt,
    seats: vehicle.seats,
    wheelchairPlaces: vehicle.wheelchairPlaces,
    position:
      shift.status === 'started' && vehicle.lastLatitude !== null && vehicle.lastLongitude !== null
        ? { lat: vehicle.lastLatitude, lon: vehicle.lastLongitude }
        : null,
  }));
  const ids = shifts.map((s) => s.id);
  const tripRows = ids.length
    ? await db
        .select()
        .from(transitTrips)
        .where(
          scope.where(transitTrips, inArray(transitTrips.shiftId, ids), inArray(transitTrips.status, ACTIVE)),
        )
    : [];
  const stopIds = [...new Set(tripRows.flatMap((t) => [t.pickupStopId, t.dropoffStopId]))];
  const stops = stopIds.length
    ? await db
        .select({ id: transitStops.id, lat: transitStops.latitude, lon: transitStops.longitude })
        .from(transitStops)
        .where(scope.where(transitStops, inArray(transitStops.id, stopIds)))
    : [];
  const where = new Map(stops.map((s) => [s.id, { lat: s.lat, lon: s.lon }]));
  const trips: PlanTrip[] = tripRows.map((t) => ({
    id: t.id,
    shiftId: t.shiftId as string,
    status: t.status as PlanTrip['status'],
    pickup: where.get(t.pickupStopId) ?? { lat: 0, lon: 0 },
    dropoff: where.get(t.dropoffStopId) ?? { lat: 0, lon: 0 },
    passengers: t.passengers,
    wheelchairs: t.wheelchairs,
    promisedStart: t.promisedPickupStart,
    promisedEnd: t.promisedPickupEnd,
    latestDropoff: t.latestDropoffAt,
    maxRideMinutes: t.maxRideMinutes,
    pickupOrder: t.pickupOrder,
    dropoffOrder: t.dropoffOrder,
  }));
  const origin = shifts[0]?.depot ?? trips[0]?.pickup ?? { lat: 46.05, lon: -71.96 };
  const speed = planeSpeed(await planningSpeedKmh(db, orgId), service.detourFactor);
  return buildDayPlan({
    origin,
    speed,
    dayStart,
    now: options.now,
    promiseWidth: service.rules.pickupWindowMinutes,
    shifts,
    trips,
  });
}

/** Writes the shift, order and planned times of trips (after a booking, reassignment or re-plan). */
export async function saveAssignments(db: Executor, orgId: string, assignments: Assignment[]): Promise<void> {
  const scope = scopeOf(orgId);
  for (const a of assignments)
    await db
      .update(transitTrips)
      .set({
        shiftId: a.shiftId,
        vehicleId: a.vehicleId,
        dropoffOrder: a.dropoffOrder,
        plannedDropoffAt: a.plannedDropoffAt,
        ...(a.pickupOrder !== null && a.plannedPickupAt
          ? { pickupOrder: a.pickupOrder, plannedPickupAt: a.plannedPickupAt }
          : {}),
        updatedAt: new Date(),
      })
      .where(scope.where(transitTrips, eq(transitTrips.id, a.tripId)));
}
