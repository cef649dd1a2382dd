import { and, desc, eq, type SQL } from 'drizzle-orm';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { orders } from '../../../platform/payments/schema.ts';
import { localTime } from '../network/rules.ts';
import { transitFareProducts } from '../network/schema.ts';
import { transitFareHoldings } from './schema.ts';
import { shownStatus } from './validity.ts';

export type HoldingRow = typeof transitFareHoldings.$inferSelect;

/** A fare holding as its rider (and transit staff) see it. */
export interface HoldingView {
  id: string;
  product: { id: string; code: string; nameFr: string; nameEn: string; reduced: boolean };
  kind: HoldingRow['kind'];
  ridesTotal: number | null;
  ridesLeft: number | null;
  validFrom: string | null;
  validUntil: string | null;
  status: HoldingRow['status'];
  order: { id: string; status: string; reference: string; totalCents: number } | null;
  holder: { accountId: string; name: string };
  createdAt: string;
}

/** Holdings of one organisation matching `condition`, newest first, shaped for the routes. */
export async function holdingViews(
  db: Executor,
  orgId: string,
  condition: SQL | undefined,
  options: { limit?: number; now?: Date } = {},
): Promise<HoldingView[]> {
  const scope = scopeOf(orgId);
  const today = localTime(options.now ?? new Date()).date;
  const rows = await db
    .select({
      holding: transitFareHoldings,
      product: {
        id: transitFareProducts.id,
        code: transitFareProducts.code,
        nameFr: transitFareProducts.nameFr,
        nameEn: transitFareProducts.nameEn,
        reduced: transitFareProducts.reduced,
      },
      order: {
        id: orders.id,
        status: orders.status,
        reference: orders.reference,
        totalCents: orders.totalCents,
      },
      givenName: accounts.givenName,
      familyName: accounts.familyName,
    })
    .from(transitFareHoldings)
    .innerJoin(
      transitFareProducts,
      and(
        eq(transitFareProducts.orgId, transitFareHoldings.orgId),
        eq(transitFareProducts.id, transitFareHoldings.productId),
      ),
    )
    .leftJoin(
      orders,
      and(eq(orders.orgId, transitFareHoldings.orgId), eq(orders.id, transitFareHoldings.orderId)),
    )
    .innerJoin(accounts, eq(accounts.id, transitFareHoldings.accountId))
    .where(scope.where(transitFareHoldings, condition))
    .orderBy(desc(transitFareHoldings.createdAt), desc(transitFareHoldings.id))
    .limit(options.limit ?? 200);
  return rows.map(({ holding: h, product, order, givenName, familyName }) => ({
    id: h.id,
    product,
    kind: h.kind,
    ridesTotal: h.ridesTotal,
    ridesLeft: h.ridesLeft,
    validFrom: h.validFrom,
    validUntil: h.validUntil,
    status: shownStatus(h, today),
    order,
    holder: { accountId: h.accountId, name: `${givenName} ${familyName}`.trim() },
    createdAt: h.createdAt.toISOString(),
  }));
}
