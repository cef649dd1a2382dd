// The legal processing delay of a permit application, counted in business days in Quebec: weekends and
// statutory holidays do not count, nor do the days the file waits for the applicant's answer (the clock
// stops during a request for information). Pure functions.

const ZONE = 'America/Toronto';

/** A calendar date `YYYY-MM-DD` in Quebec of an instant. */
export function quebecDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

/** Easter Sunday of a year (anonymous Gregorian algorithm). */
export function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return iso(addDays(first, offset + (n - 1) * 7));
}

/** Quebec's statutory holidays of a year (Act respecting labour standards, s. 60; Fête nationale Act). */
export function quebecHolidays(year: number): string[] {
  const y = String(year);
  const easterSunday = utcDate(easter(year));
  // Journée nationale des patriotes: the Monday before May 25.
  const may25 = new Date(Date.UTC(year, 4, 25));
  const patriots = addDays(may25, -((may25.getUTCDay() + 6) % 7 || 7));
  return [
    `${y}-01-01`,
    iso(addDays(easterSunday, -2)),
    iso(addDays(easterSunday, 1)),
    iso(patriots),
    `${y}-06-24`,
    `${y}-07-01`,
    nthWeekday(year, 9, 1, 1),
    nthWeekday(year, 10, 1, 2),
    `${y}-12-25`,
  ];
}

/** Whether a date is a business day in Quebec. */
export function isBusinessDay(date: string): boolean {
  const d = utcDate(date);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !quebecHolidays(d.getUTCFullYear()).includes(date);
}

/** Business days after `from` up to and including `to` (dates `YYYY-MM-DD`); 0 when `to` is not later. */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(utcDate(from), 1); d <= utcDate(to); d = addDays(d, 1))
    if (isBusinessDay(iso(d))) count++;
  return count;
}

/** The date that is `days` business days after `from`. */
export function addBusinessDays(from: string, days: number): string {
  let d = utcDate(from);
  for (let left = days; left > 0; ) {
    d = addDays(d, 1);
    if (isBusinessDay(iso(d))) left--;
  }
  return iso(d);
}

/** A stretch of time when the clock ran. */
export interface ClockPeriod {
  from: Date;
  /** Null while it still runs. */
  to: Date | null;
}

/**
 * Business days elapsed on the legal clock: the sum over the periods when it ran (it stops while the file
 * waits for the applicant). Each period counts the business days after its start day up to its end day.
 */
export function elapsedBusinessDays(periods: readonly ClockPeriod[], now: Date): number {
  return periods.reduce(
    (sum, p) => sum + businessDaysBetween(quebecDate(p.from), quebecDate(p.to ?? now)),
    0,
  );
}

/** Where a file stands against its legal delay. */
export function delayStatus(elapsed: number, legalDays: number): { remaining: number; overdue: boolean } {
  return { remaining: legalDays - elapsed, overdue: elapsed > legalDays };
}
