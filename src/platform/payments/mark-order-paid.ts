import type { StripeConfig } from '../../config.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { type OrderView, orderView } from './order-view.ts';
import { loadPaymentSettings } from './payment-settings.ts';
import { offlineProvider } from './providers/offline.ts';
import { findStaffOrder } from './staff-order.ts';
import { startPayment } from './start-payment.ts';

/**
 * Records money received at the counter (cash, cheque, debit terminal) by treasury or the staff of the
 * order's module: the balance, or the next instalment of an order paid in two. Audited.
 */
export async function markOrderPaid(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  stripeConfig: StripeConfig;
  orgId: string;
  orderId: string;
  input: { method: 'cash' | 'cheque' | 'debit'; note?: string; instalments?: 1 | 2 };
}): Promise<OrderView> {
  const { db, orgId, input } = options;
  const { who, order } = await findStaffOrder(db, options.auth, orgId, options.orderId);
  const settings = await loadPaymentSettings(db, orgId, options.stripeConfig);
  const started = await startPayment({
    db,
    settings,
    orgId,
    orderId: order.id,
    provider: offlineProvider(input.method),
    instalments: input.instalments,
    note: input.note?.trim() || null,
    eventSource: { source: 'staff', actorAccountId: who.account.id },
  });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.marked_paid',
    targetType: 'order',
    targetId: order.id,
    subjectAccountId: order.accountId,
    details: {
      paymentId: started.paymentId,
      method: input.method,
      amountCents: started.amountCents,
      note: input.note ?? null,
    },
  });
  const view = await orderView(db, orgId, order.id);
  if (!view) throw new AppError('payment.order_not_found', 404);
  return view;
}
