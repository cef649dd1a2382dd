import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { accounts } from '../../platform/auth/schema.ts';
import { organisations } from '../../platform/orgs/schema.ts';
import { DEMO_ACCOUNTS } from '../../platform/seed/demo-data.ts';
import { seedDemo } from '../../platform/seed/seed-demo.ts';
import { transitTrips } from './bookings/schema.ts';
import { seedDemoTransit } from './demo.ts';
import { localTime, nextServiceDay } from './network/rules.ts';
import { transitShifts, transitStops } from './network/schema.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, { modules: false });
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('Victoriaville TaxiBus demo', () => {
  it('seeds a believable network, fleet and trips placed by the solver, once', async () => {
    const orgs = await ctx.db.select().from(organisations);
    const orgIds = new Map(orgs.map((o) => [o.slug, o.id]));
    const rows = await ctx.db
      .select()
      .from(accounts)
      .where(
        inArray(
          accounts.email,
          DEMO_ACCOUNTS.map((a) => a.email),
        ),
      );
    const accountIds = new Map(
      DEMO_ACCOUNTS.map((a) => [a.key, rows.find((r) => r.email === a.email)?.id as string]),
    );
    // Seeded as on the eve of a closed date (25 December is a holiday of the demo calendar): the trips
    // must land on the next service day, 26 December, not on the holiday.
    const eve = new Date('2026-12-24T17:00:00Z');
    await seedDemoTransit(ctx.db, orgIds, accountIds, eve);
    await seedDemoTransit(ctx.db, orgIds, accountIds, eve);
    const victo = orgIds.get('victoriaville') as string;
    const stops = await ctx.db.select().from(transitStops).where(eq(transitStops.orgId, victo));
    expect(stops).toHaveLength(30);
    for (const s of stops) {
      expect(Math.abs(s.latitude - 46.05)).toBeLessThan(0.06);
      expect(Math.abs(s.longitude + 71.95)).toBeLessThan(0.06);
    }
    expect((await ctx.db.select().from(transitShifts).where(eq(transitShifts.orgId, victo))).length).toBe(10);
    const trips = await ctx.db.select().from(transitTrips).where(eq(transitTrips.orgId, victo));
    expect(trips.length).toBeGreaterThanOrEqual(6);
    expect(trips.every((t) => t.shiftId && t.plannedPickupAt >= t.promisedPickupStart)).toBe(true);
    expect(new Set(trips.map((t) => localTime(t.promisedPickupStart).date))).toEqual(new Set(['2026-12-26']));
    const net = await ctx
      .client()
      .get<{ stops: unknown[]; fares: unknown[] }>(`/api/orgs/${victo}/transit/network`);
    expect(net.body.stops).toHaveLength(30);
    expect(net.body.fares).toHaveLength(5);
  });
});

describe('next service day', () => {
  const hours = { '1': [{ from: 360, to: 1380 }], '2': [{ from: 360, to: 1380 }] };
  it('skips closed dates and weekdays without hours', () => {
    // 2026-12-24 is a Thursday; with service only on Mondays and Tuesdays and the 28th closed → the 29th.
    expect(nextServiceDay(hours, ['2026-12-28'], '2026-12-24')).toBe('2026-12-29');
    expect(nextServiceDay(hours, [], '2026-12-28')).toBe('2026-12-29');
  });
  it('crosses the autumn daylight-saving change', () => {
    expect(nextServiceDay({ '1': [{ from: 0, to: 60 }] }, [], '2026-10-31')).toBe('2026-11-02');
  });
});
