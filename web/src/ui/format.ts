import { currentLanguage, intlLocale } from '../app/i18n.ts';

// Quebec's time zone: times are stored in UTC and shown as people live them.
const ZONE = 'America/Toronto';

/** A timestamp as a date and time in Quebec (e.g. « 14 mai 2026, 09 h 30 »). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(currentLanguage()), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ZONE,
  }).format(date);
}

/** A calendar date (YYYY-MM-DD) as people read it, without any time-zone shift. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(currentLanguage()), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}
