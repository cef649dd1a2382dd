import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { createOrder } from '../../../platform/payments/create-order.ts';
import { notifyRider } from '../notifications.ts';
import { requireDispatcher } from '../policies.ts';
import { publishLive } from '../tracking/bus.ts';
import { loadService } from './load-day.ts';
import { placeTrip, type TripRequest } from './place-trip.ts';
import { failedOutcome, recordRequest, requestDay } from './record-request.ts';
import { type TimeMode, transitTrips } from './schema.ts';
import { type TripRow, type TripView, tripViews } from './trip-view.ts';

export interface BookTripInput {
  pickupStopId: string;
  dropoffStopId: string;
  timeMode: TimeMode;
  time?: string;
  passengers: number;
  wheelchairs?: number;
  notes?: string;
  /** Books the way back too: leaving the drop-off point at this time. */
  returnTime?: string;
  /** Staff booking for someone who called. */
  rider?: { name: string; phone: string; accountId?: string };
}

/** Creates the fare order of a trip (riders with an account pay online; phone riders pay on board). */
export async function fareOrder(db: Executor, orgId: string, trip: TripRow, createdBy: string | null) {
  if (trip.fareCents <= 0 || !trip.riderAccountId) return null;
  const order = await createOrder({
    db,
    orgId,
    accountId: trip.riderAccountId,
    createdByAccountId: createdBy,
    lines: [
      {
        module: 'transit.fare',
        reference: trip.id,
        description: {
          fr: `TaxiBus ${trip.reference} (${trip.passengers} passager${trip.passengers > 1 ? 's' : ''})`,
          en: `TaxiBus ${trip.reference} (${trip.passengers} passenger${trip.passengers > 1 ? 's' : ''})`,
        },
        quantity: trip.passengers,
        unitPriceCents: trip.fareCents / trip.passengers,
        taxCodes: [],
      },
    ],
  });
  return order.id;
}

/**
 * Books a trip (and its return): a rider for themself, or a dispatcher for someone who called. The
 * service row is locked for the whole decision, so two requests for the last seat are decided one after
 * the other: the second sees the first's trip and gets another vehicle, alternatives, or a refusal.
 */
export async function bookTrip(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: BookTripInput;
  now?: Date;
}): Promise<{ trip: TripView; returnTrip: TripView | null }> {
  const { db, orgId, input } = options;
  const now = options.now ?? new Date();
  const who = input.rider ? requireDispatcher(options.auth, orgId) : requireAccount(options.auth);
  if (input.rider && !input.rider.accountId && (!input.rider.name.trim() || !input.rider.phone.trim()))
    throw new AppError('transit.rider_required', 422);
  const rider = input.rider
    ? {
        accountId: input.rider.accountId ?? null,
        name: input.rider.name.trim(),
        phone: input.rider.phone.trim(),
      }
    : {
        accountId: who.account.id,
        name: `${who.account.givenName} ${who.account.familyName}`.trim(),
        phone: '',
      };
  const request = (from: string, to: string, mode: TimeMode, time: string | undefined): TripRequest => ({
    pickupStopId: from,
    dropoffStopId: to,
    timeMode: mode,
    time: time ? new Date(time) : null,
    passengers: input.passengers,
    wheelchairs: input.wheelchairs ?? 0,
    notes: input.notes?.trim() ?? '',
  });
  // The request being decided, so that a refusal (which rolls the transaction back) is still counted.
  const deciding: { current: { serviceDate: string; passengers: number } | null } = { current: null };
  const decided = async (
    tx: Executor,
    ctx: Parameters<typeof placeTrip>[1],
    req: TripRequest,
  ): Promise<Awaited<ReturnType<typeof placeTrip>>> => {
    const asked = { serviceDate: requestDay(ctx.service, now, req), passengers: req.passengers };
    deciding.current = asked;
    const placed = await placeTrip(tx, ctx, req);
    await recordRequest(tx, orgId, { ...asked, outcome: 'accepted', tripId: placed.trip.id });
    return placed;
  };
  const { trip, back } = await db
    .transaction(async (tx) => {
      const service = await loadService(tx, orgId, true);
      const ctx = { orgId, service, now, rider, bookedByAccountId: who.account.id };
      const first = await decided(
        tx,
        ctx,
        request(input.pickupStopId, input.dropoffStopId, input.timeMode, input.time),
      );
      let second = null;
      if (input.returnTime)
        second = await decided(
          tx,
          { ...ctx, returnOfTripId: first.trip.id },
          request(input.dropoffStopId, input.pickupStopId, 'leave_at', input.returnTime),
        );
      for (const placed of [first, second]) {
        if (!placed) continue;
        const orderId = await fareOrder(tx, orgId, placed.trip, who.account.id);
        if (orderId) {
          await tx
            .update(transitTrips)
            .set({ orderId })
            .where(scopeOf(orgId).where(transitTrips, eq(transitTrips.id, placed.trip.id)));
          placed.trip.orderId = orderId;
        }
      }
      if (input.rider)
        await recordAudit(tx, {
          orgId,
          actorAccountId: who.account.id,
          ip: options.ip,
          action: 'transit.trip.book_for_rider',
          targetType: 'transit_trip',
          targetId: first.trip.id,
          subjectAccountId: rider.accountId,
          details: { reference: first.trip.reference, returnTripId: second?.trip.id ?? null },
        });
      return { trip: first, back: second };
    })
    .catch(async (error: unknown) => {
      const outcome = failedOutcome(error);
      if (outcome && deciding.current) await recordRequest(db, orgId, { ...deciding.current, outcome });
      throw error;
    });
  for (const placed of [trip, back]) {
    if (!placed) continue;
    publishLive(orgId, {
      type: 'trip',
      tripId: placed.trip.id,
      vehicleId: placed.trip.vehicleId,
      status: 'confirmed',
    });
    await notifyRider({ db, jobs: options.jobs }, placed.trip, 'confirmed', {
      stopName: placed.stops[0].name,
    });
  }
  const views = await tripViews(db, orgId, back ? [trip.trip, back.trip] : [trip.trip]);
  return { trip: views[0] as TripView, returnTrip: views[1] ?? null };
}
