import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from './schema.ts';
import {
  canMoveOrder,
  canMovePayment,
  ORDER_TRANSITIONS,
  orderStatusAfterFailure,
  orderStatusAfterPayment,
  orderStatusAfterRefund,
} from './state-machine.ts';

describe('payment state machine', () => {
  it('allows exactly the documented order moves', () => {
    expect(canMoveOrder('pending', 'paid')).toBe(true);
    expect(canMoveOrder('pending', 'partially_paid')).toBe(true);
    expect(canMoveOrder('pending', 'failed')).toBe(true);
    expect(canMoveOrder('pending', 'cancelled')).toBe(true);
    expect(canMoveOrder('paid', 'partially_refunded')).toBe(true);
    expect(canMoveOrder('paid', 'refunded')).toBe(true);
    // Money never disappears: a paid order cannot go back to pending, fail or be cancelled.
    expect(canMoveOrder('paid', 'pending')).toBe(false);
    expect(canMoveOrder('paid', 'cancelled')).toBe(false);
    expect(canMoveOrder('paid', 'failed')).toBe(false);
    expect(canMoveOrder('refunded', 'paid')).toBe(false);
    expect(canMoveOrder('cancelled', 'paid')).toBe(false);
    expect(canMoveOrder('partially_paid', 'cancelled')).toBe(false);
  });

  it('keeps refunded and cancelled final', () => {
    for (const to of ORDER_STATUSES) {
      expect(canMoveOrder('refunded', to)).toBe(false);
      expect(canMoveOrder('cancelled', to)).toBe(false);
    }
  });

  it('never lets a settled payment change again, but lets a declined one succeed later', () => {
    expect(canMovePayment('succeeded', 'failed')).toBe(false);
    expect(canMovePayment('succeeded', 'cancelled')).toBe(false);
    expect(canMovePayment('cancelled', 'succeeded')).toBe(false);
    expect(canMovePayment('failed', 'succeeded')).toBe(true);
  });

  it('derives the next state only along legal moves', () => {
    const status = fc.constantFrom(...ORDER_STATUSES);
    fc.assert(
      fc.property(status, fc.nat(100_000), fc.nat(100_000), (from: OrderStatus, total, paid) => {
        const next = orderStatusAfterPayment({ status: from, totalCents: total, paidCents: paid });
        if (next !== null && next !== from) expect(ORDER_TRANSITIONS[from]).toContain(next);
        const refunded = orderStatusAfterRefund({ status: from, paidCents: total, refundedCents: paid });
        if (refunded !== null && refunded !== from) expect(ORDER_TRANSITIONS[from]).toContain(refunded);
        const failed = orderStatusAfterFailure(from);
        if (failed !== from) expect(ORDER_TRANSITIONS[from]).toContain(failed);
      }),
    );
  });

  it('pays in full or in part according to the amount collected', () => {
    expect(orderStatusAfterPayment({ status: 'pending', totalCents: 1000, paidCents: 1000 })).toBe('paid');
    expect(orderStatusAfterPayment({ status: 'pending', totalCents: 1000, paidCents: 500 })).toBe(
      'partially_paid',
    );
    expect(orderStatusAfterPayment({ status: 'partially_paid', totalCents: 1000, paidCents: 1000 })).toBe(
      'paid',
    );
    expect(orderStatusAfterPayment({ status: 'cancelled', totalCents: 1000, paidCents: 1000 })).toBeNull();
    expect(orderStatusAfterRefund({ status: 'paid', paidCents: 1000, refundedCents: 400 })).toBe(
      'partially_refunded',
    );
    expect(
      orderStatusAfterRefund({ status: 'partially_refunded', paidCents: 1000, refundedCents: 1000 }),
    ).toBe('refunded');
    expect(orderStatusAfterFailure('partially_paid')).toBe('partially_paid');
  });
});
