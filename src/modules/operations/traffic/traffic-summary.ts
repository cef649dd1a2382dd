import { sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { localStamp } from '../data/export-series.ts';
import { loadStationRef } from '../data/load-station.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { seriesPoints } from '../data/query-series.ts';
import { fromQuebecLocal } from '../data/reading-rules.ts';
import { aadt, type DailyVolume, heavyShare, meanDaily, peakHour } from './traffic-stats.ts';

/** The 85th-percentile speed of the individual vehicle speeds in a window (PostgreSQL's percentile_cont). */
async function speed85(
  db: Executor,
  orgId: string,
  measureId: string,
  from: Date,
  to: Date,
  direction?: string,
) {
  const result = await db.execute(sql`
    SELECT percentile_cont(0.85) WITHIN GROUP (ORDER BY value) AS p85, count(*)::int AS n
    FROM ops_readings
    WHERE org_id = ${orgId}::uuid AND measure_id = ${measureId}::uuid
      AND observed_at >= ${from.toISOString()}::timestamptz AND observed_at < ${to.toISOString()}::timestamptz
      ${direction === undefined ? sql`` : sql`AND direction = ${direction}`}
  `);
  const [row] = rowsOf<{ p85: number | null; n: number }>(result);
  return row?.p85 === null || row?.p85 === undefined ? null : Number(row.p85);
}

/** Statistics of one direction (or all, with `direction` undefined) of a counter over a period. */
export async function directionStats(
  db: Executor,
  orgId: string,
  measures: { count?: string; heavy?: string; speed?: string },
  from: Date,
  to: Date,
  direction?: string,
) {
  const daily = measures.count
    ? await seriesPoints(db, orgId, measures.count, 'day', from, to, direction)
    : [];
  const hourly = measures.count
    ? await seriesPoints(db, orgId, measures.count, 'hour', from, to, direction)
    : [];
  const heavy = measures.heavy
    ? await seriesPoints(db, orgId, measures.heavy, 'day', from, to, direction)
    : [];
  const days: DailyVolume[] = daily.map((p) => ({ date: localStamp(p.bucket).slice(0, 10), volume: p.sum }));
  const total = days.reduce((a, d) => a + d.volume, 0);
  const heavyTotal = heavy.reduce((a, p) => a + p.sum, 0);
  const peak = peakHour(hourly.map((h) => ({ bucket: h.bucket, volume: h.sum })));
  return {
    direction: direction ?? null,
    totalVolume: total,
    meanDailyVolume: meanDaily(days),
    aadt: aadt(days),
    peakHour: peak,
    speed85: measures.speed ? await speed85(db, orgId, measures.speed, from, to, direction) : null,
    heavyShare: heavyShare(heavyTotal, total),
    daily: days,
    hourly: hourly.map((h) => ({ bucket: h.bucket, volume: h.sum })),
  };
}

/**
 * A traffic counter's figures for a period, by direction and in total: daily and hourly volumes, DJMA
 * (AADT by the AASHTO method over the days of the period; give a whole year for the annual figure),
 * the peak hour, the 85th-percentile speed and the heavy-vehicle share.
 */
export async function trafficSummary(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  stationId: string;
  from: string;
  to: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const station = await loadStationRef(options.db, options.orgId, options.stationId);
  if (station.kind !== 'traffic_counter')
    throw new AppError('ops.measure_unknown', 422, { params: { measure: 'vehicle_count' } });
  const [fy, fm, fd] = options.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = options.to.split('-').map(Number) as [number, number, number];
  const from = fromQuebecLocal(fy, fm, fd, 0, 0, 0);
  const to = fromQuebecLocal(ty, tm, td + 1, 0, 0, 0);
  const measures = {
    count: station.measures.get('vehicle_count')?.id,
    heavy: station.measures.get('heavy_vehicle_count')?.id,
    speed: station.measures.get('speed')?.id,
  };
  const total = await directionStats(options.db, options.orgId, measures, from, to);
  const byDirection = [];
  for (const d of station.directions)
    byDirection.push(await directionStats(options.db, options.orgId, measures, from, to, d));
  return { stationId: station.id, from: options.from, to: options.to, total, byDirection };
}
