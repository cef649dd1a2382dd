// Traffic statistics as pure functions: AADT (DJMA), peak hour, percentiles, heavy-vehicle share.

/** A day's total volume, by local date (YYYY-MM-DD). */
export interface DailyVolume {
  date: string;
  volume: number;
}

/**
 * Average annual daily traffic by the AASHTO method (AASHTO Guidelines for Traffic Data Programs,
 * also FHWA Traffic Monitoring Guide §3): average the days of each weekday within each month, average
 * those 7 into each month's average day, then average the months. Missing days do not bias the result
 * toward the days a counter happened to work. Months or weekdays with no data are left out.
 */
export function aadt(days: readonly DailyVolume[]): number | null {
  const byMonthDow = new Map<string, { sum: number; n: number }>();
  for (const d of days) {
    const date = new Date(`${d.date}T12:00:00Z`);
    const key = `${d.date.slice(0, 7)}:${date.getUTCDay()}`;
    const cell = byMonthDow.get(key) ?? { sum: 0, n: 0 };
    cell.sum += d.volume;
    cell.n += 1;
    byMonthDow.set(key, cell);
  }
  const months = new Map<string, number[]>();
  for (const [key, cell] of byMonthDow) {
    const month = key.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), cell.sum / cell.n]);
  }
  if (months.size === 0) return null;
  const monthly = [...months.values()].map((dows) => dows.reduce((a, b) => a + b, 0) / dows.length);
  return monthly.reduce((a, b) => a + b, 0) / monthly.length;
}

/** The arithmetic mean of daily volumes (what a short count gives before seasonal factors). */
export function meanDaily(days: readonly DailyVolume[]): number | null {
  return days.length ? days.reduce((a, d) => a + d.volume, 0) / days.length : null;
}

/**
 * The p-th percentile with linear interpolation between closest ranks (the definition of PostgreSQL's
 * percentile_cont and of the "type 7" estimator), e.g. p = 0.85 for the 85th-percentile speed.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** The busiest hour of a series of hourly volumes (the first one on a tie), or null. */
export function peakHour(
  hours: ReadonlyArray<{ bucket: string; volume: number }>,
): { bucket: string; volume: number } | null {
  let best: { bucket: string; volume: number } | null = null;
  for (const h of hours) if (!best || h.volume > best.volume) best = h;
  return best;
}

/** Heavy vehicles as a share of all vehicles (0–1), or null with no traffic. */
export function heavyShare(heavy: number, total: number): number | null {
  return total > 0 ? heavy / total : null;
}
