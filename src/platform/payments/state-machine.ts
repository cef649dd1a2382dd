// The payment state machine, with no I/O: which moves are legal for orders, payments and refunds,
// and which state an order reaches once money came in or went back. Use cases refuse anything else.
import type { OrderStatus, PaymentStatus, RefundStatus } from './schema.ts';

/** Legal order moves. Self-moves are not transitions: they change nothing and are not listed. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['paid', 'partially_paid', 'failed', 'cancelled'],
  // A declined card leaves the order failed; another attempt may still pay it, or it is abandoned.
  failed: ['paid', 'partially_paid', 'cancelled'],
  partially_paid: ['paid', 'partially_refunded', 'refunded'],
  paid: ['partially_refunded', 'refunded'],
  partially_refunded: ['refunded'],
  refunded: [],
  cancelled: [],
};

/**
 * Legal payment moves. A declined attempt can still succeed later (Stripe retries the same intent) until
 * it is closed at the provider (cancelled).
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ['succeeded', 'failed', 'cancelled'],
  failed: ['succeeded', 'cancelled'],
  succeeded: [],
  cancelled: [],
};

/** Legal refund moves. */
export const REFUND_TRANSITIONS: Readonly<Record<RefundStatus, readonly RefundStatus[]>> = {
  pending: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

/** Whether an order may move from one state to another. */
export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Whether a payment may move from one state to another. */
export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** Whether a refund may move from one state to another. */
export function canMoveRefund(from: RefundStatus, to: RefundStatus): boolean {
  return REFUND_TRANSITIONS[from].includes(to);
}

/** States in which an order can still receive money. */
export const PAYABLE: readonly OrderStatus[] = ['pending', 'failed', 'partially_paid'];

/** States in which money may be given back. */
export const REFUNDABLE: readonly OrderStatus[] = ['partially_paid', 'paid', 'partially_refunded'];

/** The state an order reaches once `paidCents` (new payment included) was collected; null when none is legal. */
export function orderStatusAfterPayment(order: {
  status: OrderStatus;
  totalCents: number;
  paidCents: number;
}): OrderStatus | null {
  const to: OrderStatus = order.paidCents >= order.totalCents ? 'paid' : 'partially_paid';
  if (to === order.status) return to;
  return canMoveOrder(order.status, to) ? to : null;
}

/** The state an order reaches when a payment attempt failed (only a first attempt fails the order). */
export function orderStatusAfterFailure(status: OrderStatus): OrderStatus {
  return canMoveOrder(status, 'failed') ? 'failed' : status;
}

/** The state an order reaches once `refundedCents` (new refund included) went back; null when none is legal. */
export function orderStatusAfterRefund(order: {
  status: OrderStatus;
  paidCents: number;
  refundedCents: number;
}): OrderStatus | null {
  const to: OrderStatus = order.refundedCents >= order.paidCents ? 'refunded' : 'partially_refunded';
  if (to === order.status) return to;
  return canMoveOrder(order.status, to) ? to : null;
}
