import type { PaymentMethod } from '../schema.ts';
import type { PaymentProvider } from './types.ts';

/**
 * Money handed over at the counter (cash, cheque, debit terminal): staff record it, so the charge is
 * settled as soon as it is recorded, and a refund is money given back at the counter.
 */
export function offlineProvider(method: Exclude<PaymentMethod, 'card'>): PaymentProvider {
  return {
    name: 'offline',
    testMode: false,
    method,
    charge: async () => ({ status: 'succeeded', providerRef: null }),
    refund: async () => ({ status: 'succeeded', providerRef: null }),
  };
}
