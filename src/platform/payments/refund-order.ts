import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { StripeConfig } from '../../config.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { type EventSource, lockOrder, recordPaymentEvent } from './ledger.ts';
import { allocateRefund, formatCad, refundableCents } from './money.ts';
import { type OrderView, orderView } from './order-view.ts';
import { loadPaymentSettings, providerOfPayment } from './payment-settings.ts';
import { payments, refunds } from './schema.ts';
import { settleRefund } from './settle-refund.ts';
import { findStaffOrder } from './staff-order.ts';

/**
 * Gives money back, in full or in part, never above what was collected: under the order's lock the
 * amount is checked against payments minus refunds done or under way, taken from the latest payments
 * first, and each part is sent to the provider that collected it. Audited. Staff only.
 */
export async function refundOrder(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  locale: 'fr' | 'en';
  stripeConfig: StripeConfig;
  orgId: string;
  orderId: string;
  input: { amountCents: number; reason: string };
}): Promise<OrderView> {
  const { db, orgId, input } = options;
  const { who, order } = await findStaffOrder(db, options.auth, orgId, options.orderId);
  const { view, refundIds, failure } = await sendRefund({
    db,
    stripeConfig: options.stripeConfig,
    locale: options.locale,
    orgId,
    orderId: order.id,
    amountCents: input.amountCents,
    reason: input.reason,
    eventSource: { source: 'staff', actorAccountId: who.account.id },
  });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.refunded',
    targetType: 'order',
    targetId: order.id,
    subjectAccountId: order.accountId,
    details: { amountCents: input.amountCents, reason: input.reason, refundIds },
  });
  if (failure) throw failure;
  return view;
}

/**
 * A refund a module owes under its own rules (e.g. a citizen cancelling a paid registration within the
 * activity's refund period): the same checks and providers as staff refunds, recorded in the order's
 * event log with the module's source; no staff check, the module decided. A provider failure after the
 * refund was recorded leaves it pending (holding its amount) for the provider's webhook: reported in
 * `failed`, not thrown, since what the module did stands.
 */
export async function refundForModule(options: {
  db: Database;
  stripeConfig: StripeConfig;
  locale: 'fr' | 'en';
  orgId: string;
  orderId: string;
  amountCents: number;
  reason: string;
  eventSource: EventSource;
}): Promise<{ view: OrderView; refundIds: string[]; failed: boolean }> {
  const { view, refundIds, failure } = await sendRefund(options);
  return { view, refundIds, failed: !!failure };
}

async function sendRefund(options: {
  db: Database;
  stripeConfig: StripeConfig;
  locale: 'fr' | 'en';
  orgId: string;
  orderId: string;
  amountCents: number;
  reason: string;
  eventSource: EventSource;
}): Promise<{ view: OrderView; refundIds: string[]; failure: unknown }> {
  const { db, orgId } = options;
  const input = { amountCents: options.amountCents, reason: options.reason };
  const order = { id: options.orderId };
  const scope = scopeOf(orgId);
  const source = options.eventSource;
  const parts = await db.transaction(async (tx) => {
    const locked = await lockOrder(tx, orgId, order.id);
    if (!locked) throw new AppError('payment.order_not_found', 404);
    const collected = await tx
      .select()
      .from(payments)
      .where(scope.where(payments, eq(payments.orderId, order.id), eq(payments.status, 'succeeded')))
      .orderBy(asc(payments.settledAt), asc(payments.id));
    const taken = await tx
      .select({ paymentId: refunds.paymentId, cents: sql<number>`sum(${refunds.amountCents})::int` })
      .from(refunds)
      .where(
        scope.where(
          refunds,
          and(eq(refunds.orderId, order.id), inArray(refunds.status, ['pending', 'succeeded'])),
        ),
      )
      .groupBy(refunds.paymentId);
    const takenOf = (id: string) => Number(taken.find((t) => t.paymentId === id)?.cents ?? 0);
    const paid = collected.reduce((s, p) => s + p.amountCents, 0);
    const max = refundableCents(
      paid,
      taken.reduce((s, t) => s + Number(t.cents), 0),
    );
    if (max === 0) throw new AppError('refund.not_refundable', 409, { params: { status: locked.status } });
    if (input.amountCents > max)
      throw new AppError('refund.exceeds_paid', 422, {
        params: { max: formatCad(max, options.locale) },
        details: { maxCents: max },
      });
    const allocation = allocateRefund(
      input.amountCents,
      collected.map((p) => ({ id: p.id, amountCents: p.amountCents, refundedCents: takenOf(p.id) })),
    );
    if (!allocation)
      throw new AppError('refund.exceeds_paid', 422, { params: { max: formatCad(max, options.locale) } });
    const created = [];
    for (const part of allocation) {
      const [refund] = await tx
        .insert(refunds)
        .values(
          scope.rows({
            orderId: order.id,
            paymentId: part.id,
            amountCents: part.amountCents,
            reason: input.reason,
            createdByAccountId: source.actorAccountId ?? null,
          }),
        )
        .returning();
      if (!refund) throw new Error('refund insert returned no row');
      await recordPaymentEvent(tx, {
        ...source,
        orgId,
        orderId: order.id,
        paymentId: part.id,
        refundId: refund.id,
        type: 'refund.requested',
        toStatus: 'pending',
        amountCents: part.amountCents,
        details: { reason: input.reason },
      });
      const payment = collected.find((p) => p.id === part.id);
      if (payment) created.push({ refund, payment });
    }
    return created;
  });

  const settings = await loadPaymentSettings(db, orgId, options.stripeConfig);
  let failure: unknown;
  for (const { refund, payment } of parts) {
    if (failure) {
      // Not sent to the provider: free the amount it was holding.
      await db.transaction((tx) =>
        settleRefund(tx, { ...source, orgId, refundId: refund.id, outcome: { status: 'failed' } }),
      );
      continue;
    }
    try {
      const answer = await providerOfPayment(settings, payment).refund({
        orgId,
        paymentId: payment.id,
        refundId: refund.id,
        providerRef: payment.providerRef,
        amountCents: refund.amountCents,
      });
      if (answer.status === 'pending') {
        if (answer.providerRef)
          await db
            .update(refunds)
            .set({ providerRef: answer.providerRef })
            .where(scope.where(refunds, eq(refunds.id, refund.id)));
        continue;
      }
      const outcome = { status: answer.status, providerRef: answer.providerRef };
      await db.transaction((tx) => settleRefund(tx, { ...source, orgId, refundId: refund.id, outcome }));
    } catch (error) {
      // Unknown whether the provider acted: the refund stays pending (holding its amount) until the
      // provider's webhook settles it.
      failure = error;
    }
  }
  const view = await orderView(db, orgId, order.id);
  if (!view) throw new AppError('payment.order_not_found', 404);
  return { view, refundIds: parts.map((p) => p.refund.id), failure };
}
