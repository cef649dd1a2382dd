import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { emailMessages } from '../notify/schema.ts';
import { createOrder } from './create-order.ts';
import { onOrderStateChange } from './hooks.ts';
import type { OrderView } from './order-view.ts';
import type { PayResult } from './pay-order.ts';
import { INSTALMENTS_QUEUE, processDueInstalments } from './process-due-instalments.ts';
import { paymentEvents, payments } from './schema.ts';

let ctx: TestContext;
let org: { id: string };
let citizen: TestAccount;
let client: TestClient;

const GOOD = '4242 4242 4242 4242';
const DECLINED = '4000000000000002';

async function newOrder(
  options: { totalCents?: number; allowInstalments?: boolean; secondInstalmentDueAt?: Date } = {},
) {
  return createOrder({
    db: ctx.db,
    orgId: org.id,
    accountId: citizen.id,
    allowInstalments: options.allowInstalments,
    secondInstalmentDueAt: options.secondInstalmentDueAt,
    lines: [
      {
        module: 'citizen.testing',
        reference: `reg-${Math.random()}`,
        description: { fr: 'Soccer U10 — été', en: 'U10 soccer — summer' },
        unitPriceCents: options.totalCents ?? 12001,
        taxCodes: [],
      },
    ],
  });
}

const eventsOf = async (orderId: string) =>
  ctx.db
    .select({
      type: paymentEvents.type,
      from: paymentEvents.fromStatus,
      to: paymentEvents.toStatus,
      source: paymentEvents.source,
    })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.orgId, org.id), eq(paymentEvents.orderId, orderId)))
    .orderBy(asc(paymentEvents.createdAt), asc(paymentEvents.id));

beforeAll(async () => {
  ctx = await createTestContext();
  org = await createOrg(ctx.db);
  citizen = await createAccount(ctx.db, { locale: 'fr' });
  client = ctx.client();
  await signInAs(ctx.db, client, citizen);
});
afterAll(async () => ctx?.close());

describe('paying with the sandbox', () => {
  it('offers the sandbox as plainly labelled test mode while no real provider is configured', async () => {
    const res = await ctx
      .client()
      .get<{ providers: Array<{ provider: string; testMode: boolean }> }>(
        `/api/orgs/${org.id}/payments/options`,
      );
    expect(res.status).toBe(200);
    expect(res.body.providers).toEqual([{ provider: 'sandbox', testMode: true, publishableKey: null }]);
  });

  it('settles at once with a test card, records every state change and tells the module inside the transaction', async () => {
    const order = await newOrder();
    const seen: string[] = [];
    const off = onOrderStateChange('citizen.testing', async (change) => {
      const [row] = await change.db
        .select({ status: payments.status })
        .from(payments)
        .where(eq(payments.orderId, change.orderId));
      seen.push(`${change.from}->${change.to}:${row?.status}:${change.testMode}`);
    });
    try {
      const res = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, {
        provider: 'sandbox',
        card: { number: GOOD },
      });
      expect(res.status).toBe(200);
      expect(res.body.outcome).toBe('succeeded');
      expect(res.body.testMode).toBe(true);
      expect(res.body.order).toMatchObject({
        status: 'paid',
        paidCents: 12001,
        balanceCents: 0,
        testMode: true,
      });
      expect(res.body.order.payments[0]).toMatchObject({
        provider: 'sandbox',
        status: 'succeeded',
        cardLast4: '4242',
        testMode: true,
      });
      expect(seen).toEqual(['pending->paid:succeeded:true']);
    } finally {
      off();
    }
    expect(await eventsOf(order.id)).toEqual([
      { type: 'order.created', from: null, to: 'pending', source: 'module' },
      { type: 'payment.started', from: null, to: 'pending', source: 'client' },
      { type: 'payment.succeeded', from: 'pending', to: 'succeeded', source: 'client' },
      { type: 'order.status_changed', from: 'pending', to: 'paid', source: 'client' },
    ]);
    const again = await client.post<{ error: { code: string } }>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: GOOD },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('payment.not_payable');
  });

  it('fails on a declined test card, then accepts another attempt', async () => {
    const order = await newOrder();
    const declined = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: DECLINED },
    });
    expect(declined.status).toBe(200);
    expect(declined.body.outcome).toBe('failed');
    expect(declined.body.payment.failureCode).toBe('card_declined');
    expect(declined.body.order.status).toBe('failed');
    const retry = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: GOOD },
    });
    expect(retry.body.order.status).toBe('paid');
    expect(retry.body.order.paidCents).toBe(order.totalCents);
  });

  it('refuses anything but a test card, in the person’s language, and keeps no payment', async () => {
    const order = await newOrder();
    const en = ctx.client({ locale: 'en' });
    await signInAs(ctx.db, en, citizen);
    const res = await en.post<{ error: { code: string; message: string } }>(
      `/api/me/orders/${order.id}/pay`,
      {
        provider: 'sandbox',
        card: { number: '4111 1111 1111 1111' },
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('payment.sandbox_test_cards_only');
    expect(res.body.error.message).toMatch(/Never enter a real card/);
    expect(await ctx.db.select().from(payments).where(eq(payments.orderId, order.id))).toHaveLength(0);
    const stripe = await client.post<{ error: { code: string } }>(`/api/me/orders/${order.id}/pay`, {
      provider: 'stripe',
    });
    expect(stripe.status).toBe(422);
    expect(stripe.body.error.code).toBe('payment.provider_unavailable');
  });

  it('charges once when the pay POST is retried with the same Idempotency-Key', async () => {
    const order = await newOrder();
    const headers = { 'idempotency-key': `pay-${order.id}` };
    const body = { provider: 'sandbox', card: { number: GOOD } };
    const first = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, body, headers);
    const second = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, body, headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.payment.id).toBe(first.body.payment.id);
    const rows = await ctx.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows).toHaveLength(1);
    const view = await client.get<OrderView>(`/api/me/orders/${order.id}`);
    expect(view.body.paidCents).toBe(order.totalCents);
  });

  it('charges once when two pay requests race', async () => {
    const order = await newOrder();
    const body = { provider: 'sandbox', card: { number: GOOD } };
    const results = await Promise.all([
      client.post<PayResult>(`/api/me/orders/${order.id}/pay`, body),
      client.post<PayResult>(`/api/me/orders/${order.id}/pay`, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const succeeded = await ctx.db
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded')));
    expect(succeeded).toHaveLength(1);
  });

  it('rolls the payment back when a module refuses the change', async () => {
    const order = await newOrder();
    const off = onOrderStateChange('citizen', async () => {
      throw new Error('module refuses');
    });
    try {
      const res = await client.post(`/api/me/orders/${order.id}/pay`, {
        provider: 'sandbox',
        card: { number: GOOD },
      });
      expect(res.status).toBe(500);
    } finally {
      off();
    }
    const view = await client.get<OrderView>(`/api/me/orders/${order.id}`);
    expect(view.body.status).toBe('pending');
    expect(view.body.paidCents).toBe(0);
    // The half-done payment blocks a new one while it may still be in flight …
    const blocked = await client.post<{ error: { code: string } }>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: GOOD },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('payment.in_progress');
    // … and once it is old enough to be abandoned, the next attempt closes it and pays.
    await ctx.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 10 * 60_000) })
      .where(and(eq(payments.orderId, order.id), eq(payments.status, 'pending')));
    const retry = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: GOOD },
    });
    expect(retry.body.order.status).toBe('paid');
  });
});

describe('two instalments', () => {
  it('refuses instalments on an order that does not allow them', async () => {
    const order = await newOrder();
    const res = await client.post<{ error: { code: string } }>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: GOOD },
      instalments: 2,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('payment.instalments_not_allowed');
  });

  it('takes the first instalment now, reminds before the due date and charges the second then', async () => {
    const due = new Date(Date.now() + 20 * 86_400_000);
    const order = await newOrder({ allowInstalments: true, secondInstalmentDueAt: due });
    const first = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: GOOD },
      instalments: 2,
    });
    expect(first.body.order.status).toBe('partially_paid');
    expect(first.body.payment.amountCents).toBe(6001);
    expect(first.body.order.instalments).toEqual([
      { number: 1, amountCents: 6001, dueAt: expect.any(String), status: 'paid' },
      { number: 2, amountCents: 6000, dueAt: due.toISOString(), status: 'due' },
    ]);

    const deps = {
      db: ctx.db,
      jobs: ctx.jobs,
      stripeConfig: ctx.config.stripe,
      publicUrl: ctx.config.publicUrl,
    };
    expect(await processDueInstalments({ ...deps, now: new Date(due.getTime() - 10 * 86_400_000) })).toEqual({
      reminded: 0,
      charged: 0,
      declined: 0,
    });
    expect(
      await processDueInstalments({ ...deps, now: new Date(due.getTime() - 2 * 86_400_000) }),
    ).toMatchObject({ reminded: 1 });
    // A second run the same day does not remind twice.
    expect(await processDueInstalments({ ...deps, now: new Date(due.getTime() - 86_400_000) })).toMatchObject(
      { reminded: 0 },
    );
    const [reminder] = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.toAddress, citizen.email),
          eq(emailMessages.template, 'payments.instalment_reminder'),
        ),
      );
    expect(reminder?.textBody).toContain('60,00 $');
    expect(reminder?.textBody).toContain(order.reference);
    expect(reminder?.textBody).toContain('MODE TEST');

    expect(await processDueInstalments({ ...deps, now: new Date(due.getTime() + 60_000) })).toMatchObject({
      charged: 1,
    });
    const view = await client.get<OrderView>(`/api/me/orders/${order.id}`);
    expect(view.body).toMatchObject({ status: 'paid', paidCents: 12001 });
    expect(view.body.payments.map((p) => [p.instalment, p.amountCents, p.status])).toEqual([
      [1, 6001, 'succeeded'],
      [2, 6000, 'succeeded'],
    ]);
    const events = await eventsOf(order.id);
    expect(events.filter((e) => e.source === 'job').map((e) => e.type)).toEqual([
      'payment.started',
      'payment.succeeded',
      'order.status_changed',
    ]);
  });

  it('runs the instalment job through pg-boss', async () => {
    const due = new Date(Date.now() + 86_400_000);
    const order = await newOrder({ allowInstalments: true, secondInstalmentDueAt: due });
    await client.post(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: GOOD },
      instalments: 2,
    });
    await ctx.jobs.send(INSTALMENTS_QUEUE, {});
    expect(await ctx.jobs.runPending([INSTALMENTS_QUEUE])).toBe(1);
    const reminders = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.template, 'payments.instalment_reminder'),
          eq(emailMessages.toAddress, citizen.email),
        ),
      );
    expect(reminders.some((m) => m.textBody.includes(order.reference))).toBe(true);
  });
});
