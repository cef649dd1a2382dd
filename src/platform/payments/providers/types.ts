import type { PaymentMethod, ProviderName } from '../schema.ts';

/** What a provider is asked to collect. */
export interface ChargeRequest {
  orgId: string;
  orderId: string;
  paymentId: string;
  reference: string;
  amountCents: number;
  instalment: number;
  description: string;
  /** Sandbox only: the test card number typed by the person. */
  cardNumber?: string;
}

/** The provider's answer: settled now, or waiting for the person (Stripe confirms in the browser). */
export type ChargeResult =
  | { status: 'succeeded'; providerRef: string | null; cardLast4?: string }
  | { status: 'failed'; providerRef: string | null; failureCode: string; cardLast4?: string }
  | { status: 'requires_action'; providerRef: string; clientSecret: string };

/** Where a payment stands at the provider. */
export interface ProviderPaymentState {
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  failureCode?: string;
  cardLast4?: string;
  clientSecret?: string;
}

/** A refund as the provider reports it. */
export interface ProviderRefund {
  status: 'pending' | 'succeeded' | 'failed';
  providerRef: string | null;
}

/** One payment provider (sandbox, offline, Stripe) behind the same interface. */
export interface PaymentProvider {
  readonly name: ProviderName;
  /** True when no real money moves: shown as test mode everywhere the payment appears. */
  readonly testMode: boolean;
  readonly method: PaymentMethod;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Asks the provider where a pending payment stands (providers that settle later only). */
  retrieve?(providerRef: string): Promise<ProviderPaymentState>;
  /** Abandons a pending payment at the provider so it can never succeed afterwards. */
  cancel?(providerRef: string): Promise<void>;
  refund(request: {
    orgId: string;
    paymentId: string;
    refundId: string;
    providerRef: string | null;
    amountCents: number;
  }): Promise<ProviderRefund>;
}
