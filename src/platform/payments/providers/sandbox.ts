import { AppError } from '../../http/errors.ts';
import type { PaymentProvider } from './types.ts';

/**
 * Stripe's public test card numbers and what the sandbox does with each. Only these are accepted,
 * so that nobody types a real card into a demonstration.
 */
export const SANDBOX_CARDS: Readonly<
  Record<string, { outcome: 'succeeded' } | { outcome: 'failed'; code: string }>
> = {
  '4242424242424242': { outcome: 'succeeded' },
  '5555555555554444': { outcome: 'succeeded' },
  '4000000000000002': { outcome: 'failed', code: 'card_declined' },
  '4000000000009995': { outcome: 'failed', code: 'insufficient_funds' },
  '4000000000000069': { outcome: 'failed', code: 'expired_card' },
};

/** A test card number without spaces or dashes, or null when it is not one of the sandbox's cards. */
export function sandboxCard(number: string | undefined): string | null {
  const digits = (number ?? '').replace(/[\s-]/g, '');
  return SANDBOX_CARDS[digits] ? digits : null;
}

/**
 * The demonstration provider: it settles at once according to the test card number and never moves
 * money. Everything it touches is flagged test mode.
 */
export function sandboxProvider(): PaymentProvider {
  return {
    name: 'sandbox',
    testMode: true,
    method: 'card',
    charge: async (request) => {
      if (!request.cardNumber) throw new AppError('payment.card_required', 422);
      const card = sandboxCard(request.cardNumber);
      if (!card)
        throw new AppError('payment.sandbox_test_cards_only', 422, {
          details: { testCards: Object.keys(SANDBOX_CARDS) },
        });
      const rule = SANDBOX_CARDS[card];
      const providerRef = `sbx_pi_${request.paymentId}`;
      const cardLast4 = card.slice(-4);
      if (rule?.outcome === 'failed')
        return { status: 'failed', providerRef, failureCode: rule.code, cardLast4 };
      return { status: 'succeeded', providerRef, cardLast4 };
    },
    refund: async (request) => ({ status: 'succeeded', providerRef: `sbx_re_${request.refundId}` }),
  };
}
