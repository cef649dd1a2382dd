// How a booked trip is paid, inside the booking's transaction: with a booklet (rides taken atomically),
// a monthly pass (its holder's seat on a day it is valid), or online; a valid membership gives its holder's
// seat the reduced single fare. Whatever no holding covers becomes the trip's fare order.
import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { createOrder, type OrderLineInput } from '../../../platform/payments/create-order.ts';
import { transitTrips } from '../bookings/schema.ts';
import type { TripRow } from '../bookings/trip-view.ts';
import { localTime } from '../network/rules.ts';
import { transitFareProducts } from '../network/schema.ts';
import { transitFareHoldings, transitFareUses } from './schema.ts';
import { covers } from './validity.ts';

/** How the rider pays a trip: online (the default) or with one of their holdings. */
export type PayWith = 'online' | { holdingId: string };

interface Seats {
  /** Passengers a holding covers (no money). */
  covered: number;
  /** The holder's seat at the member price, when a membership applies. */
  memberCents: number | null;
}

/** Takes `rides` rides from an active booklet of the rider, or nothing when it has too few (atomic). */
async function takeRides(tx: Executor, orgId: string, holdingId: string, accountId: string, rides: number) {
  const [row] = await tx
    .update(transitFareHoldings)
    .set({
      ridesLeft: sql`${transitFareHoldings.ridesLeft} - ${rides}`,
      status: sql`CASE WHEN ${transitFareHoldings.ridesLeft} - ${rides} = 0 THEN 'used_up' ELSE 'active' END`,
    })
    .where(
      scopeOf(orgId).where(
        transitFareHoldings,
        eq(transitFareHoldings.id, holdingId),
        eq(transitFareHoldings.accountId, accountId),
        eq(transitFareHoldings.kind, 'booklet'),
        eq(transitFareHoldings.status, 'active'),
        gte(transitFareHoldings.ridesLeft, rides),
      ),
    )
    .returning({ id: transitFareHoldings.id });
  return row ?? null;
}

/** Applies the chosen holding to the trip and records the use; throws when it cannot pay. */
async function payWithHolding(tx: Executor, orgId: string, trip: TripRow, holdingId: string, day: string) {
  const accountId = trip.riderAccountId;
  const [holding] = accountId
    ? await tx
        .select()
        .from(transitFareHoldings)
        .where(
          scopeOf(orgId).where(
            transitFareHoldings,
            eq(transitFareHoldings.id, holdingId),
            eq(transitFareHoldings.accountId, accountId),
          ),
        )
    : [];
  // Another rider's holding is not found, as if it did not exist.
  if (!holding || !accountId) throw new AppError('transit.fare_holding_not_found', 404);
  let covered = 0;
  if (holding.kind === 'booklet') {
    if (!(await takeRides(tx, orgId, holding.id, accountId, trip.passengers)))
      throw new AppError('transit.fare_holding_exhausted', 409, { params: { rides: trip.passengers } });
    covered = trip.passengers;
  } else if (holding.kind === 'monthly_pass') {
    if (holding.status !== 'active' || !covers(holding, day))
      throw new AppError('transit.fare_holding_not_valid', 409, { params: { date: day } });
    // A pass is personal: it covers its holder's seat; the rest of the party pays the single fare.
    covered = 1;
  } else throw new AppError('transit.fare_holding_not_payable', 422);
  await tx.insert(transitFareUses).values(
    scopeOf(orgId).rows({
      holdingId: holding.id,
      tripId: trip.id,
      rides: holding.kind === 'booklet' ? trip.passengers : 0,
    }),
  );
  return covered;
}

/** The reduced single fare when the rider holds a membership valid on `day`, else null. */
async function memberFare(tx: Executor, orgId: string, accountId: string, day: string, single: number) {
  const scope = scopeOf(orgId);
  const [membership] = await tx
    .select({ id: transitFareHoldings.id })
    .from(transitFareHoldings)
    .where(
      scope.where(
        transitFareHoldings,
        eq(transitFareHoldings.accountId, accountId),
        eq(transitFareHoldings.kind, 'membership'),
        eq(transitFareHoldings.status, 'active'),
        lte(transitFareHoldings.validFrom, day),
        gte(transitFareHoldings.validUntil, day),
      ),
    )
    .limit(1);
  if (!membership) return null;
  const [reduced] = await tx
    .select({ priceCents: transitFareProducts.priceCents })
    .from(transitFareProducts)
    .where(
      scope.where(
        transitFareProducts,
        and(eq(transitFareProducts.kind, 'single'), eq(transitFareProducts.reduced, true)),
        eq(transitFareProducts.active, true),
      ),
    )
    .orderBy(asc(transitFareProducts.priceCents))
    .limit(1);
  return reduced && reduced.priceCents < single ? reduced.priceCents : null;
}

function fareLines(trip: TripRow, single: number, seats: Seats): OrderLineInput[] {
  const lines: OrderLineInput[] = [];
  const s = (n: number, fr: boolean) =>
    n > 1 ? (fr ? 'passagers' : 'passengers') : fr ? 'passager' : 'passenger';
  let full = trip.passengers - seats.covered;
  if (seats.memberCents !== null && full > 0) {
    full -= 1;
    lines.push({
      module: 'transit.fare',
      reference: trip.id,
      description: {
        fr: `TaxiBus ${trip.reference} (tarif membre)`,
        en: `TaxiBus ${trip.reference} (member fare)`,
      },
      unitPriceCents: seats.memberCents,
      taxCodes: [],
    });
  }
  if (full > 0)
    lines.push({
      module: 'transit.fare',
      reference: trip.id,
      description: {
        fr: `TaxiBus ${trip.reference} (${full} ${s(full, true)})`,
        en: `TaxiBus ${trip.reference} (${full} ${s(full, false)})`,
      },
      quantity: full,
      unitPriceCents: single,
      taxCodes: [],
    });
  return lines;
}

/**
 * Pays a trip just placed (its fare is `passengers × single fare`): applies the holding chosen or a
 * membership, sets the fare left to pay and creates its order (riders with an account pay online;
 * phone riders pay on board). Updates `trip` in place and returns it.
 */
export async function payTripFare(
  tx: Executor,
  options: { orgId: string; trip: TripRow; payWith?: PayWith; createdBy: string | null },
): Promise<TripRow> {
  const { orgId, trip } = options;
  const single = trip.passengers > 0 ? Math.round(trip.fareCents / trip.passengers) : 0;
  const day = localTime(trip.promisedPickupStart).date;
  const seats: Seats = { covered: 0, memberCents: null };
  const payWith = options.payWith ?? 'online';
  if (payWith !== 'online') seats.covered = await payWithHolding(tx, orgId, trip, payWith.holdingId, day);
  // The member price is for the holder's own seat: not when a booklet or pass already covers it.
  if (trip.riderAccountId && seats.covered === 0)
    seats.memberCents = await memberFare(tx, orgId, trip.riderAccountId, day, single);
  const lines = fareLines(trip, single, seats);
  const fareCents = lines.reduce((sum, l) => sum + (l.quantity ?? 1) * (l.unitPriceCents ?? 0), 0);
  let orderId: string | null = null;
  if (fareCents > 0 && trip.riderAccountId)
    orderId = (
      await createOrder({
        db: tx,
        orgId,
        accountId: trip.riderAccountId,
        createdByAccountId: options.createdBy,
        lines,
      })
    ).id;
  if (fareCents !== trip.fareCents || orderId)
    await tx
      .update(transitTrips)
      .set({ fareCents, orderId })
      .where(scopeOf(orgId).where(transitTrips, eq(transitTrips.id, trip.id)));
  trip.fareCents = fareCents;
  trip.orderId = orderId;
  return trip;
}

/**
 * Gives back the booklet rides a trip took (a cancellation without fee), once: the use is marked
 * returned and the rides added back in the caller's transaction; a used-up booklet becomes active again.
 */
export async function returnFareRides(
  tx: Executor,
  orgId: string,
  tripId: string,
  now: Date,
): Promise<number> {
  const scope = scopeOf(orgId);
  const [use] = await tx
    .update(transitFareUses)
    .set({ returnedAt: now })
    .where(
      scope.where(transitFareUses, eq(transitFareUses.tripId, tripId), isNull(transitFareUses.returnedAt)),
    )
    .returning();
  if (!use || use.rides === 0) return 0;
  await tx
    .update(transitFareHoldings)
    .set({
      ridesLeft: sql`${transitFareHoldings.ridesLeft} + ${use.rides}`,
      status: sql`CASE WHEN ${transitFareHoldings.status} = 'used_up' THEN 'active' ELSE ${transitFareHoldings.status} END`,
    })
    .where(scope.where(transitFareHoldings, eq(transitFareHoldings.id, use.holdingId)));
  return use.rides;
}

/** Moves the holding use of a trip being replaced (a change) to its new trip; false when it had none. */
export async function carryFareUse(tx: Executor, orgId: string, fromTripId: string, toTripId: string) {
  const moved = await tx
    .update(transitFareUses)
    .set({ tripId: toTripId })
    .where(
      scopeOf(orgId).where(
        transitFareUses,
        eq(transitFareUses.tripId, fromTripId),
        isNull(transitFareUses.returnedAt),
      ),
    )
    .returning({ id: transitFareUses.id });
  return moved.length > 0;
}
