import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getStation } from '../data/get-station.ts';
import { loadStationRef } from '../data/load-station.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { rawPoints } from '../data/query-series.ts';
import { fromQuebecLocal } from '../data/reading-rules.ts';
import { fourHourLog, needsFourHourLog, type Point } from './rules.ts';

/** The local midnights starting each 4-hour period of a day (a daylight-saving day keeps wall-clock periods). */
export function periodStarts(day: string): Date[] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [0, 4, 8, 12, 16, 20].map((h) => fromQuebecLocal(y, m, d, h, 0, 0));
}

/** The daily free-chlorine log of s. 22 for a treatment outlet, one line per 4-hour period of each day. */
export async function chlorineLog(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  stationId: string;
  from: string;
  days: number;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const station = await loadStationRef(options.db, options.orgId, options.stationId);
  const view = await getStation(options);
  const chlorine = station.measures.get('free_chlorine');
  if (!chlorine) throw new AppError('ops.measure_unknown', 422, { params: { measure: 'free_chlorine' } });
  const [y, m, d] = options.from.split('-').map(Number) as [number, number, number];
  const days = Array.from({ length: options.days }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1, d + i));
    return date.toISOString().slice(0, 10);
  });
  const start = periodStarts(days[0] ?? options.from)[0] as Date;
  const lastDay = days[days.length - 1] ?? options.from;
  const end = new Date((periodStarts(lastDay)[5] as Date).getTime() + 4 * 3600_000);
  const load = async (code: string): Promise<Point[]> => {
    const measure = station.measures.get(code);
    if (!measure) return [];
    const points = await rawPoints(
      options.db,
      options.orgId,
      measure.id,
      new Date(start.getTime() - 900_000),
      new Date(end.getTime() + 900_000),
      200_000,
    );
    return points.map((p) => ({ at: new Date(p.at), value: p.value }));
  };
  const series = {
    chlorine: await load('free_chlorine'),
    flow: await load('flow'),
    volume: await load('volume'),
    turbidity: await load('turbidity'),
  };
  return {
    station: { id: view.id, code: view.code, name: view.name, populationServed: view.populationServed },
    required: view.populationServed === null ? null : needsFourHourLog(view.populationServed),
    threshold: 0.3,
    days: days.map((day) => {
      const starts = periodStarts(day);
      return {
        day,
        periods: fourHourLog(starts[0] as Date, series, starts).map((line) => ({
          periodStart: line.periodStart.toISOString(),
          minChlorine: line.minChlorine,
          at: line.at?.toISOString() ?? null,
          flow: line.flow,
          volume: line.volume,
          turbidity: line.turbidity,
          compliant: line.minChlorine === null ? null : line.minChlorine >= 0.3,
        })),
      };
    }),
  };
}
