import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { createOrder } from './create-order.ts';
import { onOrderStateChange } from './hooks.ts';
import type { OrderView } from './order-view.ts';
import { paymentEvents } from './schema.ts';

let ctx: TestContext;
let orgA: { id: string };
let orgB: { id: string };
let citizen: TestAccount;
let other: TestAccount;
let citizenClient: TestClient;
let otherClient: TestClient;
let treasuryA: TestClient;
let treasuryB: TestClient;
let recreationA: TestClient;
let transitA: TestClient;

const registrationLine = (reference: string, unitPriceCents = 4500) => ({
  module: 'citizen.testing',
  reference,
  description: { fr: 'Camp de jour — semaine 1', en: 'Day camp — week 1' },
  quantity: 1,
  unitPriceCents,
  taxCodes: [] as Array<'gst' | 'qst'>,
});

async function staff(
  orgId: string,
  role: 'treasury' | 'recreation' | 'transit_dispatch',
): Promise<TestClient> {
  const account = await createAccount(ctx.db, { roles: [{ orgId, role }] });
  const client = ctx.client();
  await signInAs(ctx.db, client, account);
  return client;
}

beforeAll(async () => {
  ctx = await createTestContext();
  orgA = await createOrg(ctx.db, { refPrefix: 'JOL' });
  orgB = await createOrg(ctx.db, { refPrefix: 'RDL' });
  citizen = await createAccount(ctx.db);
  other = await createAccount(ctx.db);
  citizenClient = ctx.client();
  await signInAs(ctx.db, citizenClient, citizen);
  otherClient = ctx.client();
  await signInAs(ctx.db, otherClient, other);
  treasuryA = await staff(orgA.id, 'treasury');
  treasuryB = await staff(orgB.id, 'treasury');
  recreationA = await staff(orgA.id, 'recreation');
  transitA = await staff(orgA.id, 'transit_dispatch');
});
afterAll(async () => ctx?.close());

describe('orders', () => {
  it('creates an order from a module with taxes per line and a human reference', async () => {
    const order = await createOrder({
      db: ctx.db,
      orgId: orgA.id,
      accountId: citizen.id,
      lines: [
        registrationLine('reg-1'),
        {
          module: 'transit.fare',
          reference: 'booking-9',
          description: { fr: 'Passage TaxiBus', en: 'TaxiBus fare' },
          quantity: 3,
          unitPriceCents: 333,
          taxCodes: ['gst', 'qst'],
        },
      ],
    });
    expect(order.reference).toMatch(/^JOL-\d{4}-000001$/);
    expect(order.status).toBe('pending');
    expect(order.testMode).toBe(false);
    expect(order.lines.map((l) => [l.module, l.totalCents])).toEqual([
      ['citizen.testing', 4500],
      ['transit.fare', 1149],
    ]);
    expect(order).toMatchObject({
      subtotalCents: 5499,
      gstCents: 50,
      qstCents: 100,
      totalCents: 5649,
      balanceCents: 5649,
    });
    expect(order.gstRate).toBe(5000);
    expect(order.qstRate).toBe(9975);
  });

  it('uses the organisation’s catalogue and its own tax rates', async () => {
    const saved = await treasuryA.put(`/api/orgs/${orgA.id}/payments/products/ARENA-1H`, {
      module: 'citizen.rental',
      name: { fr: 'Location de glace (1 h)', en: 'Ice rental (1 h)' },
      unitPriceCents: 20000,
      taxCodes: ['gst', 'qst'],
    });
    expect(saved.status).toBe(200);
    const settings = await treasuryA.put(`/api/orgs/${orgA.id}/payments/settings`, {
      gstNumber: '123456789 RT0001',
      qstNumber: '1234567890 TQ0001',
    });
    expect(settings.status).toBe(200);
    const order = await createOrder({
      db: ctx.db,
      orgId: orgA.id,
      accountId: citizen.id,
      lines: [{ module: 'citizen.rental', reference: 'rental-1', productCode: 'ARENA-1H', quantity: 2 }],
    });
    expect(order.lines[0]).toMatchObject({
      description: { fr: 'Location de glace (1 h)', en: 'Ice rental (1 h)' },
      subtotalCents: 40000,
      gstCents: 2000,
      qstCents: 3990,
      totalCents: 45990,
    });
    await expect(
      createOrder({
        db: ctx.db,
        orgId: orgA.id,
        accountId: null,
        lines: [{ module: 'citizen.rental', reference: 'x', productCode: 'NOPE' }],
      }),
    ).rejects.toMatchObject({ code: 'payment.product_not_found', status: 422 });
    await expect(
      createOrder({
        db: ctx.db,
        orgId: orgA.id,
        accountId: null,
        lines: [{ ...registrationLine('r'), unitPriceCents: -5 }],
      }),
    ).rejects.toMatchObject({ code: 'payment.invalid_line', status: 422 });
  });

  it('marks an order with nothing to pay as paid at once and tells its module in the same transaction', async () => {
    const seen: Array<{ to: string; statusInTransaction: string | undefined }> = [];
    const off = onOrderStateChange('citizen', async (change) => {
      const [row] = await change.db
        .select({ type: paymentEvents.type, to: paymentEvents.toStatus })
        .from(paymentEvents)
        .where(
          and(
            eq(paymentEvents.orgId, change.orgId),
            eq(paymentEvents.orderId, change.orderId),
            eq(paymentEvents.type, 'order.status_changed'),
          ),
        );
      seen.push({ to: change.to, statusInTransaction: row?.to ?? undefined });
    });
    try {
      const order = await createOrder({
        db: ctx.db,
        orgId: orgA.id,
        accountId: citizen.id,
        lines: [registrationLine('free-1', 0)],
      });
      expect(order.status).toBe('paid');
      expect(seen).toEqual([{ to: 'paid', statusInTransaction: 'paid' }]);
    } finally {
      off();
    }
  });

  it('shows a citizen their own orders only; another person’s order does not exist for them', async () => {
    const mine = await createOrder({
      db: ctx.db,
      orgId: orgB.id,
      accountId: citizen.id,
      lines: [registrationLine('reg-b')],
    });
    const list = await citizenClient.get<{ items: OrderView[]; total: number }>('/api/me/orders');
    expect(list.status).toBe(200);
    expect(list.body.items.every((o) => o.accountId === citizen.id)).toBe(true);
    expect(list.body.items.map((o) => o.id)).toContain(mine.id);
    const scoped = await citizenClient.get<{ items: OrderView[] }>(`/api/me/orders?orgId=${orgA.id}`);
    expect(scoped.body.items.every((o) => o.orgId === orgA.id)).toBe(true);

    const theirs = await otherClient.get<{ error: { code: string } }>(`/api/me/orders/${mine.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('payment.order_not_found');
    const pay = await otherClient.post(`/api/me/orders/${mine.id}/pay`, {
      provider: 'sandbox',
      card: { number: '4242424242424242' },
    });
    expect(pay.status).toBe(404);
    expect((await otherClient.get(`/api/me/orders/${mine.id}/receipt.pdf`)).status).toBe(404);
    expect((await ctx.client().get('/api/me/orders')).status).toBe(401);
  });

  it('lets staff sell at the counter for the modules they serve, audited', async () => {
    const body = { lines: [registrationLine('counter-1')], accountEmail: citizen.email };
    const created = await recreationA.post<OrderView>(`/api/orgs/${orgA.id}/orders`, body);
    expect(created.status).toBe(201);
    expect(created.body.accountId).toBe(citizen.id);
    const refused = await transitA.post<{ error: { code: string } }>(`/api/orgs/${orgA.id}/orders`, body);
    expect(refused.status).toBe(403);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payments.order_created'), eq(auditLog.targetId, created.body.id)));
    expect(audited).toHaveLength(1);
  });

  it('keeps each organisation’s orders to its own staff (403 on another organisation, 404 by id)', async () => {
    const order = await createOrder({
      db: ctx.db,
      orgId: orgA.id,
      accountId: citizen.id,
      lines: [registrationLine('iso-1')],
    });
    const base = `/api/orgs/${orgA.id}/orders`;
    expect((await treasuryB.get(base)).status).toBe(403);
    expect((await treasuryB.get(`${base}/${order.id}`)).status).toBe(403);
    expect((await treasuryB.post(`${base}/${order.id}/mark-paid`, { method: 'cash' })).status).toBe(403);
    expect(
      (await treasuryB.post(`${base}/${order.id}/refunds`, { amountCents: 100, reason: 'test' })).status,
    ).toBe(403);
    expect(
      (await treasuryB.get(`/api/orgs/${orgA.id}/payments/reconciliation?from=2026-01-01&to=2026-01-31`))
        .status,
    ).toBe(403);
    // Through its own organisation's path, B's treasury does not find A's order.
    expect((await treasuryB.get(`/api/orgs/${orgB.id}/orders/${order.id}`)).status).toBe(404);
    expect(
      (await treasuryB.post(`/api/orgs/${orgB.id}/orders/${order.id}/mark-paid`, { method: 'cash' })).status,
    ).toBe(404);
    const listB = await treasuryB.get<{ items: OrderView[] }>(`/api/orgs/${orgB.id}/orders`);
    expect(listB.body.items.every((o) => o.orgId === orgB.id)).toBe(true);
    // A citizen is not staff.
    expect((await citizenClient.get(base)).status).toBe(403);
  });

  it('lists orders for staff with filters, module staff seeing their modules only', async () => {
    const fare = await createOrder({
      db: ctx.db,
      orgId: orgA.id,
      accountId: null,
      customerName: 'Client au comptoir',
      lines: [
        {
          module: 'transit.fare',
          reference: 'b-1',
          description: { fr: 'Passage', en: 'Fare' },
          unitPriceCents: 350,
          taxCodes: [],
        },
      ],
    });
    const all = await treasuryA.get<{ items: OrderView[]; total: number }>(
      `/api/orgs/${orgA.id}/orders?perPage=200`,
    );
    expect(all.body.items.map((o) => o.id)).toContain(fare.id);
    const recreation = await recreationA.get<{ items: OrderView[] }>(
      `/api/orgs/${orgA.id}/orders?perPage=200`,
    );
    expect(recreation.body.items.map((o) => o.id)).not.toContain(fare.id);
    expect(recreation.body.items.every((o) => o.lines.some((l) => l.module.startsWith('citizen')))).toBe(
      true,
    );
    expect((await recreationA.get(`/api/orgs/${orgA.id}/orders/${fare.id}`)).status).toBe(403);
    const byModule = await treasuryA.get<{ items: OrderView[] }>(
      `/api/orgs/${orgA.id}/orders?module=transit`,
    );
    expect(byModule.body.items.map((o) => o.id)).toContain(fare.id);
    expect(byModule.body.items.every((o) => o.lines.some((l) => l.module.startsWith('transit.')))).toBe(true);
    expect(byModule.body.items.length).toBeLessThan(all.body.items.length);
    const byText = await treasuryA.get<{ items: OrderView[] }>(`/api/orgs/${orgA.id}/orders?q=comptoir`);
    expect(byText.body.items.map((o) => o.id)).toEqual([fare.id]);
    const paged = await treasuryA.get<{ items: OrderView[]; total: number; perPage: number }>(
      `/api/orgs/${orgA.id}/orders?perPage=2`,
    );
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBe(all.body.total);
  });
});
