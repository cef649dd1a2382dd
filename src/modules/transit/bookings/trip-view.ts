import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { orders } from '../../../platform/payments/schema.ts';
import { transitStops, transitVehicles } from '../network/schema.ts';
import { transitTrips } from './schema.ts';

export type TripRow = typeof transitTrips.$inferSelect;

export interface StopRef {
  id: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  wheelchairAccessible: boolean;
}

/** A trip as riders, drivers and dispatchers see it. */
export interface TripView {
  id: string;
  reference: string;
  status: TripRow['status'];
  timeMode: TripRow['timeMode'];
  requestedTime: string;
  pickupStop: StopRef;
  dropoffStop: StopRef;
  passengers: number;
  wheelchairs: number;
  notes: string;
  riderName: string;
  riderPhone: string;
  promisedPickupStart: string;
  promisedPickupEnd: string;
  plannedPickupAt: string;
  expectedArrival: string;
  latestDropoffAt: string;
  vehicle: { id: string; label: string } | null;
  shiftId: string | null;
  returnOfTripId: string | null;
  fareCents: number;
  penaltyCents: number;
  order: { id: string; status: string; reference: string } | null;
  pickedUpAt: string | null;
  droppedOffAt: string | null;
  cancelledAt: string | null;
}

/** Views of trips, with their stops, vehicle and order. */
export async function tripViews(db: Executor, orgId: string, rows: TripRow[]): Promise<TripView[]> {
  if (rows.length === 0) return [];
  const scope = scopeOf(orgId);
  const stopIds = [...new Set(rows.flatMap((r) => [r.pickupStopId, r.dropoffStopId]))];
  const vehicleIds = [...new Set(rows.map((r) => r.vehicleId).filter((v): v is string => !!v))];
  const orderIds = [...new Set(rows.map((r) => r.orderId).filter((v): v is string => !!v))];
  const stops = await db
    .select()
    .from(transitStops)
    .where(scope.where(transitStops, inArray(transitStops.id, stopIds)));
  const vehicles = vehicleIds.length
    ? await db
        .select({ id: transitVehicles.id, label: transitVehicles.label })
        .from(transitVehicles)
        .where(scope.where(transitVehicles, inArray(transitVehicles.id, vehicleIds)))
    : [];
  const orderRows = orderIds.length
    ? await db
        .select({ id: orders.id, status: orders.status, reference: orders.reference })
        .from(orders)
        .where(and(eq(orders.orgId, orgId), inArray(orders.id, orderIds)))
    : [];
  const stopOf = (id: string): StopRef => {
    const s = stops.find((x) => x.id === id);
    return {
      id,
      code: s?.code ?? '',
      name: s?.name ?? '',
      latitude: s?.latitude ?? 0,
      longitude: s?.longitude ?? 0,
      wheelchairAccessible: s?.wheelchairAccessible ?? false,
    };
  };
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    timeMode: r.timeMode,
    requestedTime: r.requestedTime.toISOString(),
    pickupStop: stopOf(r.pickupStopId),
    dropoffStop: stopOf(r.dropoffStopId),
    passengers: r.passengers,
    wheelchairs: r.wheelchairs,
    notes: r.notes,
    riderName: r.riderName,
    riderPhone: r.riderPhone,
    promisedPickupStart: r.promisedPickupStart.toISOString(),
    promisedPickupEnd: r.promisedPickupEnd.toISOString(),
    plannedPickupAt: r.plannedPickupAt.toISOString(),
    expectedArrival: r.plannedDropoffAt.toISOString(),
    latestDropoffAt: r.latestDropoffAt.toISOString(),
    vehicle: vehicles.find((v) => v.id === r.vehicleId) ?? null,
    shiftId: r.shiftId,
    returnOfTripId: r.returnOfTripId,
    fareCents: r.fareCents,
    penaltyCents: r.penaltyCents,
    order: orderRows.find((o) => o.id === r.orderId) ?? null,
    pickedUpAt: iso(r.pickedUpAt),
    droppedOffAt: iso(r.droppedOffAt),
    cancelledAt: iso(r.cancelledAt),
  }));
}

/** One trip of the organisation, or null. */
export async function findTrip(db: Executor, orgId: string, id: string): Promise<TripRow | null> {
  const [row] = await db
    .select()
    .from(transitTrips)
    .where(scopeOf(orgId).where(transitTrips, eq(transitTrips.id, id)));
  return row ?? null;
}
