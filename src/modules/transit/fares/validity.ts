// Pure rules of fare holdings: the dates a pass or membership is valid, whether it covers a trip's day,
// and the status a rider sees (an active pass past its last day shows as expired without a job).

/** The calendar date `days` after a YYYY-MM-DD date (calendar arithmetic, no clock involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** First and last valid day (both included) of a pass or membership starting on `from`. */
export function validityPeriod(
  from: string,
  validityDays: number,
): { validFrom: string; validUntil: string } {
  return { validFrom: from, validUntil: addDays(from, Math.max(1, validityDays) - 1) };
}

/** Whether a Quebec date falls inside a validity period. */
export function covers(
  period: { validFrom: string | null; validUntil: string | null },
  date: string,
): boolean {
  return !!period.validFrom && !!period.validUntil && period.validFrom <= date && date <= period.validUntil;
}

/** The status shown: an active pass or membership whose last day is before `today` has expired. */
export function shownStatus<S extends string>(
  holding: { status: S; validUntil: string | null },
  today: string,
): S | 'expired' {
  if (holding.status === 'active' && holding.validUntil && holding.validUntil < today) return 'expired';
  return holding.status;
}
