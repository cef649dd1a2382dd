// Places one trip request into the day's live plan with the solver's insertion, inside the caller's
// transaction (which holds the service lock). On success the trip row is written with the promise made
// and every trip of the chosen vehicle gets its new order and planned times; otherwise nearby times that
// would work are offered instead.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { bookRequest } from '../dispatch/dynamic.ts';
import { checkBookingTime, localTime, maxRideMinutes } from '../network/rules.ts';
import { transitStops } from '../network/schema.ts';
import { loadOf, readAssignments, serviceMinutes } from './day-plan.ts';
import { loadDayPlan, type ServiceRow, saveAssignments } from './load-day.ts';
import { type TimeMode, transitTrips } from './schema.ts';

export interface TripRequest {
  pickupStopId: string;
  dropoffStopId: string;
  timeMode: TimeMode;
  /** The time asked for (leave at / arrive by); ignored for `asap`. */
  time: Date | null;
  passengers: number;
  wheelchairs: number;
  notes: string;
}

export interface Alternative {
  timeMode: 'leave_at';
  time: string;
  promisedPickupStart: string;
  promisedPickupEnd: string;
  expectedArrival: string;
}

type Stop = typeof transitStops.$inferSelect;

/** The pickup window asked for, in minutes of the plan's day, for a time mode. */
function requestedWindow(
  mode: TimeMode,
  at: number,
  direct: number,
  maxRide: number,
  service: number,
): { early: number; late: number; dropLate?: number } {
  if (mode === 'arrive_by') return { early: at - maxRide - 30, late: at - direct - service, dropLate: at };
  if (mode === 'asap') return { early: at, late: at + 45 };
  return { early: at, late: at + 30 };
}

async function loadStops(db: Executor, orgId: string, req: TripRequest): Promise<[Stop, Stop]> {
  const scope = scopeOf(orgId);
  const find = async (id: string) => {
    const [s] = await db
      .select()
      .from(transitStops)
      .where(scope.where(transitStops, eq(transitStops.id, id), eq(transitStops.active, true)));
    if (!s) throw new AppError('transit.stop_not_found', 404);
    return s;
  };
  if (req.pickupStopId === req.dropoffStopId) throw new AppError('transit.same_stop', 422);
  const pickup = await find(req.pickupStopId);
  const dropoff = await find(req.dropoffStopId);
  if (req.wheelchairs > 0 && (!pickup.wheelchairAccessible || !dropoff.wheelchairAccessible))
    throw new AppError('transit.stop_not_accessible', 422);
  return [pickup, dropoff];
}

function ruleError(service: ServiceRow, violation: string): AppError {
  const params = { minutes: service.rules.minNoticeMinutes, days: service.rules.maxDaysAhead };
  return new AppError(`transit.${violation}`, 422, { params });
}

/** Tries the solver for a request; returns the promise made, or null (nothing written then). */
async function tryPlace(
  db: Executor,
  ctx: { orgId: string; service: ServiceRow; now: Date; tripId: string },
  stops: [Stop, Stop],
  req: TripRequest,
  at: Date,
) {
  const plan = await loadDayPlan(db, { orgId: ctx.orgId, service: ctx.service, at, now: ctx.now });
  const [pickup, dropoff] = stops;
  const p = { lat: pickup.latitude, lon: pickup.longitude };
  const d = { lat: dropoff.latitude, lon: dropoff.longitude };
  const a = plan.project(p);
  const b = plan.project(d);
  const direct = Math.hypot(a.x - b.x, a.y - b.y) / plan.state.table.speed;
  const maxRide = maxRideMinutes(ctx.service.rules, direct);
  const service = serviceMinutes(req.wheelchairs);
  const atMin = (at.getTime() - plan.dayStart.getTime()) / 60_000;
  const w = requestedWindow(req.timeMode, atMin, direct, maxRide, service);
  const booking = bookRequest(plan.state, {
    id: ctx.tripId,
    pickup: a,
    dropoff: b,
    pickupEarly: Math.max(w.early, plan.now + ctx.service.rules.minNoticeMinutes - 1),
    pickupLate: w.late,
    dropoffLate: w.dropLate,
    load: loadOf(req.passengers, req.wheelchairs),
    maxRideTime: maxRide,
    pickupService: service,
    dropoffService: service,
  });
  if (!booking) return null;
  const toDate = (m: number) => new Date(plan.dayStart.getTime() + Math.round(m * 60_000));
  const assignments = readAssignments(plan, [booking.vehicle]);
  const mine = assignments.find((x) => x.tripId === ctx.tripId);
  return {
    plan,
    booking,
    assignments,
    maxRide,
    promisedStart: toDate(booking.promisedPickup[0]),
    promisedEnd: toDate(booking.promisedPickup[1]),
    latestDropoff: toDate(booking.latestDropoff),
    plannedPickup: toDate(booking.plannedPickup),
    expectedArrival: mine?.plannedDropoffAt ?? toDate(booking.latestDropoff),
  };
}

/** Up to three other departure times, within two hours, that a vehicle can serve. */
async function alternatives(
  db: Executor,
  ctx: { orgId: string; service: ServiceRow; now: Date },
  stops: [Stop, Stop],
  req: TripRequest,
  at: Date,
): Promise<Alternative[]> {
  const found: Alternative[] = [];
  for (const offset of [30, -30, 60, -60, 90, -90, 120]) {
    const time = new Date(at.getTime() + offset * 60_000);
    const { hours, closedDates, rules } = ctx.service;
    if (checkBookingTime(rules, hours, closedDates, ctx.now, time)) continue;
    const placed = await tryPlace(
      db,
      { ...ctx, tripId: newId() },
      stops,
      { ...req, timeMode: 'leave_at' },
      time,
    );
    if (!placed) continue;
    found.push({
      timeMode: 'leave_at',
      time: time.toISOString(),
      promisedPickupStart: placed.promisedStart.toISOString(),
      promisedPickupEnd: placed.promisedEnd.toISOString(),
      expectedArrival: placed.expectedArrival.toISOString(),
    });
    if (found.length === 3) break;
  }
  return found.sort((x, y) => x.time.localeCompare(y.time));
}

/**
 * Books one trip under the service lock the caller holds: checks the rules, asks the solver, writes the
 * trip and its vehicle's new route. Throws `transit.no_vehicle` (409) with alternatives when nothing fits.
 */
export async function placeTrip(
  db: Executor,
  ctx: {
    orgId: string;
    service: ServiceRow;
    now: Date;
    rider: { accountId: string | null; name: string; phone: string };
    bookedByAccountId: string | null;
    returnOfTripId?: string | null;
    seriesId?: string | null;
  },
  req: TripRequest,
) {
  const { orgId, service, now } = ctx;
  const stops = await loadStops(db, orgId, req);
  const at =
    req.timeMode === 'asap' || !req.time
      ? new Date(now.getTime() + service.rules.minNoticeMinutes * 60_000)
      : req.time;
  const violation = checkBookingTime(service.rules, service.hours, service.closedDates, now, at);
  if (violation) throw ruleError(service, violation);
  const tripId = newId();
  const placed = await tryPlace(db, { orgId, service, now, tripId }, stops, req, at);
  if (!placed)
    throw new AppError('transit.no_vehicle', 409, {
      details: { alternatives: await alternatives(db, { orgId, service, now }, stops, req, at) },
    });
  const [org] = await db
    .select({ refPrefix: organisations.refPrefix })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const reference = await nextReference(db, {
    orgId,
    prefix: `${org?.refPrefix ?? 'TAD'}-T`,
    kind: 'transit.trip',
    year: Number(localTime(now).date.slice(0, 4)),
  });
  const fareCents = req.passengers * service.rules.singleFareCents;
  await db.insert(transitTrips).values({
    orgId,
    id: tripId,
    reference,
    riderAccountId: ctx.rider.accountId,
    riderName: ctx.rider.name,
    riderPhone: ctx.rider.phone,
    bookedByAccountId: ctx.bookedByAccountId,
    pickupStopId: req.pickupStopId,
    dropoffStopId: req.dropoffStopId,
    timeMode: req.timeMode,
    requestedTime: at,
    passengers: req.passengers,
    wheelchairs: req.wheelchairs,
    notes: req.notes,
    promisedPickupStart: placed.promisedStart,
    promisedPickupEnd: placed.promisedEnd,
    plannedPickupAt: placed.plannedPickup,
    plannedDropoffAt: placed.expectedArrival,
    latestDropoffAt: placed.latestDropoff,
    maxRideMinutes: placed.maxRide,
    returnOfTripId: ctx.returnOfTripId ?? null,
    seriesId: ctx.seriesId ?? null,
    fareCents,
  });
  await saveAssignments(db, orgId, placed.assignments);
  const [row] = await db
    .select()
    .from(transitTrips)
    .where(and(eq(transitTrips.orgId, orgId), eq(transitTrips.id, tripId)));
  if (!row) throw new Error('trip vanished');
  return { trip: row, stops };
}
