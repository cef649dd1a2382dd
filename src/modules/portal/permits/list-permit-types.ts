import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { computeFee } from './fee-rules.ts';
import { permitTypes } from './schema.ts';

type TypeRow = typeof permitTypes.$inferSelect;

/** A permit type as the public sees it (what to fill in, attach and pay, and the legal delay). */
export function permitTypeView(t: TypeRow) {
  return {
    id: t.id,
    code: t.code,
    kind: t.kind,
    name: { fr: t.nameFr, en: t.nameEn },
    description: { fr: t.descriptionFr, en: t.descriptionEn },
    fields: t.fields,
    documents: t.documents,
    feeRule: t.feeRule,
    legalDelayDays: t.legalDelayDays,
    validityMonths: t.validityMonths,
    active: t.active,
  };
}

/** A permit type as staff edit it: the public view, its open-data (BLDS) mapping and its place in lists. */
export function staffPermitTypeView(t: TypeRow) {
  return { ...permitTypeView(t), blds: t.blds, position: t.position };
}

/** The organisation's active permit and declaration types (public). */
export async function listPermitTypes(options: { db: Executor; orgId: string }) {
  const rows = await options.db
    .select()
    .from(permitTypes)
    .where(scopeOf(options.orgId).where(permitTypes, eq(permitTypes.active, true)))
    .orderBy(asc(permitTypes.position), asc(permitTypes.nameFr));
  return { items: rows.map(permitTypeView) };
}

/** The fee a type would charge for some answers (public: people see the amount before applying). */
export async function quotePermitFee(options: {
  db: Executor;
  orgId: string;
  typeCode: string;
  input: { answers: Record<string, unknown> };
}): Promise<{ feeCents: number }> {
  const [type] = await options.db
    .select()
    .from(permitTypes)
    .where(
      scopeOf(options.orgId).where(
        permitTypes,
        and(eq(permitTypes.code, options.typeCode), eq(permitTypes.active, true)),
      ),
    );
  if (!type) throw new AppError('permit.type_not_found', 404);
  return { feeCents: computeFee(type.feeRule, options.input.answers) };
}
