import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { transitTrips } from '../bookings/schema.ts';
import { localTime } from '../network/rules.ts';
import {
  transitServices,
  transitShifts,
  transitStops,
  transitVehicles,
  transitZones,
} from '../network/schema.ts';
import { gtfsZip } from './gtfs-static.ts';

const { transit_realtime: rt } = GtfsRealtimeBindings;

async function orgBySlug(db: Database, slug: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!org) throw new AppError('transit.feed_unknown_org', 404);
  return org;
}

/** The organisation's GTFS + GTFS-Flex feed as a zip (public open data). */
export async function getGtfsZip(options: {
  db: Database;
  publicUrl: string;
  slug: string;
  now?: Date;
}): Promise<Uint8Array> {
  const { db } = options;
  const org = await orgBySlug(db, options.slug);
  const scope = scopeOf(org.id);
  const [service] = await db.select().from(transitServices).where(scope.where(transitServices));
  if (!service) throw new AppError('transit.service_not_configured', 404);
  const zones = await db
    .select()
    .from(transitZones)
    .where(scope.where(transitZones, eq(transitZones.active, true)))
    .orderBy(asc(transitZones.code));
  const stops = await db
    .select()
    .from(transitStops)
    .where(scope.where(transitStops, eq(transitStops.active, true)))
    .orderBy(asc(transitStops.code));
  const today = localTime(options.now ?? new Date()).date;
  const end = new Date(`${today}T12:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + 1);
  return gtfsZip({
    agency: {
      id: org.slug,
      name: service.nameFr,
      url: service.url ?? `${options.publicUrl}/transit/${org.id}`,
      phone: service.phone,
      lang: 'fr',
    },
    service: {
      nameFr: service.nameFr,
      hours: service.hours,
      closedDates: service.closedDates,
      rules: service.rules,
    },
    stops: stops.map((s) => ({
      code: s.code,
      name: s.name,
      latitude: s.latitude,
      longitude: s.longitude,
      wheelchair: s.wheelchairAccessible,
      zoneCode: zones.find((z) => z.id === s.zoneId)?.code ?? null,
    })),
    zones: zones.map((z) => ({ code: z.code, nameFr: z.nameFr, nameEn: z.nameEn, geometry: z.geometry })),
    from: today,
    to: end.toISOString().slice(0, 10),
    version: `${today}-v${service.version}`,
  });
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

function header(now: Date) {
  return {
    gtfsRealtimeVersion: '2.0',
    incrementality: rt.FeedHeader.Incrementality.FULL_DATASET,
    timestamp: seconds(now),
  };
}

/**
 * GTFS-Realtime feeds (public): positions of the vehicles on a started shift, and the planned pickup and
 * drop-off of the trips under way today. No rider is named; a trip is its opaque id.
 */
export async function getRealtimeFeed(options: {
  db: Database;
  slug: string;
  kind: 'vehicle-positions' | 'trip-updates';
  now?: Date;
}): Promise<{ message: InstanceType<typeof rt.FeedMessage>; bytes: Uint8Array }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const org = await orgBySlug(db, options.slug);
  const scope = scopeOf(org.id);
  const entity: Array<Record<string, unknown>> = [];
  if (options.kind === 'vehicle-positions') {
    const rows = await db
      .select({ shift: transitShifts, vehicle: transitVehicles })
      .from(transitShifts)
      .innerJoin(
        transitVehicles,
        and(eq(transitVehicles.orgId, transitShifts.orgId), eq(transitVehicles.id, transitShifts.vehicleId)),
      )
      .where(scope.where(transitShifts, eq(transitShifts.status, 'started')));
    for (const { vehicle: v } of rows) {
      if (v.lastLatitude === null || v.lastLongitude === null || !v.lastSeenAt) continue;
      entity.push({
        id: v.id,
        vehicle: {
          vehicle: { id: v.id, label: v.label },
          position: {
            latitude: v.lastLatitude,
            longitude: v.lastLongitude,
            ...(v.lastBearing !== null ? { bearing: v.lastBearing } : {}),
            ...(v.lastSpeedKmh !== null ? { speed: v.lastSpeedKmh / 3.6 } : {}),
          },
          timestamp: seconds(v.lastSeenAt),
        },
      });
    }
  } else {
    const trips = await db
      .select()
      .from(transitTrips)
      .where(
        scope.where(
          transitTrips,
          inArray(transitTrips.status, ['confirmed', 'arrived', 'onboard']),
          gte(transitTrips.promisedPickupStart, new Date(now.getTime() - 12 * 3600_000)),
          lt(transitTrips.promisedPickupStart, new Date(now.getTime() + 24 * 3600_000)),
        ),
      )
      .orderBy(asc(transitTrips.plannedPickupAt));
    const stopIds = [...new Set(trips.flatMap((t) => [t.pickupStopId, t.dropoffStopId]))];
    const stops = stopIds.length
      ? await db
          .select({ id: transitStops.id, code: transitStops.code })
          .from(transitStops)
          .where(scope.where(transitStops, inArray(transitStops.id, stopIds)))
      : [];
    const code = (id: string) => stops.find((s) => s.id === id)?.code ?? '';
    for (const t of trips) {
      const pickedUp = t.status === 'onboard';
      entity.push({
        id: t.id,
        tripUpdate: {
          trip: {
            tripId: t.id,
            routeId: 'TAXIBUS',
            startDate: localTime(t.promisedPickupStart).date.replaceAll('-', ''),
            scheduleRelationship: rt.TripDescriptor.ScheduleRelationship.NEW,
          },
          ...(t.vehicleId ? { vehicle: { id: t.vehicleId } } : {}),
          stopTimeUpdate: [
            {
              stopSequence: 1,
              stopId: code(t.pickupStopId),
              departure: { time: seconds(t.pickedUpAt && pickedUp ? t.pickedUpAt : t.plannedPickupAt) },
            },
            {
              stopSequence: 2,
              stopId: code(t.dropoffStopId),
              arrival: { time: seconds(t.plannedDropoffAt) },
            },
          ],
          timestamp: seconds(t.updatedAt),
        },
      });
    }
  }
  const message = rt.FeedMessage.fromObject({ header: header(now), entity });
  return { message, bytes: rt.FeedMessage.encode(message).finish() };
}

/** A decoded feed as plain JSON (`?format=json`), with enums as names. */
export function feedAsJson(message: InstanceType<typeof rt.FeedMessage>): Record<string, unknown> {
  return rt.FeedMessage.toObject(message, { enums: String, longs: Number, defaults: false });
}
