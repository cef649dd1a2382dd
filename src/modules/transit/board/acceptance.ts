// Pure computation of the acceptance rate: of the booking requests the service decided on, the share that
// got a trip as asked. A request answered with other times (alternatives) or with nothing counts as not
// accepted, even when the rider then books one of the alternatives (that booking is its own request).
import type { RequestOutcome } from '../bookings/schema.ts';

export interface AcceptanceCounts {
  requests: number;
  accepted: number;
  alternativesOffered: number;
  refused: number;
  /** accepted ÷ requests (0–1), null on a day without requests. */
  acceptanceRate: number | null;
}

/** The acceptance rate of a set of counts (null when there was no request). */
export function acceptanceRate(accepted: number, requests: number): number | null {
  return requests > 0 ? accepted / requests : null;
}

/** Counts and acceptance rate per service day, from the outcome of each request. */
export function acceptanceByDay(
  rows: ReadonlyArray<{ serviceDate: string; outcome: RequestOutcome }>,
): Map<string, AcceptanceCounts> {
  const days = new Map<string, AcceptanceCounts>();
  for (const r of rows) {
    const d = days.get(r.serviceDate) ?? {
      requests: 0,
      accepted: 0,
      alternativesOffered: 0,
      refused: 0,
      acceptanceRate: null,
    };
    d.requests += 1;
    if (r.outcome === 'accepted') d.accepted += 1;
    else if (r.outcome === 'alternatives') d.alternativesOffered += 1;
    else d.refused += 1;
    d.acceptanceRate = acceptanceRate(d.accepted, d.requests);
    days.set(r.serviceDate, d);
  }
  return days;
}
