// Pure calendar arithmetic of weekly recurring trips: the Quebec dates of a series and the instant of a
// local time of day on one of them (right across daylight-saving changes).
import { localTime, startOfLocalDay } from '../network/rules.ts';

/** The Quebec date after `date`. */
export function nextDate(date: string): string {
  // 30 h after local midnight always falls on the next local day, whatever the daylight-saving change.
  return localTime(new Date(startOfLocalDay(date).getTime() + 30 * 3600_000)).date;
}

/** The dates from `startDate` to `endDate` (both included) that fall on one of the ISO `weekdays`. */
export function seriesDates(startDate: string, endDate: string, weekdays: readonly number[]): string[] {
  const dates: string[] = [];
  for (let day = startDate; day <= endDate; day = nextDate(day)) {
    const weekday = localTime(new Date(startOfLocalDay(day).getTime() + 12 * 3600_000)).weekday;
    if (weekdays.includes(weekday)) dates.push(day);
  }
  return dates;
}

/** The instant of `HH:MM` (Quebec clock) on a Quebec date. */
export function localInstant(date: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  const minute = (h ?? 0) * 60 + (m ?? 0);
  let at = new Date(startOfLocalDay(date).getTime() + minute * 60_000);
  // On a daylight-saving day the clock moved since midnight: correct by what the clock actually shows.
  const shown = localTime(at);
  const drift = (shown.date === date ? shown.minute : shown.minute + 1440) - minute;
  if (drift !== 0) at = new Date(at.getTime() - drift * 60_000);
  return at;
}

/** The last date of a series given a number of weeks from its start. */
export function endAfterWeeks(startDate: string, weeks: number): string {
  let day = startDate;
  for (let i = 1; i < weeks * 7; i++) day = nextDate(day);
  return day;
}
