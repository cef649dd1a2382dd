import type { StripeConfig } from '../../config.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { findOwnOrder } from './get-my-order.ts';
import { type OrderView, orderView } from './order-view.ts';
import { loadPaymentSettings, providerFor } from './payment-settings.ts';
import { SANDBOX_CARDS, sandboxCard } from './providers/sandbox.ts';
import { startPayment } from './start-payment.ts';

/** What the person learns after asking to pay: settled now, or a client secret to confirm with Stripe.js. */
export interface PayResult {
  outcome: 'succeeded' | 'failed' | 'requires_action';
  /** True when no real money moves (sandbox, Stripe test keys): the web app shows a test-mode banner. */
  testMode: boolean;
  payment: {
    id: string;
    provider: 'sandbox' | 'stripe';
    amountCents: number;
    instalment: number;
    failureCode: string | null;
  };
  clientSecret: string | null;
  publishableKey: string | null;
  order: OrderView;
}

/**
 * Pays the signed-in person's order online, in full or (where the order allows it) in two instalments.
 * The sandbox settles at once according to the test card; Stripe answers with a client secret for the
 * browser, and the outcome arrives by webhook or by `confirmPayment`.
 */
export async function payOrder(options: {
  db: Database;
  auth: AuthContext | null;
  stripeConfig: StripeConfig;
  orderId: string;
  orgId?: string;
  input: { provider: 'sandbox' | 'stripe'; card?: { number: string }; instalments?: 1 | 2 };
}): Promise<PayResult> {
  const who = requireAccount(options.auth);
  const { db, input } = options;
  const order = await findOwnOrder(db, who.account.id, options.orderId, options.orgId);
  const settings = await loadPaymentSettings(db, order.orgId, options.stripeConfig);
  const provider = providerFor(settings, input.provider);
  if (provider.name === 'sandbox') {
    if (!input.card?.number) throw new AppError('payment.card_required', 422);
    if (!sandboxCard(input.card.number))
      throw new AppError('payment.sandbox_test_cards_only', 422, {
        details: { testCards: Object.keys(SANDBOX_CARDS) },
      });
  }
  const started = await startPayment({
    db,
    settings,
    orgId: order.orgId,
    orderId: order.id,
    provider,
    instalments: input.instalments,
    cardNumber: input.card?.number,
    eventSource: { source: 'client', actorAccountId: who.account.id },
  });
  const view = await orderView(db, order.orgId, order.id);
  if (!view) throw new AppError('payment.order_not_found', 404);
  const { result } = started;
  return {
    outcome: result.status,
    testMode: provider.testMode,
    payment: {
      id: started.paymentId,
      provider: input.provider,
      amountCents: started.amountCents,
      instalment: started.instalment,
      failureCode: result.status === 'failed' ? result.failureCode : null,
    },
    clientSecret: result.status === 'requires_action' ? result.clientSecret : null,
    publishableKey: provider.name === 'stripe' ? (settings.stripe?.publishableKey ?? null) : null,
    order: view,
  };
}
