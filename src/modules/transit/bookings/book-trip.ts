import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { type PayWith, payTripFare } from '../fares/pay-trip-fare.ts';
import { notifyRider } from '../notifications.ts';
import { publishLive } from '../tracking/bus.ts';
import { loadService } from './load-day.ts';
import { placeTrip, type TripRequest } from './place-trip.ts';
import { failedOutcome, recordRequest, requestDay } from './record-request.ts';
import { bookingParties, type Caller } from './rider.ts';
import type { TimeMode } from './schema.ts';
import { type TripView, tripViews } from './trip-view.ts';

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
  /** A booklet or pass of the rider pays the trip (and its return); online otherwise. */
  payWith?: PayWith;
  /** Staff booking for someone who called. */
  rider?: Caller;
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
  const { who, rider } = bookingParties(options.auth, orgId, input.rider);
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
        if (placed)
          await payTripFare(tx, {
            orgId,
            trip: placed.trip,
            payWith: input.payWith,
            createdBy: who.account.id,
          });
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
