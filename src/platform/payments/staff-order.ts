import { eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import type { OrderRow } from './ledger.ts';
import { requireOrderStaff, requireServesOrder } from './policies.ts';
import { orderLines, orders } from './schema.ts';

/**
 * The order a staff member acts on: staff of the organisation serving one of the order's modules (or
 * treasury). An order of another organisation is not found: the query never leaves the tenant.
 */
export async function findStaffOrder(
  db: Executor,
  auth: AuthContext | null,
  orgId: string,
  orderId: string,
): Promise<{ who: AuthContext; order: OrderRow }> {
  const who = requireOrderStaff(auth, orgId);
  const scope = scopeOf(orgId);
  const [order] = await db
    .select()
    .from(orders)
    .where(scope.where(orders, eq(orders.id, orderId)));
  if (!order) throw new AppError('payment.order_not_found', 404);
  const modules = await db
    .selectDistinct({ module: orderLines.module })
    .from(orderLines)
    .where(scope.where(orderLines, eq(orderLines.orderId, orderId)));
  requireServesOrder(
    who,
    orgId,
    modules.map((m) => m.module),
  );
  return { who, order };
}
