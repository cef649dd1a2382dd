// Pure rules of the on-demand service: opening hours, calendar, booking notice and the cancellation and
// no-show penalties. Times are handled as minutes from midnight in Quebec's zone (America/Toronto).

/** Per ISO weekday ('1' = Monday … '7' = Sunday): opening periods in minutes from midnight. */
export type ServiceHours = Record<string, Array<{ from: number; to: number }>>;

export interface ZoneGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

/** What the operator decides about bookings, cancellations and no-shows. */
export interface BookingRules {
  /** Minimum notice between booking and pickup. */
  minNoticeMinutes: number;
  /** How far ahead a trip can be booked. */
  maxDaysAhead: number;
  /** Same-day trips must be booked before this minute of the day (null: no cut-off). */
  sameDayCutoffMinute: number | null;
  /** Width of the pickup window promised to the rider. */
  pickupWindowMinutes: number;
  /** How much longer than the direct ride a shared ride may take (factor) … */
  maxRideFactor: number;
  /** … and at least this many extra minutes. */
  maxRideExtraMinutes: number;
  /** A cancellation less than this before the promised window is late. */
  lateCancelMinutes: number;
  lateCancelPenaltyCents: number;
  noShowPenaltyCents: number;
  /** A driver may mark a no-show this many minutes after the window opened and they arrived. */
  noShowWaitMinutes: number;
  /** The rider is told the vehicle is about to arrive this many minutes before. */
  arrivalNoticeMinutes: number;
  /** Fare of one trip per passenger when no product pays for it. */
  singleFareCents: number;
}

export const DEFAULT_RULES: BookingRules = {
  minNoticeMinutes: 30,
  maxDaysAhead: 14,
  sameDayCutoffMinute: null,
  pickupWindowMinutes: 15,
  maxRideFactor: 2,
  maxRideExtraMinutes: 15,
  lateCancelMinutes: 60,
  lateCancelPenaltyCents: 350,
  noShowPenaltyCents: 700,
  noShowWaitMinutes: 5,
  arrivalNoticeMinutes: 5,
  singleFareCents: 350,
};

const WEEKDAY = 6 * 60;
export const DEFAULT_HOURS: ServiceHours = {
  '1': [{ from: WEEKDAY, to: 24 * 60 - 60 }],
  '2': [{ from: WEEKDAY, to: 24 * 60 - 60 }],
  '3': [{ from: WEEKDAY, to: 24 * 60 - 60 }],
  '4': [{ from: WEEKDAY, to: 24 * 60 - 60 }],
  '5': [{ from: WEEKDAY, to: 24 * 60 - 60 }],
  '6': [{ from: 8 * 60, to: 24 * 60 - 60 }],
  '7': [{ from: 8 * 60, to: 22 * 60 }],
};

export const ZONE = 'America/Toronto';

/** Quebec local date (YYYY-MM-DD), minute of the day and ISO weekday of an instant. */
export function localTime(at: Date): { date: string; minute: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
    weekday: days.indexOf(get('weekday')) + 1,
  };
}

/** The instant of local midnight starting a Quebec date (offset found from the zone itself). */
export function startOfLocalDay(date: string): Date {
  const guess = new Date(`${date}T12:00:00Z`);
  const local = localTime(guess);
  const offsetMinutes = local.minute - 12 * 60 + (local.date === date ? 0 : local.date > date ? 1440 : -1440);
  return new Date(new Date(`${date}T00:00:00Z`).getTime() - offsetMinutes * 60_000);
}

/** Minutes of an instant from the start of a service day. */
export function minutesFrom(dayStart: Date, at: Date): number {
  return (at.getTime() - dayStart.getTime()) / 60_000;
}

/** The instant `minutes` after the start of a service day. */
export function atMinutes(dayStart: Date, minutes: number): Date {
  return new Date(dayStart.getTime() + Math.round(minutes * 60_000));
}

/** Whether the service runs at this instant (hours of the weekday, closed dates). */
export function isInService(hours: ServiceHours, closedDates: readonly string[], at: Date): boolean {
  const { date, minute, weekday } = localTime(at);
  if (closedDates.includes(date)) return false;
  return (hours[String(weekday)] ?? []).some((p) => minute >= p.from && minute <= p.to);
}

/** The first Quebec date after `date` on which the service runs (not closed, some hours that weekday). */
export function nextServiceDay(hours: ServiceHours, closedDates: readonly string[], date: string): string {
  let day = startOfLocalDay(date);
  for (let i = 0; i < 366; i++) {
    // 30 h after local midnight is always in the next local day, whatever the daylight-saving change.
    const next = localTime(new Date(day.getTime() + 30 * 3600_000));
    if (!closedDates.includes(next.date) && (hours[String(next.weekday)] ?? []).length > 0) return next.date;
    day = startOfLocalDay(next.date);
  }
  throw new Error('no service day within a year');
}

export type RuleViolation = 'too_soon' | 'too_far_ahead' | 'after_cutoff' | 'out_of_service';

/** Checks a requested time against notice, horizon, same-day cut-off and service hours. */
export function checkBookingTime(
  rules: BookingRules,
  hours: ServiceHours,
  closedDates: readonly string[],
  now: Date,
  at: Date,
): RuleViolation | null {
  if (at.getTime() < now.getTime() + rules.minNoticeMinutes * 60_000 - 1000) return 'too_soon';
  if (at.getTime() > now.getTime() + rules.maxDaysAhead * 86_400_000) return 'too_far_ahead';
  const today = localTime(now);
  if (rules.sameDayCutoffMinute !== null && localTime(at).date === today.date)
    if (today.minute >= rules.sameDayCutoffMinute) return 'after_cutoff';
  if (!isInService(hours, closedDates, at)) return 'out_of_service';
  return null;
}

/** The penalty of a cancellation at `now` of a trip whose promised window opens at `windowStart`. */
export function cancellationPenalty(rules: BookingRules, now: Date, windowStart: Date): number {
  const late = windowStart.getTime() - now.getTime() < rules.lateCancelMinutes * 60_000;
  return late ? rules.lateCancelPenaltyCents : 0;
}

/** The longest ride accepted for a direct ride of `direct` minutes. */
export function maxRideMinutes(rules: BookingRules, direct: number): number {
  return Math.max(direct * rules.maxRideFactor, direct + rules.maxRideExtraMinutes);
}
