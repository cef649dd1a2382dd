import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import { percentile } from '../traffic/traffic-stats.ts';
import { localStamp } from './export-series.ts';
import { insertReadings } from './insert-readings.ts';
import type { ReadingRow } from './reading-rules.ts';
import { upsertStation } from './save-station.ts';

let ctx: TestContext;
let orgId: string;
let run = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
});

afterAll(async () => {
  await ctx?.close();
});

/** A fresh station with two measures and two directions for one property run. */
async function freshSeries(): Promise<string[]> {
  run++;
  const id = await upsertStation(ctx.db, orgId, {
    code: `P-${run}`,
    nameFr: 'p',
    nameEn: 'p',
    kind: 'traffic_counter',
    directions: ['N', 'S'],
  });
  const result = await ctx.db.execute(
    sql`SELECT id FROM ops_measures WHERE org_id = ${orgId}::uuid AND station_id = ${id}::uuid ORDER BY code`,
  );
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

const keyOf = (grain: string, stamp: string) =>
  grain === 'hour' ? stamp.slice(0, 13) : grain === 'day' ? stamp.slice(0, 10) : stamp.slice(0, 7);

// Around the 2026 spring-forward (8 March) so local-time buckets are exercised across a DST change.
const START = Date.parse('2026-03-06T00:00:00Z');
const reading = fc.record({
  m: fc.nat(1),
  d: fc.constantFrom('', 'N', 'S'),
  minute: fc.integer({ min: 0, max: 5 * 24 * 60 }),
  value: fc.integer({ min: -500, max: 5000 }).map((v) => v / 10),
});

describe('rollups', () => {
  it('equal a naive aggregation of the distinct readings, whatever the batches and duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reading, { minLength: 1, maxLength: 120 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }),
        async (raw, cuts) => {
          const measures = await freshSeries();
          const rows: ReadingRow[] = raw.map((r) => ({
            measureId: measures[r.m] as string,
            direction: r.d,
            observedAt: new Date(START + r.minute * 60_000),
            value: r.value,
          }));
          // Insert in uneven batches, some of them twice (a client retrying).
          let i = 0;
          let c = 0;
          while (i < rows.length) {
            const size = cuts[c++ % cuts.length] as number;
            const batch = rows.slice(i, i + size);
            await insertReadings(ctx.db, orgId, batch, 'api');
            if (c % 2 === 0) await insertReadings(ctx.db, orgId, batch, 'api');
            i += size;
          }
          // Naive: the first reading of each key wins, then group in JS by local-time bucket.
          const first = new Map<string, ReadingRow>();
          for (const r of rows) {
            const key = `${r.measureId}|${r.direction}|${r.observedAt.toISOString()}`;
            if (!first.has(key)) first.set(key, r);
          }
          const expected = new Map<string, { n: number; sum: number; min: number; max: number }>();
          for (const r of first.values())
            for (const grain of ['hour', 'day', 'month']) {
              const key = `${r.measureId}|${r.direction}|${grain}|${keyOf(grain, localStamp(r.observedAt))}`;
              const cell = expected.get(key) ?? {
                n: 0,
                sum: 0,
                min: Number.POSITIVE_INFINITY,
                max: Number.NEGATIVE_INFINITY,
              };
              cell.n++;
              cell.sum += r.value;
              cell.min = Math.min(cell.min, r.value);
              cell.max = Math.max(cell.max, r.value);
              expected.set(key, cell);
            }
          const result = await ctx.db.execute(sql`
            SELECT measure_id AS "measureId", direction, grain, bucket, n, sum, min, max FROM ops_rollups
            WHERE org_id = ${orgId}::uuid AND measure_id IN (${sql.join(
              measures.map((m) => sql`${m}::uuid`),
              sql`, `,
            )})`);
          const actual = new Map<string, { n: number; sum: number; min: number; max: number }>();
          for (const r of rowsOf<{
            measureId: string;
            direction: string;
            grain: string;
            bucket: Date;
            n: number;
            sum: number;
            min: number;
            max: number;
          }>(result))
            actual.set(`${r.measureId}|${r.direction}|${r.grain}|${keyOf(r.grain, localStamp(r.bucket))}`, {
              n: Number(r.n),
              sum: Math.round(Number(r.sum) * 1000) / 1000,
              min: Number(r.min),
              max: Number(r.max),
            });
          for (const cell of expected.values()) cell.sum = Math.round(cell.sum * 1000) / 1000;
          expect(actual).toEqual(expected);
          const stored = rowsOf<{ n: number }>(
            await ctx.db.execute(
              sql`SELECT count(*)::int AS n FROM ops_readings WHERE org_id = ${orgId}::uuid AND measure_id IN (${sql.join(
                measures.map((m) => sql`${m}::uuid`),
                sql`, `,
              )})`,
            ),
          );
          expect(Number(stored[0]?.n)).toBe(first.size);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('85th percentile', () => {
  it('computes as PostgreSQL percentile_cont does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.integer({ min: 0, max: 1500 }).map((v) => v / 10),
          { minLength: 1, maxLength: 60 },
        ),
        async (values) => {
          const result = await ctx.db.execute(
            sql`SELECT percentile_cont(0.85) WITHIN GROUP (ORDER BY v) AS p FROM json_array_elements_text(${JSON.stringify(values)}::json) AS t(v0), LATERAL (SELECT v0::float8 AS v) x`,
          );
          const [row] = rowsOf<{ p: number }>(result);
          expect(percentile(values, 0.85)).toBeCloseTo(Number(row?.p), 9);
        },
      ),
      { numRuns: 25 },
    );
  });
});
