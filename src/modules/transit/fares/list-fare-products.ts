import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { transitFareProducts } from '../network/schema.ts';

/** A fare product as the public sees it. */
export interface FareProductView {
  id: string;
  code: string;
  kind: (typeof transitFareProducts.$inferSelect)['kind'];
  nameFr: string;
  nameEn: string;
  priceCents: number;
  rides: number | null;
  validityDays: number | null;
  reduced: boolean;
}

/** The organisation's active fare products, cheapest first (public). */
export async function listFareProducts(db: Executor, orgId: string): Promise<FareProductView[]> {
  const rows = await db
    .select()
    .from(transitFareProducts)
    .where(scopeOf(orgId).where(transitFareProducts, eq(transitFareProducts.active, true)))
    .orderBy(asc(transitFareProducts.priceCents), asc(transitFareProducts.code));
  return rows.map((f) => ({
    id: f.id,
    code: f.code,
    kind: f.kind,
    nameFr: f.nameFr,
    nameEn: f.nameEn,
    priceCents: f.priceCents,
    rides: f.rides,
    validityDays: f.validityDays,
    reduced: f.reduced,
  }));
}
