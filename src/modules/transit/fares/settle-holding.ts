import { inArray } from 'drizzle-orm';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import type { OrderStateHandler } from '../../../platform/payments/hooks.ts';
import { FARE_PRODUCT_MODULE } from './purchase-fare.ts';
import { transitFareHoldings } from './schema.ts';

/**
 * What a change of a fare product's order does to its holdings, inside the payment's transaction: paid
 * activates them, an unpaid order cancelled cancels them, a full refund ends them (no rides left). A
 * partial refund leaves them as they are: staff refunding part of a booklet decide what remains.
 */
export const settleFareProductOrder: OrderStateHandler = async (change) => {
  const ids = change.lines.filter((l) => l.module === FARE_PRODUCT_MODULE).map((l) => l.reference);
  if (ids.length === 0) return;
  const scope = scopeOf(change.orgId);
  // The lines name their holdings (a free product is paid before the holding records its order id).
  const mine = (...from: Array<(typeof transitFareHoldings.$inferSelect)['status']>) =>
    scope.where(
      transitFareHoldings,
      inArray(transitFareHoldings.id, ids),
      inArray(transitFareHoldings.status, from),
    );
  if (change.to === 'paid' && ['pending', 'failed', 'partially_paid'].includes(change.from)) {
    await change.db.update(transitFareHoldings).set({ status: 'active' }).where(mine('pending'));
    return;
  }
  if (change.to === 'cancelled') {
    await change.db.update(transitFareHoldings).set({ status: 'cancelled' }).where(mine('pending'));
    return;
  }
  if (change.to === 'refunded')
    await change.db
      .update(transitFareHoldings)
      .set({ status: 'refunded', ridesLeft: 0 })
      .where(mine('pending', 'active', 'used_up'));
};
