import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadService, planningSpeedKmh } from '../bookings/load-day.ts';
import { findTrip } from '../bookings/trip-view.ts';
import { transitShifts, transitStops, transitVehicles } from '../network/schema.ts';
import { travelTimeProvider } from '../network/travel-time.ts';

export interface TripVehicle {
  tripId: string;
  status: string;
  /** The vehicle the trip is planned on (its position is shown only once its shift has started). */
  assignedVehicleId: string | null;
  vehicle: {
    id: string;
    label: string;
    latitude: number | null;
    longitude: number | null;
    bearing: number | null;
    at: string | null;
  } | null;
  /** Where the vehicle is heading for this rider: the pickup, or the drop-off once on board. */
  target: { name: string; latitude: number; longitude: number };
  etaMinutes: number | null;
  plannedAt: string;
  /** The in-app counterpart of the rider's notifications: the vehicle is about to arrive, or is there. */
  notice: { kind: 'arriving' | 'arrived'; minutes: number | null } | null;
}

/** The notice shown on the live page, following what the rider was sent (see report-positions). */
function noticeOf(
  trip: { status: string; arrivalNoticeSent: boolean },
  eta: number | null,
): TripVehicle['notice'] {
  if (trip.status === 'arrived') return { kind: 'arrived', minutes: null };
  if (trip.status === 'confirmed' && trip.arrivalNoticeSent)
    return { kind: 'arriving', minutes: eta === null ? null : Math.max(1, eta) };
  return null;
}

const LIVE = new Set(['confirmed', 'arrived', 'onboard']);

/**
 * The vehicle of a rider's trip, live: only its own rider sees it, and only while the trip is under
 * way on a started shift (no one can follow a vehicle through another rider's booking afterwards).
 */
export async function followTrip(options: {
  db: Database;
  osrmUrl: string | undefined;
  auth: AuthContext | null;
  orgId: string;
  tripId: string;
}): Promise<TripVehicle> {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const trip = await findTrip(db, orgId, options.tripId);
  if (!trip || trip.riderAccountId !== who.account.id) throw new AppError('transit.trip_not_found', 404);
  const targetId = trip.status === 'onboard' ? trip.dropoffStopId : trip.pickupStopId;
  const [stop] = await db
    .select()
    .from(transitStops)
    .where(scope.where(transitStops, eq(transitStops.id, targetId)));
  const target = { name: stop?.name ?? '', latitude: stop?.latitude ?? 0, longitude: stop?.longitude ?? 0 };
  const plannedAt = (trip.status === 'onboard' ? trip.plannedDropoffAt : trip.plannedPickupAt).toISOString();
  const [shift] = trip.shiftId
    ? await db
        .select()
        .from(transitShifts)
        .where(scope.where(transitShifts, eq(transitShifts.id, trip.shiftId)))
    : [];
  if (!LIVE.has(trip.status) || !shift || shift.status !== 'started')
    return {
      tripId: trip.id,
      status: trip.status,
      assignedVehicleId: trip.vehicleId,
      vehicle: null,
      target,
      etaMinutes: null,
      plannedAt,
      notice: null,
    };
  const [v] = await db
    .select()
    .from(transitVehicles)
    .where(scope.where(transitVehicles, eq(transitVehicles.id, shift.vehicleId)));
  if (!v)
    return {
      tripId: trip.id,
      status: trip.status,
      assignedVehicleId: trip.vehicleId,
      vehicle: null,
      target,
      etaMinutes: null,
      plannedAt,
      notice: null,
    };
  let eta: number | null = null;
  if (v.lastLatitude !== null && v.lastLongitude !== null) {
    const service = await loadService(db, orgId);
    const provider = travelTimeProvider(options.osrmUrl, {
      speedKmh: await planningSpeedKmh(db, orgId),
      detourFactor: service.detourFactor,
    });
    eta = await provider
      .route({ lat: v.lastLatitude, lon: v.lastLongitude }, { lat: target.latitude, lon: target.longitude })
      .then((leg) => Math.round(leg.minutes))
      .catch(() => null);
  }
  return {
    tripId: trip.id,
    status: trip.status,
    assignedVehicleId: trip.vehicleId,
    vehicle: {
      id: v.id,
      label: v.label,
      latitude: v.lastLatitude,
      longitude: v.lastLongitude,
      bearing: v.lastBearing,
      at: v.lastSeenAt ? v.lastSeenAt.toISOString() : null,
    },
    target,
    etaMinutes: eta,
    plannedAt,
    notice: noticeOf(trip, eta),
  };
}
