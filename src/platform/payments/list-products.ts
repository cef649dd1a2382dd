import { asc } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { requireOrderStaff } from './policies.ts';
import { products, type TaxCode } from './schema.ts';

/** A product of the fee catalogue. */
export interface ProductView {
  code: string;
  module: string;
  name: { fr: string; en: string };
  unitPriceCents: number;
  taxCodes: TaxCode[];
  active: boolean;
}

/** Maps a product row to its view. */
export function productView(p: typeof products.$inferSelect): ProductView {
  return {
    code: p.code,
    module: p.module,
    name: { fr: p.nameFr, en: p.nameEn },
    unitPriceCents: p.unitPriceCents,
    taxCodes: p.taxCodes,
    active: p.active,
  };
}

/** The organisation's fee catalogue, for staff who sell at the counter. */
export async function listProducts(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<ProductView[]> {
  requireOrderStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(products)
    .where(scopeOf(options.orgId).where(products))
    .orderBy(asc(products.module), asc(products.code));
  return rows.map(productView);
}
