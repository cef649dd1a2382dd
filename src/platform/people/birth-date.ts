import { AppError, renderMessage } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';

const QUEBEC_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Toronto',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Quebec (`YYYY-MM-DD`): a child born today in Gaspé was not born tomorrow in UTC. */
export function todayInQuebec(now: Date = new Date()): string {
  return QUEBEC_DAY.format(now);
}

/** Whether `value` is a real calendar date, strictly before `today` and at most 120 years before it. */
export function isPlausibleBirthDate(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return false;
  if (value >= today) return false;
  const [year = '0', rest = ''] = [today.slice(0, 4), today.slice(4)];
  const oldest = `${String(Number(year) - 120).padStart(4, '0')}${rest}`;
  return value >= oldest;
}

/** Throws a field error on `birthDate` unless the date is plausible (see isPlausibleBirthDate). */
export function assertBirthDate(value: string, locale: Locale, now: Date = new Date()): void {
  if (isPlausibleBirthDate(value, todayInQuebec(now))) return;
  throw new AppError('household.birth_date_invalid', 400, {
    details: {
      fields: [
        {
          field: 'birthDate',
          rule: 'birth_date_range',
          message: renderMessage('household.birth_date_invalid', locale),
        },
      ],
    },
  });
}
