import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { localInstant, nextDate } from '../bookings/series-dates.ts';
import { localTime } from '../network/rules.ts';
import { transitFareHoldings, transitFareUses } from './schema.ts';

interface Holding {
  id: string;
  kind: string;
  status: string;
  ridesLeft: number | null;
  validFrom: string | null;
  validUntil: string | null;
  order: { id: string; status: string; totalCents: number } | null;
  holder: { accountId: string };
}
interface Booked {
  trip: { id: string; fareCents: number; penaltyCents: number; order: { id: string } | null };
}
interface Failure {
  error: { code: string };
}

let ctx: TestContext;
let orgId: string;
let staff: TestClient;
let riderA: TestClient;
let riderB: TestClient;
let foreignStaff: TestClient;
let stopA: string;
let stopB: string;
const product: Record<string, string> = {};
const tomorrow = nextDate(localTime(new Date()).date);
const base = () => `/api/orgs/${orgId}/transit`;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const ALL_DAY = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: 0, to: 1439 }]]),
);

async function signedIn(roles: Array<{ orgId: string; role: 'transit_dispatch' }> = []) {
  const client = ctx.client();
  await signInAs(ctx.db, client, await createAccount(ctx.db, { roles }));
  return client;
}

async function buy(client: TestClient, productId: string, extra: Record<string, string> = {}, key?: string) {
  return client.post<Holding>(
    `${base()}/fares/purchase`,
    { productId, ...extra },
    key ? { 'idempotency-key': key } : undefined,
  );
}

async function buyAndPay(client: TestClient, productId: string, extra: Record<string, string> = {}) {
  const bought = await buy(client, productId, extra);
  expect(bought.status).toBe(201);
  const paid = await client.post<{ order: { status: string } }>(
    `/api/me/orders/${bought.body.order?.id}/pay`,
    {
      provider: 'sandbox',
      card: { number: '4242 4242 4242 4242' },
    },
  );
  expect(paid.body.order.status).toBe('paid');
  return bought.body.id;
}

function book(client: TestClient, time: string, passengers: number, holdingId?: string) {
  return client.post<Booked & Failure>(`${base()}/trips`, {
    pickupStopId: stopA,
    dropoffStopId: stopB,
    timeMode: 'leave_at',
    time,
    passengers,
    ...(holdingId ? { payWith: { holdingId } } : {}),
  });
}

async function holding(client: TestClient, id: string): Promise<Holding | undefined> {
  const mine = await client.get<{ items: Holding[] }>(`${base()}/fares/mine`);
  return mine.body.items.find((h) => h.id === id);
}

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  staff = await signedIn([{ orgId, role: 'transit_dispatch' }]);
  riderA = await signedIn();
  riderB = await signedIn();
  foreignStaff = await signedIn([{ orgId: (await createOrg(ctx.db)).id, role: 'transit_dispatch' }]);
  const service = await staff.put(`${base()}/service`, {
    nameFr: 'T',
    nameEn: 'T',
    hours: ALL_DAY,
    rules: { minNoticeMinutes: 30, maxDaysAhead: 7, lateCancelMinutes: 60, lateCancelPenaltyCents: 350 },
  });
  expect(service.status).toBe(200);
  const stop = async (code: string, longitude: number) =>
    (await staff.post<{ id: string }>(`${base()}/stops`, { code, name: code, latitude: 46.0516, longitude }))
      .body.id;
  stopA = await stop('A', -71.9578);
  stopB = await stop('B', -71.932);
  const driverId = (await staff.post<{ id: string }>(`${base()}/drivers`, { name: 'D' })).body.id;
  for (const label of ['T1', 'T2']) {
    const vehicleId = (await staff.post<{ id: string }>(`${base()}/vehicles`, { label, seats: 4 })).body.id;
    for (const [startsAt, endsAt] of [
      [new Date(Date.now() - 3600_000), new Date(Date.now() + 8 * 3600_000)],
      [localInstant(tomorrow, '08:00'), localInstant(tomorrow, '18:00')],
    ] as const) {
      const shift = await staff.post(`${base()}/shifts`, {
        vehicleId,
        driverId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        depotLatitude: 46.0516,
        depotLongitude: -71.9578,
      });
      expect(shift.status).toBe(201);
    }
  }
  for (const [code, kind, priceCents, more] of [
    ['PASSAGE', 'single', 350, {}],
    ['REDUIT', 'single', 250, { reduced: true }],
    ['LIVRET', 'booklet', 900, { rides: 3 }],
    ['MENSUEL', 'monthly_pass', 6000, { validityDays: 31 }],
    ['MEMBRE', 'membership', 1500, { validityDays: 365 }],
  ] as const) {
    const res = await staff.post<{ id: string }>(`${base()}/fares`, {
      code,
      kind,
      nameFr: code,
      nameEn: code,
      priceCents,
      ...more,
    });
    expect(res.status).toBe(201);
    product[code] = res.body.id;
  }
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('fare products and holdings', () => {
  let booklet: string;

  it('lists the products publicly, cheapest first', async () => {
    const res = await ctx.client().get<{ items: Array<{ code: string }> }>(`${base()}/fares/products`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p) => p.code)).toEqual(['REDUIT', 'PASSAGE', 'LIVRET', 'MEMBRE', 'MENSUEL']);
  });

  it('buys a booklet once per idempotency key, pending until paid, then active', async () => {
    const first = await buy(riderA, product.LIVRET as string, {}, 'fare-purchase-0001');
    const again = await buy(riderA, product.LIVRET as string, {}, 'fare-purchase-0001');
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    booklet = first.body.id;
    expect(first.body).toMatchObject({ kind: 'booklet', status: 'pending', ridesLeft: 3 });
    expect(first.body.order).toMatchObject({ status: 'pending', totalCents: 900 });
    const mine = await riderA.get<{ items: Holding[] }>(`${base()}/fares/mine`);
    expect(mine.body.items.filter((h) => h.kind === 'booklet')).toHaveLength(1);
    // Not paid yet: it pays nothing.
    const unpaid = await book(riderA, inMinutes(60), 1, booklet);
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.error.code).toBe('transit.fare_holding_exhausted');
    const paid = await riderA.post(`/api/me/orders/${first.body.order?.id}/pay`, {
      provider: 'sandbox',
      card: { number: '4242 4242 4242 4242' },
    });
    expect(paid.status).toBe(200);
    expect((await holding(riderA, booklet))?.status).toBe('active');
  });

  it('refuses to sell a single trip ahead', async () => {
    const res = await buy(riderA, product.PASSAGE as string);
    expect(res.status).toBe(422);
  });

  it('pays a trip with booklet rides: nothing to pay, no order, the use recorded', async () => {
    const res = await book(riderA, inMinutes(60), 2, booklet);
    expect(res.status).toBe(201);
    expect(res.body.trip.fareCents).toBe(0);
    expect(res.body.trip.order).toBeNull();
    expect((await holding(riderA, booklet))?.ridesLeft).toBe(1);
    const uses = await ctx.db
      .select()
      .from(transitFareUses)
      .where(and(eq(transitFareUses.orgId, orgId), eq(transitFareUses.tripId, res.body.trip.id)));
    expect(uses).toMatchObject([{ holdingId: booklet, rides: 2 }]);
  });

  it('lets exactly one of two simultaneous bookings take the last ride, and a timely cancel gives it back', async () => {
    const results = await Promise.all([
      book(riderA, inMinutes(150), 1, booklet),
      book(riderA, inMinutes(150), 1, booklet),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body.error.code).toBe('transit.fare_holding_exhausted');
    expect(await holding(riderA, booklet)).toMatchObject({ ridesLeft: 0, status: 'used_up' });
    const winner = results.find((r) => r.status === 201);
    const cancelled = await riderA.post<{ penaltyCents: number }>(
      `${base()}/trips/${winner?.body.trip.id}/cancel`,
      {},
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.penaltyCents).toBe(0);
    expect(await holding(riderA, booklet)).toMatchObject({ ridesLeft: 1, status: 'active' });
    // Cancelling twice gives nothing more back.
    expect((await riderA.post(`${base()}/trips/${winner?.body.trip.id}/cancel`, {})).status).toBe(409);
    expect((await holding(riderA, booklet))?.ridesLeft).toBe(1);
  });

  it('keeps the ride on a late cancellation, which costs the usual fee', async () => {
    const res = await book(riderA, inMinutes(45), 1, booklet);
    expect(res.status).toBe(201);
    const cancelled = await riderA.post<{ penaltyCents: number }>(
      `${base()}/trips/${res.body.trip.id}/cancel`,
      {},
    );
    expect(cancelled.body.penaltyCents).toBe(350);
    expect(await holding(riderA, booklet)).toMatchObject({ ridesLeft: 0, status: 'used_up' });
  });

  it('keeps a holding private to its rider and its organisation’s staff', async () => {
    const other = await book(riderB, inMinutes(60), 1, booklet);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('transit.fare_holding_not_found');
    expect(await holding(riderB, booklet)).toBeUndefined();
    expect((await foreignStaff.get(`${base()}/fares/holdings`)).status).toBe(403);
    expect((await riderA.get(`${base()}/fares/holdings`)).status).toBe(403);
    expect((await ctx.client().get(`${base()}/fares/mine`)).status).toBe(401);
    const sold = await staff.get<{ items: Holding[] }>(`${base()}/fares/holdings?status=used_up`);
    expect(sold.status).toBe(200);
    expect(sold.body.items.map((h) => h.id)).toEqual([booklet]);
  });

  it('covers the holder of a pass on its valid days only; the rest of the party pays', async () => {
    const pass = await buyAndPay(riderB, product.MENSUEL as string, { startDate: tomorrow });
    expect(await holding(riderB, pass)).toMatchObject({ status: 'active', validFrom: tomorrow });
    const today = await book(riderB, inMinutes(60), 1, pass);
    expect(today.status).toBe(409);
    expect(today.body.error.code).toBe('transit.fare_holding_not_valid');
    const res = await book(riderB, localInstant(tomorrow, '10:00').toISOString(), 2, pass);
    expect(res.status).toBe(201);
    expect(res.body.trip.fareCents).toBe(350);
    expect(res.body.trip.order).not.toBeNull();
  });

  it('gives a member the reduced single fare for their own seat', async () => {
    const member = await signedIn();
    await buyAndPay(member, product.MEMBRE as string);
    const res = await book(member, inMinutes(200), 2);
    expect(res.status).toBe(201);
    expect(res.body.trip.fareCents).toBe(250 + 350);
    const cannot = await book(
      member,
      inMinutes(240),
      1,
      (await member.get<{ items: Holding[] }>(`${base()}/fares/mine`)).body.items[0]?.id,
    );
    expect(cannot.status).toBe(422);
  });

  it('moves the booklet rides to the new trip of a change, and gives them back when it is cancelled', async () => {
    const rider = await signedIn();
    const own = await buyAndPay(rider, product.LIVRET as string);
    const res = await book(rider, inMinutes(90), 1, own);
    expect(res.status).toBe(201);
    const changed = await rider.post<{ id: string; fareCents: number; order: unknown }>(
      `${base()}/trips/${res.body.trip.id}/change`,
      { timeMode: 'leave_at', time: inMinutes(120) },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ fareCents: 0, order: null });
    expect((await holding(rider, own))?.ridesLeft).toBe(2);
    expect((await rider.post(`${base()}/trips/${changed.body.id}/cancel`, {})).status).toBe(200);
    expect((await holding(rider, own))?.ridesLeft).toBe(3);
  });

  it('cancels the holding of an unpaid order that is cancelled', async () => {
    const rider = await signedIn();
    const bought = await buy(rider, product.LIVRET as string);
    const cancelled = await staff.post(`/api/orgs/${orgId}/orders/${bought.body.order?.id}/cancel`, {
      reason: 'never paid',
    });
    expect(cancelled.status).toBe(200);
    expect((await holding(rider, bought.body.id))?.status).toBe('cancelled');
  });

  it('charges the member price to the holder’s seat only once: not on top of a pass', async () => {
    const rider = await signedIn();
    await buyAndPay(rider, product.MEMBRE as string);
    const pass = await buyAndPay(rider, product.MENSUEL as string);
    const res = await book(rider, inMinutes(100), 2, pass);
    expect(res.status).toBe(201);
    expect(res.body.trip.fareCents).toBe(350);
  });

  it('ends a refunded pass', async () => {
    const rider = await signedIn();
    const pass = await buyAndPay(rider, product.MENSUEL as string);
    const orderId = (await holding(rider, pass))?.order?.id;
    const refund = await staff.post(`/api/orgs/${orgId}/orders/${orderId}/refunds`, {
      amountCents: 6000,
      reason: 'unused pass',
    });
    expect(refund.status).toBe(201);
    expect((await holding(rider, pass))?.status).toBe('refunded');
    expect((await book(rider, inMinutes(60), 1, pass)).status).toBe(409);
  });

  it('shows a pass past its last day as expired, to its rider and in the staff’s filters', async () => {
    const rider = await signedIn();
    const pass = await buyAndPay(rider, product.MENSUEL as string);
    const ids = async (status: string) =>
      (await staff.get<{ items: Holding[] }>(`${base()}/fares/holdings?status=${status}`)).body.items.map(
        (h) => h.id,
      );
    expect(await ids('active')).toContain(pass);
    expect(await ids('expired')).not.toContain(pass);
    await ctx.db
      .update(transitFareHoldings)
      .set({ validFrom: '2020-01-01', validUntil: '2020-01-31' })
      .where(eq(transitFareHoldings.id, pass));
    expect((await holding(rider, pass))?.status).toBe('expired');
    expect(await ids('expired')).toContain(pass);
    expect(await ids('active')).not.toContain(pass);
    expect((await book(rider, inMinutes(60), 1, pass)).status).toBe(409);
  });
});
