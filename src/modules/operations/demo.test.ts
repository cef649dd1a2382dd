import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { purgeExpiredReadings } from './data/purge-readings.ts';
import { seedDemoOperations } from './demo.ts';

let ctx: TestContext;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db, { slug: `rdl-${Date.now()}` })).id;
});

afterAll(async () => {
  await ctx?.close();
});

describe('demo content', () => {
  it('seeds Rivière-du-Loup once, with readings whose rollups match them', async () => {
    const now = new Date('2026-03-20T15:00:00Z');
    await seedDemoOperations(ctx.db, new Map([['riviere-du-loup', orgId]]), new Map(), now);
    await seedDemoOperations(ctx.db, new Map([['riviere-du-loup', orgId]]), new Map(), now);
    const count = async (table: string) =>
      Number(
        rowsOf<{ n: number }>(
          await ctx.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = '${orgId}'`)),
        )[0]?.n,
      );
    expect(await count('ops_stations')).toBe(10);
    const readings = await count('ops_readings');
    expect(readings).toBeGreaterThan(50_000);
    const [sums] = rowsOf<{ n: number }>(
      await ctx.db.execute(
        sql`SELECT sum(n)::int AS n FROM ops_rollups WHERE org_id = ${orgId}::uuid AND grain = 'month'`,
      ),
    );
    expect(Number(sums?.n)).toBe(readings);
    expect(await count('ops_alarms')).toBe(1);
    expect(await count('ops_samples')).toBe(20);
    expect(await count('ops_report_definitions')).toBe(1);
  });

  it('keeps raw readings 5 years, then only the rollups', async () => {
    const count = async (table: string) =>
      Number(
        rowsOf<{ n: number }>(
          await ctx.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = '${orgId}'`)),
        )[0]?.n,
      );
    const before = await count('ops_readings');
    expect(await purgeExpiredReadings(ctx.db, new Date('2031-02-01T00:00:00Z'))).toBe(0);
    expect(await purgeExpiredReadings(ctx.db, new Date('2031-04-01T00:00:00Z'))).toBe(before);
    expect(await count('ops_readings')).toBe(0);
    expect(await count('ops_rollups')).toBeGreaterThan(0);
  });
});
