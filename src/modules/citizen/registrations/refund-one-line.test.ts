import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { activityNow, createActivity, createFamily, createSeason, createTown } from '../test-support.ts';
import { registrations } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

type Checkout = { registrations: Array<{ id: string; status: string }>; order: { id: string } | null };

describe('a refund of one line of an order', () => {
  it('never cancels the order’s other registrations, even when it repays everything collected', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    // Paid, refunded in full (no fee, far from the start); and a free activity in the same cart.
    const camp = await createActivity(ctx.db, season, {
      capacity: 3,
      priceResidentCents: 10000,
      refundFullDaysBefore: 7,
      cancellationFeeCents: 0,
    });
    const library = await createActivity(ctx.db, season, { capacity: 3, priceResidentCents: 0 });
    const family = await createFamily(ctx, { children: ['2016-05-14', '2017-03-01'], residentOf: town.id });
    const [lea, noah] = family.children as [string, string];
    const res = await family.client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [
        { activityId: camp.id, personId: lea },
        { activityId: library.id, personId: noah },
      ],
    });
    expect(res.status).toBe(201);
    const orderId = res.body.order?.id as string;
    const paid = await family.client.post(`/api/me/orders/${orderId}/pay?orgId=${town.id}`, {
      provider: 'sandbox',
      card: { number: '4242 4242 4242 4242' },
    });
    expect(paid.status).toBe(200);
    const rows = await ctx.db
      .select()
      .from(registrations)
      .where(scopeOf(town.id).where(registrations, eq(registrations.orderId, orderId)));
    const leaCamp = rows.find((r) => r.activityId === camp.id)?.id;
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed']);

    const cancelled = await family.client.post<{ refundCents: number; refunded: boolean }>(
      `/api/citizen/orgs/${town.id}/registrations/${leaCamp}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ refundCents: 10000, refunded: true });
    // Everything collected went back: the order is refunded, but Noah's free registration stands.
    const order = await family.client.get<{ status: string }>(`/api/me/orders/${orderId}?orgId=${town.id}`);
    expect(order.body.status).toBe('refunded');
    const after = await ctx.db
      .select()
      .from(registrations)
      .where(scopeOf(town.id).where(registrations, eq(registrations.orderId, orderId)));
    expect(after.find((r) => r.activityId === library.id)?.status).toBe('confirmed');
    expect(after.find((r) => r.activityId === camp.id)?.status).toBe('cancelled');
    expect((await activityNow(ctx.db, town.id, library.id)).taken).toBe(1);
    expect((await activityNow(ctx.db, town.id, camp.id)).taken).toBe(0);
  });
});
