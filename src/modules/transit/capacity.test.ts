import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { transitTrips } from './bookings/schema.ts';

let ctx: TestContext;
let orgId: string;
let riders: TestClient[];
let staff: TestClient;
let a: string;
let b: string;

const ALL_DAY = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: 0, to: 1439 }]]),
);

// One taxi with one seat, whose shift leaves time for exactly one 8 km trip (and the way back to the
// depot): two riders asking for it at the same moment cannot both get it.
beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  staff = ctx.client();
  await signInAs(
    ctx.db,
    staff,
    await createAccount(ctx.db, { roles: [{ orgId, role: 'transit_dispatch' }] }),
  );
  const base = `/api/orgs/${orgId}/transit`;
  await staff.put(`${base}/service`, {
    nameFr: 'T',
    nameEn: 'T',
    hours: ALL_DAY,
    rules: { minNoticeMinutes: 30 },
  });
  await staff.post(`${base}/zones`, {
    code: 'Z',
    nameFr: 'Z',
    nameEn: 'Z',
    speedKmh: 35,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-72.1, 46],
          [-71.8, 46],
          [-71.8, 46.1],
          [-72.1, 46],
        ],
      ],
    },
  });
  a = (
    await staff.post<{ id: string }>(`${base}/stops`, {
      code: 'A',
      name: 'A',
      latitude: 46.0516,
      longitude: -71.9578,
    })
  ).body.id;
  b = (
    await staff.post<{ id: string }>(`${base}/stops`, {
      code: 'B',
      name: 'B',
      latitude: 46.0516,
      longitude: -71.854,
    })
  ).body.id;
  const vehicleId = (await staff.post<{ id: string }>(`${base}/vehicles`, { label: 'Taxi 1', seats: 1 })).body
    .id;
  const driverId = (await staff.post<{ id: string }>(`${base}/drivers`, { name: 'D' })).body.id;
  const shift = await staff.post(`${base}/shifts`, {
    vehicleId,
    driverId,
    startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 75 * 60_000).toISOString(),
    depotLatitude: 46.0516,
    depotLongitude: -71.9578,
  });
  expect(shift.status).toBe(201);
  riders = [];
  for (let i = 0; i < 2; i++) {
    const client = ctx.client();
    await signInAs(ctx.db, client, await createAccount(ctx.db));
    riders.push(client);
  }
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('vehicle capacity', () => {
  it('gives the last seat to one of two simultaneous bookings; the other is refused with alternatives', async () => {
    const body = { pickupStopId: a, dropoffStopId: b, timeMode: 'asap', passengers: 1 };
    const results = await Promise.all(
      riders.map((r) =>
        r.post<{ error?: { code: string; details?: { alternatives: unknown[] } } }>(
          `/api/orgs/${orgId}/transit/trips`,
          body,
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409);
    expect(refused?.body.error?.code).toBe('transit.no_vehicle');
    expect(Array.isArray(refused?.body.error?.details?.alternatives)).toBe(true);
    const rows = await ctx.db
      .select()
      .from(transitTrips)
      .where(and(eq(transitTrips.orgId, orgId), inArray(transitTrips.status, ['confirmed'])));
    expect(rows).toHaveLength(1);
    // A change that no vehicle can serve leaves the trip exactly as it was.
    const winner = riders[results.findIndex((r) => r.status === 201)] as TestClient;
    const tripId = rows[0]?.id as string;
    const change = await winner.post<{ error: { code: string } }>(
      `/api/orgs/${orgId}/transit/trips/${tripId}/change`,
      {
        timeMode: 'leave_at',
        time: new Date(Date.now() + 5 * 3600_000).toISOString(),
      },
    );
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe('transit.no_vehicle');
    const [still] = await ctx.db.select().from(transitTrips).where(eq(transitTrips.id, tripId));
    expect(still?.status).toBe('confirmed');
    expect(still?.promisedPickupStart.getTime()).toBe(rows[0]?.promisedPickupStart.getTime());
    // The refusal left no trip, yet the acceptance rate counts it: one request of two was accepted.
    const indicators = await staff.get<{
      days: Array<{ requests: number; accepted: number; alternativesOffered: number; refused: number }>;
    }>(`/api/orgs/${orgId}/transit/indicators`);
    const sum = (k: 'requests' | 'accepted' | 'alternativesOffered' | 'refused') =>
      indicators.body.days.reduce((n, d) => n + d[k], 0);
    expect([sum('requests'), sum('accepted'), sum('alternativesOffered') + sum('refused')]).toEqual([
      2, 1, 1,
    ]);
    const csv = await staff.get(`/api/orgs/${orgId}/transit/indicators?format=csv`);
    expect(csv.text).toContain("taux d'acceptation / acceptance rate");
    expect(csv.text).toMatch(/,0\.5\r?\n?/);
  });
});
