import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { emitOrderStateChange } from './hooks.ts';
import { type OrderStatus, orderLines, orders, paymentEvents } from './schema.ts';
import { canMoveOrder } from './state-machine.ts';

/** An order row as read under its lock. */
export type OrderRow = typeof orders.$inferSelect;

/** Who or what caused a change, for the event log. */
export interface EventSource {
  source: 'client' | 'webhook' | 'staff' | 'job' | 'module' | 'system';
  actorAccountId?: string | null;
}

/**
 * Reads an order and locks its row until the transaction ends. Every change to an order, its payments
 * and refunds takes this lock first, so concurrent webhook, browser and staff calls apply one at a time.
 */
export async function lockOrder(tx: Executor, orgId: string, orderId: string): Promise<OrderRow | null> {
  const scope = scopeOf(orgId);
  const [row] = await tx
    .select()
    .from(orders)
    .where(scope.where(orders, eq(orders.id, orderId)))
    .for('update');
  return row ?? null;
}

/** Appends an entry to the order's event log (the table refuses updates). */
export async function recordPaymentEvent(
  tx: Executor,
  entry: EventSource & {
    orgId: string;
    orderId: string;
    type: string;
    paymentId?: string | null;
    refundId?: string | null;
    fromStatus?: string | null;
    toStatus?: string | null;
    amountCents?: number | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(paymentEvents).values({
    orgId: entry.orgId,
    orderId: entry.orderId,
    type: entry.type,
    paymentId: entry.paymentId ?? null,
    refundId: entry.refundId ?? null,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    amountCents: entry.amountCents ?? null,
    source: entry.source,
    actorAccountId: entry.actorAccountId ?? null,
    details: entry.details ?? null,
  });
}

/**
 * Moves a locked order to a new state with its amounts, refusing illegal moves, recording the event and
 * telling the order's modules inside the same transaction. `to` equal to the current state only
 * updates the amounts.
 */
export async function changeOrder(
  tx: Executor,
  order: OrderRow,
  to: OrderStatus,
  options: EventSource & {
    patch?: Partial<Pick<OrderRow, 'paidCents' | 'refundedCents' | 'testMode'>>;
    paymentId?: string | null;
    refundId?: string | null;
    amountCents?: number | null;
    reason?: string;
  },
): Promise<OrderRow> {
  const from = order.status;
  if (from !== to && !canMoveOrder(from, to))
    throw new AppError('payment.illegal_transition', 409, { params: { from, to } });
  const scope = scopeOf(order.orgId);
  // The status condition is a second guard behind the row lock: a stale row can never be written back.
  const [updated] = await tx
    .update(orders)
    .set({ ...options.patch, status: to, updatedAt: sql`now()` })
    .where(scope.where(orders, eq(orders.id, order.id), eq(orders.status, from)))
    .returning();
  if (!updated) throw new AppError('payment.in_progress', 409);
  if (from === to) return updated;
  await recordPaymentEvent(tx, {
    orgId: order.orgId,
    orderId: order.id,
    type: 'order.status_changed',
    fromStatus: from,
    toStatus: to,
    paymentId: options.paymentId,
    refundId: options.refundId,
    amountCents: options.amountCents,
    source: options.source,
    actorAccountId: options.actorAccountId,
    details: options.reason ? { reason: options.reason } : undefined,
  });
  const lines = await tx
    .select({
      id: orderLines.id,
      module: orderLines.module,
      reference: orderLines.reference,
      totalCents: orderLines.totalCents,
    })
    .from(orderLines)
    .where(scope.where(orderLines, eq(orderLines.orderId, order.id)))
    .orderBy(asc(orderLines.position));
  await emitOrderStateChange({
    db: tx,
    orgId: order.orgId,
    orderId: order.id,
    reference: order.reference,
    accountId: order.accountId,
    from,
    to,
    paidCents: updated.paidCents,
    refundedCents: updated.refundedCents,
    totalCents: updated.totalCents,
    testMode: updated.testMode,
    lines,
  });
  return updated;
}
