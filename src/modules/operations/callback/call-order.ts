// The call-back order (liste de rappel): who is offered a shift, in what order, and who is passed over
// and why. Pure: no I/O, no clock; everything it needs is passed in, so it can be tested exhaustively and a
// grievance can be replayed from the log.

/** Weekdays, Monday first (Quebec agreements count weeks from Monday or Sunday; Monday here). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Shifts: day 7–15 h, evening 15–23 h, night 23–7 h (a night belongs to the day it starts). */
export const SHIFTS = ['day', 'evening', 'night'] as const;
export type Shift = (typeof SHIFTS)[number];
/** One availability slot: a weekday and a shift, e.g. `mon:day`. */
export type Slot = `${Weekday}:${Shift}`;
/** Every slot of the week. */
export const ALL_SLOTS: readonly Slot[] = WEEKDAYS.flatMap((d) => SHIFTS.map((s) => `${d}:${s}` as Slot));

/** The agreement's rules for one job class (or the organisation's default). */
export interface CallbackRules {
  /** Seniority by hours worked (more first) or by date of hiring on the list (earlier first). */
  seniorityBasis: 'hours' | 'date';
  /** Response windows by how soon the need starts, e.g. within 24 h → 5 min, within 48 h → 20 min. */
  windows: Array<{ withinHours: number; minutes: number }>;
  /** Window when the need starts later than every `withinHours`. */
  defaultWindowMinutes: number;
  /** Maximum hours in one week (Monday to Sunday, by shift start); null for no maximum. */
  maxHoursPerWeek: number | null;
  /** Minimum rest between two shifts, in hours. */
  minRestHours: number;
  /** `free`: refusing has no effect; `limit`: after `refusalLimit` refusals in the period, passed over. */
  refusalPolicy: 'free' | 'limit';
  refusalLimit: number;
  /** The period (days) over which refusals are counted and hours are shared. */
  periodDays: number;
  /** Whether letting the window expire counts as a refusal. */
  noAnswerCountsAsRefusal: boolean;
  /** Equal distribution: fewest hours in the period first, seniority breaking ties. */
  equalDistribution: boolean;
  /** Hours offered and refused count as hours worked for the equal distribution. */
  refusedHoursCount: boolean;
  /** How many people are offered at once (1 = strictly one after the other). */
  offersAtOnce: number;
  /** Availabilities are changeable until this many days before the week they apply to (0: at once). */
  availabilityDeadlineDays: number;
}

/** The rules most Quebec municipal agreements start from. */
export const DEFAULT_RULES: CallbackRules = {
  seniorityBasis: 'hours',
  windows: [
    { withinHours: 24, minutes: 5 },
    { withinHours: 48, minutes: 20 },
  ],
  defaultWindowMinutes: 60,
  maxHoursPerWeek: 40,
  minRestHours: 8,
  refusalPolicy: 'free',
  refusalLimit: 3,
  periodDays: 28,
  noAnswerCountsAsRefusal: false,
  equalDistribution: false,
  refusedHoursCount: false,
  offersAtOnce: 1,
  availabilityDeadlineDays: 0,
};

/** A time interval [start, end). */
export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** A person on the list, with what the rules look at. */
export interface Candidate {
  id: string;
  employeeNumber: string;
  active: boolean;
  jobClasses: readonly string[];
  qualifications: readonly string[];
  seniorityHours: number;
  /** ISO date (YYYY-MM-DD) of entry on the list, for date seniority. */
  seniorityDate: string | null;
  /** The availability slots in effect for the need's date. */
  slots: readonly Slot[];
  absences: readonly Interval[];
  /** Shifts already accepted (other needs). */
  assignments: readonly Interval[];
  /** Offers refused (or left to expire) with when and how many hours they were. */
  refusals: ReadonlyArray<{ at: Date; hours: number; kind: 'refused' | 'expired' }>;
}

/** The need to fill, as far as the rules go. */
export interface NeedFacts {
  jobClass: string;
  startsAt: Date;
  endsAt: Date;
  qualifications: readonly string[];
  urgent: boolean;
}

/** Why someone is passed over. */
export const SKIP_REASONS = [
  'inactive',
  'already_offered',
  'absent',
  'unavailable',
  'unqualified',
  'overlap',
  'min_rest',
  'max_hours',
  'refusal_limit',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The rules' verdict on one person, in list order. */
export interface Decision {
  employeeId: string;
  rank: number;
  eligible: boolean;
  reason: SkipReason | null;
  /** Facts behind the verdict (missing slots or qualifications, hours), kept in the grievance log. */
  detail: Record<string, unknown>;
  /** The ordering keys used (seniority, distribution hours). */
  seniority: number | string | null;
  periodHours: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const hoursOf = (i: Interval) => (i.endsAt.getTime() - i.startsAt.getTime()) / HOUR;
const overlaps = (a: Interval, b: Interval) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

const localFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Toronto',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAY_OF: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

// Formatting a date in a time zone is slow next to the rules themselves; the same instants (shift starts)
// come back at every evaluation, so their local parts are remembered (a cache, not state: same answer).
const partsCache = new Map<number, { date: string; weekday: number; hour: number }>();

/** Quebec local date (YYYY-MM-DD), weekday (0 = Monday) and hour of an instant. */
export function localParts(at: Date): { date: string; weekday: number; hour: number } {
  // Local date, weekday and hour only change on the hour (Quebec's offsets are whole hours).
  const key = Math.floor(at.getTime() / HOUR);
  const known = partsCache.get(key);
  if (known) return known;
  const parts = Object.fromEntries(localFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const value = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY_OF[parts.weekday ?? 'Mon'] ?? 0,
    hour: Number(parts.hour) % 24,
  };
  if (partsCache.size > 100_000) partsCache.clear();
  partsCache.set(key, value);
  return value;
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

const weekCache = new Map<string, string>();

/** The Monday (ISO date) of the local week of an instant. */
export function weekOf(at: Date): string {
  const p = localParts(at);
  const known = weekCache.get(p.date);
  if (known) return known;
  const monday = addDays(p.date, -p.weekday);
  if (weekCache.size > 10_000) weekCache.clear();
  weekCache.set(p.date, monday);
  return monday;
}

/** The slot an instant falls in (hours before 7 belong to the previous day's night). */
export function slotAt(at: Date): Slot {
  const p = localParts(at);
  if (p.hour >= 7 && p.hour < 15) return `${WEEKDAYS[p.weekday]}:day` as Slot;
  if (p.hour >= 15 && p.hour < 23) return `${WEEKDAYS[p.weekday]}:evening` as Slot;
  const day = p.hour >= 23 ? p.weekday : (p.weekday + 6) % 7;
  return `${WEEKDAYS[day]}:night` as Slot;
}

/** Every slot a shift touches (checked each half hour), in order. */
export function slotsOf(need: Interval): Slot[] {
  const seen: Slot[] = [];
  for (let t = need.startsAt.getTime(); t < need.endsAt.getTime(); t += HOUR / 2) {
    const slot = slotAt(new Date(t));
    if (!seen.includes(slot)) seen.push(slot);
  }
  return seen;
}

/** The response window in minutes: by how soon the need starts, the shortest one when it is urgent. */
export function responseWindowMinutes(rules: CallbackRules, need: NeedFacts, now: Date): number {
  const hoursUntil = (need.startsAt.getTime() - now.getTime()) / HOUR;
  const windows = [...rules.windows].sort((a, b) => a.withinHours - b.withinHours);
  const byTime = windows.find((w) => hoursUntil <= w.withinHours)?.minutes ?? rules.defaultWindowMinutes;
  const shortest = Math.min(byTime, ...windows.map((w) => w.minutes));
  return Math.max(1, need.urgent ? shortest : byTime);
}

/** From which date a change of availability made at `now` applies, given the agreement's deadline. */
export function availabilityEffectiveFrom(now: Date, deadlineDays: number): string {
  const today = localParts(now).date;
  if (deadlineDays <= 0) return today;
  // The first week whose Monday is more than `deadlineDays` days away.
  let monday = addDays(weekOf(now), 7);
  while (Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`) < deadlineDays * DAY)
    monday = addDays(monday, 7);
  return monday;
}

/** Hours counted for equal distribution in the period before the need. */
export function periodHours(rules: CallbackRules, c: Candidate, need: NeedFacts): number {
  const until = need.startsAt.getTime();
  const from = until - rules.periodDays * DAY;
  let hours = 0;
  for (const a of c.assignments) {
    const start = a.startsAt.getTime();
    if (start >= from && start < until) hours += hoursOf(a);
  }
  if (rules.refusedHoursCount)
    for (const r of c.refusals) {
      const at = r.at.getTime();
      if (at >= from && at < until && (r.kind === 'refused' || rules.noAnswerCountsAsRefusal))
        hours += r.hours;
    }
  return Math.round(hours * 100) / 100;
}

// Ties break by code-point order: the same on every machine and locale (localeCompare is neither fast nor
// guaranteed identical across ICU versions, and a grievance must replay exactly).
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The list for one job class in call order: by seniority (hours: most first; date: earliest first), or
 * with equal distribution by fewest hours in the period then seniority; employee number breaks ties.
 */
export function callOrder(
  rules: CallbackRules,
  need: NeedFacts,
  candidates: readonly Candidate[],
  known?: ReadonlyMap<string, number>,
): Candidate[] {
  const members = candidates.filter((c) => c.jobClasses.includes(need.jobClass));
  const hours = known ?? new Map(members.map((c) => [c.id, periodHours(rules, c, need)]));
  const bySeniority = (a: Candidate, b: Candidate) => {
    if (rules.seniorityBasis === 'hours') return b.seniorityHours - a.seniorityHours;
    if (a.seniorityDate === b.seniorityDate) return 0;
    if (a.seniorityDate === null) return 1;
    if (b.seniorityDate === null) return -1;
    return a.seniorityDate < b.seniorityDate ? -1 : 1;
  };
  return [...members].sort(
    (a, b) =>
      (rules.equalDistribution ? (hours.get(a.id) ?? 0) - (hours.get(b.id) ?? 0) : 0) ||
      bySeniority(a, b) ||
      byCode(a.employeeNumber, b.employeeNumber) ||
      byCode(a.id, b.id),
  );
}

/** What every verdict of one evaluation shares, computed once. */
interface NeedContext {
  slots: Slot[];
  week: string;
  hours: number;
}

function verdict(
  rules: CallbackRules,
  need: NeedFacts,
  ctx: NeedContext,
  c: Candidate,
  offered: ReadonlySet<string>,
): { reason: SkipReason | null; detail: Record<string, unknown> } {
  if (!c.active) return { reason: 'inactive', detail: {} };
  if (offered.has(c.id)) return { reason: 'already_offered', detail: {} };
  const absence = c.absences.find((a) => overlaps(a, need));
  if (absence)
    return {
      reason: 'absent',
      detail: { from: absence.startsAt.toISOString(), to: absence.endsAt.toISOString() },
    };
  const missingSlots = ctx.slots.filter((s) => !c.slots.includes(s));
  if (missingSlots.length > 0) return { reason: 'unavailable', detail: { missingSlots } };
  const missing = need.qualifications.filter((q) => !c.qualifications.includes(q));
  if (missing.length > 0) return { reason: 'unqualified', detail: { missingQualifications: missing } };
  const clash = c.assignments.find((a) => overlaps(a, need));
  if (clash)
    return {
      reason: 'overlap',
      detail: { from: clash.startsAt.toISOString(), to: clash.endsAt.toISOString() },
    };
  const restMs = rules.minRestHours * HOUR;
  const needStart = need.startsAt.getTime();
  const needEnd = need.endsAt.getTime();
  const tooClose = c.assignments.find((a) => {
    const start = a.startsAt.getTime();
    const end = a.endsAt.getTime();
    return (end <= needStart && needStart - end < restMs) || (start >= needEnd && start - needEnd < restMs);
  });
  if (tooClose)
    return {
      reason: 'min_rest',
      detail: {
        from: tooClose.startsAt.toISOString(),
        to: tooClose.endsAt.toISOString(),
        minRestHours: rules.minRestHours,
      },
    };
  if (rules.maxHoursPerWeek !== null) {
    const week = weekOf(need.startsAt);
    const weekHours = c.assignments
      .filter((a) => weekOf(a.startsAt) === week)
      .reduce((s, a) => s + hoursOf(a), 0);
    if (weekHours + hoursOf(need) > rules.maxHoursPerWeek)
      return {
        reason: 'max_hours',
        detail: { weekHours, needHours: hoursOf(need), maxHoursPerWeek: rules.maxHoursPerWeek },
      };
  }
  if (rules.refusalPolicy === 'limit') {
    const from = need.startsAt.getTime() - rules.periodDays * DAY;
    const refusals = c.refusals.filter(
      (r) => r.at.getTime() >= from && (r.kind === 'refused' || rules.noAnswerCountsAsRefusal),
    ).length;
    if (refusals >= rules.refusalLimit)
      return { reason: 'refusal_limit', detail: { refusals, refusalLimit: rules.refusalLimit } };
  }
  return { reason: null, detail: {} };
}

/**
 * The rules' verdict on every member of the job class, in call order: eligible, or passed over with the
 * reason. `offered` holds whoever already had an offer for this need (they are not offered twice).
 */
export function evaluateRound(input: {
  rules: CallbackRules;
  need: NeedFacts;
  candidates: readonly Candidate[];
  offered: ReadonlySet<string>;
}): Decision[] {
  const { rules, need } = input;
  const ctx: NeedContext = { slots: slotsOf(need), week: weekOf(need.startsAt), hours: hoursOf(need) };
  const members = input.candidates.filter((c) => c.jobClasses.includes(need.jobClass));
  const hours = new Map(members.map((c) => [c.id, periodHours(rules, c, need)]));
  return callOrder(rules, need, input.candidates, hours).map((c, i) => {
    const v = verdict(rules, need, ctx, c, input.offered);
    return {
      employeeId: c.id,
      rank: i + 1,
      eligible: v.reason === null,
      reason: v.reason,
      detail: v.detail,
      seniority: rules.seniorityBasis === 'hours' ? c.seniorityHours : c.seniorityDate,
      periodHours: hours.get(c.id) ?? 0,
    };
  });
}

/** Who to offer next: the first eligible people, as many as the rules allow beside the offers pending. */
export function nextToOffer(
  decisions: readonly Decision[],
  rules: CallbackRules,
  pending: number,
): Decision[] {
  const room = Math.max(0, Math.max(1, rules.offersAtOnce) - pending);
  return decisions.filter((d) => d.eligible).slice(0, room);
}
