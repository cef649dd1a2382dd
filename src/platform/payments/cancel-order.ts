import { eq } from 'drizzle-orm';
import type { StripeConfig } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { changeOrder, type EventSource, lockOrder } from './ledger.ts';
import { type OrderView, orderView } from './order-view.ts';
import { loadPaymentSettings } from './payment-settings.ts';
import { payments } from './schema.ts';
import { closeDeclinedIntents, resolvePending } from './start-payment.ts';

/**
 * Cancels an order nobody paid (pending or failed), e.g. a registration that expired unpaid. A payment
 * still open at the provider is cancelled there first, so no money can arrive afterwards; an order that
 * received money is refunded instead. Modules call this; staff through their route.
 *
 * The decision is taken under the order's row lock, the lock a payment takes to start: a payment that
 * started after the provider was asked (between the two steps below) is seen there and the cancellation
 * is refused (`payment.in_progress`), so no money can land on a cancelled order.
 */
export async function cancelOrder(options: {
  db: Database;
  stripeConfig: StripeConfig;
  orgId: string;
  orderId: string;
  reason: string;
  eventSource?: EventSource;
}): Promise<OrderView> {
  const { db, orgId, orderId } = options;
  const source = options.eventSource ?? { source: 'module' };
  const settings = await loadPaymentSettings(db, orgId, options.stripeConfig);
  await resolvePending(db, settings, orgId, orderId, null, source);
  await closeDeclinedIntents(db, settings, orgId, orderId, source);
  await db.transaction(async (tx) => {
    const order = await lockOrder(tx, orgId, orderId);
    if (!order) throw new AppError('payment.order_not_found', 404);
    if (order.status !== 'pending' && order.status !== 'failed')
      throw new AppError('payment.cannot_cancel', 409, { params: { status: order.status } });
    const [inFlight] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(scopeOf(orgId).where(payments, eq(payments.orderId, orderId), eq(payments.status, 'pending')))
      .limit(1);
    if (inFlight) throw new AppError('payment.in_progress', 409);
    await changeOrder(tx, order, 'cancelled', { ...source, reason: options.reason });
  });
  const view = await orderView(db, orgId, orderId);
  if (!view) throw new AppError('payment.order_not_found', 404);
  return view;
}
