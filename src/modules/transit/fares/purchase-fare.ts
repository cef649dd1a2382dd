import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { createOrder } from '../../../platform/payments/create-order.ts';
import { localTime } from '../network/rules.ts';
import { transitFareProducts } from '../network/schema.ts';
import { type HoldingView, holdingViews } from './holding-view.ts';
import { transitFareHoldings } from './schema.ts';
import { addDays, validityPeriod } from './validity.ts';

/** The order line module of fare products; the payment hook of `transit` activates their holdings. */
export const FARE_PRODUCT_MODULE = 'transit.fare_product';
/** How far ahead a pass may be bought to start on a chosen day. */
const MAX_START_DAYS_AHEAD = 60;

/**
 * Buys a booklet, pass or membership for the signed-in rider: a pending holding and its order commit
 * together; the holding becomes active when the order is paid (`settleFareProductOrder`). A single trip is
 * not bought here: it is paid with the trip's own fare order.
 */
export async function purchaseFare(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  productId: string;
  /** First valid day (YYYY-MM-DD, Quebec) of a pass or membership; today when absent. */
  startDate?: string;
  now?: Date;
}): Promise<HoldingView> {
  const { db, orgId } = options;
  const who = requireAccount(options.auth);
  const scope = scopeOf(orgId);
  const today = localTime(options.now ?? new Date()).date;
  const [product] = await db
    .select()
    .from(transitFareProducts)
    .where(
      scope.where(
        transitFareProducts,
        eq(transitFareProducts.id, options.productId),
        eq(transitFareProducts.active, true),
      ),
    );
  if (!product) throw new AppError('transit.fare_product_not_found', 404);
  const booklet = product.kind === 'booklet';
  if (product.kind === 'single' || (booklet && !product.rides) || (!booklet && !product.validityDays))
    throw new AppError('transit.fare_not_for_sale', 422);
  const start = options.startDate ?? today;
  if (!booklet && (start < today || start > addDays(today, MAX_START_DAYS_AHEAD)))
    throw new AppError('transit.fare_start_invalid', 422, { params: { days: MAX_START_DAYS_AHEAD } });
  const period = booklet ? null : validityPeriod(start, product.validityDays ?? 1);
  const holdingId = await db.transaction(async (tx) => {
    const [holding] = await tx
      .insert(transitFareHoldings)
      .values(
        scope.rows({
          accountId: who.account.id,
          productId: product.id,
          kind: product.kind,
          ridesTotal: booklet ? product.rides : null,
          ridesLeft: booklet ? product.rides : null,
          validFrom: period?.validFrom ?? null,
          validUntil: period?.validUntil ?? null,
        }),
      )
      .returning({ id: transitFareHoldings.id });
    if (!holding) throw new Error('holding not written');
    // The line names the holding: a free product is paid inside createOrder, and the hook finds it by it.
    const order = await createOrder({
      db: tx,
      orgId,
      accountId: who.account.id,
      createdByAccountId: who.account.id,
      lines: [
        {
          module: FARE_PRODUCT_MODULE,
          reference: holding.id,
          description: { fr: `TaxiBus — ${product.nameFr}`, en: `TaxiBus — ${product.nameEn}` },
          unitPriceCents: product.priceCents,
          taxCodes: [],
        },
      ],
    });
    await tx
      .update(transitFareHoldings)
      .set({ orderId: order.id })
      .where(scope.where(transitFareHoldings, eq(transitFareHoldings.id, holding.id)));
    return holding.id;
  });
  const [view] = await holdingViews(db, orgId, eq(transitFareHoldings.id, holdingId), { now: options.now });
  if (!view) throw new Error('holding vanished');
  return view;
}
