import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { localTime } from '../network/rules.ts';
import { transitBookingRequests, transitTripSeries, transitTrips } from './schema.ts';
import { localInstant, nextDate } from './series-dates.ts';

let ctx: TestContext;
let orgId: string;
let staff: TestClient;
let rider: TestClient;
let other: TestClient;
let a: string;
let b: string;
const days: string[] = [];

const ALL_DAY = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: 0, to: 1439 }]]),
);

// The seven dates from tomorrow: day 3 is a holiday, day 5 has no vehicle on the road, and only five days
// ahead can be booked, so days 6 and 7 are beyond the horizon.
beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  staff = ctx.client();
  await signInAs(
    ctx.db,
    staff,
    await createAccount(ctx.db, { roles: [{ orgId, role: 'transit_dispatch' }] }),
  );
  let day = localTime(new Date()).date;
  for (let i = 0; i < 7; i++) {
    day = nextDate(day);
    days.push(day);
  }
  const base = `/api/orgs/${orgId}/transit`;
  const service = await staff.put(`${base}/service`, {
    nameFr: 'T',
    nameEn: 'T',
    hours: ALL_DAY,
    closedDates: [days[2]],
    rules: { minNoticeMinutes: 30, maxDaysAhead: 5 },
  });
  expect(service.status).toBe(200);
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
  const stop = async (code: string, longitude: number) =>
    (await staff.post<{ id: string }>(`${base}/stops`, { code, name: code, latitude: 46.0516, longitude }))
      .body.id;
  a = await stop('A', -71.9578);
  b = await stop('B', -71.92);
  const vehicleId = (await staff.post<{ id: string }>(`${base}/vehicles`, { label: 'Taxi 1', seats: 4 })).body
    .id;
  const driverId = (await staff.post<{ id: string }>(`${base}/drivers`, { name: 'D' })).body.id;
  for (const [i, date] of days.entries()) {
    if (i === 4) continue;
    const shift = await staff.post(`${base}/shifts`, {
      vehicleId,
      driverId,
      startsAt: localInstant(date, '06:00').toISOString(),
      endsAt: localInstant(date, '20:00').toISOString(),
      depotLatitude: 46.0516,
      depotLongitude: -71.9578,
    });
    expect(shift.status).toBe(201);
  }
  rider = ctx.client();
  await signInAs(ctx.db, rider, await createAccount(ctx.db));
  other = ctx.client();
  await signInAs(ctx.db, other, await createAccount(ctx.db));
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

interface SeriesResult {
  seriesId: string;
  occurrences: Array<{
    date: string;
    outcome: string;
    trip?: { id: string; status: string; promisedPickupStart: string };
    alternatives?: unknown[];
  }>;
}

/**
 * What a week of daily trips at `time` becomes: day 3 is a holiday, day 5 finds no vehicle (or is beyond the
 * five-day horizon until the Quebec clock passes `time`), days 6 and 7 are too far ahead.
 */
const weekOutcomes = (time: string) => [
  [days[0], 'booked'],
  [days[1], 'booked'],
  [days[2], 'closed'],
  [days[3], 'booked'],
  [
    days[4],
    localInstant(days[4] as string, time).getTime() > Date.now() + 5 * 86_400_000
      ? 'too_far_ahead'
      : 'unavailable',
  ],
  [days[5], 'too_far_ahead'],
  [days[6], 'too_far_ahead'],
];

describe('weekly recurring trips', () => {
  it('books every service day through the booking path and says what became of the others', async () => {
    const body = {
      pickupStopId: a,
      dropoffStopId: b,
      timeMode: 'leave_at',
      time: '10:00',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startDate: days[0],
      weeks: 1,
      passengers: 1,
    };
    const key = { 'idempotency-key': 'series-key-0001' };
    const res = await rider.post<SeriesResult>(`/api/orgs/${orgId}/transit/series`, body, key);
    expect(res.status).toBe(201);
    expect(res.body.occurrences.map((o) => [o.date, o.outcome])).toEqual(weekOutcomes('10:00'));
    for (const o of res.body.occurrences.filter((x) => x.outcome === 'booked')) {
      const start = localTime(new Date(o.trip?.promisedPickupStart as string));
      expect(start.date).toBe(o.date);
      expect(Math.abs(start.minute - 600)).toBeLessThanOrEqual(30);
    }
    expect(Array.isArray(res.body.occurrences[4]?.alternatives)).toBe(true);

    // A retry with the same key replays the answer: still three trips, one series.
    const again = await rider.post<SeriesResult>(`/api/orgs/${orgId}/transit/series`, body, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.seriesId).toBe(res.body.seriesId);
    const trips = await ctx.db
      .select()
      .from(transitTrips)
      .where(and(eq(transitTrips.orgId, orgId), eq(transitTrips.seriesId, res.body.seriesId)));
    expect(trips).toHaveLength(3);
    expect(trips.every((t) => t.fareCents > 0 && t.orderId)).toBe(true);
    // Each occurrence the solver decided on counts in the acceptance rate (three accepted, one not).
    const requests = await ctx.db
      .select()
      .from(transitBookingRequests)
      .where(eq(transitBookingRequests.orgId, orgId));
    expect(requests.map((r) => r.outcome).sort()).toEqual(['accepted', 'accepted', 'accepted', 'refused']);
  });

  it('cancels one occurrence, then the rest of the series; nobody else can', async () => {
    const [series] = await ctx.db.select().from(transitTripSeries).where(eq(transitTripSeries.orgId, orgId));
    const seriesId = series?.id as string;
    const trips = await ctx.db
      .select()
      .from(transitTrips)
      .where(and(eq(transitTrips.orgId, orgId), eq(transitTrips.seriesId, seriesId)));
    const one = trips.sort((x, y) => +x.promisedPickupStart - +y.promisedPickupStart)[0]?.id as string;
    expect((await rider.post(`/api/orgs/${orgId}/transit/trips/${one}/cancel`, {})).status).toBe(200);
    expect((await other.post(`/api/orgs/${orgId}/transit/series/${seriesId}/cancel`, {})).status).toBe(404);
    const res = await rider.post<{ cancelled: Array<{ id: string; status: string }> }>(
      `/api/orgs/${orgId}/transit/series/${seriesId}/cancel`,
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body.cancelled).toHaveLength(2);
    expect(res.body.cancelled.every((t) => t.status === 'cancelled' && t.id !== one)).toBe(true);
    const [after] = await ctx.db.select().from(transitTripSeries).where(eq(transitTripSeries.id, seriesId));
    expect(after?.status).toBe('cancelled');
  });

  it('refuses a series without an end or longer than 26 weeks', async () => {
    const body = { pickupStopId: a, dropoffStopId: b, timeMode: 'leave_at', time: '10:00', weekdays: [1] };
    const none = await rider.post<{ error: { code: string } }>(`/api/orgs/${orgId}/transit/series`, {
      ...body,
      passengers: 1,
    });
    expect(none.body.error.code).toBe('transit.series_end_required');
    const long = await rider.post<{ error: { code: string } }>(`/api/orgs/${orgId}/transit/series`, {
      ...body,
      passengers: 1,
      startDate: days[0],
      endDate: '2099-01-01',
    });
    expect(long.body.error.code).toBe('transit.series_too_long');
  });
});

describe('weekly recurring trips booked by a dispatcher for a caller', () => {
  const series = () => `/api/orgs/${orgId}/transit/board/series`;
  // The stops exist once beforeAll has run.
  const body = () => ({
    pickupStopId: a,
    dropoffStopId: b,
    timeMode: 'leave_at',
    time: '14:00',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startDate: days[0],
    weeks: 1,
    passengers: 1,
  });

  it('books for a caller by name and phone, reports each date and audits the booking', async () => {
    const res = await staff.post<SeriesResult>(series(), {
      ...body(),
      rider: { name: ' Gisèle Caron ', phone: '819 555-0101' },
    });
    expect(res.status).toBe(201);
    expect(res.body.occurrences.map((o) => [o.date, o.outcome])).toEqual(weekOutcomes('14:00'));
    const trips = await ctx.db
      .select()
      .from(transitTrips)
      .where(and(eq(transitTrips.orgId, orgId), eq(transitTrips.seriesId, res.body.seriesId)));
    expect(trips).toHaveLength(3);
    expect(trips.every((t) => t.riderName === 'Gisèle Caron' && t.riderPhone === '819 555-0101')).toBe(true);
    expect(trips.every((t) => t.riderAccountId === null && t.bookedByAccountId)).toBe(true);
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'transit.series.book_for_rider')));
    expect(entry?.targetId).toBe(res.body.seriesId);
    expect(entry?.actorAccountId).toBe(trips[0]?.bookedByAccountId);
    expect(entry?.details).toMatchObject({ startDate: days[0], dates: 7 });
  });

  it('books for a caller who has an account: the series and its trips are theirs', async () => {
    const caller = await createAccount(ctx.db);
    const res = await staff.post<SeriesResult>(series(), {
      ...body(),
      time: '17:00',
      rider: { name: '', phone: '', accountId: caller.id },
    });
    expect(res.status).toBe(201);
    const [row] = await ctx.db
      .select()
      .from(transitTripSeries)
      .where(eq(transitTripSeries.id, res.body.seriesId));
    expect(row?.riderAccountId).toBe(caller.id);
    const booked = res.body.occurrences.filter((o) => o.outcome === 'booked');
    expect(booked.length).toBeGreaterThan(0);
    const callerClient = ctx.client();
    await signInAs(ctx.db, callerClient, caller);
    const mine = await callerClient.get<{ items: Array<{ id: string }> }>(
      `/api/orgs/${orgId}/transit/trips/mine`,
    );
    expect(mine.body.items.map((t) => t.id).sort()).toEqual(booked.map((o) => o.trip?.id).sort());
  });

  it('refuses a caller with neither an account nor a name and phone', async () => {
    const res = await staff.post<{ error: { code: string } }>(series(), {
      ...body(),
      rider: { name: 'Gisèle Caron', phone: ' ' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('transit.rider_required');
  });

  it('refuses the dispatcher of another organisation and a rider, and books nothing', async () => {
    const elsewhere = (await createOrg(ctx.db)).id;
    const foreign = ctx.client();
    await signInAs(
      ctx.db,
      foreign,
      await createAccount(ctx.db, { roles: [{ orgId: elsewhere, role: 'transit_dispatch' }] }),
    );
    const before = await ctx.db.select().from(transitTripSeries).where(eq(transitTripSeries.orgId, orgId));
    const caller = { name: 'Gisèle Caron', phone: '819 555-0101' };
    const input = { ...body(), rider: caller };
    expect((await foreign.post(series(), input)).status).toBe(403);
    expect((await rider.post(series(), input)).status).toBe(403);
    expect((await ctx.client().post(series(), input)).status).toBe(401);
    const after = await ctx.db.select().from(transitTripSeries).where(eq(transitTripSeries.orgId, orgId));
    expect(after).toHaveLength(before.length);
  });
});
