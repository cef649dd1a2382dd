// Checks one reading against its station and measure, with no I/O (shared by CSV, API and manual entry).
import type { ImportLineError } from './schema.ts';

/** A measure as the checks need it. */
export interface MeasureRef {
  id: string;
  code: string;
  unit: string;
  validMin: number | null;
  validMax: number | null;
}

/** A station with its measures by code and the directions it counts. */
export interface StationRef {
  id: string;
  kind: string;
  directions: string[];
  measures: Map<string, MeasureRef>;
}

/** A reading ready to insert. */
export interface ReadingRow {
  measureId: string;
  direction: string;
  observedAt: Date;
  value: number;
}

/** A reading as it arrives: text from a CSV, numbers from JSON. */
export interface RawReading {
  measure: string;
  observedAt: string | Date;
  value: string | number;
  direction?: string | null;
}

/** Minutes a device clock may run ahead before a reading counts as dated in the future. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Parses a number written either way (1.5 or 1,5, as Quebec spreadsheets do). */
export function parseNumber(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses a time: ISO 8601 with an offset, or a local "YYYY-MM-DD HH:MM[:SS]" in Quebec's zone
 * (what plant SCADA exports write), or a date alone (midnight local).
 */
export function parseTime(text: string | Date): Date | null {
  if (text instanceof Date) return Number.isNaN(text.getTime()) ? null : text;
  const t = text.trim();
  if (/[zZ]$|[+-]\d\d:?\d\d$/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > 31 || fields[3] > 23 || fields[4] > 59)
    return null;
  return fromQuebecLocal(...fields);
}

/** The instant of a wall-clock time in America/Toronto (daylight saving time included). */
export function fromQuebecLocal(y: number, mo: number, d: number, h: number, mi: number, s: number): Date {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Try both offsets Quebec uses; keep the one that formats back to the same wall-clock time.
  for (const offsetHours of [4, 5]) {
    const candidate = new Date(asUtc + offsetHours * 3600_000);
    if (quebecHour(candidate) === h) return candidate;
  }
  return new Date(asUtc + 5 * 3600_000);
}

const HOUR = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Toronto',
  hour: 'numeric',
  hourCycle: 'h23',
});
function quebecHour(date: Date): number {
  return Number(HOUR.format(date));
}

/** Turns one raw reading into a row, or says what is wrong with it. */
export function checkReading(
  station: StationRef,
  raw: RawReading,
  now = new Date(),
): { row: ReadingRow } | { problem: Omit<ImportLineError, 'line'> } {
  const measure = station.measures.get(raw.measure.trim());
  if (!measure) return { problem: { code: 'ops.measure_unknown', params: { measure: raw.measure } } };
  const observedAt = parseTime(raw.observedAt);
  if (!observedAt)
    return { problem: { code: 'ops.time_invalid', params: { value: String(raw.observedAt) } } };
  if (observedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return { problem: { code: 'ops.time_in_future' } };
  const value = parseNumber(raw.value);
  if (value === null) return { problem: { code: 'ops.value_invalid', params: { value: String(raw.value) } } };
  if (
    (measure.validMin !== null && value < measure.validMin) ||
    (measure.validMax !== null && value > measure.validMax)
  )
    return {
      problem: {
        code: 'ops.value_out_of_valid_range',
        params: { value, min: measure.validMin ?? '−∞', max: measure.validMax ?? '∞' },
      },
    };
  const direction = (raw.direction ?? '').trim().toUpperCase();
  if (direction && !station.directions.includes(direction))
    return { problem: { code: 'ops.direction_unknown', params: { direction } } };
  return { row: { measureId: measure.id, direction, observedAt, value } };
}
