import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { changeOrder, type EventSource, lockOrder, type OrderRow, recordPaymentEvent } from './ledger.ts';
import { orderInstalments, type PaymentStatus, payments } from './schema.ts';
import { canMovePayment, orderStatusAfterFailure, orderStatusAfterPayment } from './state-machine.ts';

/** What the provider says became of a payment. */
export type PaymentOutcome =
  | { status: 'succeeded'; cardLast4?: string; providerRef?: string | null }
  | { status: 'failed'; failureCode: string; cardLast4?: string; providerRef?: string | null }
  | { status: 'cancelled' };

/** The result of settling: whether anything changed, and the order as it now stands. */
export interface Settlement {
  changed: boolean;
  order: OrderRow;
  paymentStatus: PaymentStatus;
}

/**
 * Applies a provider's outcome to a payment and its order, once: under the order's row lock, a payment
 * already in that state (webhook replayed, browser and webhook racing) changes nothing, and a move the
 * state machine refuses (a failure arriving after the success) is logged and ignored. Collected money is
 * always recorded, even on an order that can no longer change state.
 */
export async function settlePayment(
  tx: Executor,
  options: EventSource & { orgId: string; paymentId: string; outcome: PaymentOutcome },
): Promise<Settlement | null> {
  const scope = scopeOf(options.orgId);
  const [ref] = await tx
    .select({ orderId: payments.orderId })
    .from(payments)
    .where(scope.where(payments, eq(payments.id, options.paymentId)));
  if (!ref) return null;
  const order = await lockOrder(tx, options.orgId, ref.orderId);
  if (!order) return null;
  const [payment] = await tx
    .select()
    .from(payments)
    .where(scope.where(payments, eq(payments.id, options.paymentId)))
    .for('update');
  if (!payment) return null;
  const to = options.outcome.status;
  const event = { orgId: order.orgId, orderId: order.id, paymentId: payment.id, source: options.source };
  if (payment.status === to) return { changed: false, order, paymentStatus: payment.status };
  if (!canMovePayment(payment.status, to)) {
    await recordPaymentEvent(tx, {
      ...event,
      type: 'payment.transition_refused',
      fromStatus: payment.status,
      toStatus: to,
      actorAccountId: options.actorAccountId,
    });
    return { changed: false, order, paymentStatus: payment.status };
  }
  const outcome = options.outcome;
  await tx
    .update(payments)
    .set({
      status: to,
      settledAt: sql`now()`,
      updatedAt: sql`now()`,
      ...(outcome.status !== 'cancelled' && outcome.cardLast4 ? { cardLast4: outcome.cardLast4 } : {}),
      ...(outcome.status === 'failed' ? { failureCode: outcome.failureCode } : {}),
      ...(outcome.status !== 'cancelled' && outcome.providerRef && !payment.providerRef
        ? { providerRef: outcome.providerRef }
        : {}),
    })
    .where(scope.where(payments, eq(payments.id, payment.id), eq(payments.status, payment.status)));
  await recordPaymentEvent(tx, {
    ...event,
    type: `payment.${to}`,
    fromStatus: payment.status,
    toStatus: to,
    amountCents: payment.amountCents,
    actorAccountId: options.actorAccountId,
    details: outcome.status === 'failed' ? { failureCode: outcome.failureCode } : undefined,
  });

  if (to === 'succeeded') {
    const paidCents = order.paidCents + payment.amountCents;
    const patch = { paidCents, testMode: order.testMode || payment.testMode };
    await tx
      .update(orderInstalments)
      .set({ status: 'paid', paymentId: payment.id })
      .where(
        scope.where(
          orderInstalments,
          and(eq(orderInstalments.orderId, order.id), eq(orderInstalments.number, payment.instalment)),
          eq(orderInstalments.status, 'due'),
        ),
      );
    const next = orderStatusAfterPayment({ ...order, paidCents });
    if (next === null) {
      // Money reached an order that cannot take it (cancelled, refunded): keep the money on record for
      // treasury to refund, leave the state alone.
      const kept = await changeOrder(tx, order, order.status, { ...event, patch });
      await recordPaymentEvent(tx, {
        ...event,
        type: 'payment.received_on_closed_order',
        amountCents: payment.amountCents,
        details: { orderStatus: order.status },
      });
      return { changed: true, order: kept, paymentStatus: to };
    }
    const updated = await changeOrder(tx, order, next, {
      ...event,
      actorAccountId: options.actorAccountId,
      amountCents: payment.amountCents,
      patch,
    });
    return { changed: true, order: updated, paymentStatus: to };
  }
  if (to === 'failed') {
    const next = orderStatusAfterFailure(order.status);
    const updated = await changeOrder(tx, order, next, {
      ...event,
      actorAccountId: options.actorAccountId,
      amountCents: payment.amountCents,
    });
    return { changed: true, order: updated, paymentStatus: to };
  }
  return { changed: true, order, paymentStatus: to };
}
