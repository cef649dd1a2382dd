// A series of appointment slots from a few choices (days, hours, length), in Quebec's time zone whatever
// the browser's own zone is: staff think in local wall-clock time.

const ZONE = 'America/Toronto';

/** Minutes the zone is ahead of UTC at an instant (negative in Quebec). */
function offsetMinutes(at: number): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** The instant of a wall-clock date and time in Quebec (`2026-12-01`, `09:30`). */
export function quebecInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0);
  // Twice: the offset at the first guess may differ from the one at the answer around a clock change.
  let at = wall - offsetMinutes(wall) * 60_000;
  at = wall - offsetMinutes(at) * 60_000;
  return new Date(at);
}

export interface SeriesChoice {
  from: string;
  to: string;
  start: string;
  end: string;
  minutes: number;
  weekdaysOnly: boolean;
  mode: string;
}

/** Every slot of the series, or null when the choices cannot make one (the form says which). */
export function slotSeries(
  c: SeriesChoice,
): Array<{ startsAt: string; endsAt: string; mode: string }> | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.from) || !/^\d{4}-\d{2}-\d{2}$/.test(c.to)) return null;
  if (!/^\d{2}:\d{2}$/.test(c.start) || !/^\d{2}:\d{2}$/.test(c.end)) return null;
  if (!(c.minutes >= 5 && c.minutes <= 480) || c.to < c.from || c.end <= c.start) return null;
  const out: Array<{ startsAt: string; endsAt: string; mode: string }> = [];
  for (let day = new Date(`${c.from}T12:00:00Z`); day.toISOString().slice(0, 10) <= c.to; ) {
    const date = day.toISOString().slice(0, 10);
    const weekday = day.getUTCDay();
    if (!c.weekdaysOnly || (weekday !== 0 && weekday !== 6)) {
      const close = quebecInstant(date, c.end).getTime();
      for (
        let s = quebecInstant(date, c.start).getTime();
        s + c.minutes * 60_000 <= close;
        s += c.minutes * 60_000
      ) {
        out.push({
          startsAt: new Date(s).toISOString(),
          endsAt: new Date(s + c.minutes * 60_000).toISOString(),
          mode: c.mode,
        });
      }
    }
    day = new Date(day.getTime() + 86_400_000);
    if (out.length > 200) return null;
  }
  return out.length ? out : null;
}
