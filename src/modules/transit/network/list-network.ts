import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type FareProductView, listFareProducts } from '../fares/list-fare-products.ts';
import { requireDispatcher } from '../policies.ts';
import type { BookingRules, ServiceHours, ZoneGeometry } from './rules.ts';
import {
  transitDrivers,
  transitServices,
  transitShifts,
  transitStops,
  transitVehicles,
  transitZones,
} from './schema.ts';
import { distanceKm } from './travel-time.ts';

export interface PublicNetwork {
  service: {
    nameFr: string;
    nameEn: string;
    phone: string | null;
    url: string | null;
    hours: ServiceHours;
    closedDates: string[];
    rules: BookingRules;
  };
  zones: Array<{
    id: string;
    code: string;
    nameFr: string;
    nameEn: string;
    geometry: ZoneGeometry;
    speedKmh: number;
  }>;
  stops: Array<{
    id: string;
    code: string;
    name: string;
    latitude: number;
    longitude: number;
    zoneId: string | null;
    wheelchairAccessible: boolean;
    shelter: boolean;
    notes: string;
    /** Metres from the position asked about, when one was given. */
    distanceM: number | null;
  }>;
  fares: FareProductView[];
}

/**
 * The public network: service hours and rules, zones, active stops (nearest first when a position is
 * given, e.g. the device's or a geocoded address), and fares.
 */
export async function listNetwork(options: {
  db: Database;
  orgId: string;
  near?: { lat: number; lon: number };
  limit?: number;
}): Promise<PublicNetwork> {
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const [service] = await db.select().from(transitServices).where(scope.where(transitServices));
  if (!service) throw new AppError('transit.service_not_configured', 404);
  const zones = await db
    .select()
    .from(transitZones)
    .where(scope.where(transitZones, eq(transitZones.active, true)))
    .orderBy(asc(transitZones.code));
  const stopRows = await db
    .select()
    .from(transitStops)
    .where(scope.where(transitStops, eq(transitStops.active, true)))
    .orderBy(asc(transitStops.name));
  const fares = await listFareProducts(db, orgId);
  const near = options.near;
  let stops = stopRows.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    latitude: s.latitude,
    longitude: s.longitude,
    zoneId: s.zoneId,
    wheelchairAccessible: s.wheelchairAccessible,
    shelter: s.shelter,
    notes: s.notes,
    distanceM: near ? Math.round(distanceKm(near, { lat: s.latitude, lon: s.longitude }) * 1000) : null,
  }));
  if (near)
    stops = stops.sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0)).slice(0, options.limit ?? 5);
  return {
    service: {
      nameFr: service.nameFr,
      nameEn: service.nameEn,
      phone: service.phone,
      url: service.url,
      hours: service.hours,
      closedDates: service.closedDates,
      rules: service.rules,
    },
    zones: zones.map((z) => ({
      id: z.id,
      code: z.code,
      nameFr: z.nameFr,
      nameEn: z.nameEn,
      geometry: z.geometry,
      speedKmh: z.speedKmh,
    })),
    stops,
    fares,
  };
}

/** The fleet for dispatchers: vehicles (active or not), drivers and the shifts of a period. */
export async function listFleet(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  from: Date;
  to: Date;
}) {
  requireDispatcher(options.auth, options.orgId);
  const { db } = options;
  const scope = scopeOf(options.orgId);
  const vehicles = await db
    .select()
    .from(transitVehicles)
    .where(scope.where(transitVehicles))
    .orderBy(asc(transitVehicles.label));
  const drivers = await db
    .select()
    .from(transitDrivers)
    .where(scope.where(transitDrivers))
    .orderBy(asc(transitDrivers.name));
  const shifts = await db
    .select()
    .from(transitShifts)
    .where(
      scope.where(
        transitShifts,
        and(lt(transitShifts.startsAt, options.to), gt(transitShifts.endsAt, options.from)),
      ),
    )
    .orderBy(asc(transitShifts.startsAt));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    vehicles: vehicles.map((v) => ({
      id: v.id,
      label: v.label,
      plate: v.plate,
      seats: v.seats,
      wheelchairPlaces: v.wheelchairPlaces,
      active: v.active,
      lastLatitude: v.lastLatitude,
      lastLongitude: v.lastLongitude,
      lastSeenAt: iso(v.lastSeenAt),
    })),
    drivers: drivers.map((d) => ({
      id: d.id,
      name: d.name,
      phone: d.phone,
      accountId: d.accountId,
      active: d.active,
    })),
    shifts: shifts.map((s) => ({
      id: s.id,
      vehicleId: s.vehicleId,
      driverId: s.driverId,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      depotLatitude: s.depotLatitude,
      depotLongitude: s.depotLongitude,
      status: s.status,
    })),
  };
}
