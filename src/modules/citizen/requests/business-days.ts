// Business days in Quebec, for request targets ("acknowledge within 2 business days"): weekends and the
// holidays municipal offices close for are skipped. Pure: no I/O, so it is tested and reused alone.

const ZONE = 'America/Toronto';
const DAY_MS = 86_400_000;

/** A calendar day as `YYYY-MM-DD`. */
export type Day = string;

function dayOf(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function addDays(day: Day, n: number): Day {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** Easter Sunday of a year (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
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
  return dayOf(utcDay(year, month, day));
}

// The n-th given weekday (0 = Sunday) of a month.
function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  const first = utcDay(year, month, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return dayOf(utcDay(year, month, 1 + offset + (n - 1) * 7));
}

// A holiday falling on a Sunday is observed on the Monday (Fête nationale and Canada Day, by law).
function mondayIfSunday(day: Day): Day {
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 0 ? addDays(day, 1) : day;
}

/**
 * The days Quebec municipal offices close for in a year: the statutory holidays of the Act respecting
 * labour standards (New Year's Day, Good Friday, National Patriots' Day, Fête nationale, Canada Day,
 * Labour Day, Thanksgiving, Christmas) plus Easter Monday, which municipalities also give.
 */
export function quebecHolidays(year: number): Set<Day> {
  const easter = easterSunday(year);
  // National Patriots' Day: the Monday before May 25 (between May 18 and May 24).
  const patriots = nthWeekday(year, 5, 1, 1);
  let patriotsDay = patriots;
  while (patriotsDay < `${year}-05-18`) patriotsDay = addDays(patriotsDay, 7);
  return new Set([
    `${year}-01-01`,
    addDays(easter, -2),
    addDays(easter, 1),
    patriotsDay,
    mondayIfSunday(`${year}-06-24`),
    mondayIfSunday(`${year}-07-01`),
    nthWeekday(year, 9, 1, 1),
    nthWeekday(year, 10, 1, 2),
    `${year}-12-25`,
  ]);
}

const holidayCache = new Map<number, Set<Day>>();

/** Whether a day is a working day in Quebec (not a weekend, not a holiday). */
export function isBusinessDay(day: Day): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(day.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = quebecHolidays(year);
    holidayCache.set(year, holidays);
  }
  return !holidays.has(day);
}

/**
 * The n-th business day after a day (n = 0: the day itself if it is a business day, else the next one).
 * A request sent on a Saturday with "2 business days" is due at the end of Tuesday.
 */
export function addBusinessDays(day: Day, n: number): Day {
  let current = day;
  if (n <= 0) {
    while (!isBusinessDay(current)) current = addDays(current, 1);
    return current;
  }
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isBusinessDay(current)) left--;
  }
  return current;
}

const LOCAL_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });

/** The calendar day of an instant in Quebec. */
export function localDay(instant: Date): Day {
  return LOCAL_DAY.format(instant);
}

// Minutes east of UTC of Quebec time at an instant (−240 in summer, −300 in winter).
function offsetMinutes(instant: Date): number {
  const name = OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The last millisecond of a day in Quebec, as an instant. */
export function endOfLocalDay(day: Day): Date {
  const naive = Date.parse(`${day}T23:59:59.999Z`);
  // Clocks change at 2 a.m., so the offset at the end of the day is the one of the evening.
  return new Date(naive - offsetMinutes(new Date(naive + 5 * 3600_000)) * 60_000);
}

/** When a target of n business days from an instant falls due: the end of that business day. */
export function dueAfterBusinessDays(from: Date, n: number): Date {
  return endOfLocalDay(addBusinessDays(localDay(from), n));
}
