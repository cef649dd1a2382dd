import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { permitApplications, permitTypes } from './schema.ts';
import type { PermitStatus } from './state-machine.ts';

/** Steps of a permit that was issued (the public registry, its map and the open data show these). */
export const ISSUED_STATUSES: readonly PermitStatus[] = [
  'issued',
  'final_inspection_scheduled',
  'closed',
  'expired',
];

/** Issued permits of an organisation, latest first, with their type (no applicant ever). */
export async function issuedPermits(db: Executor, orgId: string, window: { limit: number; offset: number }) {
  const where = inOrg(permitApplications, orgId, inArray(permitApplications.status, [...ISSUED_STATUSES]));
  const rows = await db
    .select({ a: permitApplications, t: permitTypes })
    .from(permitApplications)
    .innerJoin(
      permitTypes,
      and(eq(permitTypes.orgId, permitApplications.orgId), eq(permitTypes.id, permitApplications.typeId)),
    )
    .where(where)
    .orderBy(desc(permitApplications.issuedAt), desc(permitApplications.id))
    .limit(window.limit)
    .offset(window.offset);
  const [total] = await db.select({ n: count() }).from(permitApplications).where(where);
  return { rows, total: total?.n ?? 0 };
}
