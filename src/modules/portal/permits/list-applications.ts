import { and, count, desc, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { elapsedDaysOf } from './file-clocks.ts';
import { requirePermitStaff } from './policies.ts';
import { permitApplications, permitTypes } from './schema.ts';
import type { PermitStatus } from './state-machine.ts';

/** Filters of the staff list. */
export interface ApplicationFilters {
  status?: PermitStatus;
  typeCode?: string;
  q?: string;
}

/** The staff list's rows (drafts are the applicants' own business and never listed). */
export async function applicationRows(
  db: Executor,
  orgId: string,
  filters: ApplicationFilters,
  window: { limit: number; offset: number },
) {
  const conditions: SQL[] = [ne(permitApplications.status, 'draft')];
  if (filters.status) conditions.push(eq(permitApplications.status, filters.status));
  if (filters.typeCode) conditions.push(eq(permitTypes.code, filters.typeCode));
  const q = filters.q?.trim();
  if (q) {
    const like = or(
      ilike(permitApplications.reference, `%${q}%`),
      ilike(permitApplications.propertyAddress, `%${q}%`),
    );
    if (like) conditions.push(like);
  }
  const where = inOrg(permitApplications, orgId, ...conditions);
  const joinType = and(
    eq(permitTypes.orgId, permitApplications.orgId),
    eq(permitTypes.id, permitApplications.typeId),
  );
  const rows = await db
    .select({
      id: permitApplications.id,
      reference: permitApplications.reference,
      status: permitApplications.status,
      kind: permitApplications.kind,
      address: permitApplications.propertyAddress,
      matricule: permitApplications.propertyMatricule,
      permitNumber: permitApplications.permitNumber,
      feeCents: permitApplications.feeCents,
      submittedAt: permitApplications.submittedAt,
      typeFr: permitTypes.nameFr,
      typeEn: permitTypes.nameEn,
      legalDelayDays: permitTypes.legalDelayDays,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
    })
    .from(permitApplications)
    .innerJoin(permitTypes, joinType)
    .leftJoin(accounts, eq(accounts.id, permitApplications.applicantAccountId))
    .where(where)
    .orderBy(desc(permitApplications.submittedAt), desc(permitApplications.createdAt))
    .limit(window.limit)
    .offset(window.offset);
  const [total] = await db
    .select({ n: count() })
    .from(permitApplications)
    .innerJoin(permitTypes, joinType)
    .where(where);
  const elapsed = await elapsedDaysOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => {
      const days = elapsed.get(r.id) ?? 0;
      return {
        id: r.id,
        reference: r.reference,
        status: r.status,
        kind: r.kind,
        type: { fr: r.typeFr, en: r.typeEn },
        address: r.address,
        matricule: r.matricule,
        permitNumber: r.permitNumber,
        feeCents: r.feeCents,
        applicant: r.givenName ? `${r.givenName} ${r.familyName ?? ''}`.trim() : null,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        elapsedBusinessDays: days,
        legalDelayDays: r.legalDelayDays,
        overdue: r.kind === 'permit' && days > r.legalDelayDays,
      };
    }),
  };
}

/** Staff list of the organisation's files, paginated and filtered. */
export async function listApplications(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  query: PageQuery & ApplicationFilters;
}) {
  requirePermitStaff(options.auth, options.orgId);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const { items, total } = await applicationRows(options.db, options.orgId, options.query, { limit, offset });
  return { items, page, perPage, total };
}
