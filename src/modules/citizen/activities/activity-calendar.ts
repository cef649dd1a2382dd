import { createEvents, type EventAttributes } from 'ics';
import type { Executor } from '../../../platform/db/client.ts';
import { getActivity } from './get-activity.ts';
import type { WeeklySlot } from './schema.ts';

/** The first date on or after `from` that falls on an ISO weekday (1 = Monday). */
export function firstWeekday(from: string, weekday: number): string {
  const date = new Date(`${from}T12:00:00Z`);
  const iso = ((date.getUTCDay() + 6) % 7) + 1;
  date.setUTCDate(date.getUTCDate() + ((weekday - iso + 7) % 7));
  return date.toISOString().slice(0, 10);
}

function parts(day: string, time: string): [number, number, number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return [y, m, d, h, min];
}

/**
 * The activity's weekly meetings as an iCalendar file: one recurring event per weekly slot, in floating
 * local time (Quebec wall-clock time, so an 18 h class stays at 18 h across the change of time).
 */
export async function activityCalendar(options: {
  db: Executor;
  orgId: string;
  activityId: string;
  locale: 'fr' | 'en';
  publicUrl: string;
}): Promise<{ body: string; fileName: string }> {
  const a = await getActivity(options);
  const until = a.endsOn.replaceAll('-', '');
  const events: EventAttributes[] = a.schedule.map((slot: WeeklySlot, i) => ({
    uid: `${a.id}-${i}@civique`,
    title: a.title[options.locale],
    description: a.description[options.locale],
    location: a.facility,
    start: parts(firstWeekday(a.startsOn, slot.weekday), slot.start),
    startInputType: 'local',
    startOutputType: 'local',
    end: parts(firstWeekday(a.startsOn, slot.weekday), slot.end),
    endInputType: 'local',
    endOutputType: 'local',
    recurrenceRule: `FREQ=WEEKLY;UNTIL=${until}T235959`,
    url: `${options.publicUrl}/${a.town.slug}/activities/${a.id}`,
    categories: [a.category],
    productId: 'civique/ics',
    calName: a.title[options.locale],
  }));
  const { error, value } = createEvents(events.length > 0 ? events : [], { productId: 'civique/ics' });
  if (error || value === null) throw error ?? new Error('ics: no value');
  return { body: value, fileName: `${a.code.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.ics` };
}
