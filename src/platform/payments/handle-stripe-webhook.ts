import { eq, or, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { StripeConfig } from '../../config.ts';
import type { Database, Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { organisations } from '../orgs/schema.ts';
import { loadPaymentSettings } from './payment-settings.ts';
import { stripePaymentState, stripeRefundState, verifyStripeEvent } from './providers/stripe.ts';
import { payments, providerEvents, refunds } from './schema.ts';
import { settlePayment } from './settle-payment.ts';
import { settleRefund } from './settle-refund.ts';

/** What became of a webhook: applied, nothing to change, already seen, or not ours to handle. */
export type WebhookOutcome = 'applied' | 'unchanged' | 'duplicate' | 'ignored' | 'unknown_payment';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOr = (value: string | undefined) =>
  value && UUID.test(value) ? value : '00000000-0000-0000-0000-000000000000';

async function paymentIntentEvent(tx: Executor, orgId: string, intent: Stripe.PaymentIntent, type: string) {
  const scope = scopeOf(orgId);
  const [payment] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      scope.where(
        payments,
        eq(payments.provider, 'stripe'),
        // By reference, or by our own id in the metadata when the reference is not saved yet.
        or(eq(payments.providerRef, intent.id), eq(payments.id, uuidOr(intent.metadata?.payment_id))),
      ),
    );
  if (!payment) return 'unknown_payment';
  const state = stripePaymentState(intent);
  const outcome =
    type === 'payment_intent.succeeded'
      ? { status: 'succeeded' as const, cardLast4: state.cardLast4, providerRef: intent.id }
      : type === 'payment_intent.canceled'
        ? { status: 'cancelled' as const }
        : {
            status: 'failed' as const,
            failureCode: state.failureCode ?? intent.last_payment_error?.code ?? 'declined',
            providerRef: intent.id,
          };
  const settled = await settlePayment(tx, { orgId, paymentId: payment.id, outcome, source: 'webhook' });
  return settled?.changed ? 'applied' : 'unchanged';
}

async function refundEvent(tx: Executor, orgId: string, refund: Stripe.Refund) {
  const scope = scopeOf(orgId);
  const [row] = await tx
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      scope.where(
        refunds,
        or(eq(refunds.providerRef, refund.id), eq(refunds.id, uuidOr(refund.metadata?.refund_id))),
      ),
    );
  if (!row) return 'unknown_payment';
  const state = stripeRefundState(refund);
  if (state.status === 'pending') return 'unchanged';
  const settled = await settleRefund(tx, {
    orgId,
    refundId: row.id,
    outcome: { status: state.status, providerRef: refund.id },
    source: 'webhook',
  });
  return settled?.changed ? 'applied' : 'unchanged';
}

/**
 * A Stripe webhook for one organisation: the signature is checked against the raw body with the
 * organisation's signing secret, and the event id is claimed (unique key) in the same transaction that
 * applies it, so a replayed event changes nothing and a failed one is retried by Stripe whole.
 */
export async function handleStripeWebhook(options: {
  db: Database;
  stripeConfig: StripeConfig;
  orgId: string;
  rawBody: Buffer;
  signature: string | undefined;
}): Promise<{ outcome: WebhookOutcome; eventId: string }> {
  const { db, orgId } = options;
  if (!UUID.test(orgId)) throw new AppError('payment.webhook_not_configured', 404);
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError('payment.webhook_not_configured', 404);
  const settings = await loadPaymentSettings(db, orgId, options.stripeConfig);
  const secret = settings.stripe?.webhookSecret;
  if (!secret) throw new AppError('payment.webhook_not_configured', 404);
  const event = verifyStripeEvent(options.rawBody, options.signature, secret);
  const scope = scopeOf(orgId);
  const outcome = await db.transaction(async (tx): Promise<WebhookOutcome> => {
    const claimed = await tx
      .insert(providerEvents)
      .values(
        scope.rows({
          provider: 'stripe' as const,
          eventId: event.id,
          type: event.type,
          outcome: 'processing',
        }),
      )
      .onConflictDoNothing()
      .returning({ id: providerEvents.id });
    if (claimed.length === 0) return 'duplicate';
    let result: WebhookOutcome = 'ignored';
    switch (event.type) {
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed':
      case 'payment_intent.canceled':
        result = await paymentIntentEvent(tx, orgId, event.data.object, event.type);
        break;
      case 'refund.created':
      case 'refund.updated':
      case 'refund.failed':
      case 'charge.refund.updated':
        result = await refundEvent(tx, orgId, event.data.object);
        break;
    }
    await tx
      .update(providerEvents)
      .set({ outcome: result })
      .where(
        scope.where(
          providerEvents,
          eq(providerEvents.provider, 'stripe'),
          sql`${providerEvents.eventId} = ${event.id}`,
        ),
      );
    return result;
  });
  return { outcome, eventId: event.id };
}
