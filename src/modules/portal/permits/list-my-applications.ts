import { and, count, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { permitApplications, permitTypes } from './schema.ts';

/** The signed-in person's files in an organisation, latest first (only their own). */
export async function listMyApplications(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  query: PageQuery;
}) {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const where = inOrg(permitApplications, orgId, eq(permitApplications.applicantAccountId, who.account.id));
  const rows = await db
    .select({
      id: permitApplications.id,
      reference: permitApplications.reference,
      status: permitApplications.status,
      kind: permitApplications.kind,
      address: permitApplications.propertyAddress,
      createdAt: permitApplications.createdAt,
      typeFr: permitTypes.nameFr,
      typeEn: permitTypes.nameEn,
    })
    .from(permitApplications)
    .innerJoin(
      permitTypes,
      and(eq(permitTypes.orgId, permitApplications.orgId), eq(permitTypes.id, permitApplications.typeId)),
    )
    .where(where)
    .orderBy(desc(permitApplications.createdAt))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(permitApplications).where(where);
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      kind: r.kind,
      address: r.address,
      type: { fr: r.typeFr, en: r.typeEn },
      createdAt: r.createdAt.toISOString(),
    })),
    page,
    perPage,
    total: total?.n ?? 0,
  };
}
