import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { type ProductView, productView } from './list-products.ts';
import { requireTreasury } from './policies.ts';
import { products, type TaxCode } from './schema.ts';

/** Creates or updates a product of the fee catalogue by its code (treasury; audited). */
export async function saveProduct(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  code: string;
  input: {
    module: string;
    name: { fr: string; en: string };
    unitPriceCents: number;
    taxCodes: TaxCode[];
    active?: boolean;
  };
}): Promise<ProductView> {
  const { db, orgId, input } = options;
  const who = requireTreasury(options.auth, orgId);
  const scope = scopeOf(orgId);
  const values = {
    module: input.module,
    nameFr: input.name.fr.trim(),
    nameEn: input.name.en.trim(),
    unitPriceCents: input.unitPriceCents,
    taxCodes: [...new Set(input.taxCodes)],
    active: input.active ?? true,
  };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(products)
      .values(scope.rows({ code: options.code, ...values }))
      .onConflictDoUpdate({
        target: [products.orgId, products.code],
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning();
    if (!row) throw new Error('product upsert returned no row');
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'payments.product_saved',
      targetType: 'product',
      targetId: options.code,
      details: { unitPriceCents: values.unitPriceCents, taxCodes: values.taxCodes, active: values.active },
    });
    return productView(row);
  });
}
