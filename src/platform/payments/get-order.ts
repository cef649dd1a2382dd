import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { type OrderView, orderView } from './order-view.ts';
import { findStaffOrder } from './staff-order.ts';

/** One order of the organisation for staff (an access to a person's data, so it is audited). */
export async function getOrder(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  orderId: string;
}): Promise<OrderView> {
  const { db, orgId } = options;
  const { who, order } = await findStaffOrder(db, options.auth, orgId, options.orderId);
  const view = await orderView(db, orgId, order.id);
  if (!view) throw new AppError('payment.order_not_found', 404);
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.order_viewed',
    targetType: 'order',
    targetId: order.id,
    subjectAccountId: order.accountId,
  });
  return view;
}
