import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { createOrder } from './create-order.ts';
import { onOrderStateChange } from './hooks.ts';
import type { OrderView } from './order-view.ts';
import type { PayResult } from './pay-order.ts';
import { paymentEvents, refunds } from './schema.ts';

let ctx: TestContext;
let org: { id: string };
let citizen: TestAccount;
let citizenClient: TestClient;
let treasury: TestClient;
let recreation: TestClient;
let dispatch: TestClient;

async function staffClient(role: 'treasury' | 'recreation' | 'transit_dispatch') {
  const account = await createAccount(ctx.db, { roles: [{ orgId: org.id, role }] });
  const c = ctx.client();
  await signInAs(ctx.db, c, account);
  return c;
}

async function paidOrder(options: { instalments?: boolean } = {}): Promise<OrderView> {
  const order = await createOrder({
    db: ctx.db,
    orgId: org.id,
    accountId: citizen.id,
    allowInstalments: options.instalments,
    lines: [
      {
        module: 'citizen.testing',
        reference: `r-${Math.random()}`,
        description: { fr: 'Natation', en: 'Swimming' },
        unitPriceCents: 10000,
        taxCodes: [],
      },
    ],
  });
  const res = await citizenClient.post<PayResult>(`/api/me/orders/${order.id}/pay`, {
    provider: 'sandbox',
    card: { number: '4242424242424242' },
    ...(options.instalments ? { instalments: 2 } : {}),
  });
  return res.body.order;
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await createOrg(ctx.db);
  citizen = await createAccount(ctx.db);
  citizenClient = ctx.client();
  await signInAs(ctx.db, citizenClient, citizen);
  treasury = await staffClient('treasury');
  recreation = await staffClient('recreation');
  dispatch = await staffClient('transit_dispatch');
});
afterAll(async () => ctx?.close());

describe('refunds', () => {
  it('refunds in part then in full, never above what was paid, and tells the module', async () => {
    const order = await paidOrder();
    const url = `/api/orgs/${org.id}/orders/${order.id}/refunds`;
    const changes: string[] = [];
    const off = onOrderStateChange('citizen.testing', async (c) => {
      changes.push(`${c.to}:${c.refundedCents}`);
    });
    try {
      const part = await recreation.post<OrderView>(url, {
        amountCents: 2500,
        reason: 'Annulation d’une séance',
      });
      expect(part.status).toBe(201);
      expect(part.body).toMatchObject({ status: 'partially_refunded', refundedCents: 2500 });
      const tooMuch = await treasury.post<{
        error: { code: string; message: string; details: { maxCents: number } };
      }>(url, {
        amountCents: 7501,
        reason: 'Trop',
      });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body.error.code).toBe('refund.exceeds_paid');
      expect(tooMuch.body.error.message).toContain('75,00 $');
      expect(tooMuch.body.error.details.maxCents).toBe(7500);
      const rest = await treasury.post<OrderView>(url, { amountCents: 7500, reason: 'Activité annulée' });
      expect(rest.body).toMatchObject({ status: 'refunded', refundedCents: 10000 });
      expect((await treasury.post(url, { amountCents: 1, reason: 'Encore' })).status).toBe(409);
    } finally {
      off();
    }
    expect(changes).toEqual(['partially_refunded:2500', 'refunded:10000']);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payments.refunded'), eq(auditLog.targetId, order.id)));
    expect(audited).toHaveLength(2);
  });

  it('never refunds twice the same money when two refunds race', async () => {
    const order = await paidOrder();
    const url = `/api/orgs/${org.id}/orders/${order.id}/refunds`;
    const results = await Promise.all([
      treasury.post(url, { amountCents: 6000, reason: 'Course A' }),
      treasury.post(url, { amountCents: 6000, reason: 'Course B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const [sum] = await ctx.db
      .select({ cents: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
      .from(refunds)
      .where(and(eq(refunds.orgId, org.id), eq(refunds.orderId, order.id)));
    expect(Number(sum?.cents)).toBe(6000);
  });

  it('lets only treasury or the module’s staff refund, never the citizen', async () => {
    const order = await paidOrder();
    const url = `/api/orgs/${org.id}/orders/${order.id}/refunds`;
    expect((await dispatch.post(url, { amountCents: 100, reason: 'Non' })).status).toBe(403);
    expect((await citizenClient.post(url, { amountCents: 100, reason: 'Non' })).status).toBe(403);
    expect((await treasury.post(url, { amountCents: 0, reason: 'Rien' })).status).toBe(400);
  });

  it('refunds across both instalments and cancels the one still to come', async () => {
    const order = await paidOrder({ instalments: true });
    expect(order.status).toBe('partially_paid');
    const res = await treasury.post<OrderView>(`/api/orgs/${org.id}/orders/${order.id}/refunds`, {
      amountCents: 5000,
      reason: 'Désistement',
    });
    expect(res.body).toMatchObject({ status: 'refunded', refundedCents: 5000, paidCents: 5000 });
    expect(res.body.instalments.map((i) => i.status)).toEqual(['paid', 'cancelled']);
    const pay = await citizenClient.post<{ error: { code: string } }>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: '4242424242424242' },
    });
    expect(pay.status).toBe(409);
  });

  it('keeps the payment ledger append-only', async () => {
    const order = await paidOrder();
    await expect(
      ctx.db.update(paymentEvents).set({ type: 'tampered' }).where(eq(paymentEvents.orderId, order.id)),
    ).rejects.toThrow();
    await expect(ctx.db.delete(paymentEvents).where(eq(paymentEvents.orderId, order.id))).rejects.toThrow();
  });
});

describe('offline payments at the counter', () => {
  it('records cash received by the module’s staff, with a note, audited', async () => {
    const sale = await recreation.post<OrderView>(`/api/orgs/${org.id}/orders`, {
      customerName: 'Marie Tremblay',
      lines: [
        {
          module: 'citizen.testing',
          reference: 'walk-in-1',
          description: { fr: 'Bain libre', en: 'Public swim' },
          quantity: 2,
          unitPriceCents: 450,
        },
      ],
    });
    expect(sale.status).toBe(201);
    expect(sale.body.accountId).toBeNull();
    const url = `/api/orgs/${org.id}/orders/${sale.body.id}/mark-paid`;
    expect((await dispatch.post(url, { method: 'cash' })).status).toBe(403);
    const paid = await recreation.post<OrderView>(
      url,
      { method: 'cash', note: 'Reçu 20 $, rendu 11 $' },
      { 'idempotency-key': `cash-${sale.body.id}` },
    );
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paidCents: 900, testMode: false });
    expect(paid.body.payments[0]).toMatchObject({
      provider: 'offline',
      method: 'cash',
      note: 'Reçu 20 $, rendu 11 $',
      testMode: false,
    });
    const replay = await recreation.post<OrderView>(
      url,
      { method: 'cash', note: 'Reçu 20 $, rendu 11 $' },
      { 'idempotency-key': `cash-${sale.body.id}` },
    );
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.payments).toHaveLength(1);
    const again = await treasury.post<{ error: { code: string } }>(url, { method: 'debit' });
    expect(again.status).toBe(409);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payments.marked_paid'), eq(auditLog.targetId, sale.body.id)));
    expect(audited).toHaveLength(1);
    const refund = await treasury.post<OrderView>(`/api/orgs/${org.id}/orders/${sale.body.id}/refunds`, {
      amountCents: 900,
      reason: 'Piscine fermée',
    });
    expect(refund.body.status).toBe('refunded');
  });
});
