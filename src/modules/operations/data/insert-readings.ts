import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import type { ReadingRow } from './reading-rules.ts';

/** Where a reading came from. */
export type ReadingSource = 'csv' | 'api' | 'manual' | 'demo';

/** Largest batch written in one statement (the JSON parameter stays a few hundred kilobytes). */
export const INSERT_CHUNK = 5000;

/**
 * Inserts readings and folds the new ones into the hourly, daily and monthly rollups, in one statement
 * per chunk: a reading already stored (same measure, direction and time) is skipped and counted in no
 * aggregate, so re-sending a file or a batch changes nothing. Returns the readings actually inserted.
 */
export async function insertReadings(
  db: Executor,
  orgId: string,
  rows: readonly ReadingRow[],
  source: ReadingSource,
): Promise<ReadingRow[]> {
  const inserted: ReadingRow[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({
      m: r.measureId,
      d: r.direction,
      t: r.observedAt.toISOString(),
      v: r.value,
    }));
    const result = await db.execute(sql`
      WITH input AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(chunk)}::json) AS i(m uuid, d text, t timestamptz, v float8)
      ), ins AS (
        INSERT INTO ops_readings (org_id, measure_id, direction, observed_at, value, source)
        SELECT ${orgId}::uuid, m, d, t, v, ${source} FROM input
        ON CONFLICT DO NOTHING
        RETURNING measure_id, direction, observed_at, value
      ), hours AS (
        -- Quebec's offsets from UTC are whole hours, so a UTC hour is a local hour: no zone lookup per row.
        SELECT measure_id, direction, date_trunc('hour', observed_at) AS bucket,
               count(*)::int AS n, sum(value) AS s, min(value) AS lo, max(value) AS hi
        FROM ins GROUP BY 1, 2, 3
      ), agg AS (
        SELECT measure_id, direction, 'hour' AS grain, bucket, n, s, lo, hi FROM hours
        UNION ALL
        SELECT measure_id, direction, g.grain, date_trunc(g.grain, bucket, 'America/Toronto'),
               sum(n)::int, sum(s), min(lo), max(hi)
        FROM hours CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
        GROUP BY 1, 2, 3, 4
      ), up AS (
        INSERT INTO ops_rollups AS r (org_id, measure_id, direction, grain, bucket, n, sum, min, max)
        SELECT ${orgId}::uuid, measure_id, direction, grain, bucket, n, s, lo, hi
        FROM agg ORDER BY measure_id, grain, direction, bucket
        ON CONFLICT (org_id, measure_id, grain, direction, bucket) DO UPDATE SET
          n = r.n + excluded.n,
          sum = r.sum + excluded.sum,
          min = least(r.min, excluded.min),
          max = greatest(r.max, excluded.max)
      )
      SELECT measure_id AS "measureId", direction, observed_at AS "observedAt", value FROM ins
    `);
    for (const r of rowsOf<{
      measureId: string;
      direction: string;
      observedAt: Date | string;
      value: number;
    }>(result))
      inserted.push({
        measureId: r.measureId,
        direction: r.direction,
        observedAt: r.observedAt instanceof Date ? r.observedAt : new Date(r.observedAt),
        value: Number(r.value),
      });
  }
  return inserted;
}
