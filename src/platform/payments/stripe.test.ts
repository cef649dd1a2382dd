import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import { FakeStripe } from '../../../tests/support/fake-stripe.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { createOrder } from './create-order.ts';
import type { OrderView } from './order-view.ts';
import type { PayResult } from './pay-order.ts';
import { paymentEvents, providerEvents } from './schema.ts';

const SECRET = 'sk_test_civique';
const WEBHOOK_SECRET = 'whsec_civique_test';
const LIVE_SECRET = 'sk_live_town';
const LIVE_WEBHOOK_SECRET = 'whsec_town';
const fake = new FakeStripe([SECRET, LIVE_SECRET]);
let ctx: TestContext;
let org: { id: string };
let citizen: TestAccount;
let client: TestClient;
let eventNumber = 0;

async function webhook(
  orgId: string,
  type: string,
  object: unknown,
  options: { id?: string; secret?: string } = {},
) {
  const payload = JSON.stringify({
    id: options.id ?? `evt_${++eventNumber}`,
    object: 'event',
    type,
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
  });
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/payments/webhooks/stripe/${orgId}`,
    payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
  });
  return { status: res.statusCode, body: res.json() as { outcome: string; error?: { code: string } } };
}

async function newOrder(orgId = org.id) {
  return createOrder({
    db: ctx.db,
    orgId,
    accountId: citizen.id,
    lines: [
      {
        module: 'transit.fare',
        reference: `b-${Math.random()}`,
        description: { fr: 'Passage', en: 'Fare' },
        unitPriceCents: 1000,
        taxCodes: ['gst', 'qst'],
      },
    ],
  });
}

const paymentEventTypes = async (orderId: string) =>
  (
    await ctx.db
      .select({ type: paymentEvents.type })
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, orderId))
  ).map((e) => e.type);

beforeAll(async () => {
  const url = await fake.start();
  ctx = await createTestContext({
    STRIPE_SECRET_KEY: SECRET,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PUBLISHABLE_KEY: 'pk_test_civique',
    STRIPE_API_URL: url,
  });
  org = await createOrg(ctx.db);
  citizen = await createAccount(ctx.db);
  client = ctx.client();
  await signInAs(ctx.db, client, citizen);
});
afterAll(async () => {
  await ctx?.close();
  await fake.stop();
});

describe('Stripe', () => {
  it('creates a PaymentIntent for the order amount with its metadata and returns the client secret', async () => {
    const order = await newOrder();
    const res = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'requires_action',
      testMode: true,
      publishableKey: 'pk_test_civique',
    });
    const created = fake.calls.filter((c) => c.path === '/v1/payment_intents').at(-1);
    expect(created?.form.get('amount')).toBe('1150');
    expect(created?.form.get('currency')).toBe('cad');
    expect(created?.form.get('metadata[order_id]')).toBe(order.id);
    expect(created?.form.get('metadata[payment_id]')).toBe(res.body.payment.id);
    expect(created?.key).toBe(`civique-payment-${res.body.payment.id}`);
    expect(res.body.clientSecret).toMatch(/^pi_\d+_secret_/);
    // Asking again while it is open hands back the same intent instead of starting another charge.
    const again = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    expect(again.body.clientSecret).toBe(res.body.clientSecret);
    expect(fake.calls.filter((c) => c.path === '/v1/payment_intents')).toHaveLength(1);
    // Sandbox is off once a real provider is configured.
    const options = await client.get<{ providers: Array<{ provider: string }> }>(
      `/api/orgs/${org.id}/payments/options`,
    );
    expect(options.body.providers.map((p) => p.provider)).toEqual(['stripe']);
  });

  it('applies a signed webhook once; a replay or a late failure changes nothing', async () => {
    const order = await newOrder();
    const pay = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    const intentId = pay.body.clientSecret?.split('_secret_')[0] ?? '';
    const intent = fake.succeed(intentId);
    const first = await webhook(org.id, 'payment_intent.succeeded', intent, { id: 'evt_paid_once' });
    expect(first).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    const replay = await webhook(org.id, 'payment_intent.succeeded', intent, { id: 'evt_paid_once' });
    expect(replay.body.outcome).toBe('duplicate');
    const late = await webhook(org.id, 'payment_intent.payment_failed', {
      ...intent,
      status: 'requires_payment_method',
      last_payment_error: { code: 'card_declined' },
    });
    expect(late.body.outcome).toBe('unchanged');
    const view = await client.get<OrderView>(`/api/me/orders/${order.id}`);
    expect(view.body).toMatchObject({ status: 'paid', paidCents: 1150, testMode: true });
    expect(view.body.payments[0]).toMatchObject({ status: 'succeeded', cardLast4: '4242' });
    const types = await paymentEventTypes(order.id);
    expect(types.filter((t) => t === 'payment.succeeded')).toHaveLength(1);
    expect(types).toContain('payment.transition_refused');
    const stored = await ctx.db
      .select()
      .from(providerEvents)
      .where(eq(providerEvents.eventId, 'evt_paid_once'));
    expect(stored).toHaveLength(1);
  });

  it('accepts a success arriving after a declined attempt (out of order)', async () => {
    const order = await newOrder();
    const pay = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    const intentId = pay.body.clientSecret?.split('_secret_')[0] ?? '';
    const intent = fake.intents.get(intentId);
    const failed = await webhook(org.id, 'payment_intent.payment_failed', {
      ...intent,
      last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
    });
    expect(failed.body.outcome).toBe('applied');
    expect((await client.get<OrderView>(`/api/me/orders/${order.id}`)).body.status).toBe('failed');
    const ok = await webhook(org.id, 'payment_intent.succeeded', fake.succeed(intentId));
    expect(ok.body.outcome).toBe('applied');
    expect((await client.get<OrderView>(`/api/me/orders/${order.id}`)).body.status).toBe('paid');
  });

  it('closes a declined intent at Stripe before a new attempt, so an old tab cannot pay twice', async () => {
    const order = await newOrder();
    const first = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    const firstIntent = first.body.clientSecret?.split('_secret_')[0] ?? '';
    const declined = fake.intents.get(firstIntent);
    if (!declined) throw new Error('intent missing');
    declined.last_payment_error = { code: 'card_declined' };
    await webhook(org.id, 'payment_intent.payment_failed', declined);
    const second = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    expect(second.body.clientSecret).not.toBe(first.body.clientSecret);
    expect(fake.intents.get(firstIntent)?.status).toBe('canceled');
    expect(second.body.order.payments.map((p) => p.status)).toEqual(['cancelled', 'pending']);
  });

  it('makes one transition when the webhook and the browser’s confirmation race', async () => {
    const order = await newOrder();
    const pay = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    const intent = fake.succeed(pay.body.clientSecret?.split('_secret_')[0] ?? '');
    const [hook, confirm] = await Promise.all([
      webhook(org.id, 'payment_intent.succeeded', intent),
      client.post<PayResult>(`/api/me/orders/${order.id}/confirm`, { paymentId: pay.body.payment.id }),
    ]);
    expect(hook.status).toBe(200);
    expect(confirm.status).toBe(200);
    expect(confirm.body.outcome).toBe('succeeded');
    const types = await paymentEventTypes(order.id);
    expect(types.filter((t) => t === 'payment.succeeded')).toHaveLength(1);
    expect(types.filter((t) => t === 'order.status_changed')).toHaveLength(1);
    expect((await client.get<OrderView>(`/api/me/orders/${order.id}`)).body.paidCents).toBe(1150);
  });

  it('refuses an unsigned or wrongly signed webhook, and one for an unknown organisation', async () => {
    const bad = await webhook(
      org.id,
      'payment_intent.succeeded',
      { id: 'pi_x', object: 'payment_intent' },
      { secret: 'whsec_wrong' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('payment.webhook_invalid');
    const unsigned = await ctx.app.inject({
      method: 'POST',
      url: `/api/payments/webhooks/stripe/${org.id}`,
      payload: '{"id":"evt_x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.statusCode).toBe(400);
    const unknown = await webhook('00000000-0000-4000-8000-000000000000', 'payment_intent.succeeded', {});
    expect(unknown.status).toBe(404);
  });

  it('refunds through Stripe, settling a pending refund by webhook', async () => {
    const treasury = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'treasury' }] });
    const staff = ctx.client();
    await signInAs(ctx.db, staff, treasury);
    const order = await newOrder();
    const pay = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    await webhook(
      org.id,
      'payment_intent.succeeded',
      fake.succeed(pay.body.clientSecret?.split('_secret_')[0] ?? ''),
    );
    const part = await staff.post<OrderView>(`/api/orgs/${org.id}/orders/${order.id}/refunds`, {
      amountCents: 400,
      reason: 'Trajet annulé',
    });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ status: 'partially_refunded', refundedCents: 400 });
    const refundCall = fake.calls.filter((c) => c.path === '/v1/refunds').at(-1);
    expect(refundCall?.form.get('amount')).toBe('400');
    expect(refundCall?.key).toBe(`civique-refund-${part.body.refunds[0]?.id}`);

    fake.refundStatus = 'pending';
    const rest = await staff.post<OrderView>(`/api/orgs/${org.id}/orders/${order.id}/refunds`, {
      amountCents: 750,
      reason: 'Trajet annulé',
    });
    fake.refundStatus = 'succeeded';
    expect(rest.body).toMatchObject({ status: 'partially_refunded', refundedCents: 400 });
    const pending = rest.body.refunds.find((r) => r.status === 'pending');
    expect(pending?.amountCents).toBe(750);
    // Held while pending: nothing more can be refunded.
    const over = await staff.post<{ error: { code: string } }>(
      `/api/orgs/${org.id}/orders/${order.id}/refunds`,
      { amountCents: 1, reason: 'Erreur' },
    );
    expect(over.status).toBe(409);
    const stripeRefund = {
      id: `re_hook`,
      object: 'refund',
      amount: 750,
      status: 'succeeded',
      metadata: { refund_id: pending?.id },
    };
    const settled = await webhook(org.id, 'refund.updated', stripeRefund, { id: 'evt_refund_1' });
    expect(settled.body.outcome).toBe('applied');
    expect((await webhook(org.id, 'refund.updated', stripeRefund, { id: 'evt_refund_1' })).body.outcome).toBe(
      'duplicate',
    );
    const view = await client.get<OrderView>(`/api/me/orders/${order.id}`);
    expect(view.body).toMatchObject({ status: 'refunded', refundedCents: 1150 });
  });

  it('uses an organisation’s own live keys and webhook secret', async () => {
    const town = await createOrg(ctx.db);
    const admin = await createAccount(ctx.db, { roles: [{ orgId: town.id, role: 'admin' }], totp: true });
    const adminClient = ctx.client();
    await signInAs(ctx.db, adminClient, admin, { mfa: true });
    const treasury = await createAccount(ctx.db, { roles: [{ orgId: town.id, role: 'treasury' }] });
    const treasuryClient = ctx.client();
    await signInAs(ctx.db, treasuryClient, treasury);
    const keys = {
      secretKey: LIVE_SECRET,
      webhookSecret: LIVE_WEBHOOK_SECRET,
      publishableKey: 'pk_live_town',
    };
    expect(
      (await treasuryClient.put(`/api/orgs/${town.id}/payments/settings`, { stripe: keys })).status,
    ).toBe(403);
    const saved = await adminClient.put<Record<string, unknown>>(`/api/orgs/${town.id}/payments/settings`, {
      stripe: keys,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      stripeConfigured: true,
      stripeTestMode: false,
      stripeKeysFromOrganisation: true,
    });
    expect(JSON.stringify(saved.body)).not.toContain(LIVE_SECRET);
    const order = await newOrder(town.id);
    const pay = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    expect(pay.body).toMatchObject({
      outcome: 'requires_action',
      testMode: false,
      publishableKey: 'pk_live_town',
    });
    const intent = fake.succeed(pay.body.clientSecret?.split('_secret_')[0] ?? '');
    expect((await webhook(town.id, 'payment_intent.succeeded', intent)).status).toBe(400);
    expect(
      (await webhook(town.id, 'payment_intent.succeeded', intent, { secret: LIVE_WEBHOOK_SECRET })).body
        .outcome,
    ).toBe('applied');
    const events = await ctx.db
      .select()
      .from(providerEvents)
      .where(and(eq(providerEvents.orgId, town.id), eq(providerEvents.provider, 'stripe')));
    expect(events).toHaveLength(1);
  });

  it('cancels the open intent at Stripe when an unpaid order is cancelled', async () => {
    const clerk = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'transit_dispatch' }] });
    const staff = ctx.client();
    await signInAs(ctx.db, staff, clerk);
    const order = await newOrder();
    const pay = await client.post<PayResult>(`/api/me/orders/${order.id}/pay`, { provider: 'stripe' });
    const res = await staff.post<OrderView>(`/api/orgs/${org.id}/orders/${order.id}/cancel`, {
      reason: 'Réservation expirée',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.payments[0]?.status).toBe('cancelled');
    expect(fake.intents.get(pay.body.clientSecret?.split('_secret_')[0] ?? '')?.status).toBe('canceled');
  });
});
