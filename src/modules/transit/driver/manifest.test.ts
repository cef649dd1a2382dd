import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { transitDrivers, transitShifts, transitVehicles } from '../network/schema.ts';
import { findCurrentShift } from './manifest.ts';

let ctx: TestContext;
let orgId: string;
let driverId: string;
const ids: Record<'morning' | 'evening' | 'tomorrow', string> = { morning: '', evening: '', tomorrow: '' };
// A driver who drives one vehicle 06:00–15:00 and another 14:30–23:00 (UTC here), and 06:00–15:00 the next day.
const day = Date.UTC(2026, 5, 10);
const at = (hours: number) => new Date(day + hours * 3600_000);

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  const [a, b] = await ctx.db
    .insert(transitVehicles)
    .values([
      { orgId, label: 'TB-01', seats: 4 },
      { orgId, label: 'TB-04', seats: 12 },
    ])
    .returning({ id: transitVehicles.id });
  const [driver] = await ctx.db
    .insert(transitDrivers)
    .values({ orgId, name: 'Luc Pelletier' })
    .returning({ id: transitDrivers.id });
  driverId = driver?.id as string;
  const depot = { depotLatitude: 46.05, depotLongitude: -71.96, orgId, driverId };
  const rows = await ctx.db
    .insert(transitShifts)
    .values([
      { ...depot, vehicleId: a?.id as string, startsAt: at(6), endsAt: at(15) },
      { ...depot, vehicleId: b?.id as string, startsAt: at(14.5), endsAt: at(23) },
      { ...depot, vehicleId: a?.id as string, startsAt: at(30), endsAt: at(39) },
    ])
    .returning({ id: transitShifts.id });
  ids.morning = rows[0]?.id as string;
  ids.evening = rows[1]?.id as string;
  ids.tomorrow = rows[2]?.id as string;
});
afterAll(async () => ctx?.close());

const current = async (hours: number) => (await findCurrentShift(ctx.db, orgId, driverId, at(hours)))?.id;

describe('the driver’s current shift', () => {
  it('is the shift whose hours hold now, even when an earlier one ended less than two hours ago', async () => {
    expect(await current(10)).toBe(ids.morning);
    // At the handover (14:30–15:00 both hold), the one that begins.
    expect(await current(14.75)).toBe(ids.evening);
    expect(await current(15.5)).toBe(ids.evening);
    expect(await current(22)).toBe(ids.evening);
  });

  it('is the next one to come before the first shift and after the last one ends', async () => {
    expect(await current(5)).toBe(ids.morning);
    expect(await current(26)).toBe(ids.tomorrow);
  });

  it('is the shift already started, whatever the clock says', async () => {
    await ctx.db.update(transitShifts).set({ status: 'started' }).where(eq(transitShifts.id, ids.morning));
    expect(await current(16)).toBe(ids.morning);
    await ctx.db.update(transitShifts).set({ status: 'ended' }).where(eq(transitShifts.id, ids.morning));
    expect(await current(14.75)).toBe(ids.evening);
  });
});
