// The figures of the Règlement sur la qualité de l'eau potable (RLRQ c. Q-2, r. 40) the product applies,
// as pure functions. Article numbers are those of the consolidated text in force in 2024.

/** A range a measure must stay in; either bound may be absent. */
export interface Range {
  min: number | null;
  max: number | null;
}

/** A preloaded threshold and where its figure comes from. */
export interface DefaultThreshold extends Range {
  severity: 'alarm' | 'report';
  basis: string;
}

/**
 * Thresholds preloaded when a drinking-water station gets a measure:
 * - free residual chlorine at the outlet of a treatment facility ≥ 0.3 mg/L (s. 8 (1));
 * - turbidity of distributed water ≤ 5 NTU (Schedule 1); each installation tightens it to what its
 *   treatment is designed for (filtered water targets are set per installation, as the issue asks);
 * - pH outside 6.5–8.5 is reported (the operating range the issue names; not an alarm);
 * - in the network a free residual must remain detectable (s. 8 applies at the outlet only, so the
 *   network minimum is an operating choice, preloaded at 0.05 mg/L as a report).
 */
export function defaultThresholds(kind: string, measureCode: string): DefaultThreshold[] {
  if (measureCode === 'free_chlorine' && kind === 'treatment_outlet')
    return [{ min: 0.3, max: null, severity: 'alarm', basis: 'RQEP a. 8' }];
  if (measureCode === 'free_chlorine' && (kind === 'network_point' || kind === 'reservoir'))
    return [{ min: 0.05, max: null, severity: 'report', basis: 'installation' }];
  if (
    measureCode === 'turbidity' &&
    (kind === 'treatment_outlet' || kind === 'network_point' || kind === 'well')
  )
    return [{ min: null, max: 5, severity: 'alarm', basis: 'RQEP annexe 1' }];
  if (measureCode === 'ph' && (kind === 'treatment_outlet' || kind === 'network_point'))
    return [{ min: 6.5, max: 8.5, severity: 'report', basis: 'pH 6,5–8,5' }];
  return [];
}

/** Whether a value breaks a range (a value on the bound complies: "at least 0.3"). */
export function outOfRange(value: number, range: Range): boolean {
  return (range.min !== null && value < range.min) || (range.max !== null && value > range.max);
}

/** How far a value is past the range, to keep the worst value of an alarm. */
export function severityOf(value: number, range: Range): number {
  if (range.min !== null && value < range.min) return range.min - value;
  if (range.max !== null && value > range.max) return value - range.max;
  return 0;
}

/**
 * Minimum number of samples a month for total coliforms and E. coli in distributed water, by the
 * number of people served (s. 11): 21–1,000: 2; 1,001–8,000: 8; 8,001–100,000: 1 per 1,000 persons;
 * over 100,000: 100 plus 1 per 10,000 persons beyond 100,000. Systems serving 20 or fewer are outside.
 */
export function monthlySamplesRequired(population: number): number {
  if (population <= 20) return 0;
  if (population <= 1000) return 2;
  if (population <= 8000) return 8;
  if (population <= 100_000) return Math.ceil(population / 1000);
  return 100 + Math.ceil((population - 100_000) / 10_000);
}

/** At least half of the monthly samples are taken at the extremities of the network (s. 12). */
export function extremitySamplesRequired(population: number): number {
  return Math.ceil(monthlySamplesRequired(population) / 2);
}

/**
 * Samples to take each day, on 2 days less than 72 hours apart, after a bacteriological exceedance
 * (s. 39): ≤ 200 users: 1; 201–500: 2; 501–5,000: 4; 5,001–20,000: 1 per 1,000 persons; over 20,000: 20.
 */
export function resamplesPerDay(users: number): number {
  if (users <= 200) return 1;
  if (users <= 500) return 2;
  if (users <= 5000) return 4;
  if (users <= 20_000) return Math.ceil(users / 1000);
  return 20;
}

/** Whether a system must keep the daily free-chlorine log by 4-hour period (s. 22: 20,000 persons or fewer). */
export function needsFourHourLog(population: number): boolean {
  return population <= 20_000;
}

/** The bacteriological standards of Schedule 1: no E. coli; at most 10 total coliforms per 100 mL. */
export function bacteriologicalBreaches(result: {
  eColi: number | null;
  totalColiforms: number | null;
}): Array<{ parameter: 'e_coli' | 'total_coliforms'; value: number; boilWater: boolean }> {
  const breaches: Array<{ parameter: 'e_coli' | 'total_coliforms'; value: number; boilWater: boolean }> = [];
  // E. coli is faecal contamination: the responsible person issues a boil-water notice (s. 36).
  if (result.eColi !== null && result.eColi > 0)
    breaches.push({ parameter: 'e_coli', value: result.eColi, boilWater: true });
  if (result.totalColiforms !== null && result.totalColiforms > 10)
    breaches.push({ parameter: 'total_coliforms', value: result.totalColiforms, boilWater: false });
  return breaches;
}

/** A reading of a series at a time. */
export interface Point {
  at: Date;
  value: number;
}

/** One line of the s. 22 log: the lowest free chlorine of a 4-hour period, with volume and flow then. */
export interface FourHourLine {
  periodStart: Date;
  minChlorine: number | null;
  at: Date | null;
  flow: number | null;
  volume: number | null;
  turbidity: number | null;
}

/** The value of a series nearest in time to `at` (within `withinMs`), or null. */
export function nearest(points: readonly Point[], at: Date, withinMs: number): number | null {
  let best: Point | null = null;
  for (const p of points) {
    const gap = Math.abs(p.at.getTime() - at.getTime());
    if (gap <= withinMs && (!best || gap < Math.abs(best.at.getTime() - at.getTime()))) best = p;
  }
  return best?.value ?? null;
}

/**
 * The daily log of s. 22 for one day: six 4-hour periods starting at local midnight (`dayStart`), each with
 * its lowest free chlorine and the flow, volume and turbidity measured closest to that moment (15 min).
 */
export function fourHourLog(
  dayStart: Date,
  series: { chlorine: Point[]; flow: Point[]; volume: Point[]; turbidity: Point[] },
  periodStarts?: Date[],
): FourHourLine[] {
  const starts =
    periodStarts ?? Array.from({ length: 6 }, (_, i) => new Date(dayStart.getTime() + i * 4 * 3600_000));
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? new Date(start.getTime() + 4 * 3600_000);
    let low: Point | null = null;
    for (const p of series.chlorine)
      if (p.at >= start && p.at < end && (!low || p.value < low.value)) low = p;
    const window = 15 * 60_000;
    return {
      periodStart: start,
      minChlorine: low?.value ?? null,
      at: low?.at ?? null,
      flow: low ? nearest(series.flow, low.at, window) : null,
      volume: low ? nearest(series.volume, low.at, window) : null,
      turbidity: low ? nearest(series.turbidity, low.at, window) : null,
    };
  });
}

/**
 * The month's sampling plan: `required` samples spread as evenly as possible over the weeks of the month
 * (s. 11: "répartis, dans la mesure du possible en nombre égal, sur chacune des semaines"), the first
 * half (rounded up) at network extremities (s. 12), each placed on a weekday.
 */
export function samplingPlan(
  year: number,
  month: number,
  required: number,
  extremityRequired: number,
): Array<{ date: string; extremity: boolean }> {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weekdays: number[] = [];
  for (let d = 1; d <= days; d++) {
    const dow = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
    if (dow >= 1 && dow <= 4) weekdays.push(d); // Monday–Thursday: labs receive within 48 h.
  }
  // Group the usable days by week, then deal samples out week by week.
  const weeks = new Map<number, number[]>();
  for (const d of weekdays) {
    const week = Math.floor((d - 1 + new Date(Date.UTC(year, month - 1, 1)).getUTCDay()) / 7);
    weeks.set(week, [...(weeks.get(week) ?? []), d]);
  }
  const byWeek = [...weeks.values()];
  const plan: Array<{ date: string; extremity: boolean }> = [];
  for (let i = 0; i < required; i++) {
    const week = byWeek[i % byWeek.length] ?? [1];
    const round = Math.floor(i / byWeek.length);
    const day = week[round % week.length] ?? 1;
    plan.push({
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      extremity: i < extremityRequired,
    });
  }
  return plan.sort((a, b) => a.date.localeCompare(b.date));
}
