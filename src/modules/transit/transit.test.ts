import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import { emailMessages } from '../../platform/notify/schema.ts';
import { orders } from '../../platform/payments/schema.ts';
import { transitTrips } from './bookings/schema.ts';

interface Trip {
  id: string;
  reference: string;
  status: string;
  promisedPickupStart: string;
  promisedPickupEnd: string;
  expectedArrival: string;
  latestDropoffAt: string;
  vehicle: { id: string; label: string } | null;
  fareCents: number;
  penaltyCents: number;
  order: { id: string; status: string } | null;
  returnOfTripId: string | null;
  pickupStop: { id: string };
}
interface Booked {
  trip: Trip;
  returnTrip: Trip | null;
}

let ctx: TestContext;
let orgId: string;
let slug: string;
let dispatcher: TestClient;
let driver: TestClient;
let otherDriver: TestClient;
let riderA: TestClient;
let riderB: TestClient;
let foreignDispatcher: TestClient;
let riderAId: string;
const stops: Record<string, string> = {};
let vehicleId: string;
let shiftId: string;
let otherShiftId: string;

// Around Victoriaville's city hall; B is ~2 km east, C ~5 km north-east.
const A = { lat: 46.0516, lon: -71.9578 };
const B = { lat: 46.0516, lon: -71.932 };
const C = { lat: 46.0866, lon: -71.925 };
const base = () => `/api/orgs/${orgId}/transit`;
const ALL_DAY = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: 0, to: 1439 }]]),
);

async function staffSetup(client: TestClient, org: string) {
  const service = await client.put(`/api/orgs/${org}/transit/service`, {
    nameFr: 'TaxiBus de test',
    nameEn: 'Test TaxiBus',
    phone: '819-555-0100',
    hours: ALL_DAY,
    rules: {
      minNoticeMinutes: 30,
      maxDaysAhead: 7,
      lateCancelMinutes: 60,
      lateCancelPenaltyCents: 350,
      noShowWaitMinutes: 5,
    },
  });
  expect(service.status).toBe(200);
  const zone = await client.post<{ id: string }>(`/api/orgs/${org}/transit/zones`, {
    code: 'CENTRE',
    nameFr: 'Centre',
    nameEn: 'Centre',
    speedKmh: 35,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-72.0, 46.0],
          [-71.9, 46.0],
          [-71.9, 46.1],
          [-72.0, 46.1],
          [-72.0, 46.0],
        ],
      ],
    },
  });
  expect(zone.status).toBe(201);
  const out: Record<string, string> = {};
  for (const [code, p] of Object.entries({ A, B, C })) {
    const res = await client.post<{ id: string }>(`/api/orgs/${org}/transit/stops`, {
      code,
      name: `Arrêt ${code}`,
      latitude: p.lat,
      longitude: p.lon,
      zoneId: zone.body.id,
      wheelchairAccessible: code !== 'C',
    });
    expect(res.status).toBe(201);
    out[code] = res.body.id;
  }
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  slug = `victo-${Date.now()}`;
  orgId = (await createOrg(ctx.db, { slug, refPrefix: 'VIC' })).id;
  const foreignOrg = (await createOrg(ctx.db)).id;
  const make = async (roles: Array<{ orgId: string; role: 'transit_dispatch' | 'transit_driver' }>) => {
    const account = await createAccount(ctx.db, { roles });
    const client = ctx.client();
    await signInAs(ctx.db, client, account);
    return { client, account };
  };
  dispatcher = (await make([{ orgId, role: 'transit_dispatch' }])).client;
  const d1 = await make([{ orgId, role: 'transit_driver' }]);
  const d2 = await make([{ orgId, role: 'transit_driver' }]);
  driver = d1.client;
  otherDriver = d2.client;
  const a = await make([]);
  riderA = a.client;
  riderAId = a.account.id;
  riderB = (await make([])).client;
  foreignDispatcher = (await make([{ orgId: foreignOrg, role: 'transit_dispatch' }])).client;
  Object.assign(stops, await staffSetup(dispatcher, orgId));
  vehicleId = (
    await dispatcher.post<{ id: string }>(`${base()}/vehicles`, {
      label: 'TB-01',
      seats: 4,
      wheelchairPlaces: 1,
    })
  ).body.id;
  const v2 = (await dispatcher.post<{ id: string }>(`${base()}/vehicles`, { label: 'TB-02', seats: 4 })).body
    .id;
  const driverId = (
    await dispatcher.post<{ id: string }>(`${base()}/drivers`, { name: 'Luc', accountId: d1.account.id })
  ).body.id;
  const driver2Id = (
    await dispatcher.post<{ id: string }>(`${base()}/drivers`, { name: 'Marie', accountId: d2.account.id })
  ).body.id;
  const now = Date.now();
  const shift = (v: string, d: string) =>
    dispatcher.post<{ id: string }>(`${base()}/shifts`, {
      vehicleId: v,
      driverId: d,
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 8 * 3600_000).toISOString(),
      depotLatitude: A.lat,
      depotLongitude: A.lon,
    });
  shiftId = (await shift(vehicleId, driverId)).body.id;
  otherShiftId = (await shift(v2, driver2Id)).body.id;
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('transit network', () => {
  it('lists the public network with the nearest stops first', async () => {
    const res = await riderA.get<{ stops: Array<{ code: string; distanceM: number }> }>(
      `${base()}/network?lat=${B.lat}&lon=${B.lon - 0.001}&limit=2`,
    );
    expect(res.status).toBe(200);
    expect(res.body.stops.map((s) => s.code)).toEqual(['B', 'A']);
    expect(res.body.stops[0]?.distanceM).toBeLessThan(100);
  });

  it('refuses an invalid zone and a duplicate stop code', async () => {
    const bad = await dispatcher.post(`${base()}/zones`, {
      code: 'OPEN',
      nameFr: 'x',
      nameEn: 'x',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
    });
    expect(bad.status).toBe(422);
    const dup = await dispatcher.post(`${base()}/stops`, {
      code: 'A',
      name: 'Again',
      latitude: 46,
      longitude: -72,
    });
    expect(dup.status).toBe(409);
  });

  it('keeps another town’s staff and riders out of the network administration', async () => {
    expect(
      (
        await foreignDispatcher.post(`${base()}/stops`, {
          code: 'X',
          name: 'X',
          latitude: 46,
          longitude: -72,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await foreignDispatcher.put(`${base()}/stops/${stops.A}`, {
          code: 'A',
          name: 'Pwned',
          latitude: 46,
          longitude: -72,
        })
      ).status,
    ).toBe(403);
    expect((await foreignDispatcher.get(`${base()}/fleet`)).status).toBe(403);
    expect((await foreignDispatcher.get(`${base()}/board`)).status).toBe(403);
    expect((await riderA.get(`${base()}/board`)).status).toBe(403);
    // Even through its own organisation's URL, a foreign id is not found.
    const foreignOrgId = (await createOrg(ctx.db)).id;
    const mine = await foreignDispatcher.get(`/api/orgs/${foreignOrgId}/transit/fleet`);
    expect(mine.status).toBe(403);
  });
});

describe('booking a trip', () => {
  let trip: Trip;

  it('books ASAP with a promised pickup window, an expected arrival, a fare order and a confirmation', async () => {
    const res = await riderA.post<Booked>(`${base()}/trips`, {
      pickupStopId: stops.A,
      dropoffStopId: stops.B,
      timeMode: 'asap',
      passengers: 2,
    });
    expect(res.status).toBe(201);
    trip = res.body.trip;
    expect(trip.status).toBe('confirmed');
    const start = new Date(trip.promisedPickupStart).getTime();
    const end = new Date(trip.promisedPickupEnd).getTime();
    expect(end - start).toBe(15 * 60_000);
    expect(start).toBeGreaterThanOrEqual(Date.now() + 28 * 60_000);
    expect(new Date(trip.expectedArrival).getTime()).toBeGreaterThan(start);
    expect(new Date(trip.expectedArrival).getTime()).toBeLessThanOrEqual(
      new Date(trip.latestDropoffAt).getTime(),
    );
    expect(trip.vehicle).not.toBeNull();
    expect(trip.fareCents).toBe(700);
    expect(trip.order?.status).toBe('pending');
    const mails = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.template, 'transit.trip_notice'));
    expect(mails.some((m) => m.accountId === riderAId && m.textBody.includes(trip.reference))).toBe(true);
  });

  it('books arrive-by with a return trip', async () => {
    const arriveBy = new Date(Date.now() + 3 * 3600_000);
    const res = await riderA.post<Booked>(`${base()}/trips`, {
      pickupStopId: stops.A,
      dropoffStopId: stops.C,
      timeMode: 'arrive_by',
      time: arriveBy.toISOString(),
      passengers: 1,
      returnTime: new Date(arriveBy.getTime() + 3600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    expect(new Date(res.body.trip.latestDropoffAt).getTime()).toBeLessThanOrEqual(arriveBy.getTime() + 1000);
    expect(res.body.returnTrip?.returnOfTripId).toBe(res.body.trip.id);
    expect(res.body.returnTrip?.pickupStop.id).toBe(stops.C);
  });

  it('refuses a wheelchair at an inaccessible stop, too short notice and the same stop', async () => {
    const body = {
      pickupStopId: stops.A,
      dropoffStopId: stops.C,
      timeMode: 'asap',
      passengers: 1,
      wheelchairs: 1,
    };
    expect((await riderA.post(`${base()}/trips`, body)).status).toBe(422);
    const soon = await riderA.post<{ error: { code: string; message: string } }>(`${base()}/trips`, {
      ...body,
      wheelchairs: 0,
      timeMode: 'leave_at',
      time: new Date(Date.now() + 5 * 60_000).toISOString(),
    });
    expect(soon.status).toBe(422);
    expect(soon.body.error.code).toBe('transit.too_soon');
    expect(soon.body.error.message).toContain('30 minutes');
    expect(
      (await riderA.post(`${base()}/trips`, { ...body, wheelchairs: 0, dropoffStopId: stops.A })).status,
    ).toBe(422);
  });

  it('replays a retried booking with the same Idempotency-Key instead of booking twice', async () => {
    const body = {
      pickupStopId: stops.B,
      dropoffStopId: stops.A,
      timeMode: 'leave_at',
      time: new Date(Date.now() + 2 * 3600_000).toISOString(),
      passengers: 1,
    };
    const key = { 'idempotency-key': `transit-retry-${Date.now()}` };
    const first = await riderB.post<Booked>(`${base()}/trips`, body, key);
    const second = await riderB.post<Booked>(`${base()}/trips`, body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.trip.id).toBe(first.body.trip.id);
    const rows = await ctx.db
      .select()
      .from(transitTrips)
      .where(and(eq(transitTrips.orgId, orgId), eq(transitTrips.pickupStopId, stops.B as string)));
    expect(rows).toHaveLength(1);
  });

  it('shows a rider only their own trips', async () => {
    const mine = await riderB.get<{ items: Trip[] }>(`${base()}/trips/mine`);
    expect(mine.body.items.every((t) => t.id !== trip.id)).toBe(true);
    expect((await riderB.get(`${base()}/trips/${trip.id}`)).status).toBe(404);
    expect((await riderB.get(`${base()}/trips/${trip.id}/vehicle`)).status).toBe(404);
    expect((await riderB.post(`${base()}/trips/${trip.id}/cancel`, {})).status).toBe(404);
    expect((await foreignDispatcher.get(`${base()}/trips/${trip.id}`)).status).toBe(404);
    expect((await riderA.get(`${base()}/trips/${trip.id}`)).status).toBe(200);
    const seen = await dispatcher.get(`${base()}/trips/${trip.id}`);
    expect(seen.status).toBe(200);
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, trip.id), eq(auditLog.action, 'personal_data.access')));
    expect(audit?.subjectAccountId).toBe(riderAId);
  });

  it('changes a trip in one step: the old one leaves the plan, the new one keeps the fare order', async () => {
    const booked = await riderB.post<Booked>(`${base()}/trips`, {
      pickupStopId: stops.C,
      dropoffStopId: stops.B,
      timeMode: 'leave_at',
      time: new Date(Date.now() + 5 * 3600_000).toISOString(),
      passengers: 1,
    });
    expect(booked.status).toBe(201);
    const id = booked.body.trip.id;
    expect((await riderA.post(`${base()}/trips/${id}/change`, { timeMode: 'asap' })).status).toBe(404);
    const later = new Date(Date.now() + 6 * 3600_000);
    const changed = await riderB.post<Trip>(`${base()}/trips/${id}/change`, {
      timeMode: 'leave_at',
      time: later.toISOString(),
    });
    expect(changed.status).toBe(200);
    expect(changed.body.id).not.toBe(id);
    expect(new Date(changed.body.promisedPickupStart).getTime()).toBeGreaterThanOrEqual(
      later.getTime() - 1000,
    );
    expect(changed.body.order?.id).toBe(booked.body.trip.order?.id);
    const [old] = await ctx.db.select().from(transitTrips).where(eq(transitTrips.id, id));
    expect(old?.status).toBe('cancelled');
    expect(old?.penaltyCents).toBe(0);
  });

  it('lets a dispatcher book for a caller, audited', async () => {
    const res = await dispatcher.post<Booked>(`${base()}/board/trips`, {
      pickupStopId: stops.B,
      dropoffStopId: stops.C,
      timeMode: 'leave_at',
      time: new Date(Date.now() + 4 * 3600_000).toISOString(),
      passengers: 1,
      rider: { name: 'Gisèle Caron', phone: '819-555-0199' },
    });
    expect(res.status).toBe(201);
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, res.body.trip.id));
    expect(audit?.action).toBe('transit.trip.book_for_rider');
    expect(
      (
        await riderA.post(`${base()}/board/trips`, {
          pickupStopId: stops.B,
          dropoffStopId: stops.C,
          timeMode: 'asap',
          passengers: 1,
          rider: { name: 'x', phone: 'y' },
        })
      ).status,
    ).toBe(403);
  });

  it('charges the late-cancellation fee and frees the seat', async () => {
    const res = await riderB.post<Booked>(`${base()}/trips`, {
      pickupStopId: stops.C,
      dropoffStopId: stops.A,
      timeMode: 'asap',
      passengers: 1,
    });
    expect(res.status).toBe(201);
    const cancelled = await riderB.post<Trip>(`${base()}/trips/${res.body.trip.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.penaltyCents).toBe(350);
    expect(cancelled.body.order?.status).toBe('cancelled');
    const penalties = await ctx.db
      .select()
      .from(orders)
      .where(and(eq(orders.orgId, orgId), eq(orders.totalCents, 350)));
    expect(penalties.length).toBeGreaterThan(0);
    expect((await riderB.post(`${base()}/trips/${res.body.trip.id}/cancel`, {})).status).toBe(409);
  });

  it('lets the dispatcher reassign a trip within its promise and re-optimise without breaking one', async () => {
    const moved = await dispatcher.post<Trip>(`${base()}/board/trips/${trip.id}/reassign`, {
      shiftId: otherShiftId,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.vehicle?.id).not.toBe(vehicleId);
    expect(moved.body.promisedPickupStart).toBe(trip.promisedPickupStart);
    const back = await dispatcher.post<Trip>(`${base()}/board/trips/${trip.id}/reassign`, { shiftId });
    expect(back.body.vehicle?.id).toBe(vehicleId);
    const re = await dispatcher.post<{ beforeMinutes: number; afterMinutes: number }>(
      `${base()}/board/reoptimise`,
      {},
    );
    expect(re.status).toBe(200);
    expect(re.body.afterMinutes).toBeLessThanOrEqual(re.body.beforeMinutes);
    const rows = await ctx.db.select().from(transitTrips).where(eq(transitTrips.orgId, orgId));
    for (const r of rows.filter((x) => x.status === 'confirmed')) {
      expect(r.plannedPickupAt.getTime()).toBeGreaterThanOrEqual(r.promisedPickupStart.getTime() - 1000);
      expect(r.plannedPickupAt.getTime()).toBeLessThanOrEqual(r.promisedPickupEnd.getTime() + 1000);
    }
    const board = await dispatcher.get<{ shifts: Array<{ id: string; trips: Trip[] }> }>(`${base()}/board`);
    expect(board.status).toBe(200);
    expect(board.body.shifts.find((s) => s.id === shiftId)?.trips.some((t) => t.id === trip.id)).toBe(true);
  });

  it('runs the driver’s day: manifest, shift start, position, arrival notice, pickup and drop-off', async () => {
    expect(
      (await otherDriver.post(`${base()}/driver/trips/${trip.id}/events`, { event: 'arrived' })).status,
    ).toBe(404);
    const manifest = await driver.get<{
      shift: { id: string };
      stops: Array<{ trip: { id: string }; kind: string }>;
    }>(`${base()}/driver/manifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.body.shift.id).toBe(shiftId);
    expect(manifest.body.stops.some((s) => s.trip.id === trip.id && s.kind === 'pickup')).toBe(true);
    const others = await otherDriver.get<{ stops: Array<{ trip: { id: string } }> }>(
      `${base()}/driver/manifest`,
    );
    expect(others.body.stops.some((s) => s.trip.id === trip.id)).toBe(false);
    expect((await riderA.get(`${base()}/driver/manifest`)).status).toBe(403);

    const hidden = await riderA.get<{ vehicle: unknown }>(`${base()}/trips/${trip.id}/vehicle`);
    expect(hidden.body.vehicle).toBeNull();
    expect((await driver.post(`${base()}/driver/shift/start`, {})).status).toBe(200);
    // A fix ~300 m from the pickup: about one minute away.
    const fix = {
      latitude: A.lat + 0.0027,
      longitude: A.lon,
      speedKmh: 30,
      bearing: 180,
      at: new Date().toISOString(),
    };
    const sent = await driver.post<{ stored: number; noticesSent: number }>(`${base()}/driver/positions`, {
      positions: [fix],
    });
    expect(sent.body.stored).toBe(1);
    expect(sent.body.noticesSent).toBe(1);
    const next = (
      await driver.get<{ stops: Array<{ trip: { id: string }; kind: string }> }>(`${base()}/driver/manifest`)
    ).body.stops.find((s) => s.kind === 'pickup' && s.trip.id === trip.id);
    expect(next).toBeDefined();
    const live = await riderA.get<{
      vehicle: { latitude: number } | null;
      etaMinutes: number;
      notice: { kind: string; minutes: number | null } | null;
    }>(`${base()}/trips/${trip.id}/vehicle`);
    expect(live.body.vehicle?.latitude).toBeCloseTo(fix.latitude, 5);
    expect(live.body.etaMinutes).toBeLessThanOrEqual(2);
    expect(live.body.notice?.kind).toBe('arriving');
    expect(live.body.notice?.minutes).toBeGreaterThanOrEqual(1);
    // An older buffered fix does not move the vehicle back.
    await driver.post(`${base()}/driver/positions`, {
      positions: [{ ...fix, latitude: 46.2, at: new Date(Date.now() - 60_000).toISOString() }],
    });
    const still = await riderA.get<{ vehicle: { latitude: number } }>(`${base()}/trips/${trip.id}/vehicle`);
    expect(still.body.vehicle.latitude).toBeCloseTo(fix.latitude, 5);

    expect((await driver.post(`${base()}/driver/trips/${trip.id}/events`, { event: 'no_show' })).status).toBe(
      422,
    );
    expect((await driver.post(`${base()}/driver/trips/${trip.id}/events`, { event: 'arrived' })).status).toBe(
      200,
    );
    const there = await riderA.get<{ notice: { kind: string } | null }>(`${base()}/trips/${trip.id}/vehicle`);
    expect(there.body.notice?.kind).toBe('arrived');
    const early = await driver.post<{ error: { code: string } }>(`${base()}/driver/trips/${trip.id}/events`, {
      event: 'no_show',
    });
    expect(early.body.error.code).toBe('transit.no_show_too_early');
    expect(
      (await driver.post(`${base()}/driver/trips/${trip.id}/events`, { event: 'picked_up' })).status,
    ).toBe(200);
    expect(
      (await driver.post(`${base()}/driver/trips/${trip.id}/events`, { event: 'picked_up' })).status,
    ).toBe(409);
    const done = await driver.post<Trip>(`${base()}/driver/trips/${trip.id}/events`, {
      event: 'dropped_off',
    });
    expect(done.body.status).toBe('completed');
    const indicators = await dispatcher.get<{
      days: Array<{
        completed: number;
        booked: number;
        punctuality: number | null;
        kmPerPassenger: number | null;
      }>;
    }>(`${base()}/indicators`);
    expect(indicators.status).toBe(200);
    const completed = indicators.body.days.reduce((n, d) => n + d.completed, 0);
    expect(completed).toBe(1);
    expect(indicators.body.days.some((d) => d.kmPerPassenger !== null && d.kmPerPassenger > 1.5)).toBe(true);
    const csv = await dispatcher.get(`${base()}/indicators?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('km par passager');
    expect((await foreignDispatcher.get(`${base()}/indicators`)).status).toBe(403);
    const notices = await ctx.db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.accountId, riderAId), eq(emailMessages.template, 'transit.trip_notice')));
    expect(notices.some((m) => /arrive à Arrêt A dans environ \d+ minute/.test(m.textBody))).toBe(true);
    expect(notices.some((m) => m.textBody.includes('est arrivé à Arrêt A'))).toBe(true);
  });
});
