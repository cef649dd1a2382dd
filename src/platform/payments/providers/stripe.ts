import Stripe from 'stripe';
import { AppError } from '../../http/errors.ts';
import type { PaymentProvider, ProviderPaymentState, ProviderRefund } from './types.ts';

/** The keys and API address of one Stripe account. */
export interface StripeKeys {
  secretKey: string;
  webhookSecret: string | undefined;
  publishableKey: string | undefined;
  apiUrl: string | undefined;
}

/** Test keys (`sk_test_…`, `rk_test_…`) move no real money: payments made with them are test mode. */
export function isStripeTestKey(secretKey: string): boolean {
  return /^(sk|rk)_test_/.test(secretKey);
}

function clientFor(keys: StripeKeys): Stripe {
  const url = keys.apiUrl ? new URL(keys.apiUrl) : undefined;
  return new Stripe(keys.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'Civique' },
    ...(url
      ? {
          host: url.hostname,
          port: url.port || (url.protocol === 'http:' ? 80 : 443),
          protocol: url.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

// Errors Stripe reports about the request itself are final; anything else (network, 5xx, rate limit)
// may have happened or not, so the caller keeps the operation pending and retries with the same key.
function providerError(error: unknown): AppError {
  const type = (error as { type?: string } | null)?.type;
  return new AppError('payment.provider_error', 503, { details: { provider: 'stripe', type } });
}

function isFinalStripeError(error: unknown): boolean {
  const e = error as { type?: string; statusCode?: number } | null;
  return e?.type === 'StripeInvalidRequestError' || e?.type === 'StripeCardError';
}

function stateOf(intent: Stripe.PaymentIntent): ProviderPaymentState {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const cardLast4 = charge?.payment_method_details?.card?.last4 ?? undefined;
  const clientSecret = intent.client_secret ?? undefined;
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', cardLast4, clientSecret };
    case 'canceled':
      return { status: 'cancelled', clientSecret };
    case 'requires_payment_method':
      // Back to requiring a method after an attempt means that attempt was declined.
      if (intent.last_payment_error)
        return {
          status: 'failed',
          failureCode: intent.last_payment_error.decline_code ?? intent.last_payment_error.code ?? 'declined',
          cardLast4,
          clientSecret,
        };
      return { status: 'pending', clientSecret };
    default:
      return { status: 'pending', clientSecret };
  }
}

function refundStateOf(refund: Stripe.Refund): ProviderRefund {
  const status =
    refund.status === 'succeeded'
      ? 'succeeded'
      : refund.status === 'failed' || refund.status === 'canceled'
        ? 'failed'
        : 'pending';
  return { status, providerRef: refund.id };
}

/**
 * Stripe PaymentIntents: the server creates an intent for the amount due (its id and the client secret
 * go to the browser, which confirms the card with Stripe.js), and the outcome arrives by signed webhook
 * or by the browser's confirmation call. Every request carries an idempotency key derived from our ids,
 * so a retry never charges or refunds twice.
 */
export function stripeProvider(keys: StripeKeys): PaymentProvider {
  const stripe = clientFor(keys);
  return {
    name: 'stripe',
    testMode: isStripeTestKey(keys.secretKey),
    method: 'card',
    charge: async (request) => {
      let intent: Stripe.PaymentIntent;
      try {
        intent = await stripe.paymentIntents.create(
          {
            amount: request.amountCents,
            currency: 'cad',
            description: request.description,
            automatic_payment_methods: { enabled: true },
            metadata: {
              org_id: request.orgId,
              order_id: request.orderId,
              payment_id: request.paymentId,
              reference: request.reference,
              instalment: String(request.instalment),
            },
          },
          { idempotencyKey: `civique-payment-${request.paymentId}` },
        );
      } catch (error) {
        throw providerError(error);
      }
      const state = stateOf(intent);
      if (state.status === 'succeeded')
        return { status: 'succeeded', providerRef: intent.id, cardLast4: state.cardLast4 };
      if (!intent.client_secret) throw providerError(new Error('payment intent without client secret'));
      return { status: 'requires_action', providerRef: intent.id, clientSecret: intent.client_secret };
    },
    retrieve: async (providerRef) => {
      try {
        return stateOf(await stripe.paymentIntents.retrieve(providerRef, { expand: ['latest_charge'] }));
      } catch (error) {
        throw providerError(error);
      }
    },
    cancel: async (providerRef) => {
      try {
        await stripe.paymentIntents.cancel(providerRef);
      } catch (error) {
        // An intent that already ended cannot be cancelled; its state is read back by the caller.
        if (!isFinalStripeError(error)) throw providerError(error);
      }
    },
    refund: async (request) => {
      if (!request.providerRef) return { status: 'failed', providerRef: null };
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: request.providerRef,
            amount: request.amountCents,
            metadata: { org_id: request.orgId, payment_id: request.paymentId, refund_id: request.refundId },
          },
          { idempotencyKey: `civique-refund-${request.refundId}` },
        );
        return refundStateOf(refund);
      } catch (error) {
        if (isFinalStripeError(error)) return { status: 'failed', providerRef: null };
        throw providerError(error);
      }
    },
  };
}

/** Checks a webhook's `Stripe-Signature` against the raw body and returns the event, or throws 400. */
export function verifyStripeEvent(
  rawBody: Buffer,
  signature: string | undefined,
  secret: string,
): Stripe.Event {
  if (!signature) throw new AppError('payment.webhook_invalid', 400);
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new AppError('payment.webhook_invalid', 400);
  }
}

/** Maps a Stripe refund object (from a webhook) to our refund states. */
export function stripeRefundState(refund: Stripe.Refund): ProviderRefund {
  return refundStateOf(refund);
}

/** Maps a Stripe PaymentIntent (from a webhook) to our payment states. */
export function stripePaymentState(intent: Stripe.PaymentIntent): ProviderPaymentState {
  return stateOf(intent);
}
