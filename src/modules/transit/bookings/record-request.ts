// Keeps the service's answer to a booking request for the acceptance rate (see transitBookingRequests).
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { localTime } from '../network/rules.ts';
import type { ServiceRow } from './load-day.ts';
import type { TripRequest } from './place-trip.ts';
import { type RequestOutcome, transitBookingRequests } from './schema.ts';

/** The Quebec date a request is for (an `asap` request is for the earliest time the notice allows). */
export function requestDay(service: ServiceRow, now: Date, req: TripRequest): string {
  const at =
    req.timeMode === 'asap' || !req.time
      ? new Date(now.getTime() + service.rules.minNoticeMinutes * 60_000)
      : req.time;
  return localTime(at).date;
}

/** The outcome a failed placement stands for, or null when the error was not the solver's decision. */
export function failedOutcome(error: unknown): RequestOutcome | null {
  if (!(error instanceof AppError) || error.code !== 'transit.no_vehicle') return null;
  const offered = (error.details as { alternatives?: unknown[] } | undefined)?.alternatives ?? [];
  return offered.length > 0 ? 'alternatives' : 'refused';
}

/** Writes one request's outcome. */
export async function recordRequest(
  db: Executor,
  orgId: string,
  row: { serviceDate: string; outcome: RequestOutcome; passengers: number; tripId?: string | null },
): Promise<void> {
  await db.insert(transitBookingRequests).values({ orgId, ...row, tripId: row.tripId ?? null });
}
