import type { StripeConfig } from '../../config.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Database } from '../db/client.ts';
import { cancelOrder } from './cancel-order.ts';
import type { OrderView } from './order-view.ts';
import { findStaffOrder } from './staff-order.ts';

/** Staff cancel an unpaid order of a module they serve (audited). */
export async function cancelOrderByStaff(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  stripeConfig: StripeConfig;
  orgId: string;
  orderId: string;
  input: { reason: string };
}): Promise<OrderView> {
  const { db, orgId } = options;
  const { who, order } = await findStaffOrder(db, options.auth, orgId, options.orderId);
  const view = await cancelOrder({
    db,
    stripeConfig: options.stripeConfig,
    orgId,
    orderId: order.id,
    reason: options.input.reason,
    eventSource: { source: 'staff', actorAccountId: who.account.id },
  });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.order_cancelled',
    targetType: 'order',
    targetId: order.id,
    subjectAccountId: order.accountId,
    details: { reason: options.input.reason },
  });
  return view;
}
