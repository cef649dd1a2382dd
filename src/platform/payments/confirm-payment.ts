import { eq } from 'drizzle-orm';
import type { StripeConfig } from '../../config.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { findOwnOrder } from './get-my-order.ts';
import { orderView } from './order-view.ts';
import type { PayResult } from './pay-order.ts';
import { loadPaymentSettings, providerOfPayment } from './payment-settings.ts';
import { payments } from './schema.ts';
import { settlePayment } from './settle-payment.ts';

/**
 * The browser's word that Stripe.js finished: the server asks Stripe itself (never trusting the
 * browser) and settles the payment. Racing the webhook is harmless: whichever comes second finds the
 * payment already settled and changes nothing.
 */
export async function confirmPayment(options: {
  db: Database;
  auth: AuthContext | null;
  stripeConfig: StripeConfig;
  orderId: string;
  paymentId: string;
  orgId?: string;
}): Promise<PayResult> {
  const who = requireAccount(options.auth);
  const { db } = options;
  const order = await findOwnOrder(db, who.account.id, options.orderId, options.orgId);
  const scope = scopeOf(order.orgId);
  const [payment] = await db
    .select()
    .from(payments)
    .where(scope.where(payments, eq(payments.id, options.paymentId), eq(payments.orderId, order.id)));
  if (!payment) throw new AppError('payment.order_not_found', 404);
  if (payment.provider !== 'stripe' || !payment.providerRef)
    throw new AppError('payment.not_confirmable', 409);
  const settings = await loadPaymentSettings(db, order.orgId, options.stripeConfig);
  const provider = providerOfPayment(settings, payment);
  if (!provider.retrieve) throw new AppError('payment.not_confirmable', 409);
  const state = await provider.retrieve(payment.providerRef);
  let status: 'succeeded' | 'failed' | 'requires_action' = 'requires_action';
  let failureCode: string | null = null;
  if (state.status === 'succeeded' || state.status === 'failed' || state.status === 'cancelled') {
    const settled = await db.transaction((tx) =>
      settlePayment(tx, {
        orgId: order.orgId,
        paymentId: payment.id,
        source: 'client',
        actorAccountId: who.account.id,
        outcome:
          state.status === 'succeeded'
            ? { status: 'succeeded', cardLast4: state.cardLast4 }
            : state.status === 'failed'
              ? { status: 'failed', failureCode: state.failureCode ?? 'declined', cardLast4: state.cardLast4 }
              : { status: 'cancelled' },
      }),
    );
    const final = settled?.paymentStatus ?? payment.status;
    if (final === 'succeeded') status = 'succeeded';
    else if (final === 'failed' || final === 'cancelled') {
      status = 'failed';
      failureCode = state.failureCode ?? final;
    }
  }
  const view = await orderView(db, order.orgId, order.id);
  if (!view) throw new AppError('payment.order_not_found', 404);
  return {
    outcome: status,
    testMode: provider.testMode,
    payment: {
      id: payment.id,
      provider: 'stripe',
      amountCents: payment.amountCents,
      instalment: payment.instalment,
      failureCode,
    },
    clientSecret: status === 'requires_action' ? (state.clientSecret ?? null) : null,
    publishableKey: settings.stripe?.publishableKey ?? null,
    order: view,
  };
}
