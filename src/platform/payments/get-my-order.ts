import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import type { OrderRow } from './ledger.ts';
import { type OrderView, orderView } from './order-view.ts';
import { orders } from './schema.ts';

/**
 * One of the person's own orders, or a 404 (never a 403: another person's order does not exist for
 * them). With `orgId` the lookup uses the organisation's keys; without it, the account alone finds it.
 */
export async function findOwnOrder(
  db: Executor,
  accountId: string,
  orderId: string,
  orgId?: string,
): Promise<OrderRow> {
  const own = and(eq(orders.id, orderId), eq(orders.accountId, accountId));
  const [row] = await db
    .select()
    .from(orders)
    .where(orgId ? inOrg(orders, orgId, own) : own);
  if (!row) throw new AppError('payment.order_not_found', 404);
  return row;
}

/** The signed-in person's order with its lines, payments and refunds. */
export async function getMyOrder(options: {
  db: Executor;
  auth: AuthContext | null;
  orderId: string;
  orgId?: string;
}): Promise<OrderView> {
  const who = requireAccount(options.auth);
  const row = await findOwnOrder(options.db, who.account.id, options.orderId, options.orgId);
  const view = await orderView(options.db, row.orgId, row.id);
  if (!view) throw new AppError('payment.order_not_found', 404);
  return view;
}
