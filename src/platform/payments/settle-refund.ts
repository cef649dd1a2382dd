import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { changeOrder, type EventSource, lockOrder, type OrderRow, recordPaymentEvent } from './ledger.ts';
import { orderInstalments, type RefundStatus, refunds } from './schema.ts';
import { canMoveRefund, orderStatusAfterRefund } from './state-machine.ts';

/**
 * Applies a provider's answer to a refund, once, under the order's row lock. A refund that succeeded
 * moves the order to partially refunded or refunded and cancels an instalment still to come; a failed
 * one frees the amount it was holding.
 */
export async function settleRefund(
  tx: Executor,
  options: EventSource & {
    orgId: string;
    refundId: string;
    outcome: { status: Exclude<RefundStatus, 'pending'>; providerRef?: string | null };
  },
): Promise<{ changed: boolean; order: OrderRow } | null> {
  const scope = scopeOf(options.orgId);
  const [ref] = await tx
    .select({ orderId: refunds.orderId })
    .from(refunds)
    .where(scope.where(refunds, eq(refunds.id, options.refundId)));
  if (!ref) return null;
  const order = await lockOrder(tx, options.orgId, ref.orderId);
  if (!order) return null;
  const [refund] = await tx
    .select()
    .from(refunds)
    .where(scope.where(refunds, eq(refunds.id, options.refundId)))
    .for('update');
  if (!refund) return null;
  const to = options.outcome.status;
  const event = {
    orgId: order.orgId,
    orderId: order.id,
    paymentId: refund.paymentId,
    refundId: refund.id,
    source: options.source,
    actorAccountId: options.actorAccountId,
  };
  if (refund.status === to) return { changed: false, order };
  if (!canMoveRefund(refund.status, to)) {
    await recordPaymentEvent(tx, {
      ...event,
      type: 'refund.transition_refused',
      fromStatus: refund.status,
      toStatus: to,
    });
    return { changed: false, order };
  }
  await tx
    .update(refunds)
    .set({
      status: to,
      settledAt: sql`now()`,
      updatedAt: sql`now()`,
      ...(options.outcome.providerRef && !refund.providerRef
        ? { providerRef: options.outcome.providerRef }
        : {}),
    })
    .where(scope.where(refunds, eq(refunds.id, refund.id), eq(refunds.status, refund.status)));
  await recordPaymentEvent(tx, {
    ...event,
    type: `refund.${to}`,
    fromStatus: refund.status,
    toStatus: to,
    amountCents: refund.amountCents,
    details: { reason: refund.reason },
  });
  if (to !== 'succeeded') return { changed: true, order };

  const refundedCents = order.refundedCents + refund.amountCents;
  const cancelled = await tx
    .update(orderInstalments)
    .set({ status: 'cancelled' })
    .where(
      scope.where(
        orderInstalments,
        and(eq(orderInstalments.orderId, order.id), eq(orderInstalments.status, 'due')),
      ),
    )
    .returning({ number: orderInstalments.number });
  for (const i of cancelled)
    await recordPaymentEvent(tx, { ...event, type: 'instalment.cancelled', details: { number: i.number } });
  const next = orderStatusAfterRefund({ ...order, refundedCents }) ?? order.status;
  const updated = await changeOrder(tx, order, next, {
    ...event,
    amountCents: refund.amountCents,
    reason: refund.reason,
    patch: { refundedCents },
  });
  return { changed: true, order: updated };
}
