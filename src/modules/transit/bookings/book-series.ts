import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { payTripFare } from '../fares/pay-trip-fare.ts';
import { checkBookingTime, localTime } from '../network/rules.ts';
import { notifyRider } from '../notifications.ts';
import { publishLive } from '../tracking/bus.ts';
import { loadService } from './load-day.ts';
import { type Alternative, placeTrip, type TripRequest } from './place-trip.ts';
import { failedOutcome, recordRequest } from './record-request.ts';
import { bookingParties, type Caller } from './rider.ts';
import { transitTripSeries, type transitTrips } from './schema.ts';
import { endAfterWeeks, localInstant, nextDate, seriesDates } from './series-dates.ts';
import { type TripView, tripViews } from './trip-view.ts';

export interface BookSeriesInput {
  pickupStopId: string;
  dropoffStopId: string;
  timeMode: 'leave_at' | 'arrive_by';
  /** Quebec clock time of every occurrence, HH:MM. */
  time: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** First date (default: tomorrow). */
  startDate?: string;
  /** Last date, or … */
  endDate?: string;
  /** … a number of weeks from the first date. */
  weeks?: number;
  passengers: number;
  wheelchairs?: number;
  notes?: string;
  /** Staff booking for someone who called. */
  rider?: Caller;
}

/** What became of one date of the series. */
export type Occurrence =
  | { date: string; outcome: 'booked'; trip: TripView }
  | { date: string; outcome: 'closed' | 'no_service' | 'too_far_ahead' | 'too_soon' }
  | { date: string; outcome: 'unavailable'; alternatives: Alternative[] };

const MAX_WEEKS = 26;

/**
 * Books a weekly recurring trip: every chosen weekday until the end date. Each occurrence goes through
 * the ordinary booking path in its own transaction under the service lock (so seats are never oversold and
 * one full day does not undo the others); closed dates are skipped, occurrences no vehicle can serve come
 * back with alternatives, and dates beyond the booking horizon are reported, not booked.
 */
export async function bookSeries(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  /** The address of the request, for the audit entry of a staff booking. */
  ip?: string;
  orgId: string;
  input: BookSeriesInput;
  now?: Date;
}): Promise<{ seriesId: string; occurrences: Occurrence[] }> {
  const { db, orgId, input } = options;
  const now = options.now ?? new Date();
  const { who, rider } = bookingParties(options.auth, orgId, input.rider);
  const weekdays = [...new Set(input.weekdays)].sort();
  const startDate = input.startDate ?? nextDate(localTime(now).date);
  const endDate = input.endDate ?? (input.weeks ? endAfterWeeks(startDate, input.weeks) : null);
  if (!endDate) throw new AppError('transit.series_end_required', 422);
  if (endDate < startDate || endDate > endAfterWeeks(startDate, MAX_WEEKS))
    throw new AppError('transit.series_too_long', 422, { params: { weeks: MAX_WEEKS } });
  const dates = seriesDates(startDate, endDate, weekdays);
  if (dates.length === 0) throw new AppError('transit.series_empty', 422);
  const service = await loadService(db, orgId);
  const series = await db.transaction(async (tx) => {
    const [written] = await tx
      .insert(transitTripSeries)
      .values({
        orgId,
        riderAccountId: rider.accountId,
        pickupStopId: input.pickupStopId,
        dropoffStopId: input.dropoffStopId,
        timeMode: input.timeMode,
        localTime: input.time,
        weekdays,
        startDate,
        endDate,
        passengers: input.passengers,
        wheelchairs: input.wheelchairs ?? 0,
        notes: input.notes?.trim() ?? '',
      })
      .returning();
    if (!written) throw new Error('series not written');
    if (input.rider)
      await recordAudit(tx, {
        orgId,
        actorAccountId: who.account.id,
        ip: options.ip,
        action: 'transit.series.book_for_rider',
        targetType: 'transit_trip_series',
        targetId: written.id,
        subjectAccountId: rider.accountId,
        details: { weekdays, startDate, endDate, dates: dates.length },
      });
    return written;
  });
  const occurrences: Occurrence[] = [];
  const booked: Array<{ trip: typeof transitTrips.$inferSelect; stopName: string }> = [];
  for (const date of dates) {
    if (service.closedDates.includes(date)) {
      occurrences.push({ date, outcome: 'closed' });
      continue;
    }
    const at = localInstant(date, input.time);
    const violation = checkBookingTime(service.rules, service.hours, service.closedDates, now, at);
    if (violation) {
      const outcome = violation === 'too_far_ahead' || violation === 'too_soon' ? violation : 'no_service';
      occurrences.push({ date, outcome });
      continue;
    }
    const req: TripRequest = {
      pickupStopId: input.pickupStopId,
      dropoffStopId: input.dropoffStopId,
      timeMode: input.timeMode,
      time: at,
      passengers: input.passengers,
      wheelchairs: input.wheelchairs ?? 0,
      notes: input.notes?.trim() ?? '',
    };
    const asked = { serviceDate: date, passengers: input.passengers };
    try {
      const placed = await db.transaction(async (tx) => {
        const locked = await loadService(tx, orgId, true);
        const p = await placeTrip(
          tx,
          { orgId, service: locked, now, rider, bookedByAccountId: who.account.id, seriesId: series.id },
          req,
        );
        await recordRequest(tx, orgId, { ...asked, outcome: 'accepted', tripId: p.trip.id });
        await payTripFare(tx, { orgId, trip: p.trip, createdBy: who.account.id });
        return p;
      });
      booked.push({ trip: placed.trip, stopName: placed.stops[0].name });
      const [view] = await tripViews(db, orgId, [placed.trip]);
      occurrences.push({ date, outcome: 'booked', trip: view as TripView });
    } catch (error) {
      const outcome = failedOutcome(error);
      // Anything but the solver's "no vehicle" (a stop gone, a database failure) stops the whole series.
      if (!outcome) throw error;
      await recordRequest(db, orgId, { ...asked, outcome });
      const alternatives = ((error as AppError).details as { alternatives: Alternative[] }).alternatives;
      occurrences.push({ date, outcome: 'unavailable', alternatives });
    }
  }
  for (const b of booked)
    publishLive(orgId, { type: 'trip', tripId: b.trip.id, vehicleId: b.trip.vehicleId, status: 'confirmed' });
  // One confirmation for the series (its first trip), not one message per week.
  const first = booked[0];
  if (first)
    await notifyRider({ db, jobs: options.jobs }, first.trip, 'confirmed', { stopName: first.stopName });
  return { seriesId: series.id, occurrences };
}
