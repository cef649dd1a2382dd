import { sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { measureName } from './catalogue.ts';
import { requireOperationsStaff } from './policies.ts';
import type { Grain } from './schema.ts';

/** One bucket of a series. */
export interface SeriesPoint {
  bucket: string;
  n: number;
  sum: number;
  mean: number;
  min: number;
  max: number;
}

/** The measure behind a series, checked to belong to the organisation. */
export async function measureInfo(db: Executor, orgId: string, measureId: string) {
  const result = await db.execute(sql`
    SELECT m.id, m.code, m.unit, s.id AS "stationId", s.name_fr AS "nameFr", s.name_en AS "nameEn", s.code AS "stationCode"
    FROM ops_measures m JOIN ops_stations s ON s.org_id = m.org_id AND s.id = m.station_id
    WHERE m.org_id = ${orgId}::uuid AND m.id = ${measureId}::uuid
  `);
  const [row] = rowsOf<{
    id: string;
    code: string;
    unit: string;
    stationId: string;
    nameFr: string;
    nameEn: string;
    stationCode: string;
  }>(result);
  if (!row) throw new AppError('ops.measure_not_found', 404);
  return row;
}

/**
 * A series by hour, day or month from the rollups (never from the raw readings, so a year of minute data
 * costs a few hundred rows). `direction` undefined adds up every direction; '' is the unsplit series.
 */
export async function seriesPoints(
  db: Executor,
  orgId: string,
  measureId: string,
  grain: Grain,
  from: Date,
  to: Date,
  direction?: string,
): Promise<SeriesPoint[]> {
  const result = await db.execute(sql`
    SELECT bucket, sum(n)::int AS n, sum(sum) AS sum, min(min) AS min, max(max) AS max
    FROM ops_rollups
    WHERE org_id = ${orgId}::uuid AND measure_id = ${measureId}::uuid AND grain = ${grain}
      AND bucket >= ${from.toISOString()}::timestamptz AND bucket < ${to.toISOString()}::timestamptz
      ${direction === undefined ? sql`` : sql`AND direction = ${direction}`}
    GROUP BY bucket ORDER BY bucket
  `);
  return rowsOf<{ bucket: Date | string; n: number; sum: number; min: number; max: number }>(result).map(
    (r) => {
      const n = Number(r.n);
      const sum = Number(r.sum);
      return {
        bucket: new Date(r.bucket).toISOString(),
        n,
        sum,
        mean: n ? sum / n : 0,
        min: Number(r.min),
        max: Number(r.max),
      };
    },
  );
}

/** The same as seriesPoints for many measures in one query (every direction added up), by measure id. */
export async function seriesPointsMany(
  db: Executor,
  orgId: string,
  measureIds: string[],
  grain: Grain,
  from: Date,
  to: Date,
): Promise<Map<string, SeriesPoint[]>> {
  const byMeasure = new Map<string, SeriesPoint[]>(measureIds.map((id) => [id, []]));
  if (measureIds.length === 0) return byMeasure;
  const result = await db.execute(sql`
    SELECT measure_id AS "measureId", bucket, sum(n)::int AS n, sum(sum) AS sum, min(min) AS min, max(max) AS max
    FROM ops_rollups
    WHERE org_id = ${orgId}::uuid AND measure_id IN (${sql.join(
      measureIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) AND grain = ${grain}
      AND bucket >= ${from.toISOString()}::timestamptz AND bucket < ${to.toISOString()}::timestamptz
    GROUP BY measure_id, bucket ORDER BY measure_id, bucket
  `);
  for (const r of rowsOf<{
    measureId: string;
    bucket: Date | string;
    n: number;
    sum: number;
    min: number;
    max: number;
  }>(result)) {
    const n = Number(r.n);
    const sum = Number(r.sum);
    byMeasure.get(r.measureId)?.push({
      bucket: new Date(r.bucket).toISOString(),
      n,
      sum,
      mean: n ? sum / n : 0,
      min: Number(r.min),
      max: Number(r.max),
    });
  }
  return byMeasure;
}

/** The raw readings of a short window (at most `limit`), for a detailed chart or a check. */
export async function rawPoints(
  db: Executor,
  orgId: string,
  measureId: string,
  from: Date,
  to: Date,
  limit = 10_000,
): Promise<Array<{ at: string; value: number; direction: string }>> {
  const result = await db.execute(sql`
    SELECT observed_at AS at, value, direction FROM ops_readings
    WHERE org_id = ${orgId}::uuid AND measure_id = ${measureId}::uuid
      AND observed_at >= ${from.toISOString()}::timestamptz AND observed_at < ${to.toISOString()}::timestamptz
    ORDER BY observed_at LIMIT ${limit}
  `);
  return rowsOf<{ at: Date | string; value: number; direction: string }>(result).map((r) => ({
    at: new Date(r.at).toISOString(),
    value: Number(r.value),
    direction: r.direction,
  }));
}

function totals(points: SeriesPoint[]) {
  const n = points.reduce((a, p) => a + p.n, 0);
  const sum = points.reduce((a, p) => a + p.sum, 0);
  return {
    n,
    sum,
    mean: n ? sum / n : null,
    min: points.length ? Math.min(...points.map((p) => p.min)) : null,
    max: points.length ? Math.max(...points.map((p) => p.max)) : null,
  };
}

/** A series for staff, with an optional second period to compare (e.g. the same month last year). */
export async function querySeries(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  measureId: string;
  grain: Grain;
  from: string;
  to: string;
  direction?: string;
  compareFrom?: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const info = await measureInfo(options.db, options.orgId, options.measureId);
  const from = new Date(options.from);
  const to = new Date(options.to);
  if (!(from < to)) throw new AppError('validation.failed', 400);
  const points = await seriesPoints(
    options.db,
    options.orgId,
    info.id,
    options.grain,
    from,
    to,
    options.direction,
  );
  let comparison = null;
  if (options.compareFrom) {
    const cFrom = new Date(options.compareFrom);
    const cTo = new Date(cFrom.getTime() + (to.getTime() - from.getTime()));
    const cPoints = await seriesPoints(
      options.db,
      options.orgId,
      info.id,
      options.grain,
      cFrom,
      cTo,
      options.direction,
    );
    const a = totals(points);
    const b = totals(cPoints);
    comparison = {
      from: cFrom.toISOString(),
      to: cTo.toISOString(),
      points: cPoints,
      totals: b,
      change: {
        sum: b.sum ? (a.sum - b.sum) / b.sum : null,
        mean: a.mean !== null && b.mean ? (a.mean - b.mean) / b.mean : null,
      },
    };
  }
  return {
    measure: {
      id: info.id,
      code: info.code,
      name: measureName(info.code),
      unit: info.unit,
      station: { id: info.stationId, code: info.stationCode, name: { fr: info.nameFr, en: info.nameEn } },
    },
    grain: options.grain,
    from: from.toISOString(),
    to: to.toISOString(),
    points,
    totals: totals(points),
    comparison,
  };
}
